"""What the back office reads about the past: sales over a period (dashboard, reports,
VAT summary), documents found by number, date, customer or amount, this till's cash
sessions, copies printed after the original and what was voided. Reads only: each in one
read unit of work, over ``services.sales_report``, ``document_search`` and
``history_report``."""

from __future__ import annotations

from datetime import date

from pos.services import document_search, history_report, sales_report
from pos.services.cash import SessionInfo
from pos.services.document_search import DocumentPage, DocumentQuery
from pos.services.history_report import ReprintInfo, VoidInfo
from pos.services.sales_report import SalesSummary

from .base import Base


class ReportingMixin(Base):
    def sales_summary(self, start: date, end: date) -> SalesSummary:
        """Sales from ``start`` to ``end`` (inclusive, at most a year): per VAT rate, payment
        method, user and till, by hour and by day."""
        with self._read() as uow:
            return sales_report.summary(uow, start, end)

    def find_documents(self, query: DocumentQuery, offset: int = 0, limit: int = 50
                       ) -> DocumentPage:
        """Documents of every till matching ``query``, newest first, one page at a time."""
        with self._read() as uow:
            return document_search.search(uow, query, offset, limit, self.db.is_sqlite)

    def cash_sessions(self, start: date, end: date) -> list[SessionInfo]:
        """This till's cash sessions opened from ``start`` to ``end`` (their X or Z report:
        ``x_report(session.id)``)."""
        with self._read() as uow:
            return history_report.sessions(uow, start, end)

    def reprint_log(self, start: date, end: date) -> list[ReprintInfo]:
        with self._read() as uow:
            return history_report.reprints(uow, start, end)

    def void_log(self, start: date, end: date) -> list[VoidInfo]:
        with self._read() as uow:
            return history_report.voids(uow, start, end)
