"""AT webservice settings for one till (FISCAL-PT §4.1, §5, §6).

Nothing here opens a socket: ``ATConfig`` is a value; ``sync.clients`` uses it. The only
files looked at are AT's WSDLs, found through ``pos.reference`` when ``wsdl_dir`` is not set.
The password is kept out of ``repr``/``str`` so a config can be logged safely.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pos import reference
from pos.domain.errors import PosError
from pos.domain.numbers import whole_number
from pos.domain.text import shown

from .errors import ConfigurationError

SERIES = "series"
INVOICES = "invoices"
TRANSPORT = "transport"
SERVICES = (SERIES, INVOICES, TRANSPORT)

_HOST = "https://servicos.portaldasfinancas.gov.pt"
ENDPOINTS: dict[str, dict[str, str]] = {
    "test": {
        SERIES: f"{_HOST}:722/SeriesWSService",
        INVOICES: f"{_HOST}:723/fatcorews/ws/",
        TRANSPORT: f"{_HOST}:701/sgdtws/documentosTransporte",
    },
    # The series manual v1.0 leaves production "to be defined"; :422 is what the public
    # implementations use (FISCAL-PT §4.1).
    "production": {
        SERIES: f"{_HOST}:422/SeriesWSService",
        INVOICES: f"{_HOST}:423/fatcorews/ws/",
        TRANSPORT: f"{_HOST}:401/sgdtws/documentosTransporte",
    },
}

WSDL_FILES = {
    SERIES: "SeriesWSService.wsdl",
    INVOICES: "fatcorews.wsdl",
    TRANSPORT: "documentosTransporte.wsdl",
}

_USERNAME_RE = re.compile(r"^\d{9}/\d{1,9}$")

# config key -> environment variable that overrides it
ENV_VARS = {
    "environment": "CAIXA_AT_ENVIRONMENT",
    "wsdl_dir": "CAIXA_AT_WSDL_DIR",
    "username": "CAIXA_AT_USERNAME",
    "password": "CAIXA_AT_PASSWORD",
    "at_public_cert": "CAIXA_AT_PUBLIC_CERT",
    "client_cert": "CAIXA_AT_CLIENT_CERT",
    "client_key": "CAIXA_AT_CLIENT_KEY",
    "ca_bundle": "CAIXA_AT_CA_BUNDLE",
    "series_url": "CAIXA_AT_SERIES_URL",
    "invoices_url": "CAIXA_AT_INVOICES_URL",
    "transport_url": "CAIXA_AT_TRANSPORT_URL",
    "connect_timeout": "CAIXA_AT_CONNECT_TIMEOUT",
    "read_timeout": "CAIXA_AT_READ_TIMEOUT",
    "software_certificate_number": "CAIXA_AT_SOFTWARE_CERT_NUMBER",
    "tax_entity": "CAIXA_AT_TAX_ENTITY",
    "validate_requests": "CAIXA_AT_VALIDATE_REQUESTS",
}

_PATHS = {"wsdl_dir", "at_public_cert", "client_cert", "client_key", "ca_bundle"}
_FLOATS = {"connect_timeout", "read_timeout"}
_INTS = {"software_certificate_number"}
_BOOLS = {"validate_requests"}


@dataclass(frozen=True, repr=False)
class ATConfig:
    """Everything needed to call AT's three webservices.

    ``environment`` picks AT's default endpoints ("test" or "production"); any
    ``*_url`` given explicitly wins (that is how the sandbox is reached). ``ca_bundle``
    None means the system trust store. ``client_cert``/``client_key`` are PEM files for
    mutual TLS (the key unencrypted: requests cannot take a key password).
    """

    wsdl_dir: Path
    username: str
    password: str = field(repr=False)
    at_public_cert: Path
    client_cert: Path | None = None
    client_key: Path | None = None
    ca_bundle: Path | None = None
    environment: str = "test"
    series_url: str | None = None
    invoices_url: str | None = None
    transport_url: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    software_certificate_number: int = 0
    tax_entity: str = "Global"
    validate_requests: bool = True
    # The client key's password when the key file is encrypted (the shop's stored
    # credentials are written so: sync.stored_credentials); never from a file or variable.
    client_key_password: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.environment not in ENDPOINTS:
            raise ConfigurationError(
                f"Ambiente AT desconhecido: {shown(self.environment)} (use 'test' ou "
                "'production').")
        if not _USERNAME_RE.match(self.username or ""):
            raise ConfigurationError(
                f"Sub-utilizador AT inválido: {shown(self.username)}. Use o formato NIF/número, "
                "por exemplo 555555555/1.")
        if not self.password:
            raise ConfigurationError("Falta a senha do sub-utilizador AT.")
        if (self.client_cert is None) != (self.client_key is None):
            raise ConfigurationError(
                "Indique o certificado do cliente e a respetiva chave, ou nenhum dos dois.")
        if self.connect_timeout <= 0 or self.read_timeout <= 0:
            raise ConfigurationError("Os tempos limite de ligação à AT têm de ser positivos.")
        for name in ("series_url", "invoices_url", "transport_url"):
            if getattr(self, name) is None:
                object.__setattr__(self, name, ENDPOINTS[self.environment][name[:-4]])

    @property
    def nif(self) -> str:
        """The taxpayer's NIF, taken from the sub-user (``NIF/N``)."""
        return self.username.split("/", 1)[0]

    def endpoint(self, service: str) -> str:
        return getattr(self, f"{service}_url")

    def wsdl_path(self, service: str) -> Path:
        return Path(self.wsdl_dir) / WSDL_FILES[service]

    @property
    def timeout(self) -> tuple[float, float]:
        """(connect, read) as requests expects it."""
        return (self.connect_timeout, self.read_timeout)

    def redacted(self) -> str:
        """A one-line description safe for logs and screens: the password is masked."""
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("password", "client_key_password"):
                value = "***" if value else value
            elif isinstance(value, Path):
                value = str(value)
            parts.append(f"{f.name}={value!r}")
        return f"ATConfig({', '.join(parts)})"

    __repr__ = redacted
    __str__ = redacted

    @classmethod
    def from_mapping(cls, d: Mapping[str, Any], env: Mapping[str, str] | None = None) -> ATConfig:
        """Build from a settings mapping, then let ``CAIXA_AT_*`` environment variables win.

        ============================ ============================== ========================
        key                          environment variable           meaning
        ============================ ============================== ========================
        environment                  CAIXA_AT_ENVIRONMENT           ``test`` (default) or
                                                                    ``production``
        wsdl_dir                     CAIXA_AT_WSDL_DIR              folder with the 3 WSDLs
                                                                    (default: the copy
                                                                    ``caixa at-reference``
                                                                    keeps)
        username                     CAIXA_AT_USERNAME              sub-user ``NIF/N``
        password                     CAIXA_AT_PASSWORD              sub-user password
        at_public_cert               CAIXA_AT_PUBLIC_CERT           AT key certificate
                                                                    (PEM or DER .cer) used
                                                                    to encrypt the Nonce
        client_cert                  CAIXA_AT_CLIENT_CERT           PEM certificate signed
                                                                    by AT (mutual TLS)
        client_key                   CAIXA_AT_CLIENT_KEY            its PEM key, unencrypted
        ca_bundle                    CAIXA_AT_CA_BUNDLE             PEM CAs to trust; empty
                                                                    = system store
        series_url                   CAIXA_AT_SERIES_URL            override SeriesWSService
        invoices_url                 CAIXA_AT_INVOICES_URL          override fatcorews
        transport_url                CAIXA_AT_TRANSPORT_URL         override sgdtws
        connect_timeout              CAIXA_AT_CONNECT_TIMEOUT       seconds (default 10)
        read_timeout                 CAIXA_AT_READ_TIMEOUT          seconds (default 30)
        software_certificate_number  CAIXA_AT_SOFTWARE_CERT_NUMBER  AT certificate number of
                                                                    this program (0 if none)
        tax_entity                   CAIXA_AT_TAX_ENTITY            fatcorews TaxEntity
                                                                    (default ``Global``)
        validate_requests            CAIXA_AT_VALIDATE_REQUESTS     check each request
                                                                    against the WSDL schema
                                                                    before sending (default
                                                                    true)
        ============================ ============================== ========================

        An environment variable set to the empty string counts as unset. Unknown keys in
        ``d`` are refused, so a typo does not silently fall back to a default.
        """
        env = os.environ if env is None else env
        unknown = set(d) - set(ENV_VARS)
        if unknown:
            raise ConfigurationError(
                f"Chaves desconhecidas na configuração AT: {', '.join(sorted(unknown))}.")
        merged: dict[str, Any] = {k: v for k, v in d.items() if v is not None and v != ""}
        for key, var in ENV_VARS.items():
            value = env.get(var)
            if value:
                merged[key] = value
        if "wsdl_dir" not in merged:
            located = reference.wsdl_dir(env)   # the set-up's copy (or the bundle's)
            if located is not None:
                merged["wsdl_dir"] = located
        missing = [k for k in ("wsdl_dir", "username", "password", "at_public_cert")
                   if k not in merged]
        if missing:
            names = ", ".join(f"{k} ({ENV_VARS[k]})" for k in missing)
            raise ConfigurationError(f"Configuração AT incompleta: falta {names}.")
        return cls(**{k: _convert(k, v) for k, v in merged.items()})


def _convert(key: str, value: Any) -> Any:
    try:
        if key in _PATHS:
            return Path(value).expanduser()
        if key in _FLOATS:
            seconds = float(value)
            if not math.isfinite(seconds):
                raise ValueError(value)
            return seconds
        if key in _INTS:
            return whole_number(value, key, 0)
        if key in _BOOLS:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "sim", "on"):
                return True
            if text in ("0", "false", "no", "nao", "não", "off"):
                return False
            raise ValueError(value)
    except (ValueError, TypeError, PosError):
        raise ConfigurationError(
            f"Valor inválido para {key} na configuração AT: {shown(value)}.") from None
    return value
