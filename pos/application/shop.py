"""The shop and this till: set-up, who issues, training mode, series, signing keys."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.company import Issuer
from pos.domain.errors import ValidationError
from pos.services import demo, outbox, series_admin

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
        """Create the demo shop (training series) with its first till and signing key."""
        with self._write() as uow:
            till = demo.init_demo(uow, self.clock.now())
        self._adopt(till)
        if not self.keys.has_key():
            self.keys.generate(user)
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

    # ---- signing keys ----------------------------------------------------------------
    def generate_key(self, user: str = "admin") -> int:
        return self.keys.generate(user)

    def import_key(self, pem: bytes, password: bytes | None, user: str = "admin") -> int:
        return self.keys.import_pem(pem, password, user)

    def public_key(self, version: int | None = None) -> bytes:
        return self.keys.public_pem(version)

    def has_key(self) -> bool:
        return self.keys.has_key()
