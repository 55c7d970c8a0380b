"""Pre-printed forms used while the program could not be: typography books, voided forms,
inoperability periods, recovery into the program, lost duplicates, paper transport guides.

Every write reads the clock inside its unit of work, after the lock: read before, a sale
committed meanwhile could carry a later SystemEntryDate and trip the clock check.
"""

from __future__ import annotations

from datetime import datetime

from pos.domain.documents import Document
from pos.services import manual, manual_recovery, manual_transport
from pos.services.manual_recovery import ClosedSeries, DuplicateEntry, ManualEntry
from pos.services.manual_transport import PaperTransport

from .base import Base


class ManualMixin(Base):
    # ---- books -----------------------------------------------------------------------
    def add_book(self, doc_type: str, manual_series: str, first: int, last: int,
                 typography_name: str, typography_nif: str, authorization: str,
                 validation_code: str | None = None, user: str = "admin") -> manual.BookInfo:
        with self._write() as uow:
            return manual.add_book(uow, doc_type, manual_series, first, last, typography_name,
                                   typography_nif, authorization, validation_code,
                                   self.clock.now(), user)

    def books(self) -> list[manual.BookInfo]:
        with self._read() as uow:
            return manual.books(uow)

    def set_book_status(self, book_id: int, status: str, user: str = "admin"
                        ) -> manual.BookInfo:
        with self._write() as uow:
            return manual.set_book_status(uow, book_id, status, self.clock.now(), user)

    def void_form(self, number: str | int, reason: str, user: str = "admin",
                  book_id: int | None = None, manual_series: str | None = None,
                  doc_type: str | None = None) -> manual.BookInfo:
        """A form voided on paper: it will never be recovered."""
        with self._write() as uow:
            return manual.void_number(uow, number, reason, self.clock.now(), user, book_id,
                                      manual_series, doc_type)

    def book_report(self, book_id: int) -> manual.BookReport:
        with self._read() as uow:
            return manual.report(uow, book_id)

    def book_reports(self, include_stock: bool = False) -> list[manual.BookReport]:
        """Every book in use or closed (stock books have nothing to recover yet)."""
        with self._read() as uow:
            return [manual.report(uow, b.id) for b in manual.books(uow)
                    if include_stock or b.status != "stock"]

    # ---- inoperability ---------------------------------------------------------------
    def start_inoperability(self, started_at: datetime, reason: str, user: str = "admin",
                            ended_at: datetime | None = None) -> manual.PeriodInfo:
        with self._write() as uow:
            return manual.start_period(uow, started_at, reason, self.clock.now(), user,
                                       ended_at)

    def end_inoperability(self, ended_at: datetime, user: str = "admin",
                          period_id: int | None = None) -> manual.PeriodInfo:
        with self._write() as uow:
            return manual.end_period(uow, ended_at, self.clock.now(), user, period_id)

    def inoperability_periods(self) -> list[manual.PeriodInfo]:
        with self._read() as uow:
            return manual.periods(uow)

    # ---- recovery --------------------------------------------------------------------
    def recover_manual(self, entry: ManualEntry) -> Document:
        """Re-enter a paper form as a signed document in a recovery series (D8632 §2.4)."""
        self.ensure_checked()
        signer = self.keys.signer()
        with self._write() as uow:
            doc = manual_recovery.recover(uow, entry, signer, self.clock.now)
        self._kick()
        return doc

    def recovery_date_warnings(self, entry: ManualEntry | DuplicateEntry) -> list[str]:
        """What is odd about the date of a document to recover (outside every inoperability
        period, before its recovery series' last date): recovering it then needs a reason
        (``date_reason``). For a screen or the command line to warn before recovering."""
        from pos.domain import manual as rules
        from pos.domain.doctypes import doc_type

        with self._read() as uow:
            now = self.clock.now()
            if isinstance(entry, DuplicateEntry):
                code = rules.parse_invoice_no(entry.original)[0]
                return manual_recovery.date_warnings(uow, code, entry.doc_date, now, False)
            _text, n = rules.parse_manual_number(entry.number)
            book = manual.find_book(uow, n, entry.book_id, entry.manual_series,
                                    entry.doc_type)
            sales = doc_type(book.doc_type).saft_table == "SalesInvoices"
            return manual_recovery.date_warnings(uow, book.doc_type, entry.doc_date, now,
                                                 sales)

    def close_series_for_data_loss(self, reason: str,
                                   last_numbers: dict[tuple[str, str], int] | None = None,
                                   user: str = "admin") -> list[ClosedSeries]:
        """After a restore that lost documents, finalise this till's series (§2.5.1)."""
        with self._write() as uow:
            closed = manual_recovery.close_series_for_data_loss(
                uow, reason, self.clock.now(), user, last_numbers)
        self._kick()
        return closed

    def reenter_duplicate(self, entry: DuplicateEntry) -> Document:
        """A lost document re-entered from its paper duplicate (§2.5)."""
        self.ensure_checked()
        signer = self.keys.signer()
        with self._write() as uow:
            doc = manual_recovery.reenter_duplicate(uow, entry, signer, self.clock.now)
        self._kick()
        return doc

    def record_paper_transport(self, t: PaperTransport) -> Document:
        """A transport guide written on paper, with the code AT gave by phone."""
        self.ensure_checked()
        signer = self.keys.signer()
        with self._write() as uow:
            doc = manual_transport.record_paper_transport(uow, t, signer, self.clock.now)
        self._kick()
        return doc
