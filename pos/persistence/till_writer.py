"""The till's long-lived write connection for its own sales (SQLite), and what a sale reads
about its till, kept in memory between sales.

A sale through the ORM paid more for SQLAlchemy's statement building and session
bookkeeping than for SQLite itself (docs/PERFORMANCE.md). Here one plain ``sqlite3``
connection per process issues the till's sales with statements prepared once (the module
caches them by their text), and keeps the till's near-constant state in memory: the
company's tax region, the till's settings (training mode, the clock's and the Z's rules),
whether it is blocked, each series' head, the clock's high-water mark, the oldest fiscal
document without a Z, the document chain's head and the next document id.

**When the state may be trusted.** Only while no other connection has committed anything
since this one last did. Every sale begins with ``BEGIN IMMEDIATE`` (the file's write lock,
as every writer of a SQLite till takes it) and then reads ``PRAGMA data_version``, which
changes exactly when another connection — another process, or another connection of this
one (a back-office change, the AT sender, a credit note) — committed since this connection
last looked. Unchanged: nothing the state holds can have moved, because only this
connection wrote. Changed: the whole state is dropped and read again under the same lock
(about ten indexed reads). So the state is never trusted across processes or connections
without that check, and a write that changes it needs no code of its own to invalidate it.
A sale that fails rolls back and drops the state too; what a sale changes (series head,
chain head, high-water mark…) is applied to the state only once it has committed.

Statements run with the same pragmas as every connection of the file (pos.persistence.db);
triggers in the file (the database's guards, a store's replication triggers) fire for these
statements as for any other.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import DBAPIError

from pos.domain.closures import z_end

from . import prepared
from .models import (
    Customer,
    DocumentEvent,
    DocumentRow,
    LineRow,
    OutboxRow,
    PaymentRow,
    Series,
)
from .repositories import TILL_DEFAULTS

PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON")

_SERIES_COLS = ("id, series_id, doc_type, kind, status, validation_code, first_number, "
                "last_number, last_hash, last_invoice_date, last_system_entry")
_SERIES_NAMED = (f"SELECT {_SERIES_COLS} FROM series WHERE doc_type = ? AND till_id = ? "  # noqa: S608
                 "AND series_key = ? LIMIT 1")
_SERIES_IN_USE = (f"SELECT {_SERIES_COLS} FROM series WHERE doc_type = ? AND till_id = ? "  # noqa: S608
                  "AND kind = ? AND status = 'A' AND validation_code IS NOT NULL "
                  "ORDER BY id LIMIT 1")
_UPDATE_SERIES = ("UPDATE series SET last_number = ?, last_hash = ?, last_invoice_date = ?, "
                  "last_system_entry = ? WHERE id = ?")
_DATETIME = prepared.processor(Series.__table__, "last_system_entry")
_DATE = prepared.processor(Series.__table__, "last_invoice_date")


@dataclass
class SeriesHead:
    """The state's copy of a series row: what issuing reads from it."""

    id: int
    series_id: str
    doc_type: str
    kind: str
    status: str
    validation_code: str | None
    first_number: int
    last_number: int
    last_hash: str
    last_invoice_date: date | None
    last_system_entry: datetime | None

    @classmethod
    def from_row(cls, row) -> SeriesHead:
        (pk, series_id, doc_type, kind, status, code, first, last, last_hash, inv,
         entry) = row
        return cls(pk, series_id, doc_type, kind, status, code, first, last, last_hash or "",
                   date.fromisoformat(inv) if inv else None,
                   datetime.fromisoformat(entry) if entry else None)


_UNREAD = object()


