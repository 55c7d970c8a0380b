"""Parked sales: a cart put aside on this till, resumed later or voided (audited).

Nothing here touches a series, a number or a signature: a parked cart is not a document.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.parked import ParkedCart, ParkedInfo, from_json, to_json
from pos.persistence.models import ParkedCartRow
from pos.persistence.uow import UnitOfWork

MAX_PARKED = 50


def _info(row: ParkedCartRow) -> ParkedInfo:
    return ParkedInfo(row.id, row.parked_at, row.user_login, row.note, row.lines, row.total)


def park(uow: UnitOfWork, user: str, cart: ParkedCart, now: datetime) -> ParkedInfo:
    cart.check()
    waiting = uow.session.scalar(select(func.count()).select_from(ParkedCartRow).where(
        ParkedCartRow.till_id == uow.till.id, ParkedCartRow.status == "parked"))
    if waiting >= MAX_PARKED:
        raise ValidationError(f"Já há {waiting} vendas suspensas nesta caixa: retome ou "
                              "anule algumas primeiro.")
    row = ParkedCartRow(till_id=uow.till.id, user_login=user, parked_at=now, note=cart.note,
                        lines=len(cart.lines), total=cart.total, payload=to_json(cart),
                        status="parked")
    uow.session.add(row)
    uow.session.flush()
    return _info(row)


def waiting(uow: UnitOfWork) -> list[ParkedInfo]:
    """This till's parked carts, oldest first."""
    return [_info(r) for r in uow.session.scalars(select(ParkedCartRow).where(
        ParkedCartRow.till_id == uow.till.id, ParkedCartRow.status == "parked")
        .order_by(ParkedCartRow.id))]


def _open(uow: UnitOfWork, parked_id: int) -> ParkedCartRow:
    row = uow.session.get(ParkedCartRow, parked_id)
    if row is None or row.till_id != uow.till.id:
        raise NotFoundError(f"Venda suspensa {parked_id} não existe nesta caixa.")
    if row.status != "parked":
        what = "retomada" if row.status == "resumed" else "anulada"
        raise StateError(f"A venda suspensa {parked_id} já foi {what} por {row.closed_by}.")
    return row


def resume(uow: UnitOfWork, parked_id: int, user: str, now: datetime) -> ParkedCart:
    """Take a parked cart back to the counter (it leaves the list)."""
    row = _open(uow, parked_id)
    row.status, row.closed_at, row.closed_by = "resumed", now, user
    return from_json(row.payload)


def void(uow: UnitOfWork, parked_id: int, user: str, reason: str, now: datetime
         ) -> ParkedInfo:
    """Give up a parked cart: it leaves the list, and the audit chain says who and why."""
    reason = (reason or "").strip()
    if len(reason) > 100:
        raise ValidationError("O motivo tem no máximo 100 caracteres.")
    row = _open(uow, parked_id)
    row.status, row.closed_at, row.closed_by = "voided", now, user
    uow.audit.append(now, user, "parked_voided",
                     f"parked {row.id} by {row.user_login} at {row.parked_at:%H:%M}: "
                     f"{row.lines} lines, {row.total} EUR; {reason}")
    return _info(row)


def counts(uow: UnitOfWork, since: datetime, until: datetime) -> tuple[int, int]:
    """(still parked now, voided between ``since`` and ``until``) on this till."""
    parked = uow.session.scalar(select(func.count()).select_from(ParkedCartRow).where(
        ParkedCartRow.till_id == uow.till.id, ParkedCartRow.status == "parked"))
    voided = uow.session.scalar(select(func.count()).select_from(ParkedCartRow).where(
        ParkedCartRow.till_id == uow.till.id, ParkedCartRow.status == "voided",
        ParkedCartRow.closed_at >= since, ParkedCartRow.closed_at <= until))
    return parked, voided
