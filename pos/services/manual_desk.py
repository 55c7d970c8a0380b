"""The facade for pre-printed documents: one transaction per call, domain values out.

The CLI (ui/commands/manual.py) and the back-office screens use this, never the session-level
functions directly.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from pos.domain.documents import Document

from . import manual, manual_recovery, manual_transport
from .manual_recovery import ClosedSeries, DuplicateEntry, ManualEntry
from .manual_transport import PaperTransport


class ManualDesk:
    def __init__(self, till):
        self.till = till
        self.db, self.clock = till.db, till.clock

    @contextmanager
    def _write(self) -> Iterator[tuple]:
        """A write transaction and the time read *after* its lock is taken: read before, a
        concurrent sale could commit a later SystemEntryDate and trip the clock check. The
        signed documents take theirs from ``clock.now`` inside issuing, after the series lock
        (PostgreSQL does not serialise writers at BEGIN)."""
        with self.db.write() as s:
            s.connection()          # SQLite: BEGIN IMMEDIATE happens here
            yield s, self.clock.now()

    # ---- books -----------------------------------------------------------------------
    def add_book(self, doc_type: str, manual_series: str, first: int, last: int,
                 typography_name: str, typography_nif: str, authorization: str,
                 validation_code: str | None = None, user: str = "admin") -> manual.BookInfo:
        with self._write() as (s, now):
            return manual.add_book(s, doc_type, manual_series, first, last, typography_name,
                                   typography_nif, authorization, validation_code,
                                   now, user)

    def books(self) -> list[manual.BookInfo]:
        with self.db.read() as s:
            return manual.books(s)

    def set_book_status(self, book_id: int, status: str, user: str = "admin"
                        ) -> manual.BookInfo:
        with self._write() as (s, now):
            return manual.set_book_status(s, book_id, status, now, user)

    def void(self, number: str | int, reason: str, user: str = "admin",
             book_id: int | None = None, manual_series: str | None = None,
             doc_type: str | None = None) -> manual.BookInfo:
        with self._write() as (s, now):
            return manual.void_number(s, number, reason, now, user, book_id,
                                      manual_series, doc_type)

    def report(self, book_id: int) -> manual.BookReport:
        with self.db.read() as s:
            return manual.report(s, book_id)

    def reports(self, include_stock: bool = False) -> list[manual.BookReport]:
        """Every book in use or closed (stock books have nothing to recover yet)."""
        with self.db.read() as s:
            return [manual.report(s, b.id) for b in manual.books(s)
                    if include_stock or b.status != "stock"]

    # ---- inoperability ---------------------------------------------------------------
    def start_period(self, started_at: datetime, reason: str, user: str = "admin",
                     ended_at: datetime | None = None) -> manual.PeriodInfo:
        with self._write() as (s, now):
            return manual.start_period(s, started_at, reason, now, user,
                                       ended_at)

    def end_period(self, ended_at: datetime, user: str = "admin",
                   period_id: int | None = None) -> manual.PeriodInfo:
        with self._write() as (s, now):
            return manual.end_period(s, ended_at, now, user, period_id)

    def periods(self) -> list[manual.PeriodInfo]:
        with self.db.read() as s:
            return manual.periods(s)

    # ---- recovery --------------------------------------------------------------------
    def recover(self, entry: ManualEntry) -> Document:
        signer = self.till.keys.signer()
        with self._write() as (s, now):
            return manual_recovery.recover(s, entry, signer, now,
                                           self.db.is_sqlite, self.clock.now)

    def close_series(self, reason: str, last_numbers: dict[tuple[str, str], int] | None = None,
                     user: str = "admin") -> list[ClosedSeries]:
        with self._write() as (s, now):
            return manual_recovery.close_series_for_data_loss(s, reason, now,
                                                              user, last_numbers)

    def duplicate(self, entry: DuplicateEntry) -> Document:
        signer = self.till.keys.signer()
        with self._write() as (s, now):
            return manual_recovery.reenter_duplicate(s, entry, signer, now,
                                                     self.db.is_sqlite, self.clock.now)

    def transport(self, t: PaperTransport) -> Document:
        signer = self.till.keys.signer()
        with self._write() as (s, now):
            return manual_transport.record_paper_transport(s, t, signer, now,
                                                           self.db.is_sqlite, self.clock.now)
