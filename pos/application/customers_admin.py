"""The customer file in the back office and the CLI (``caixa customer``): search with pages,
add, edit with the rules, remove one never invoiced. Changes need 'back_office' and are
audited under ``user``; the till keeps adding customers as it issues to them."""

from __future__ import annotations

from pos.services import customers_admin as customers
from pos.services.customers_admin import CustomerData, CustomerInfo, CustomerPage
from pos.services.staff import require

from .base import Base


class CustomersAdminMixin(Base):
    def customer_page(self, text: str = "", offset: int = 0, limit: int = 50
                      ) -> CustomerPage:
        """Customers by name: ``text`` in the name or city, or the start of the tax number."""
        with self._read() as uow:
            return customers.page(uow, text, offset, limit)

    def customer_info(self, customer_id: int) -> CustomerInfo:
        with self._read() as uow:
            return customers.get(uow, customer_id)

    def check_customer(self, nif: str, name: str, address: str = "", city: str = "",
                       postal_code: str = "", country: str | None = None) -> CustomerData:
        """The checks of ``add_customer`` that need no database (field by field, a form)."""
        return customers.customer_data(nif, name, address, city, postal_code, country)

    def add_customer(self, nif: str, name: str, address: str = "", city: str = "",
                     postal_code: str = "", country: str | None = None, user: str = "admin"
                     ) -> CustomerInfo:
        """A customer with a Portuguese NIF (checked) or a foreign tax number and country
        (``country`` None: a VAT prefix such as 'ES' says which; no prefix is Portugal)."""
        data = self.check_customer(nif, name, address, city, postal_code, country)
        with self._write() as uow:
            require(uow, user, "back_office")
            row = customers.add(uow, data, self.clock.now(), user)
            return customers.get(uow, row.id)

    def update_customer(self, customer_id: int, *, nif: str | None = None,
                        name: str | None = None, address: str | None = None,
                        city: str | None = None, postal_code: str | None = None,
                        country: str | None = None, user: str = "admin") -> CustomerInfo:
        """Change what is given; once documents name the customer, the tax number, country
        and name stay (refused in one sentence)."""
        given = dict(nif=nif, name=name, address=address, city=city,
                     postal_code=postal_code, country=country)
        with self._write() as uow:
            require(uow, user, "back_office")
            row = customers.update(uow, customer_id,
                                   {k: v for k, v in given.items() if v is not None},
                                   self.clock.now(), user)
            return customers.get(uow, row.id)

    def remove_customer(self, customer_id: int, user: str = "admin") -> None:
        with self._write() as uow:
            require(uow, user, "back_office")
            customers.remove(uow, customer_id, self.clock.now(), user)
