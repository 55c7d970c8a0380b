"""Bring a database to the newest schema with Alembic, from source or a frozen bundle."""

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .db import Database


def _config(url: str) -> Config:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    cfg = Config()
    cfg.set_main_option("script_location", str(base / "pos" / "persistence" / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(db: Database) -> None:
    cfg = _config(db.url)
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()


def is_current(db: Database) -> bool:
    cfg = _config(db.url)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == head
