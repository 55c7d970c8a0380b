"""The shop and this till: set-up, who issues, training mode, series, signing keys."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.company import Issuer
from pos.domain.errors import ValidationError
from pos.services import catalogue, demo, outbox, sealing, series_admin

from .base import Base


@dataclass(frozen=True)
class TillInfo:
    code: str
    name: str
    establishment: str


class ShopMixin(Base):
    # ---- set-up ----------------------------------------------------------------------
    def is_configured(self) -> bool:
        with self._read() as uow:
            return demo.is_configured(uow)

    def require_configured(self) -> None:
        """Refuse to work on a database nobody has set up (the CLI's first check)."""
        if not self.is_configured() or self.till is None:
            where = self.db.url.removeprefix("sqlite:///")
            raise ValidationError(f"A base de dados {where} não está configurada: execute "
                                  "'caixa init --from loja.toml' (ou 'caixa init --demo' "
                                  "para a loja de demonstração).")

    def init_demo(self, user: str = "admin") -> TillInfo:
        """Create the demo shop (training series) with its first till, its seal and signing
        keys (passphrase in the OS key store), and anchor it outside the database."""
        self.keys.ensure_seal_key()
        sealer = self.keys.sealer()
        fingerprint = self.keys.seal_verifiers()[sealer.version].fingerprint
        shop = self.keys.shop_uuid(create=True)
        with self._write() as uow:
            now = self.clock.now()
            till = demo.init_demo(uow, now)
            sealing.record_setup(uow, now, user, shop, sealer.version, fingerprint)
        self._adopt(till)
        self._shop = shop
        if not self.keys.has_key():
            self.keys.generate(user)
        self.quick_check()
        return self.till_info()

    def till_info(self) -> TillInfo:
        t = self.till
        if t is None:
            raise ValidationError("A base de dados ainda não está configurada: execute "
                                  "'caixa init'.")
        return TillInfo(t.code, t.name, t.establishment)

    def issuer(self) -> Issuer:
        """The shop as this till prints and exports it."""
        with self._read() as uow:
            issuer = outbox.issuer(uow)
        if issuer is None:
            raise ValidationError("A empresa ainda não está configurada ('caixa init').")
        return issuer

    # ---- the till's integrity settings ------------------------------------------------
    TILL_SETTINGS = {
        "z_max_hours": "horas de vendas sem fecho Z até a caixa recusar vender (0: sem limite)",
        "clock_window_hours": "avanço do relógio que pede um gerente (0: sem limite)",
        "backup_on_z": "cópia de segurança em cada fecho Z (on/off)",
        "backup_keep": "quantas cópias automáticas guardar",
    }

    def till_settings(self) -> dict[str, str]:
        with self._read() as uow:
            return {k: uow.till_settings.get(k) or {"backup_on_z": "on",
                                                     "backup_keep": "30"}.get(k, "")
                    for k in self.TILL_SETTINGS}

    def set_till_setting(self, key: str, value: str, user: str = "admin") -> None:
        """Change one of ``TILL_SETTINGS`` (journaled with what it was)."""
        if key not in self.TILL_SETTINGS:
            raise ValidationError(f"Definição desconhecida: {key} (use "
                                  f"{', '.join(self.TILL_SETTINGS)}).")
        value = value.strip().lower()
        if key == "backup_on_z":
            if value not in ("on", "off"):
                raise ValidationError("backup_on_z é on ou off.")
        elif not value.isdigit() or int(value) > 10_000:
            raise ValidationError(f"{key} é um número inteiro de 0 a 10000.")
        with self._write() as uow:
            was = uow.till_settings.get(key)
            uow.till_settings.put(key, value)
            uow.audit.append(self.clock.now(), user, "setting", f"{key}: {was} -> {value}")

    # ---- training mode ---------------------------------------------------------------
    def training_mode(self) -> bool:
        with self._read() as uow:
            return uow.till_settings.training

    def set_training_mode(self, on: bool, user: str = "admin") -> None:
        with self._write() as uow:
            uow.till_settings.put("training_mode", "on" if on else "off")
            uow.audit.append(self.clock.now(), user, "training", "on" if on else "off")

    # ---- series ----------------------------------------------------------------------
    def series(self) -> list[series_admin.SeriesInfo]:
        with self._read() as uow:
            return series_admin.listing(uow)

    def add_series(self, doc_type: str, series_id: str, validation_code: str | None,
                   kind: str = "N", user: str = "admin") -> None:
        """A series registered by hand on AT's portal, for this till."""
        with self._write() as uow:
            series_admin.add(uow, doc_type, series_id, validation_code, kind,
                             self.clock.now(), user)

    def change_product_tax(self, code: str, tax_code: str, exemption_code: str | None = None,
                           user: str = "admin") -> str:
        """A product's VAT rate changed (journaled with what it was)."""
        with self._write() as uow:
            return catalogue.change_tax(uow, code, tax_code.upper(), exemption_code, user,
                                        self.clock.now())

    # ---- signing keys ----------------------------------------------------------------
    def generate_key(self, user: str = "admin") -> int:
        return self.keys.generate(user)

    def import_key(self, pem: bytes, password: bytes | None, user: str = "admin") -> int:
        return self.keys.import_pem(pem, password, user)

    def public_key(self, version: int | None = None) -> bytes:
        return self.keys.public_pem(version)

    def has_key(self) -> bool:
        return self.keys.has_key()

    def import_passphrase(self, value: bytes, shop: str | None = None) -> None:
        """Install the keys' passphrase in this machine's key store (another till of the
        shop, a machine replaced): given by the installer, never shown by Caixa. ``shop``:
        the shop's identity when this machine has no database of it yet (a restore)."""
        self.keys.import_passphrase(value, shop)
