"""The till's configuration file (TOML): AT connection, queue behaviour, series plan.

Path: ``$CAIXA_CONFIG``, else ``<data dir>/caixa.toml``. A missing default file means "all
defaults, AT not configured"; a missing file named by ``CAIXA_CONFIG`` is an error. Relative
paths inside the file are relative to the file. ``CAIXA_AT_*`` variables override ``[at]``
(see ``ATConfig.from_mapping``). Example::

    [at]
    environment = "production"
    wsdl_dir = "wsdl"
    username = "123456789/1"
    password_file = "at-password"      # or CAIXA_AT_PASSWORD; never the password in a
                                       # file others can read
    at_public_cert = "ChavePublicaAT.cer"
    client_cert = "123456789.crt"
    client_key = "123456789.key"

    [queue]
    invoice_channel = "webservice"     # or "saft": monthly SAF-T upload instead
    interval_seconds = 60

    [series]
    doc_types = ["FS", "FR", "FT", "NC", "ND", "GT"]

    [pdf_signing]                      # qualified signature of A4 PDF invoices
    pkcs12 = "loja.p12"                # or pkcs11_library + token_label + key_label
    password_file = "loja.p12.senha"   # or CAIXA_PDF_SIGN_PASSWORD (pin_file / _PIN)
    tsa_url = "http://…"               # optional: a trusted timestamp
"""

from __future__ import annotations

import os
import stat
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pos.domain.errors import PosError
from pos.services.at_series import DEFAULT_DOC_TYPES, DEFAULT_RECOVERY_DOC_TYPES
from pos.services.outbox import QueuePolicy

from .config import _PATHS, ENV_VARS, ATConfig
from .errors import ConfigurationError

FILE_NAME = "caixa.toml"
ENV_PATH = "CAIXA_CONFIG"
_QUEUE_KEYS = {f.name for f in fields(QueuePolicy)} | {"interval_seconds", "batch"}
_SERIES_KEYS = {"doc_types", "recovery_doc_types", "warn_days"}
_AT_EXTRA = {"password_file"}
# [pdf_signing]: keys checked by printing.pdf_sign; here paths and secret files.
_SIGN_PATHS = {"pkcs12", "pkcs11_library"}
_SIGN_SECRETS = {"password_file": "password", "pin_file": "pin"}


@dataclass(frozen=True)
class CaixaConfig:
    """Everything the sync side reads from the file. ``at`` is the raw ``[at]`` mapping."""

    path: Path | None = None
    at: Mapping[str, Any] = field(default_factory=dict)
    queue: QueuePolicy = field(default_factory=QueuePolicy)
    interval_seconds: float = 60.0
    batch: int = 10
    doc_types: tuple[str, ...] = DEFAULT_DOC_TYPES
    recovery_doc_types: tuple[str, ...] = DEFAULT_RECOVERY_DOC_TYPES
    series_warn_days: int = 30
    pdf_signing: Mapping[str, Any] = field(default_factory=dict)   # see printing.pdf_sign

    def at_config(self, env: Mapping[str, str] | None = None) -> ATConfig:
        """The AT settings (environment variables win); ConfigurationError when incomplete."""
        env = os.environ if env is None else env
        if not self.at and not any(env.get(v) for v in ENV_VARS.values()):
            where = self.path or FILE_NAME
            raise ConfigurationError(
                f"A ligação à AT não está configurada: falta a secção [at] em {where} "
                "(ou as variáveis CAIXA_AT_*).")
        return ATConfig.from_mapping(self.at, env=env)


def config_path(data_dir: Path, env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env[ENV_PATH]).expanduser() if env.get(ENV_PATH) else Path(data_dir) / FILE_NAME


