"""The shop's settings in the back office and the CLI (``caixa company``, ``caixa
payments``, ``caixa printer``): the company and its tax region, establishments, payment
methods, this till's printer and the language. Changes need the 'settings' right
(administrators by default) and are audited under ``user``.

The printer is kept in this till's settings; printing itself is outside ``pos``: the
composition root may hand a ``printer_check`` (the printing package's own reading of a
configuration) so that a profile option printing would refuse is refused here too, and the
till's printer adapter is rebuilt after a change.
"""

from __future__ import annotations

from collections.abc import Callable

from pos.domain import setup as steps
from pos.domain.documents import PAYMENT_METHODS
from pos.domain.setup import PrinterData
from pos.services import shop_admin
from pos.services.shop_admin import CompanyInfo, EstablishmentInfo, PaymentMethod, RegionChange
from pos.services.staff import require

from .base import Base


class SettingsAdminMixin(Base):
    printer_check: Callable[[dict], object] | None = None   # set by the composition root
    printer_factory: Callable | None = None                 # rebuilds self.printer

    # ---- the company -----------------------------------------------------------------
    def company(self) -> CompanyInfo:
        with self._read() as uow:
            return shop_admin.company(uow)

    def update_company(self, *, nif: str | None = None, name: str | None = None,
                       business_name: str | None = None, address: str | None = None,
                       city: str | None = None, postal_code: str | None = None,
                       phone: str | None = None, email: str | None = None,
                       certificate_number: str | None = None, user: str = "admin"
                       ) -> CompanyInfo:
        """Change what is given. The NIF only before the first document."""
        given = dict(nif=nif, name=name, business_name=business_name, address=address,
                     city=city, postal_code=postal_code, phone=phone, email=email,
                     certificate_number=certificate_number)
        with self._write() as uow:
            require(uow, user, "settings")
            shop_admin.update_company(uow, {k: v for k, v in given.items() if v is not None},
                                      self.clock.now(), user)
            return shop_admin.company(uow)

    def region_change_preview(self, region: str) -> RegionChange:
        """What moving to ``region`` would change (rates per VAT code, products), unwritten."""
        with self._read() as uow:
            return shop_admin.region_change(uow, region, self.clock.now().date())

    def set_tax_region(self, region: str, user: str = "admin") -> RegionChange:
        """Move the company to PT, PT-AC or PT-MA: only with every cash session closed; new
        documents take the new rates, signed ones keep theirs, credit notes keep their
        document's; shelf prices stay (see ``shop_admin.change_region``)."""
        with self._write() as uow:
            require(uow, user, "settings")
            return shop_admin.change_region(uow, region, self.clock.now(), user)

    def establishments(self) -> list[EstablishmentInfo]:
        with self._read() as uow:
            return shop_admin.establishments(uow)

    def update_establishment(self, code: str, *, name: str | None = None,
                             address: str | None = None, city: str | None = None,
                             postal_code: str | None = None, user: str = "admin") -> None:
        given = dict(name=name, address=address, city=city, postal_code=postal_code)
        with self._write() as uow:
            require(uow, user, "settings")
            shop_admin.update_establishment(
                uow, code, {k: v for k, v in given.items() if v is not None},
                self.clock.now(), user)

    # ---- payment methods -------------------------------------------------------------
    def payment_methods(self) -> list[PaymentMethod]:
        """The methods the tills offer, in button order."""
        with self._read() as uow:
            codes = shop_admin.payment_codes(uow)
        return [PaymentMethod(c, PAYMENT_METHODS[c]) for c in codes]

    @staticmethod
    def all_payment_methods() -> list[PaymentMethod]:
        """Every method a shop may offer (SAF-T codes)."""
        return [PaymentMethod(c, n) for c, n in PAYMENT_METHODS.items()]

    def set_payment_methods(self, codes: list[str] | str, user: str = "admin"
                            ) -> list[PaymentMethod]:
        """The methods offered, in order; cash (NU) is always one of them."""
        with self._write() as uow:
            require(uow, user, "settings")
            shop_admin.set_payments(uow, codes, self.clock.now(), user)
        return self.payment_methods()

    # ---- this till's printer ---------------------------------------------------------
    def printer_settings(self) -> PrinterData | None:
        with self._read() as uow:
            return shop_admin.printer(uow)

    def check_printer(self, connection: str, preset: str = "generic-80",
                      options: dict | None = None) -> PrinterData:
        """The printer as ``set_printer`` would keep it, checked, unwritten."""
        data = steps.printer_step(connection, preset, options)
        if self.printer_check is not None:
            self.printer_check(data.config())
        return data

    def set_printer(self, connection: str, preset: str = "generic-80",
                    options: dict | None = None, user: str = "admin") -> PrinterData:
        """This till's receipt printer (a test print is the interface's, through
        printing/: ``PrinterData.config()`` is what it reads)."""
        data = self.check_printer(connection, preset, options)
        with self._write() as uow:
            require(uow, user, "settings")
            shop_admin.set_printer(uow, data, self.clock.now(), user)
        self._rebuild_printer()
        return data

    def remove_printer(self, user: str = "admin") -> None:
        with self._write() as uow:
            require(uow, user, "settings")
            shop_admin.set_printer(uow, None, self.clock.now(), user)
        self._rebuild_printer()

    def _rebuild_printer(self) -> None:
        if self.printer_factory is not None:
            self.printer = self.printer_factory(self)

    # ---- language --------------------------------------------------------------------
    def language(self) -> str:
        with self._read() as uow:
            return shop_admin.language(uow)

    def set_language(self, lang: str, user: str = "admin") -> str:
        """The shop's language for screens and messages: 'pt' (default) or 'en'."""
        with self._write() as uow:
            require(uow, user, "settings")
            return shop_admin.set_language(uow, lang, self.clock.now(), user)
