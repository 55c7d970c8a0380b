"""A till's closures (pos.domain.closures): Z, then every finished day, month and year, each
a sealed journal entry carrying its totals and the perpetual grand totals forward; and the
rule that a till does not sell for longer than ``z_max_hours`` without a Z.

Day closures start on the day the till's journal was first sealed (its set-up, or the
upgrade that sealed an older database): what came before is sealed by the upgrade entry,
not re-closed. Days without a document are not closed (nothing to carry).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import bindparam, func, select

from pos.domain.closures import (
    Accumulator,
    Closure,
    Totals,
    carried,
    month_of,
    next_month,
    z_end,
)
from pos.domain.errors import StateError
from pos.persistence.models import AuditEvent, CashSession, DocumentEvent, DocumentRow
from pos.persistence.uow import UnitOfWork

Z_MAX_KEY = "z_max_hours"


def last(uow: UnitOfWork, kind: str) -> Closure | None:
    entry = uow.audit.last("closure_z" if kind == "Z" else f"closure_{kind}")
    return Closure.from_detail(entry.detail, entry.user_login) if entry is not None else None


def _totals(uow: UnitOfWork, start: datetime, end: datetime, start_inclusive: bool,
            end_inclusive: bool) -> dict[str, Totals]:
    till = uow.till.id
    acc = Accumulator()
    entry = DocumentRow.system_entry_date
    lo = entry >= start if start_inclusive else entry > start
    hi = entry <= end if end_inclusive else entry < end
    for doc_type, kind, net, tax, gross in uow.session.execute(
            select(DocumentRow.doc_type, DocumentRow.series_kind, DocumentRow.net_total,
                   DocumentRow.tax_payable, DocumentRow.gross_total)
            .where(DocumentRow.till_id == till, lo, hi)):
        acc.document(doc_type, kind, net, tax, gross)
    at = DocumentEvent.at
    lo = at >= start if start_inclusive else at > start
    hi = at <= end if end_inclusive else at < end
    for doc_type, kind, gross in uow.session.execute(
            select(DocumentRow.doc_type, DocumentRow.series_kind, DocumentRow.gross_total)
            .join(DocumentEvent, DocumentEvent.document_id == DocumentRow.id)
            .where(DocumentEvent.till_id == till, DocumentEvent.kind == "cancelled", lo, hi)):
        acc.cancellation(doc_type, kind, gross)
    return acc.by_mode


def _fmt(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _z_start(uow: UnitOfWork, previous: Closure | None) -> datetime:
    if previous is not None:
        return previous.end
    first = uow.session.scalar(select(func.min(AuditEvent.at)).where(
        AuditEvent.till_id == uow.till.id))
    return (first or datetime(2000, 1, 1)) - timedelta(seconds=1)


def running(uow: UnitOfWork, now: datetime) -> tuple[dict[str, Totals], dict[str, Totals]]:
    """(totals since the last Z, perpetual grand totals as of now): what an X report
    carries forward."""
    previous = last(uow, "Z")
    totals = _totals(uow, _z_start(uow, previous), now, False, True)
    return totals, carried(previous, totals)


def z_closure(uow: UnitOfWork, now: datetime, user: str) -> Closure:
    """Close the period since the last Z: sealed in the journal, numbered with the cash
    sessions' Z numbers."""
    previous = last(uow, "Z")
    start = _z_start(uow, previous)
    sessions = uow.session.scalar(select(func.max(CashSession.z_number)).where(
        CashSession.till_id == uow.till.id)) or 0
    number = max(previous.number if previous else 0, sessions) + 1
    totals = _totals(uow, start, now, False, True)
    closure = Closure("Z", number, f"{_fmt(start)}/{_fmt(now)}", start, now, totals,
                      carried(previous, totals), user)
    uow.audit.append(now, user, closure.journal_kind, closure.detail())
    return closure


def _first_day(uow: UnitOfWork) -> date | None:
    first = uow.session.scalar(select(func.min(AuditEvent.at)).where(
        AuditEvent.till_id == uow.till.id, AuditEvent.key_version.is_not(None)))
    return first.date() if first else None


def _next_active_day(uow: UnitOfWork, day: date, before: date) -> date | None:
    """The first day from ``day`` (before ``before``) with a document or a cancellation."""
    since, until = datetime.combine(day, time()), datetime.combine(before, time())
    till = uow.till.id
    found = [uow.session.scalar(select(func.min(DocumentRow.system_entry_date)).where(
                 DocumentRow.till_id == till, DocumentRow.system_entry_date >= since,
                 DocumentRow.system_entry_date < until)),
             uow.session.scalar(select(func.min(DocumentEvent.at)).where(
                 DocumentEvent.till_id == till, DocumentEvent.kind == "cancelled",
                 DocumentEvent.at >= since, DocumentEvent.at < until))]
    found = [f for f in found if f is not None]
    return min(found).date() if found else None


