"""Bring a database to the newest schema with Alembic, from source or a frozen bundle.

Start-up only imports Alembic when the stored revision differs from HEAD (importing it costs
a quarter of a second on every command otherwise); a test keeps HEAD equal to the scripts'.
"""

import sys
from pathlib import Path

from sqlalchemy import inspect, text

from .db import Database

HEAD = "0005_backoffice"


def _config(url: str):
    from alembic.config import Config

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    cfg = Config()
    cfg.set_main_option("script_location", str(base / "pos" / "persistence" / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database) -> None:
    if current_revision(db) == HEAD:
        return
    from alembic import command

    cfg = _config(db.url)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if raw is not None:
            # SQLite's procedure for schema changes: foreign keys off outside any
            # transaction, change, check them, back on (a pooled connection keeps it).
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
            if raw is not None:
                broken = raw.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def script_head(db: Database) -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(db.url)).get_current_head()