def _check_keys(section: str, data: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ConfigurationError(f"Chaves desconhecidas em [{section}]: "
                                 f"{', '.join(sorted(unknown))}.")


def _readable_by_others(path: Path) -> bool:
    if sys.platform == "win32":  # NTFS permissions are not mode bits
        return False
    return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def _at_section(path: Path, data: Mapping[str, Any]) -> dict[str, Any]:
    _check_keys("at", data, set(ENV_VARS) | _AT_EXTRA)
    at = dict(data)
    base = path.parent
    for key in _PATHS | _AT_EXTRA:
        if at.get(key):
            p = Path(str(at[key])).expanduser()
            at[key] = str(p if p.is_absolute() else base / p)
    if at.get("password") and _readable_by_others(path):
        raise ConfigurationError(
            f"{path} tem a senha da AT e pode ser lido por outros utilizadores: use "
            f"'chmod 600 {path}', password_file, ou CAIXA_AT_PASSWORD.")
    secret = at.pop("password_file", None)
    if secret:
        try:
            at.setdefault("password", Path(secret).read_text(encoding="utf-8").strip())
        except OSError as exc:
            raise ConfigurationError(f"Não foi possível ler password_file {secret}: "
                                     f"{exc.strerror or exc}.") from None
    return at


def _read_secret(key: str, secret: str) -> str:
    try:
        return Path(secret).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigurationError(f"Não foi possível ler {key} {secret}: "
                                 f"{exc.strerror or exc}.") from None


def _pdf_signing_section(path: Path, data: Mapping[str, Any]) -> dict[str, Any]:
    """Paths relative to the file; secrets from their files, as for [at]'s password."""
    out = dict(data)
    for key in _SIGN_PATHS | set(_SIGN_SECRETS):
        if out.get(key):
            p = Path(str(out[key])).expanduser()
            out[key] = str(p if p.is_absolute() else path.parent / p)
    for key in _SIGN_SECRETS.values():
        if out.get(key) and _readable_by_others(path):
            raise ConfigurationError(
                f"{path} tem o segredo '{key}' da assinatura de PDF e pode ser lido por outros "
                f"utilizadores: use 'chmod 600 {path}' ou {key}_file.")
    for key, target in _SIGN_SECRETS.items():
        secret = out.pop(key, None)
        if secret:
            out.setdefault(target, _read_secret(key, secret))
    return out


def load(path: Path | None = None, *, data_dir: Path | None = None,
         env: Mapping[str, str] | None = None) -> CaixaConfig:
    """Read the file at ``path`` (or the default location); defaults when it is absent."""
    env = os.environ if env is None else env
    explicit = path is not None or bool(env.get(ENV_PATH))
    if path is None:
        if data_dir is None and not env.get(ENV_PATH):
            return CaixaConfig()
        path = config_path(data_dir or Path("."), env)
    path = Path(path)
    if not path.is_file():
        if explicit:
            raise ConfigurationError(f"Ficheiro de configuração não encontrado: {path}.")
        return CaixaConfig(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"Não foi possível ler {path}: {exc}.") from None
    _check_keys("", data, {"at", "queue", "series", "pdf_signing"})
    queue = dict(data.get("queue", {}))
    series = dict(data.get("series", {}))
    _check_keys("queue", queue, _QUEUE_KEYS)
    _check_keys("series", series, _SERIES_KEYS)
    interval = float(queue.pop("interval_seconds", 60.0))
    batch = int(queue.pop("batch", 10))
    try:
        policy = QueuePolicy(**queue)
    except (TypeError, ValueError, PosError) as exc:
        raise ConfigurationError(f"[queue] em {path}: {exc}") from None
    return CaixaConfig(
        path=path, at=_at_section(path, data.get("at", {})), queue=policy,
        interval_seconds=interval, batch=max(1, batch),
        doc_types=tuple(str(t).upper() for t in series.get("doc_types", DEFAULT_DOC_TYPES)),
        recovery_doc_types=tuple(str(t).upper() for t in series.get(
            "recovery_doc_types", DEFAULT_RECOVERY_DOC_TYPES)),
        series_warn_days=int(series.get("warn_days", 30)),
        pdf_signing=_pdf_signing_section(path, data.get("pdf_signing", {})))
