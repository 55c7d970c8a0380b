"""First run of a real shop (``caixa init``, ``caixa init --from shop.toml``, the first-run
wizard). The demo shop is ``ShopMixin.init_demo``, separate and unchanged.

Each ``setup_*`` step checks what a person typed and returns it as a frozen value, writing
nothing: a wizard calls them page by page. ``setup_commit`` then writes the whole plan in
one unit of work, signing key included, so nothing half-made is ever left: either the shop
exists complete or it does not exist. Series registered through AT's webservice are queued
in that unit; the interface sends them (``drain_queue``) and the shop sells once AT's codes
are back (``setup_status``).
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain import fields, roles
from pos.domain import setup as steps
from pos.domain.errors import ValidationError
from pos.domain.setup import (
    AdminData,
    CompanyData,
    EstablishmentData,
    KeyChoice,
    PrinterData,
    SeriesItem,
    SeriesPlan,
    ShopPlan,
    TillData,
)
from pos.services import sealing, setup_file
from pos.services import setup as shop_setup
from pos.services.setup import SetupStatus
from pos.services.staff import check_login

from .base import Base
from .shop import TillInfo


@dataclass(frozen=True)
class SetupResult:
    till: TillInfo
    key_version: int
    queued: tuple[int, ...]           # outbox rows: series registrations waiting for AT
    status: SetupStatus


class SetupMixin(Base):
    # ---- the steps (check only, write nothing) ----------------------------------------
    @staticmethod
    def setup_company(nif: str, name: str, address: str, city: str, postal_code: str,
                      tax_region: str = "PT", certificate_number: str = "0000",
                      business_name: str = "", phone: str = "", email: str = ""
                      ) -> CompanyData:
        """The company: NIF (checked), name, address, tax region (PT, PT-AC, PT-MA) and the
        number AT gave this program (printed on every document)."""
        return steps.company_step(nif, name, address, city, postal_code, tax_region,
                                  certificate_number, business_name, phone, email)

    @staticmethod
    def setup_establishment(code: str = "Global", name: str = "", address: str = "",
                            city: str = "", postal_code: str = "") -> EstablishmentData:
        """The first establishment (blank fields are the company's)."""
        return steps.establishment_step(code, name, address, city, postal_code)

    @staticmethod
    def setup_till(code: str = "CX1", name: str = "Caixa 1") -> TillData:
        return steps.till_step(code, name)

    @staticmethod
    def setup_admin(login: str, name: str, pin: str) -> AdminData:
        """The first administrator and their PIN (4-8 digits, not easy to guess)."""
        return AdminData(check_login(login), fields.text(name, "O nome do administrador", 60,
                                                         min_len=2),
                         roles.check_new_pin(pin))

    def setup_key(self, pem: bytes | None = None, password: bytes | None = None
                  ) -> KeyChoice:
        """Generate a new signing key (no ``pem``), or import one: checked here (RSA-1024,
        readable with ``password``)."""
        if pem is not None:
            self.keys.check_import(pem, password)
        return KeyChoice(pem, password)

    @staticmethod
    def setup_payments(codes: list[str] | str) -> tuple[str, ...]:
        return steps.payments_step(codes)

    def setup_printer(self, connection: str, preset: str = "generic-80",
                      options: dict | None = None) -> PrinterData:
        """The till's printer, checked as printing reads it (a test print is the
        interface's: ``PrinterData.config()``)."""
        return self.check_printer(connection, preset, options)

    def setup_series(self, items: list[SeriesItem | tuple]) -> SeriesPlan:
        """The till's series: each (doc_type, series_id, validation code or None[, kind]).
        A code is the one AT gave on its portal; None registers the series with AT's
        webservice, refused here when this program cannot reach AT."""
        checked = [i if isinstance(i, SeriesItem) else steps.series_item(*i) for i in items]
        plan = steps.series_step(checked)
        if plan.needs_at:
            self.require_at()
        return plan

    def setup_check(self, plan: ShopPlan) -> ShopPlan:
        """Every step of ``plan`` again, and that this database has no shop yet."""
        if self.is_configured():
            raise ValidationError("Esta base de dados já está configurada: a configuração "
                                  "inicial só se faz uma vez.")
        c = plan.company
        self.setup_company(c.nif, c.name, c.address, c.city, c.postal_code, c.tax_region,
                           c.certificate_number, c.business_name, c.phone, c.email)
        e = plan.establishment
        self.setup_establishment(e.code, e.name, e.address, e.city, e.postal_code)
        self.setup_till(plan.till.code, plan.till.name)
        self.setup_admin(plan.admin.login, plan.admin.name, plan.admin.pin)
        self.setup_key(plan.key.pem, plan.key.password)
        self.setup_payments(list(plan.payments))
        if plan.printer is not None:
            self.setup_printer(plan.printer.connection, plan.printer.preset,
                               dict(plan.printer.options))
        self.setup_series(list(plan.series.items))
        steps.language(plan.language)
        return plan

    def setup_plan_from_file(self, path: str, env: dict | None = None) -> ShopPlan:
        """The plan a set-up file describes (``caixa init --from``; docs/shop.example.toml),
        every step checked; errors name the file and the section."""
        return setup_file.read(path, setup_file.Steps(self.setup_key, self.setup_printer,
                                                      self.setup_series), env)

    # ---- the one write -----------------------------------------------------------------
    def setup_commit(self, plan: ShopPlan) -> SetupResult:
        """Create the shop of ``plan`` in one unit of work (all of it or nothing), signing
        key included; this process then acts for its till."""
        self.setup_check(plan)
        # Everything in one unit: the shop's identity, its seal key, its signing key, the
        # shop, and the sealed set-up entry (the journal's first, as the demo's): a failure
        # anywhere leaves no row behind.
        with self._write() as uow:
            now = self.clock.now()
            shop = self.keys.shop_uuid_in(uow)
            seal_version, fingerprint = self.keys.seal_key_in(uow, shop)
            key = self.keys.prepare(plan.key.pem, plan.key.password, shop=shop)
            till, version, queued = shop_setup.create(uow, plan, now, self.keys, key)
            sealing.record_setup(uow, now, plan.admin.login, shop, seal_version, fingerprint)
        self._adopt(till)
        self._shop = shop
        self.quick_check()
        if queued:
            self._kick()
        return SetupResult(self.till_info(), version, tuple(queued), self.setup_status())

    def setup_status(self) -> SetupStatus:
        """Whether this till can sell now, and what is missing when it cannot."""
        with self._read() as uow:
            return shop_setup.status(uow)
