"""The clock before each document (pos.domain.clock), a manager's confirmation, AT's time
as a second reference, and the recorded way out of series blocked by a clock that ran ahead.

Till settings used: ``clock_window_hours`` (a forward jump beyond it needs a manager; 24 by
default), ``at_time`` (the last good time AT's servers reported, with this till's clock when
it arrived) and ``clock_confirmed`` (the last confirmation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from pos.domain.clock import AtTime, Confirmation, needs_confirmation
from pos.domain.errors import ClockError, StateError
from pos.persistence.models import Series, User
from pos.persistence.uow import UnitOfWork

from . import at_series, series_admin

WINDOW_KEY, AT_KEY, CONFIRMED_KEY = "clock_window_hours", "at_time", "clock_confirmed"
SUPERVISORS = ("manager", "admin")


def _window(raw: str) -> timedelta:
    try:
        return timedelta(hours=float(raw or 24))
    except ValueError:
        return timedelta(hours=24)


def at_time(uow: UnitOfWork) -> AtTime | None:
    raw = uow.till_settings.get(AT_KEY)
    return AtTime.from_json(raw) if raw else None


def judge(now: datetime, last: datetime | None, setting: Callable[[str], str],
          fiscal: bool) -> str | None:
    """Why the clock needs a manager now (None when it does not, or one confirmed it), from
    the till's high-water mark ``last`` and its settings (``setting(key)``).

    Training documents have no fiscal value: for them only a clock behind the last document
    counts (D8632 §3.4.3), not a jump or AT's time."""
    if fiscal:
        raw = setting(AT_KEY)
        reason = needs_confirmation(now, last, _window(setting(WINDOW_KEY)),
                                    AtTime.from_json(raw) if raw else None)
    else:
        reason = needs_confirmation(now, last, timedelta(0), None)
    if reason is None:
        return None
    raw = setting(CONFIRMED_KEY)
    confirmation = Confirmation.from_json(raw) if raw else None
    if confirmation is not None and confirmation.covers(now):
        return None
    return reason


def problem(uow: UnitOfWork, now: datetime, fiscal: bool | None = None) -> str | None:
    """``judge`` inside a unit of work; ``fiscal`` None: the till's mode."""
    if fiscal is None:
        fiscal = not uow.till_settings.training
    return judge(now, uow.series.last_system_entry(), uow.till_settings.get, fiscal)


def refusal(reason: str) -> ClockError:
    return ClockError(f"{reason} Acerte o relógio, ou um gerente confirma a hora ('caixa clock "
                      "confirm').")


def check(uow: UnitOfWork, now: datetime, confirmed_by_request: bool = False,
          user: str | None = None, fiscal: bool = True) -> None:
    """Before a document: refuse a clock that needs a manager and has none."""
    reason = problem(uow, now, fiscal)
    if reason is not None:
        confirm_or_refuse(uow, now, reason, confirmed_by_request, user)


def confirm_or_refuse(uow: UnitOfWork, now: datetime, reason: str,
                      confirmed_by_request: bool, user: str | None) -> None:
    """A clock that needs a manager: a request marked ``confirm_clock`` counts as the
    confirmation when its user is a manager (journaled); otherwise refused."""
    if confirmed_by_request and user:
        role = uow.session.scalar(select(User.role).where(User.login == user, User.active))
        if role in SUPERVISORS:
            record_confirmation(uow, now, user, reason)
            return
    raise refusal(reason)


def record_confirmation(uow: UnitOfWork, now: datetime, user: str, reason: str) -> None:
    uow.till_settings.put(CONFIRMED_KEY, Confirmation(now, user).to_json())
    uow.audit.append(now, user, "clock_confirmed", f"clock {now:%Y-%m-%d %H:%M:%S} confirmed: "
                                                    f"{reason}"[:500])


def record_at_time(uow: UnitOfWork, server: datetime, now: datetime,
                   tolerance: timedelta) -> None:
    """Keep the latest time AT's servers reported (``server``: local, naive). Journaled when
    the clock starts or stops agreeing with it."""
    previous = at_time(uow)
    if previous is not None and server <= previous.server:
        return
    seen = AtTime(server, now)
    uow.till_settings.put(AT_KEY, seen.to_json())
    was_off = previous is not None and abs(previous.offset) > tolerance
    is_off = abs(seen.offset) > tolerance
    if is_off != was_off or (previous is None and is_off):
        minutes = int(seen.offset.total_seconds() // 60)
        uow.audit.append(now, "sistema", "clock_offset",
                         f"clock {now:%Y-%m-%d %H:%M:%S}, AT {server:%Y-%m-%d %H:%M:%S}: "
                         + (f"{minutes:+d} min" if is_off else "agree again"))


@dataclass(frozen=True)
class Recovered:
    doc_type: str
    closed: str          # the series blocked by dates in the future
    last_date: date
    successor: str       # the series that takes over (queued for AT when normal)
    queued: bool         # True: registration queued to AT (usable once AT answers)


def _successor(uow: UnitOfWork, series: Series) -> str:
    base = series.series_id[:30]
    for letter in "BCDEFGHJKLMNPQRSTUVWXYZ":
        name = f"{base}{letter}"
        if uow.series.find(series.doc_type, name) is None:
            return name
    raise StateError(f"Não há nome livre para suceder à série {series.series_id}.")


def recover_ahead(uow: UnitOfWork, now: datetime, user: str, reason: str) -> list[Recovered]:
    """The way out of series blocked by documents dated in the future (a clock that ran
    ahead): each is closed at its last number (AT told, for normal series), a successor is
    created — training series locally, normal ones queued for registration with AT — and
    the whole is journaled. The documents already issued stay as they are (DL 28/2019)."""
    today = now.date()
    blocked = list(uow.session.scalars(select(Series).where(
        Series.till_id == uow.till.id, Series.status == "A").where(
        (Series.last_invoice_date > today) | (Series.last_system_entry > now))
        .order_by(Series.doc_type, Series.id)))
    if not blocked:
        raise StateError("Nenhuma série desta caixa tem documentos com data ou hora futura.")
    out = []
    for series in blocked:
        name = _successor(uow, series)
        last_date = series.last_invoice_date or today
        if series.kind == "F":
            series.status = "F"
            series_admin.add(uow, series.doc_type, name, _training_code(series), "F", now,
                             user)
            uow.audit.append(now, user, "series", f"finalised {series.doc_type} "
                                                  f"{series.series_id} at {series.last_number} "
                                                  "(training)")
            queued = False
        else:
            at_series.request_finalize(uow, series.doc_type, series.series_id, now, user,
                                       f"Relógio adiantado: documentos com data até "
                                       f"{last_date.isoformat()}. {reason}"[:4000])
            at_series.request_registration(uow, series.doc_type, name, now, user,
                                           kind=series.kind)
            queued = True
        out.append(Recovered(series.doc_type, series.series_id, last_date, name, queued))
    uow.audit.append(now, user, "clock_recovery", f"{reason}: " + "; ".join(
        f"{r.doc_type} {r.closed} (até {r.last_date.isoformat()}) -> {r.successor}"
        for r in out)[:1500])
    return out


def _training_code(series: Series) -> str:
    """A validation code for a training successor (training series never reach AT)."""
    return f"{(series.validation_code or 'FORMACAO')[:8]}R{series.id:03d}"
