"""AT credentials and certificates kept by the shop (the back office's "AT" settings).

Where each thing goes:

- the sub-user (``NIF/N``), the environment (test or production) and the folder of AT's
  WSDLs: shop settings, in clear (nothing secret);
- AT's public-key certificate and the client certificate: shop settings, as PEM (public);
- the sub-user's password and the client certificate's private key: shop settings,
  encrypted (AES-256-GCM, pos.services.secret_box) under a key derived from the shop's key
  passphrase, which is never in the database. They are never shown back: the back office
  only learns whether each is set. The AT sender alone gets them (``connection``), to put
  the password in each request and the key, encrypted again, in a private temporary file.

A ``[at]`` section in caixa.toml (or ``CAIXA_AT_*`` variables) still wins: an installer may
keep the configuration there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import serialization

from pos.domain import fields
from pos.domain.errors import ValidationError
from pos.persistence.uow import UnitOfWork

from . import secret_box

if TYPE_CHECKING:
    from cryptography import x509

PREFIX = "at_"
KEYS = ("environment", "username", "password", "wsdl_dir", "public_cert", "client_cert",
        "client_key")
WSDL_FILES = ("SeriesWSService.wsdl", "fatcorews.wsdl", "documentosTransporte.wsdl")
_USERNAME = re.compile(r"^(\d{9})/(\d{1,9})$")


@dataclass(frozen=True)
class CertInfo:
    subject: str
    not_after: datetime


@dataclass(frozen=True)
class AtCredentialsInfo:
    """What the back office shows: never a password or a private key."""

    environment: str
    username: str
    password_set: bool
    wsdl_dir: str
    at_public_cert: CertInfo | None
    client_cert: CertInfo | None
    client_key_set: bool

    @property
    def complete(self) -> bool:
        return bool(self.username and self.password_set and self.wsdl_dir
                    and self.at_public_cert and self.client_cert and self.client_key_set)


@dataclass(frozen=True, repr=False)
class AtConnection:
    """For the AT sender only (sync.link): everything to build its configuration."""

    environment: str
    username: str
    password: str = field(repr=False)
    wsdl_dir: str = ""
    at_public_cert: bytes = b""
    client_cert: bytes = b""
    client_key: bytes = field(default=b"", repr=False)     # PEM, unencrypted, in memory

    def __repr__(self) -> str:
        return f"AtConnection({self.username}, {self.environment}, secrets hidden)"


def _get(uow: UnitOfWork, key: str) -> str:
    return uow.settings.get(PREFIX + key)


def _load_cert(raw: bytes, what: str) -> x509.Certificate:
    from cryptography import x509  # loaded with a certificate, not with every command

    try:
        if raw.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(raw)
        return x509.load_der_x509_certificate(raw)
    except ValueError:
        raise ValidationError(f"O {what} não é um certificado X.509 (PEM ou DER).") from None


def _info(cert: x509.Certificate) -> CertInfo:
    return CertInfo(cert.subject.rfc4514_string(),
                    cert.not_valid_after_utc.replace(tzinfo=None))


def _valid(cert: x509.Certificate, what: str, now: datetime) -> None:
    until = cert.not_valid_after_utc.replace(tzinfo=None)
    if until < now:
        raise ValidationError(f"O {what} expirou em {until:%Y-%m-%d}: peça um novo.")


def info(uow: UnitOfWork) -> AtCredentialsInfo:
    certs = {}
    for key in ("public_cert", "client_cert"):
        pem = _get(uow, key)
        certs[key] = _info(_load_cert(pem.encode(), key)) if pem else None
    return AtCredentialsInfo(_get(uow, "environment") or "test", _get(uow, "username"),
                             bool(_get(uow, "password")), _get(uow, "wsdl_dir"),
                             certs["public_cert"], certs["client_cert"],
                             bool(_get(uow, "client_key")))


def set_login(uow: UnitOfWork, box_key: bytes, company_nif: str, username: str,
              password: str, environment: str, wsdl_dir: str | None, now: datetime,
              by: str) -> None:
    m = _USERNAME.match((username or "").strip())
    if m is None:
        raise ValidationError(f"Sub-utilizador AT inválido: {username!r} (formato NIF/número, "
                              "por exemplo 555555555/1).")
    if m.group(1) != company_nif:
        raise ValidationError(f"O sub-utilizador AT tem de ser da empresa (NIF {company_nif}), "
                              f"não de {m.group(1)}.")
    if not password or fields.has_control(password) or len(password) > 200:
        raise ValidationError("Indique a senha do sub-utilizador AT (até 200 caracteres).")
    if environment not in ("test", "production"):
        raise ValidationError(f"Ambiente AT desconhecido: {environment!r} (use test ou "
                              "production).")
    if wsdl_dir is not None:
        folder = Path(fields.text(wsdl_dir, "A pasta dos WSDL da AT", 500)).expanduser()
        missing = [f for f in WSDL_FILES if not (folder / f).is_file()]
        if missing:
            raise ValidationError(f"A pasta {folder} não tem {', '.join(missing)} (os WSDL dos "
                                  "webservices da AT).")
        uow.settings.put(PREFIX + "wsdl_dir", str(folder.resolve()))
    uow.settings.put(PREFIX + "username", m.group(0))
    uow.settings.put(PREFIX + "environment", environment)
    uow.settings.put(PREFIX + "password",
                     secret_box.seal(box_key, password.encode("utf-8"), "at_password"))
    uow.audit.append(now, by, "at_credentials", f"{m.group(0)} {environment}")


def set_certificates(uow: UnitOfWork, box_key: bytes, at_public_cert: bytes | None,
                     client_cert: bytes | None, client_key: bytes | None,
                     key_password: bytes | None, now: datetime, by: str) -> None:
    """AT's public-key certificate and/or the client certificate with its private key
    (checked: readable, not expired, the key matching the certificate)."""
    notes = []
    if at_public_cert is not None:
        cert = _load_cert(at_public_cert, "certificado da chave pública da AT")
        _valid(cert, "certificado da chave pública da AT", now)
        uow.settings.put(PREFIX + "public_cert", cert.public_bytes(
            serialization.Encoding.PEM).decode("ascii"))
        notes.append(f"AT key until {_info(cert).not_after:%Y-%m-%d}")
    if (client_cert is None) != (client_key is None):
        raise ValidationError("Indique o certificado do cliente e a respetiva chave privada, "
                              "juntos.")
    if client_cert is not None:
        cert = _load_cert(client_cert, "certificado do cliente")
        _valid(cert, "certificado do cliente", now)
        try:
            key = serialization.load_pem_private_key(client_key, password=key_password)
        except (ValueError, TypeError):
            raise ValidationError("Não foi possível ler a chave privada do certificado do "
                                  "cliente (PEM; a palavra-passe está certa?).") from None
        pub = serialization.PublicFormat.SubjectPublicKeyInfo
        enc = serialization.Encoding.PEM
        if key.public_key().public_bytes(enc, pub) != cert.public_key().public_bytes(enc, pub):
            raise ValidationError("A chave privada não é a do certificado do cliente.")
        plain = key.private_bytes(enc, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
        uow.settings.put(PREFIX + "client_cert", cert.public_bytes(enc).decode("ascii"))
        uow.settings.put(PREFIX + "client_key", secret_box.seal(box_key, plain, "at_client_key"))
        notes.append(f"client {cert.subject.rfc4514_string()} until "
                     f"{_info(cert).not_after:%Y-%m-%d}")
    if notes:
        uow.audit.append(now, by, "at_certificates", "; ".join(notes))


def clear(uow: UnitOfWork, now: datetime, by: str) -> None:
    for key in KEYS:
        uow.settings.put(PREFIX + key, "")
    uow.audit.append(now, by, "at_credentials", "cleared")


def connection(uow: UnitOfWork, box_key: bytes) -> AtConnection | None:
    """The stored credentials, decrypted, when complete; None otherwise."""
    shown = info(uow)
    if not shown.complete:
        return None
    return AtConnection(
        shown.environment, shown.username,
        secret_box.open_sealed(box_key, _get(uow, "password"), "at_password").decode("utf-8"),
        shown.wsdl_dir, _get(uow, "public_cert").encode("ascii"),
        _get(uow, "client_cert").encode("ascii"),
        secret_box.open_sealed(box_key, _get(uow, "client_key"), "at_client_key"))

