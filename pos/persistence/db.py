"""Engines and the unit of work.

SQLite: WAL, synchronous=FULL, foreign keys, busy timeout on every connection; write units
of work start with BEGIN IMMEDIATE so concurrent writers queue at BEGIN (where the busy
timeout waits) instead of failing on a stale snapshot (LIBRARIES.md §5.2).
PostgreSQL: the series row is locked with SELECT ... FOR UPDATE.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from pos.domain.errors import ValidationError
from pos.domain.text import shown
from pos.files import create_private

BUSY_TIMEOUT_MS = 15_000
SERVER_HINT = "um ficheiro SQLite ou um URL postgresql+psycopg://utilizador@servidor/caixa"


def url_for(db: str | Path) -> str:
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):   # libpq's form: psycopg (3)
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _server_engine(url: str) -> Engine:
    """PostgreSQL, the store's server; anything else is one sentence, not a traceback."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        # The text may hold a password: it is not repeated.
        raise ValidationError(f"URL de base de dados mal formado; use {SERVER_HINT}.") \
            from None
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError(f"Base de dados não suportada: {shown(parsed.drivername)}; use "
                              f"{SERVER_HINT}.")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError:
        raise ValidationError(f"Controlador desconhecido: {shown(parsed.drivername)}; use "
                              f"{SERVER_HINT}.") from None
    except ModuleNotFoundError as exc:
        raise ValidationError(
            f"Falta o controlador {exc.name} para {parsed.drivername}: use "
            "postgresql+psycopg://… (psycopg vem com o Caixa) ou instale-o.") from None


def make_engine(db: str | Path) -> Engine:
    url = url_for(db)
    if not url.startswith("sqlite"):
        return _server_engine(url)
    path = make_url(url).database
    if path and path != ":memory:" and not path.startswith("file:"):
        # Owner-only from the first byte; SQLite gives -wal and -shm the same mode.
        create_private(path)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _rec):
        dbapi_conn.isolation_level = None   # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """One per process: an engine, a read session factory and a write session factory."""

    def __init__(self, db: str | Path):
        self.url = url_for(db)
        self.engine = make_engine(db)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") \
            if self.is_sqlite else self.engine
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)
        self._writers: dict[int, object] = {}
        self._writers_lock = threading.Lock()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on any exception.

        The transaction (BEGIN IMMEDIATE on SQLite) starts on entry, so whatever the block
        reads or computes happens while this process holds the write lock.
        """
        with self._write() as session, session.begin():
            session.connection()
            yield session

    @contextmanager
    def read(self, snapshot: bool = False) -> Iterator[Session]:
        """A read transaction. ``snapshot``: every statement sees the same committed state
        (PostgreSQL's READ COMMITTED would give each statement its own; SQLite's WAL read
        transaction is one snapshot from its first read either way)."""
        with self._read() as session, session.begin():
            if snapshot and not self.is_sqlite:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    @property
    def file(self) -> str | None:
        """The SQLite file's path (None for a server or an in-memory database)."""
        if not self.is_sqlite:
            return None
        path = self.engine.url.database
        if not path or path == ":memory:" or path.startswith("file:"):
            return None
        return path

    def till_writer(self, till_id: int):
        """The long-lived write connection a till's own sales use (pos.persistence.till_writer),
        made on first use; None when the database is not a SQLite file."""
        if self.file is None:
            return None
        with self._writers_lock:
            writer = self._writers.get(till_id)
            if writer is None:
                from .till_writer import TillWriter

                writer = self._writers[till_id] = TillWriter(self.file, till_id,
                                                             BUSY_TIMEOUT_MS)
            return writer

    def checkpoint(self) -> None:
        """A passive WAL checkpoint through each till writer this process opened (nothing
        when it opened none: its other connections checkpoint as SQLite does by itself)."""
        with self._writers_lock:
            writers = list(self._writers.values())
        for writer in writers:
            writer.checkpoint()

    def dispose(self) -> None:
        """Close every connection to the database (the pool's and the tills' writers)."""
        with self._writers_lock:
            writers, self._writers = list(self._writers.values()), {}
        for writer in writers:
            writer.close()
        self.engine.dispose()
