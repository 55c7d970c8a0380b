"""Bring a database to the newest schema with Alembic, from source or a frozen bundle.

Start-up only imports Alembic when the stored revision differs from HEAD (importing it costs
a quarter of a second on every command otherwise); a test keeps HEAD equal to the scripts'.

A shop's database outlives the program version that created it, so an upgrade is done
carefully: a SQLite file is first copied and the copy verified (pos.persistence.backup),
then migrated in one transaction, then checked again, and ``upgrade`` returns what it did
for the interface to say. A database written by a newer Caixa (a revision these scripts do
not know) is refused untouched: migrating it "down" or using it as it is would break it.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text

from pos.domain.errors import PosError
from pos.installation import resource

from .backup import integrity_problems, verified_backup
from .db import Database

HEAD = "0011_outbox_queue"


class NewerDatabaseError(PosError):
    """The database was written by a newer version of Caixa."""


class UpgradeError(PosError):
    """The migration failed or its result did not verify."""


@dataclass(frozen=True)
class Upgrade:
    """What ``upgrade`` did to an existing database."""

    database: str
    from_revision: str
    to_revision: str
    backup: Path | None

    def describe(self) -> str:
        kept = (f"cópia de segurança verificada em {self.backup}" if self.backup else
                "PostgreSQL: migrada numa só transação; a cópia é a do servidor (pg_dump)")
        return (f"Base de dados {self.database} atualizada do esquema {self.from_revision} "
                f"para {self.to_revision} e verificada; {kept}.")


def _config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resource("pos", "persistence", "migrations")))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _label(db: Database) -> str:
    return db.engine.url.database if db.is_sqlite else \
        db.engine.url.render_as_string(hide_password=True)


def known_revisions(db: Database) -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_config(db.url)).walk_revisions()}


def upgrade(db: Database) -> Upgrade | None:
    """Migrate to HEAD. Returns None for a database already current or brand new."""
    current = current_revision(db)
    if current == HEAD:
        return None
    if current is not None and current not in known_revisions(db):
        raise NewerDatabaseError(
            f"A base de dados {_label(db)} foi criada por uma versão mais recente do Caixa "
            f"(esquema {current}; esta versão conhece até {HEAD}): instale essa versão ou "
            "uma mais nova. A base de dados não foi alterada.")
    backup = None
    if current is not None and db.is_sqlite:
        backup = verified_backup(Path(db.engine.url.database), current)
    _run_migrations(db, current, backup)
    if current is None:
        return None
    return Upgrade(_label(db), current, HEAD, backup)


def _run_migrations(db: Database, current: str | None, backup: Path | None) -> None:
    from alembic import command

    restore = f"; a cópia de antes está em {backup}" if backup else ""
    cfg = _config(db.url)
    # IMMEDIATE: a second process opening the same old file waits here, then finds the
    # schema current, instead of failing halfway through.
    engine = db.engine.execution_options(sqlite_begin="IMMEDIATE") if db.is_sqlite \
        else db.engine
    try:
        with engine.connect() as conn:
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
                        raise RuntimeError(f"referências quebradas: {broken[:5]}")
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")
    except Exception as exc:
        raise UpgradeError(f"A atualização da base de dados {_label(db)} do esquema "
                           f"{current or 'vazio'} falhou ({str(exc).splitlines()[0]})"
                           f"{restore}.") from exc
    after = current_revision(db)
    problems = []
    if db.is_sqlite and current is not None:
        raw = db.engine.raw_connection()
        try:
            problems = integrity_problems(raw.driver_connection)
        finally:
            raw.close()
    if after != HEAD or problems:
        why = "; ".join(problems) or f"ficou no esquema {after}"
        raise UpgradeError(f"A base de dados {_label(db)} não passou a verificação depois "
                           f"de atualizada ({why}){restore}.")


def script_head(db: Database) -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(db.url)).get_current_head()
