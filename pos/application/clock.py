"""The till's clock: a manager's confirmation, AT's time as a second reference (recorded
by the AT link), and the journaled way out of series blocked by a clock that ran ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pos.domain.clock import TOLERANCE, AtTime
from pos.domain.errors import ValidationError
from pos.services import clock
from pos.services.clock import Recovered

from .base import Base

SUPERVISORS = ("manager", "admin")


@dataclass(frozen=True)
class ClockStatus:
    now: datetime
    last_document: datetime | None
    at_time: AtTime | None          # the last good time AT's servers reported
    problem: str | None             # why a manager must confirm before the next document


class ClockMixin(Base):
    def clock_status(self) -> ClockStatus:
        now = self.clock.now()
        with self._read() as uow:
            return ClockStatus(now, uow.series.last_system_entry(), clock.at_time(uow),
                               clock.problem(uow, now))

    def confirm_clock(self, login: str, pin: str, reason: str = "") -> None:
        """A manager (PIN) says the clock is right as it reads now: documents may be issued
        for the next minutes despite a jump, a clock behind or a disagreement with AT."""
        who = self.authenticate(login, pin, SUPERVISORS, "confirm the clock")
        now = self.clock.now()
        with self._write() as uow:
            why = clock.problem(uow, now) or "sem aviso"
            clock.record_confirmation(uow, now, who.login,
                                      f"{why} {reason}".strip() if reason else why)

    def record_at_time(self, server: datetime) -> None:
        """The ``Date`` of an answer from AT's servers (the AT link calls this): kept as the
        clock's second reference. ``server`` is aware (HTTP dates are UTC)."""
        if server.tzinfo is None:
            raise ValidationError("A hora da AT tem de indicar o fuso.")
        local = server.astimezone().replace(tzinfo=None, microsecond=0)
        with self._write() as uow:
            clock.record_at_time(uow, local, self.clock.now(), TOLERANCE)

    def recover_clock_ahead(self, login: str, pin: str, reason: str) -> list[Recovered]:
        """The way out of series blocked by documents dated in the future: an administrator
        or manager (PIN) closes them and starts their successors (normal series: queued for
        AT), journaled; the clock's high-water mark then comes from the series in use."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("Indique o motivo (por exemplo: relógio adiantado um dia).")
        who = self.authenticate(login, pin, SUPERVISORS, "recover from a clock ahead")
        with self._write() as uow:
            done = clock.recover_ahead(uow, self.clock.now(), who.login, reason[:200])
        self._kick()
        return done

    @staticmethod
    def clock_tolerance() -> timedelta:
        return TOLERANCE
