"""The till's cash sessions and closures: open with a float, cash in and out, X and Z
reports, and the day, month and year closures that carry the perpetual grand totals."""

from __future__ import annotations

from sqlalchemy import select

from pos.domain.closures import Closure
from pos.domain.errors import StateError, ValidationError
from pos.persistence.models import AuditEvent
from pos.services import cash, closures
from pos.services.cash import SESSION_RULES, CashReport, SessionInfo

from .base import Base


class CashMixin(Base):
    def till_name(self) -> str:
        return self.till.code if self.till else ""

    def current_session(self, user: str | None = None) -> SessionInfo | None:
        """The session ``user`` sells in (the till's, or their own under the rule 'user');
        None when one must be opened."""
        with self._read() as uow:
            return cash.current(uow, user)

    def open_sessions(self) -> list[SessionInfo]:
        """Every session open on this till (several only under the rule 'user')."""
        with self._read() as uow:
            return cash.open_sessions(uow)

    def session_rule(self) -> str:
        """'till': one session per till, whoever signs in sells in it; 'user': each cashier
        opens and closes their own."""
        with self._read() as uow:
            return cash.session_rule(uow)

    def set_session_rule(self, rule: str, user: str = "admin") -> None:
        """The shop's rule for this till; sessions already open keep the rule they were
        opened under."""
        if rule not in SESSION_RULES:
            raise ValidationError(f"Regra de sessão desconhecida: {rule!r} (use till ou user).")
        with self._write() as uow:
            uow.till_settings.put("session_rule", rule)
            uow.audit.append(self.clock.now(), user, "session_rule", rule)

    def cash_session(self, session_id: int) -> SessionInfo:
        with self._read() as uow:
            return cash.get(uow, session_id)

    def open_session(self, user: str, opening_float: object) -> SessionInfo:
        with self._write() as uow:
            return cash.open_session(uow, user, opening_float, self.clock.now())

    def cash_movement(self, session_id: int, user: str, kind: str, amount: object = 0,
                      reason: str = "") -> None:
        """Cash in, cash out, or a drawer opened without a sale (always journaled)."""
        with self._write() as uow:
            cash.move(uow, session_id, user, kind, amount, reason, self.clock.now())

    def x_report(self, session_id: int) -> CashReport:
        """The session so far, with the totals since the last Z and the perpetual grand
        totals carried forward."""
        with self._read() as uow:
            return cash.x_report(uow, session_id, self.clock.now())

    def close_session(self, session_id: int, user: str, counted: dict[str, object]
                      ) -> CashReport:
        """Close with a blind count per method; returns the numbered Z report. The Z is a
        sealed closure carrying the grand totals; finished days, months and years are
        closed with it; the till's state is anchored and backed up."""
        with self._write() as uow:
            now = self.clock.now()
            z = cash.close(uow, session_id, user, counted, now)
            made = closures.close_periods(uow, now)
        self._after_z(made)
        return z

    def z_closure(self, user: str) -> Closure:
        """A Z without a cash session (a till that does not count its drawer)."""
        with self._write() as uow:
            if cash.current(uow) is not None:
                raise StateError("Há uma sessão de caixa aberta: o Z faz-se ao fechá-la.")
            now = self.clock.now()
            z = closures.z_closure(uow, now, user)
            made = closures.close_periods(uow, now)
        self._after_z(made)
        return z

    def close_periods(self) -> list[Closure]:
        """Close every finished day, month and year not closed yet (at start-up and Z)."""
        with self._write() as uow:
            made = closures.close_periods(uow, self.clock.now())
        self._archive_closed(made)
        return made

    def closures(self, kind: str | None = None, limit: int = 100) -> list[Closure]:
        """This till's closures (of one kind: Z, day, month, year), oldest first."""
        kinds = [f"closure_{k.lower()}" for k in (kind,)] if kind else \
            ["closure_z", "closure_day", "closure_month", "closure_year"]
        with self._read() as uow:
            rows = uow.session.scalars(select(AuditEvent).where(
                AuditEvent.till_id == self.till.id, AuditEvent.kind.in_(kinds))
                .order_by(AuditEvent.seq.desc()).limit(limit)).all()
            return [Closure.from_detail(r.detail, r.user_login) for r in reversed(rows)]

    def _after_z(self, made: list[Closure]) -> None:
        """After a Z: anchor the till's state everywhere, back it up, archive a month that
        just closed."""
        self._checkpoint()
        self._backup_after_z()
        self._archive_closed(made)
