"""Builders shared by the pre-printed document tests."""

from datetime import date
from decimal import Decimal

TYPOGRAPHY = dict(typography_name="Tipografia Exemplo, Lda.", typography_nif="509999999",
                  authorization="AUT-0042/2021")
MANUAL_DAY = date(2026, 3, 10)      # the till was down that day; the test clock says 03-14


def lines(till, *items):
    from pos.domain.documents import cart_line
    return tuple(cart_line(till.product(code), Decimal(qty)) for code, qty in items)


def entry(till, number, day=MANUAL_DAY, items=(("PAO01", 2),), **kw):
    from pos.services.manual_recovery import ManualEntry
    if "book_id" not in kw:
        kw.setdefault("manual_series", "abc")
    return ManualEntry(number=number, doc_date=day, lines=lines(till, *items), **kw)


def outbox(till, **where):
    from sqlalchemy import select

    from pos.persistence.models import OutboxRow
    with till.db.read() as s:
        q = select(OutboxRow).order_by(OutboxRow.id)
        for key, value in where.items():
            q = q.where(getattr(OutboxRow, key) == value)
        return list(s.scalars(q))


def audit_kinds(till) -> list[str]:
    from sqlalchemy import select

    from pos.persistence.models import AuditEvent
    with till.db.read() as s:
        return list(s.scalars(select(AuditEvent.kind).order_by(AuditEvent.id)))
