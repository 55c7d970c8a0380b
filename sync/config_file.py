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

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pos.domain.doctypes import DOC_TYPES
from pos.domain.errors import PosError
from pos.domain.numbers import MAX_INT
from pos.domain.text import check_text, shown
from pos.files import read_text_file, readable_by_others
from pos.services.at_series import DEFAULT_DOC_TYPES, DEFAULT_RECOVERY_DOC_TYPES
from pos.services.outbox import QueuePolicy

from .config import _BOOLS, _FLOATS, _INTS, _PATHS, ENV_VARS, ATConfig
from .errors import ConfigurationError

FILE_NAME = "caixa.toml"
ENV_PATH = "CAIXA_CONFIG"
_QUEUE_KEYS = {f.name for f in fields(QueuePolicy)} | {"interval_seconds", "batch"}
_SERIES_KEYS = {"doc_types", "recovery_doc_types", "warn_days"}
_AT_EXTRA = {"password_file"}
MAX_FILE = 1024 * 1024   # a configuration file is a few hundred bytes
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


class _Wrong(Exception):
    """A value of the wrong type or range; ``str`` says what it should be."""


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value):
        raise _Wrong("um número")
    return value


def _seconds(value: Any) -> float:
    try:
        value = _number(value)
    except _Wrong:
        value = -1
    if not 0 < value <= MAX_SECONDS:
        raise _Wrong(f"um número de segundos maior do que 0 e até {MAX_SECONDS}")
    return float(value)


def _whole(low: int, high: int):
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _Wrong(f"um número inteiro de {low} a {high}")
        return value
    return check


def _words(value: Any) -> str:
    if not isinstance(value, str):
        raise _Wrong("texto entre aspas")
    try:
        return check_text(value, "o valor", 4096, required=False)
    except PosError as exc:
        raise _Wrong(f"texto visível ({exc})") from None


def _doc_types(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Wrong('uma lista de tipos de documento, por exemplo ["FS", "FT"]')
    codes = tuple(v.strip().upper() for v in value)
    unknown = [c for c in codes if c not in DOC_TYPES]
    if unknown:
        raise _Wrong(f"uma lista de tipos de documento conhecidos ({', '.join(DOC_TYPES)}), "
                     f"sem {shown(unknown[0], 10)}")
    return codes


def _or_words(check):
    """[at] values may also be text, as their CAIXA_AT_* variables are: ATConfig reads it."""
    def either(value: Any):
        return _words(value) if isinstance(value, str) else check(value)
    return either


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Wrong("true ou false")
    return value


MAX_SECONDS = 7 * 24 * 3600
_QUEUE = {"invoice_channel": _words, "retry_base_seconds": _seconds,
          "retry_max_seconds": _seconds, "lease_seconds": _seconds,
          "invoice_warn_days": _whole(0, 366), "transport_warn_minutes": _whole(0, 7 * 24 * 60),
          "interval_seconds": _seconds, "batch": _whole(1, 1000)}
_SERIES = {"doc_types": _doc_types, "recovery_doc_types": _doc_types,
           "warn_days": _whole(0, 3660)}


def _at_kind(key: str):
    if key in _FLOATS:
        return _or_words(_seconds)
    if key in _INTS:
        return _or_words(_whole(0, MAX_INT))
    if key in _BOOLS:
        return _or_words(_flag)
    return _words


def _typed(path: Path, section: str, data: Mapping[str, Any], kinds) -> dict[str, Any]:
    """Each value checked for its key: one sentence naming the key and the file."""
    out = {}
    for key, value in data.items():
        try:
            out[key] = kinds(key)(value)
        except _Wrong as wrong:
            raise ConfigurationError(f"[{section}] {key} em {path} tem de ser {wrong} "
                                     f"(está {shown(_toml(value), 30)}).") from None
    return out


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _table(path: Path, data: Mapping[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigurationError(f"[{name}] em {path} tem de ser uma secção ([{name}] numa "
                                 f"linha e as chaves por baixo), não {shown(_toml(value), 30)}.")
    return value


def _check_keys(section: str, data: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ConfigurationError(f"Chaves desconhecidas em [{section}]: "
                                 f"{', '.join(sorted(unknown))}.")


_readable_by_others = readable_by_others


def _at_section(path: Path, data: Mapping[str, Any]) -> dict[str, Any]:
    _check_keys("at", data, set(ENV_VARS) | _AT_EXTRA)
    at = _typed(path, "at", data, _at_kind)
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
            if _readable_by_others(Path(secret)):
                raise ConfigurationError(
                    f"password_file {secret} (em {path}) pode ser lido por outros "
                    f"utilizadores: use 'chmod 600 {secret}'.")
            at.setdefault("password", read_text_file(Path(secret), "password_file", 4096)
                          .strip())
        except OSError as exc:
            raise ConfigurationError(f"Não foi possível ler password_file {secret}: "
                                     f"{exc.strerror or exc}.") from None
        except PosError as exc:
            raise ConfigurationError(str(exc)) from None
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
    if not path.exists():
        if explicit:
            raise ConfigurationError(f"Ficheiro de configuração não encontrado: {path}.")
        return CaixaConfig(path=path)
    try:
        data = tomllib.loads(read_text_file(path, "o ficheiro de configuração", MAX_FILE))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"Não foi possível ler {path}: {exc}.") from None
    except RecursionError:
        # tomllib recurses once per nested bracket: 20,000 of them exhaust the stack.
        raise ConfigurationError(f"Não foi possível ler {path}: listas ou tabelas "
                                 "encaixadas umas nas outras vezes demais.") from None
    except PosError as exc:
        raise ConfigurationError(str(exc)) from None
    _check_keys("", data, {"at", "queue", "series", "pdf_signing"})
    queue, series, at, signing = (_table(path, data, name)
                                  for name in ("queue", "series", "at", "pdf_signing"))
    _check_keys("queue", queue, _QUEUE_KEYS)
    _check_keys("series", series, _SERIES_KEYS)
    queue = _typed(path, "queue", queue, _QUEUE.__getitem__)
    series = _typed(path, "series", series, _SERIES.__getitem__)
    interval = queue.pop("interval_seconds", 60.0)
    batch = queue.pop("batch", 10)
    try:
        policy = QueuePolicy(**queue)
    except (TypeError, ValueError, PosError) as exc:
        raise ConfigurationError(f"[queue] em {path}: {exc}") from None
    return CaixaConfig(
        path=path, at=_at_section(path, at), queue=policy,
        interval_seconds=interval, batch=batch,
        doc_types=series.get("doc_types", DEFAULT_DOC_TYPES),
        recovery_doc_types=series.get("recovery_doc_types", DEFAULT_RECOVERY_DOC_TYPES),
        series_warn_days=series.get("warn_days", 30),
        pdf_signing=_pdf_signing_section(path, signing))
