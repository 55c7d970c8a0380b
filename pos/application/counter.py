"""What happens at the counter besides issuing: parked sales and finding customers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import or_, select

from pos.domain.documents import FINAL_CONSUMER, Customer
from pos.domain.errors import ValidationError
from pos.domain.nif import CONSUMIDOR_FINAL_NIF
from pos.domain.parked import ParkedCart, ParkedInfo
from pos.persistence.models import Customer as CustomerRow
from pos.services import parked

from .base import Base

_PHONE = re.compile(r"^\+?[0-9 ]{6,20}$")


@dataclass(frozen=True)
class CustomerMatch:
    """A customer of the file as the till's search lists it."""

    customer: Customer
    phone: str = ""


def _match(row: CustomerRow) -> CustomerMatch:
    return CustomerMatch(Customer(row.nif, row.name, row.address, row.city, row.postal_code,
                                  row.country), row.phone or "")


class CounterMixin(Base):
    # ---- parked sales ----------------------------------------------------------------
    def park_cart(self, user: str, cart: ParkedCart) -> ParkedInfo:
        """Put a cart aside (not a document: no number, nothing signed)."""
        with self._write() as uow:
            return parked.park(uow, user, cart, self.clock.now())

    def parked_carts(self) -> list[ParkedInfo]:
        with self._read() as uow:
            return parked.waiting(uow)

    def resume_parked(self, parked_id: int, user: str) -> ParkedCart:
        """Take a parked cart back to the counter; it leaves the list."""
        with self._write() as uow:
            return parked.resume(uow, parked_id, user, self.clock.now())

    def void_parked(self, parked_id: int, user: str, reason: str = "") -> ParkedInfo:
        """Give up a parked cart (audited: who, whose cart, what it held)."""
        with self._write() as uow:
            return parked.void(uow, parked_id, user, reason, self.clock.now())

    # ---- customers -------------------------------------------------------------------
    def find_customers(self, text: str, limit: int = 20) -> list[CustomerMatch]:
        """Customers whose name contains ``text``, whose NIF starts with it or whose phone
        contains it (digits only), names in reading order."""
        text = (text or "").strip()
        if len(text) < 2:
            return []
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        digits = re.sub(r"\D", "", text)

        def like(column, pattern):
            if self.db.is_sqlite:
                return column.like(pattern, escape="\\")
            return column.ilike(pattern, escape="\\")

        wanted = [like(CustomerRow.name, f"%{escaped}%")]
        if digits and len(digits) == len(text.replace(" ", "")):
            wanted += [CustomerRow.nif.startswith(digits),
                       like(CustomerRow.phone, f"%{digits}%")]
        with self._read() as uow:
            rows = uow.session.scalars(select(CustomerRow).where(
                or_(*wanted), CustomerRow.nif != CONSUMIDOR_FINAL_NIF)
                .order_by(CustomerRow.name).limit(limit))
            return [_match(r) for r in rows]

    def remember_customer(self, customer: Customer, phone: str = "",
                          user: str = "admin") -> CustomerMatch:
        """Keep a customer (with a phone to find them by) before their first document. The
        NIF and name of a customer already in the file never change (D8632 §3.3.3-3.3.4);
        an empty address or phone is filled in."""
        if customer.nif == FINAL_CONSUMER.nif:
            raise ValidationError("Sem NIF não se guarda o cliente.")
        phone = (phone or "").strip()
        if phone and not _PHONE.match(phone):
            raise ValidationError(f"Telefone inválido: {phone!r} (algarismos, espaços e +).")
        phone = phone.replace(" ", "")          # kept as digits: found however it is typed
        with self._write() as uow:
            row = uow.session.scalars(select(CustomerRow).where(
                CustomerRow.nif == customer.nif).order_by(CustomerRow.id)).first()
            if row is None:
                row = CustomerRow(nif=customer.nif, name=customer.name,
                                  address=customer.address, city=customer.city,
                                  postal_code=customer.postal_code, country=customer.country,
                                  phone=phone)
                uow.session.add(row)
            else:
                if not row.address and customer.address:
                    row.address, row.city = customer.address, customer.city
                    row.postal_code = customer.postal_code
                if phone and phone != row.phone:
                    row.phone = phone
            uow.session.flush()
            return _match(row)
