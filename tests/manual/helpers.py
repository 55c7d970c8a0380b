"""Builders shared by the pre-printed document tests."""

from datetime import date, datetime
from decimal import Decimal

TYPOGRAPHY = dict(typography_name="Tipografia Exemplo, Lda.", typography_nif="509999999",
                  authorization="AUT-0042/2021")
MANUAL_DAY = date(2026, 3, 10)      # the till was down that day; the test clock says 03-14
DOWN = (datetime(2026, 3, 9, 8, 0), datetime(2026, 3, 13, 20, 0))   # recorded as down


def lines(app, *items):
    from pos.domain.documents import cart_line
    return tuple(cart_line(app.product(code), Decimal(qty)) for code, qty in items)


def entry(app, number, day=MANUAL_DAY, items=(("PAO01", 2),), **kw):
    from pos.services.manual_recovery import ManualEntry
    if "book_id" not in kw:
        kw.setdefault("manual_series", "abc")
    return ManualEntry(number=number, doc_date=day, lines=lines(app, *items), **kw)


def outbox(app, **where):
    from sqlalchemy import select

    from pos.persistence.models import OutboxRow
    with app.unit(write=False) as uow:
        q = select(OutboxRow).order_by(OutboxRow.id)
        for key, value in where.items():
            q = q.where(getattr(OutboxRow, key) == value)
        return list(uow.session.scalars(q))


def audit_kinds(app) -> list[str]:
    from sqlalchemy import select

    from pos.persistence.models import AuditEvent
    with app.unit(write=False) as uow:
        return list(uow.session.scalars(select(AuditEvent.kind).where(
            AuditEvent.till_id == app.till.id).order_by(AuditEvent.id)))
