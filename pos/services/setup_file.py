"""A shop's set-up file (TOML) read into the steps of the first run (``caixa init --from``).

The example, with every key explained, is ``docs/shop.example.toml``. Unknown sections and
keys are refused (a typo must not fall back to a default), relative paths are relative to
the file, and secrets (the administrator's PIN, an imported key's password) come from an
environment variable or from a file only its owner can read. Each error names the file and
the section, then says what is wrong in the steps' own sentence.
"""

from __future__ import annotations

import os
import stat
import sys
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pos.domain import fields, roles
from pos.domain import setup as steps
from pos.domain.errors import PosError, ValidationError
from pos.domain.setup import KeyChoice, ShopPlan

from .staff import check_login

SECTIONS = {
    "": {"language", "company", "establishment", "till", "admin", "key", "payments",
         "printer", "series"},
    "company": {"nif", "name", "business_name", "address", "city", "postal_code",
                "tax_region", "certificate_number", "phone", "email"},
    "establishment": {"code", "name", "address", "city", "postal_code"},
    "till": {"code", "name"},
    "admin": {"login", "name", "pin", "pin_env", "pin_file"},
    "key": {"generate", "import", "password_env", "password_file"},
    "payments": {"methods"},
    "printer": {"connection", "preset", "options"},
    "series": {"id", "doc_types", "codes", "register_with_at", "recovery_id",
               "recovery_doc_types", "recovery_codes"},
}


class Steps:
    """What the reader needs from the application: the checks that read the database,
    the printer or AT (``Application.setup_key``/``setup_printer``/``setup_series``)."""

    def __init__(self, key: Callable, printer: Callable, series: Callable):
        self.key, self.printer, self.series = key, printer, series


def _readable_by_others(path: Path) -> bool:
    if sys.platform == "win32":
        return False
    return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


