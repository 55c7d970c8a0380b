"""What happened over a period, for the back office's reports: this till's cash sessions
(their X and Z reports come from ``services.cash``), copies printed after the original,
and what was voided (documents cancelled, sales voided at the till, paper forms voided).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import select

from pos.domain.seal import CANCELLED
from pos.persistence.models import (
    AuditEvent,
    CashSession,
    DocumentEvent,
    DocumentRow,
    Reprint,
    TillRow,
)
from pos.persistence.uow import UnitOfWork

from .cash import SessionInfo
from .sales_report import check_period

# Audit kinds that record something voided at the till or on paper (no document behind).
VOID_EVENTS = ("cart_voided", "line_voided", "parked_voided", "manual_void")


@dataclass(frozen=True)
class ReprintInfo:
    document_no: str
    copy_number: int
    at: datetime
    user: str
    reason: str


@dataclass(frozen=True)
class VoidInfo:
    at: datetime
    what: str                   # 'document' (a cancelled document) or the audit kind
    subject: str                # the document number, or the event's detail
    user: str
    reason: str
    amount: Decimal | None      # a cancelled document's total


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    check_period(start, end)
    return datetime.combine(start, time.min), datetime.combine(end, time.max)


def sessions(uow: UnitOfWork, start: date, end: date) -> list[SessionInfo]:
    """This till's cash sessions opened in the period (or still open), newest first."""
    first, last = _bounds(start, end)
    rows = uow.session.scalars(
        select(CashSession).where(CashSession.till_id == uow.till.id,
                                  CashSession.opened_at >= first,
                                  CashSession.opened_at <= last)
        .order_by(CashSession.opened_at.desc(), CashSession.id.desc()))
    return [SessionInfo(r.id, uow.till.code, r.user_login, r.opened_at, r.opening_float,
                        r.status, r.closed_at, r.closed_by, r.z_number) for r in rows]


def open_sessions(uow: UnitOfWork) -> list[SessionInfo]:
    """Every till's open cash session (the dashboard: who is still at a till)."""
    rows = uow.session.execute(
        select(CashSession, TillRow.code).join(TillRow, TillRow.id == CashSession.till_id)
        .where(CashSession.status == "open").order_by(TillRow.code))
    return [SessionInfo(r.id, code, r.user_login, r.opened_at, r.opening_float, r.status)
            for r, code in rows]


def reprints(uow: UnitOfWork, start: date, end: date) -> list[ReprintInfo]:
    first, last = _bounds(start, end)
    rows = uow.session.execute(
        select(DocumentRow.document_no, Reprint.copy_number, Reprint.at, Reprint.user_login,
               Reprint.reason)
        .join(DocumentRow, DocumentRow.id == Reprint.document_id)
        .where(Reprint.at >= first, Reprint.at <= last).order_by(Reprint.at, Reprint.id))
    return [ReprintInfo(*r) for r in rows]


def voids(uow: UnitOfWork, start: date, end: date) -> list[VoidInfo]:
    """Documents cancelled in the period and what the tills recorded as voided, by time."""
    first, last = _bounds(start, end)
    # A cancellation is a sealed event of the document (pos.domain.seal), never a change
    # of its row.
    out = [VoidInfo(at, "document", no, user or "", reason or "", gross)
           for no, at, user, reason, gross in uow.session.execute(
               select(DocumentRow.document_no, DocumentEvent.at, DocumentEvent.user_login,
                      DocumentEvent.reason, DocumentRow.gross_total)
               .join(DocumentRow, DocumentRow.id == DocumentEvent.document_id)
               .where(DocumentEvent.kind == CANCELLED, DocumentEvent.at >= first,
                      DocumentEvent.at <= last))]
    out += [VoidInfo(at, kind, detail, user, "", None)
            for at, kind, detail, user in uow.session.execute(
                select(AuditEvent.at, AuditEvent.kind, AuditEvent.detail, AuditEvent.user_login)
                .where(AuditEvent.kind.in_(VOID_EVENTS), AuditEvent.at >= first,
                       AuditEvent.at <= last))]
    return sorted(out, key=lambda v: v.at)
