"""The catalogue in the back office and the CLI (``caixa product``, ``caixa category``):
products with prices, VAT codes, exemption reasons, barcodes and units, and categories.

Every change needs a role with 'back_office' (managers and administrators by default) and
is audited under ``user``. CSV import and export are in ``catalogue_csv``.
"""

from __future__ import annotations

from datetime import date

from pos.domain import products as rules
from pos.services import products_admin as products
from pos.services.products_admin import (
    CatalogueChoices,
    CategoryInfo,
    ProductInfo,
    ProductPage,
)
from pos.services.staff import require

from .base import Base


class CatalogueAdminMixin(Base):
    # ---- products --------------------------------------------------------------------
    def product_page(self, text: str = "", category: str | None = None,
                     include_inactive: bool = False, offset: int = 0, limit: int = 50
                     ) -> ProductPage:
        """One page of the catalogue, by name: ``text`` in the name or code, or the exact
        barcode; ``category`` only that one; ``total`` counts every match."""
        with self._read() as uow:
            return products.page(uow, self.clock.now().date(), text, category,
                                 include_inactive, offset, limit)

    def catalogue_choices(self, day: date | None = None) -> CatalogueChoices:
        """What a product form offers: VAT codes with their rates in the shop's region on
        ``day`` (today by default), every region's rates, exemption reasons, units, types."""
        with self._read() as uow:
            return products.choices(uow, day or self.clock.now().date())

    def product_info(self, code: str) -> ProductInfo:
        with self._read() as uow:
            return products.get(uow, code, self.clock.now().date())

    def check_product(self, code: str, name: str, price: object, tax_code: str,
                      exemption_code: str | None = None, unit: str = "UN",
                      product_type: str = "P", barcode: str | None = None,
                      category: str = "") -> rules.ProductData:
        """The checks of ``add_product`` that need no database (a form field by field)."""
        return rules.product_data(code, name, price, tax_code, exemption_code, unit,
                                  product_type, barcode, category)

    def add_product(self, code: str, name: str, price: object, tax_code: str,
                    exemption_code: str | None = None, unit: str = "UN",
                    product_type: str = "P", barcode: str | None = None, category: str = "",
                    user: str = "admin") -> ProductInfo:
        data = self.check_product(code, name, price, tax_code, exemption_code, unit,
                                  product_type, barcode, category)
        with self._write() as uow:
            require(uow, user, "back_office")
            products.add(uow, data, self.clock.now(), user)
        return self.product_info(data.code)

    def update_product(self, code: str, *, name: str | None = None, price: object = None,
                       tax_code: str | None = None, exemption_code: str | None = None,
                       unit: str | None = None, product_type: str | None = None,
                       barcode: str | None = None, category: str | None = None,
                       active: bool | None = None, user: str = "admin") -> ProductInfo:
        """Change what is given (None leaves a field as it is; ``barcode=""`` removes the
        barcode). A sold product keeps its description and type: refused in one sentence
        saying why and what to do instead."""
        given = dict(name=name, price=price, tax_code=tax_code, exemption_code=exemption_code,
                     unit=unit, product_type=product_type, barcode=barcode,
                     category=category, active=active)
        changes = {k: v for k, v in given.items() if v is not None}
        with self._write() as uow:
            require(uow, user, "back_office")
            products.update(uow, code, changes, self.clock.now(), user)
        return self.product_info(code)

    def remove_product(self, code: str, user: str = "admin") -> None:
        """Delete a product never named by a document (otherwise: deactivate it)."""
        with self._write() as uow:
            require(uow, user, "back_office")
            products.remove(uow, code, self.clock.now(), user)

    # ---- categories ------------------------------------------------------------------
    def category_list(self) -> list[CategoryInfo]:
        """Every category in the till's order, with its count of active products."""
        with self._read() as uow:
            return products.categories(uow)

    def add_category(self, name: str, user: str = "admin") -> None:
        with self._write() as uow:
            require(uow, user, "back_office")
            products.add_category(uow, name, self.clock.now(), user)

    def update_category(self, name: str, *, new_name: str | None = None,
                        position: int | None = None, active: bool | None = None,
                        user: str = "admin") -> None:
        """Rename (its products follow), move in the till's order, or hide it."""
        with self._write() as uow:
            require(uow, user, "back_office")
            products.change_category(uow, name, self.clock.now(), user, new_name=new_name,
                                     position=position, active=active)

    def remove_category(self, name: str, user: str = "admin") -> None:
        with self._write() as uow:
            require(uow, user, "back_office")
            products.remove_category(uow, name, self.clock.now(), user)