class _Reader:
    def __init__(self, path: Path, data: Mapping[str, Any], env: Mapping[str, str]):
        self.path, self.data, self.env = path, data, env

    def fail(self, section: str, message: str) -> ValidationError:
        where = f"{self.path.name}, [{section}]" if section else self.path.name
        return ValidationError(f"{where}: {message}")

    def section(self, name: str, required: bool = True) -> dict:
        value = self.data.get(name)
        if value is None:
            if required:
                raise self.fail(name, "secção em falta.")
            return {}
        if not isinstance(value, dict):
            raise self.fail(name, "tem de ser uma secção ([" + name + "]).")
        unknown = sorted(set(value) - SECTIONS[name])
        if unknown:
            raise self.fail(name, f"chave desconhecida: {', '.join(unknown)}.")
        return value

    def file(self, section: str, value: object) -> Path:
        p = Path(str(value)).expanduser()
        return p if p.is_absolute() else self.path.parent / p

    def secret(self, section: str, s: dict, key: str, what: str, required: bool = True
               ) -> str | None:
        """``key`` in the file (only if nobody else can read it), ``key_env`` or
        ``key_file``."""
        if s.get(f"{key}_env"):
            value = self.env.get(str(s[f"{key}_env"]), "")
            if not value:
                raise self.fail(section, f"a variável {s[f'{key}_env']} ({what}) está vazia "
                                         "ou não existe.")
            return value
        if s.get(f"{key}_file"):
            p = self.file(section, s[f"{key}_file"])
            try:
                if _readable_by_others(p):
                    raise self.fail(section, f"{p} ({what}) pode ser lido por outros "
                                             f"utilizadores: use 'chmod 600 {p}'.")
                return p.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise self.fail(section, f"não foi possível ler {p}: "
                                         f"{exc.strerror or exc}.") from None
        if s.get(key) not in (None, ""):
            if _readable_by_others(self.path):
                raise self.fail(section, f"o ficheiro tem {what} e pode ser lido por outros "
                                         f"utilizadores: use 'chmod 600 {self.path}', "
                                         f"{key}_env ou {key}_file.")
            return str(s[key])
        if required:
            raise self.fail(section, f"falta {what} ({key}_env, {key}_file ou {key}).")
        return None

    def step(self, section: str, fn: Callable, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PosError as exc:
            raise self.fail(section, str(exc)) from None


def load(path: str | Path) -> tuple[Path, dict]:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(f"Não foi possível ler {p}: {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{p} não está em UTF-8.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"{p} não é TOML válido: {exc}.") from None
    unknown = sorted(set(data) - SECTIONS[""])
    if unknown:
        raise ValidationError(f"{p.name}: secção ou chave desconhecida: {', '.join(unknown)}.")
    return p, data


def read(path: str | Path, checks: Steps, env: Mapping[str, str] | None = None) -> ShopPlan:
    """The ``ShopPlan`` a set-up file describes, every step checked."""
    p, data = load(path)
    r = _Reader(p, data, os.environ if env is None else env)
    c = r.section("company")
    company = r.step("company", steps.company_step, c.get("nif"), c.get("name"),
                     c.get("address"), c.get("city"), c.get("postal_code"),
                     c.get("tax_region", "PT"), c.get("certificate_number", "0000"),
                     c.get("business_name", ""), c.get("phone", ""), c.get("email", ""))
    e = r.section("establishment", required=False)
    establishment = r.step("establishment", steps.establishment_step,
                           e.get("code", "Global"), e.get("name", ""), e.get("address", ""),
                           e.get("city", ""), e.get("postal_code", ""))
    t = r.section("till", required=False)
    till = r.step("till", steps.till_step, t.get("code", "CX1"), t.get("name", "Caixa 1"))
    a = r.section("admin")
    pin = r.secret("admin", a, "pin", "o PIN do administrador")
    admin = r.step("admin", lambda: steps.AdminData(
        check_login(str(a.get("login", ""))),
        fields.text(a.get("name"), "O nome do administrador", 60, min_len=2),
        roles.check_new_pin(pin)))
    k = r.section("key", required=False)
    key = KeyChoice()
    if k.get("import"):
        if k.get("generate"):
            raise r.fail("key", "escolha generate ou import, não os dois.")
        source = r.file("key", k["import"])
        try:
            pem = source.read_bytes()
        except OSError as exc:
            raise r.fail("key", f"não foi possível ler {source}: "
                                f"{exc.strerror or exc}.") from None
        password = r.secret("key", k, "password", "a palavra-passe da chave", required=False)
        key = r.step("key", checks.key, pem, password.encode() if password else None)
    elif k and k.get("generate") is False:
        raise r.fail("key", "indique generate = true ou import = \"chave.pem\".")
    pay = r.section("payments", required=False)
    payments = r.step("payments", steps.payments_step, pay.get("methods", ["NU", "CD", "MB"]))
    pr = r.section("printer", required=False)
    printer = None
    if pr:
        options = pr.get("options", {})
        if not isinstance(options, dict):
            raise r.fail("printer", "options tem de ser uma secção ([printer.options]).")
        printer = r.step("printer", checks.printer, pr.get("connection"),
                         pr.get("preset", "generic-80"),
                         {k_: str(v).lower() if isinstance(v, bool) else str(v)
                          for k_, v in options.items()})
    series = r.step("series", checks.series, _series_items(r, r.section("series")))
    language = r.step("", steps.language, data.get("language", "pt"))
    return ShopPlan(company, admin, series, establishment, till, key, payments, printer,
                    language)


def _series_items(r: _Reader, s: dict) -> list:
    via_at = s.get("register_with_at", False)
    if not isinstance(via_at, bool):
        raise r.fail("series", "register_with_at é true ou false.")
    items = []
    for kind, id_key, types_key, codes_key, default in (
            ("N", "id", "doc_types", "codes", ["FS", "FR", "FT", "NC"]),
            ("R", "recovery_id", "recovery_doc_types", "recovery_codes", None)):
        series_id = s.get(id_key)
        if not series_id:
            if kind == "N":
                raise r.fail("series", "falta id (o identificador das séries, por exemplo "
                                       "\"CX1-2026\").")
            continue
        doc_types = s.get(types_key, default)
        codes = s.get(codes_key, {})
        if not isinstance(doc_types, list) or not isinstance(codes, dict):
            raise r.fail("series", f"{types_key} é uma lista e {codes_key} uma secção.")
        unknown = sorted(set(codes) - {str(t).upper() for t in doc_types})
        if unknown:
            raise r.fail("series", f"{codes_key} tem códigos de tipos que não estão em "
                                   f"{types_key}: {', '.join(unknown)}.")
        for t in doc_types:
            code = codes.get(t) or codes.get(str(t).upper())
            if code is None and not via_at:
                raise r.fail("series", f"falta o código de validação da AT da série {t} "
                                       f"{series_id} ({codes_key}.{t}), ou register_with_at "
                                       "= true para a registar por webservice.")
            items.append(r.step("series", steps.series_item, t, series_id, code, kind))
    return items