class TillState:
    """What a sale reads about its till (issuing.Reads and more), each read once after the
    state was (re)started and kept until ``clear``. Only used inside a write transaction of
    its ``TillWriter``."""

    def __init__(self, conn: sqlite3.Connection, till_id: int):
        self._conn, self.till_id = conn, till_id
        self.clear()

    def clear(self) -> None:
        self._blocked = self._region = self._high_water = self._first = _UNREAD
        self._settings: dict[str, str] | None = None
        self._series: dict[tuple, SeriesHead | None] = {}
        self._chain: tuple[int, str] | None | object = _UNREAD
        self._next_id: int | None = None

    def _one(self, sql: str, params: tuple = ()):
        row = self._conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # ---- issuing.Reads -------------------------------------------------------------------
    def blocked(self) -> bool:
        if self._blocked is _UNREAD:
            self._blocked = bool(self._one("SELECT blocked FROM integrity_state WHERE "
                                           "till_id = ?", (self.till_id,)))
        return self._blocked

    def training(self) -> bool:
        return self.setting("training_mode") == "on"

    def setting(self, key: str) -> str:
        if self._settings is None:
            self._settings = dict(self._conn.execute(
                "SELECT key, value FROM till_settings WHERE till_id = ?", (self.till_id,)))
        value = self._settings.get(key)
        return value if value is not None else TILL_DEFAULTS.get(key, "")

    def series_for(self, doc_type: str, kind: str, series_id: str | None) -> SeriesHead | None:
        key = (doc_type, kind, series_id)
        if key not in self._series:
            if series_id:
                row = self._conn.execute(_SERIES_NAMED, (doc_type, self.till_id,
                                                         series_id.upper())).fetchone()
            else:
                row = self._conn.execute(_SERIES_IN_USE, (doc_type, self.till_id,
                                                          kind)).fetchone()
            head = SeriesHead.from_row(row) if row else None
            # One object per series row, whichever way it was asked for.
            for other in self._series.values():
                if head is not None and other is not None and other.id == head.id:
                    head = other
            self._series[key] = head
        return self._series[key]

    def high_water(self) -> datetime | None:
        if self._high_water is _UNREAD:
            raw = self._one("SELECT max(last_system_entry) FROM series WHERE till_id = ? AND "
                            "status = 'A'", (self.till_id,))
            self._high_water = datetime.fromisoformat(raw) if raw else None
        return self._high_water

    def first_without_z(self) -> datetime | None:
        if self._first is _UNREAD:
            since = z_end(self._one(
                "SELECT detail FROM audit_events WHERE till_id = ? AND kind = 'closure_z' "
                "ORDER BY seq DESC LIMIT 1", (self.till_id,)))
            raw = self._one("SELECT min(system_entry_date) FROM documents WHERE till_id = ? "
                            "AND system_entry_date > ? AND series_kind != 'F'",
                            (self.till_id, _DATETIME(since)))
            self._first = datetime.fromisoformat(raw) if raw else None
        return self._first

    # ---- the rest of a sale ----------------------------------------------------------
    def region(self) -> str | None:
        if self._region is _UNREAD:
            self._region = self._one("SELECT tax_region FROM company WHERE id = 1")
        return self._region

    def chain_head(self) -> tuple[int, str] | None:
        if self._chain is _UNREAD:
            row = self._conn.execute("SELECT seq, hash FROM document_events WHERE till_id = ? "
                                     "ORDER BY seq DESC LIMIT 1", (self.till_id,)).fetchone()
            self._chain = (row[0], row[1]) if row else None
        return self._chain

    def next_document_id(self) -> int:
        """Past every id a document or a chain entry names (DocumentChain.new_document_id)."""
        if self._next_id is None:
            self._next_id = max(self._one("SELECT max(id) FROM documents") or 0,
                                self._one("SELECT max(document_id) FROM document_events")
                                or 0) + 1
        return self._next_id

    def uuid_of(self, doc_id: int | None) -> str | None:
        if doc_id is None:
            return None
        return self._one("SELECT uuid FROM documents WHERE id = ?", (doc_id,))

    # ---- what a committed sale moved on ------------------------------------------------
    def issued(self, series: SeriesHead, moved: dict, doc_id: int, chain: tuple[int, str],
               fiscal: bool) -> None:
        for key, value in moved.items():
            setattr(series, key, value)
        entry = moved["last_system_entry"]
        if self._high_water is not _UNREAD and series.status == "A" and (
                self._high_water is None or entry > self._high_water):
            self._high_water = entry
        if fiscal and self._first is None:
            self._first = entry
        self._chain = chain
        self._next_id = doc_id + 1