def close_periods(uow: UnitOfWork, now: datetime) -> list[Closure]:
    """Close every finished day with activity, then every finished month, then every
    finished year, that is not closed yet; the closures made."""
    made: list[Closure] = []
    today = now.date()
    prev_day = last(uow, "day")
    day = prev_day.start.date() + timedelta(days=1) if prev_day else _first_day(uow)
    while day is not None and day < today:
        day = _next_active_day(uow, day, today)
        if day is None:
            break
        start = datetime.combine(day, time())
        end = start + timedelta(days=1)
        totals = _totals(uow, start, end, True, False)
        prev_day = Closure("day", (prev_day.number if prev_day else 0) + 1, day.isoformat(),
                           start, end, totals, carried(prev_day, totals))
        uow.audit.append(now, "sistema", prev_day.journal_kind, prev_day.detail())
        made.append(prev_day)
        day += timedelta(days=1)
    made += _roll_up(uow, now, "month", "day")
    made += _roll_up(uow, now, "year", "month")
    return made


def _roll_up(uow: UnitOfWork, now: datetime, kind: str, part: str) -> list[Closure]:
    """Months from their days, years from their months (each part closed already)."""
    parts = [Closure.from_detail(e.detail, e.user_login) for e in uow.session.scalars(
        select(AuditEvent).where(AuditEvent.till_id == uow.till.id,
                                 AuditEvent.kind == f"closure_{part}")
        .order_by(AuditEvent.seq))]
    previous = last(uow, kind)
    done_until = previous.end if previous else None
    key = (lambda c: month_of(c.start.date())) if kind == "month" else \
        (lambda c: f"{c.start.year:04d}")
    current = month_of(now.date()) if kind == "month" else f"{now.year:04d}"
    groups: dict[str, list[Closure]] = {}
    for c in parts:
        if done_until is not None and c.start < done_until:
            continue
        if key(c) < current:
            groups.setdefault(key(c), []).append(c)
    made = []
    for period in sorted(groups):
        members = groups[period]
        totals: dict[str, Totals] = {}
        for c in members:
            for mode, t in c.totals.items():
                totals[mode] = totals.get(mode, Totals()) + t
        if kind == "month":
            y, m = int(period[:4]), int(period[5:])
            start = datetime(y, m, 1)
            end = datetime(*next_month(y, m), 1)
        else:
            start, end = datetime(int(period), 1, 1), datetime(int(period) + 1, 1, 1)
        previous = Closure(kind, (previous.number if previous else 0) + 1, period, start, end,
                           totals, carried(previous, totals))
        uow.audit.append(now, "sistema", previous.journal_kind, previous.detail())
        made.append(previous)
    return made


# Built once: this check runs before every document (the till's hot path).
_LAST_Z = (select(AuditEvent.detail).where(AuditEvent.till_id == bindparam("till"),
                                           AuditEvent.kind == "closure_z")
           .order_by(AuditEvent.seq.desc()).limit(1))
_FIRST_AFTER = select(func.min(DocumentRow.system_entry_date)).where(
    DocumentRow.till_id == bindparam("till"), DocumentRow.system_entry_date > bindparam("since"),
    DocumentRow.series_kind != "F")


def z_hours(raw: str) -> int:
    """The ``z_max_hours`` setting (0: the rule is off)."""
    try:
        return int(raw or 0)
    except ValueError:
        return 24


def first_without_z(uow: UnitOfWork) -> datetime | None:
    """This till's oldest fiscal document after its last Z."""
    conn = uow.session.connection()
    since = z_end(conn.execute(_LAST_Z, {"till": uow.till.id}).scalar())
    return conn.execute(_FIRST_AFTER, {"till": uow.till.id, "since": since}).scalar()


def refuse_if_z_due(now: datetime, hours: int, first: Callable[[], datetime | None]) -> None:
    """Refuse a fiscal document when the oldest fiscal document without a Z (``first()``,
    asked only when the rule is on) is older than ``hours``."""
    if hours <= 0:
        return
    oldest = first()
    if oldest is not None and now - oldest > timedelta(hours=hours):
        raise StateError(
            f"Há vendas desde {oldest:%Y-%m-%d %H:%M} sem fecho Z (máximo {hours} h): feche a "
            "sessão de caixa (Z) — ou 'caixa closures z' — antes de continuar a vender.")


def check_z_due(uow: UnitOfWork, now: datetime, fiscal: bool = True) -> None:
    """Refuse to issue a fiscal document when the till's oldest fiscal document without a Z
    is older than ``z_max_hours`` (a till setting; 0 turns the rule off). Training documents
    are not held to it."""
    if fiscal:
        refuse_if_z_due(now, z_hours(uow.till_settings.get(Z_MAX_KEY)),
                        lambda: first_without_z(uow))
