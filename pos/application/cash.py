"""The till's cash sessions: open with a float, cash in and out, X and Z reports."""

from __future__ import annotations

from pos.domain.errors import ValidationError
from pos.services import cash
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
        """Cash in, cash out, or a drawer opened without a sale (always audited)."""
        with self._write() as uow:
            cash.move(uow, session_id, user, kind, amount, reason, self.clock.now())

    def x_report(self, session_id: int) -> CashReport:
        with self._read() as uow:
            return cash.x_report(uow, session_id, self.clock.now())

    def close_session(self, session_id: int, user: str, counted: dict[str, object]
                      ) -> CashReport:
        """Close with a blind count per method; returns the numbered Z report."""
        with self._write() as uow:
            return cash.close(uow, session_id, user, counted, self.clock.now())
