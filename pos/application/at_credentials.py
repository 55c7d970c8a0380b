"""AT credentials and certificates as the back office sets them (see
pos.services.at_credentials for where each goes). Secrets go in and are never given back
to a screen: ``at_credentials`` says only whether each is set. Changes need 'settings'."""

from __future__ import annotations

from pos.services import at_credentials as creds
from pos.services.at_credentials import AtConnection, AtCredentialsInfo
from pos.services.shop_admin import company
from pos.services.staff import require

from .base import Base

PURPOSE = "at credentials"


class AtCredentialsMixin(Base):
    def at_credentials(self) -> AtCredentialsInfo:
        with self._read() as uow:
            return creds.info(uow)

    def set_at_credentials(self, username: str, password: str, environment: str = "test",
                           wsdl_dir: str | None = None, user: str = "admin") -> None:
        """The sub-user (``NIF/N`` of the company, profile WSE/WFA/WDT at AT), its
        password (kept encrypted) and the environment; ``wsdl_dir``: the folder with AT's
        three WSDL files."""
        key = self.keys.secret_key(PURPOSE)
        with self._write() as uow:
            require(uow, user, "settings")
            creds.set_login(uow, key, company(uow).nif, username, password, environment,
                            wsdl_dir, self.clock.now(), user)
        self._at_changed()

    def set_at_certificates(self, at_public_cert: bytes | None = None,
                            client_cert: bytes | None = None, client_key: bytes | None = None,
                            key_password: bytes | None = None, user: str = "admin") -> None:
        """AT's public-key certificate (PEM or DER .cer) and/or the client certificate AT
        signed with its private key (PEM; ``key_password`` when it is encrypted). The key
        is kept encrypted and never shown back."""
        key = self.keys.secret_key(PURPOSE)
        with self._write() as uow:
            require(uow, user, "settings")
            creds.set_certificates(uow, key, at_public_cert, client_cert, client_key,
                                   key_password, self.clock.now(), user)
        self._at_changed()

    def clear_at_credentials(self, user: str = "admin") -> None:
        with self._write() as uow:
            require(uow, user, "settings")
            creds.clear(uow, self.clock.now(), user)
        self._at_changed()

    def at_connection(self) -> AtConnection | None:
        """For the AT sender only (never a screen): the stored credentials, decrypted,
        when complete."""
        with self._read() as uow:
            shown = creds.info(uow)
        if not shown.complete:
            return None
        key = self.keys.secret_key(PURPOSE)
        with self._read() as uow:
            return creds.connection(uow, key)

    def _at_changed(self) -> None:
        """The AT sender reads its configuration again on its next start."""
        reload = getattr(self.at_link, "reload", None)
        if reload is not None:
            reload()