class Transaction:
    """One write transaction on the till's connection (``TillWriter.transaction``)."""

    def __init__(self, writer: TillWriter):
        self._w = writer
        self.state = writer.state
        self._after: list[Callable[[], None]] = []

    def on_commit(self, fn: Callable[[], None]) -> None:
        """Apply ``fn`` (a change to the state) once the transaction has committed."""
        self._after.append(fn)

    def insert_document(self, values: dict, lines: list[dict], payments: list[dict],
                        event: dict, outbox: dict | None) -> None:
        w, c = self._w, self._w.conn
        c.execute(w.doc.sql, w.doc.params(values))
        c.executemany(w.line.sql, [w.line.params(ln) for ln in lines])
        if payments:
            c.executemany(w.pay.sql, [w.pay.params(p) for p in payments])
        c.execute(w.event.sql, w.event.params(event))
        if outbox is not None:
            c.execute(w.outbox.sql, w.outbox.params(outbox))

    def move_series(self, pk: int, moved: dict) -> None:
        self._w.conn.execute(_UPDATE_SERIES, (
            moved["last_number"], moved["last_hash"], _DATE(moved["last_invoice_date"]),
            _DATETIME(moved["last_system_entry"]), pk))

    def remember_customer(self, nif: str, name: str, address: str, city: str,
                          postal_code: str, country: str) -> None:
        """Keep a customer file; never change the NIF or name of one already used (D8632
        §3.3): only an address missing from it is filled in."""
        c = self._w.conn
        found = c.execute("SELECT id, address FROM customers WHERE nif = ? LIMIT 1",
                          (nif,)).fetchone()
        if found is None:
            ins = self._w.customer
            c.execute(ins.sql, ins.params(dict(nif=nif, name=name, address=address, city=city,
                                               postal_code=postal_code, country=country)))
        elif not found[1] and address:
            c.execute("UPDATE customers SET address = ?, city = ?, postal_code = ? WHERE "
                      "id = ?", (address, city, postal_code, found[0]))


class TillWriter:
    """One plain connection to a till's SQLite file for its own sales, with the till's state
    (see the module docstring). Safe to share between threads: one transaction at a time."""

    def __init__(self, path: str, till_id: int, busy_timeout_ms: int):
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                    timeout=busy_timeout_ms / 1000, cached_statements=64)
        for pragma in (*PRAGMAS, f"busy_timeout={busy_timeout_ms}"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.state = TillState(self.conn, till_id)
        self._version: int | None = None       # data_version as of this connection's commit
        self._lock = threading.Lock()
        self.doc = prepared.Insert(DocumentRow.__table__)
        self.line = prepared.Insert(LineRow.__table__, omit=("id",))
        self.pay = prepared.Insert(PaymentRow.__table__, omit=("id",))
        self.event = prepared.Insert(DocumentEvent.__table__, omit=("id",))
        self.outbox = prepared.Insert(OutboxRow.__table__, omit=("id",))
        self.customer = prepared.Insert(Customer.__table__, omit=("id",))

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception); the state is
        checked against ``data_version`` first. SQLite's errors come out as SQLAlchemy's, as
        from every other connection of the application (the CLI names a full disk)."""
        with self._lock:
            tx = None
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                version = self.conn.execute("PRAGMA data_version").fetchone()[0]
                if version != self._version:
                    self.state.clear()
                tx = Transaction(self)
                yield tx
                self.conn.execute("COMMIT")
            except BaseException as exc:
                self._version = None
                self.state.clear()
                if self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                if isinstance(exc, sqlite3.Error):
                    raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc
                raise
            self._version = version
            for fn in tx._after:
                fn()

    def checkpoint(self) -> None:
        """Copy the committed write-ahead log into the database file, without waiting for
        anyone (PASSIVE): what an idle moment does, so that the log starts over instead of
        growing until SQLite's automatic checkpoint inside some later sale's commit."""
        with self._lock:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def close(self) -> None:
        with self._lock:
            self.conn.close()
