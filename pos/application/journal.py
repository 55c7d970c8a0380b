"""The till's journal: reading it, and what the screens put on record through it (events a
screen sees and the core does not: voided lines and carts, prices typed over, discounts,
signing out, the drawer opened without a sale)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from pos.domain.errors import ValidationError
from pos.domain.journal import KINDS, SCREEN_KINDS, JournalEntry
from pos.persistence.models import AuditEvent

from .base import Base


class JournalMixin(Base):
    def journal(self, limit: int = 200, kinds: tuple[str, ...] | None = None
                ) -> list[JournalEntry]:
        """This till's latest entries (of ``kinds``), oldest first."""
        q = select(AuditEvent).where(AuditEvent.till_id == self.till.id)
        if kinds:
            q = q.where(AuditEvent.kind.in_(kinds))
        with self._read() as uow:
            rows = uow.session.scalars(q.order_by(AuditEvent.seq.desc()).limit(limit)).all()
            return [JournalEntry(r.seq, r.at, r.user_login, r.kind, r.detail,
                                 r.key_version is not None) for r in reversed(rows)]

    def _journal(self, user: str, kind: str, detail: str = "") -> None:
        """Seal one entry in this till's journal, in a unit of its own."""
        with self._write() as uow:
            uow.audit.append(self.clock.now(), user, kind, detail[:2000])

    def record_event(self, user: str, kind: str, detail: str = "") -> None:
        """Put a sensitive action done on screen on record (one of ``SCREEN_KINDS``: the
        others are written by the core where they happen, never from outside)."""
        if kind not in SCREEN_KINDS:
            raise ValidationError(f"Evento que o ecrã não pode registar: {kind}.")
        self._journal(user, kind, detail[:500])

    def sign_out(self, user: str) -> None:
        self._journal(user, "logout")

    def record_line_voided(self, user: str, product_code: str, description: str,
                           quantity: Decimal, amount: Decimal, approved_by: str = "") -> None:
        """A line taken out of the cart before payment (never a fiscal document)."""
        by = f" approved by {approved_by}" if approved_by else ""
        self._journal(user, "line_voided",
                      f"{product_code} {description[:60]} x{quantity} = {amount} EUR{by}")

    def record_cart_voided(self, user: str, lines: int, total: Decimal,
                           approved_by: str = "") -> None:
        """A whole cart dropped before payment."""
        by = f" approved by {approved_by}" if approved_by else ""
        self._journal(user, "cart_voided", f"{lines} lines, {total} EUR{by}")

    def record_price_override(self, user: str, product_code: str, was: Decimal, now: Decimal,
                              approved_by: str) -> None:
        self._journal(user, "price_override",
                      f"{product_code} price {was} -> {now} approved by {approved_by}")

    def record_discount(self, user: str, product_code: str, amount: Decimal,
                        approved_by: str) -> None:
        self._journal(user, "discount",
                      f"{product_code} discount {amount} approved by {approved_by}")

    @staticmethod
    def journal_kinds() -> dict[str, str]:
        """Every kind of journal entry and what it records."""
        return dict(KINDS)
