"""The shop's own data as a manager keeps it: the company and its tax region, the
establishments, the payment methods, each till's printer, the language.

Rules that depend on what was issued live here: the company's NIF is fixed once a document
exists (another NIF is another taxpayer: a new database), and a tax-region change waits
until no cash session is open (see ``change_region``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, select

from pos.domain import setup as steps
from pos.domain.documents import PAYMENT_METHODS
from pos.domain.errors import NotFoundError, ValidationError
from pos.domain.setup import PrinterData
from pos.domain.taxes import TAX_CODES, rate_for
from pos.persistence.models import (
    CashSession,
    Company,
    DocumentRow,
    Establishment,
    Product,
    TillRow,
)
from pos.persistence.uow import UnitOfWork

PAYMENTS_KEY = "payment_methods"      # shop setting: SAF-T codes in button order, "NU,CD,MB"
LANGUAGE_KEY = "language"
PRINTER_KEY = "printer"               # till setting: JSON of PrinterData
DEFAULT_PAYMENTS = ("NU", "CD", "MB", "CC", "TB", "CH", "OU")


@dataclass(frozen=True)
class CompanyInfo:
    nif: str
    name: str
    business_name: str
    address: str
    city: str
    postal_code: str
    country: str
    tax_region: str
    phone: str
    email: str
    certificate_number: str
    has_documents: bool           # issued outside training: the NIF is then fixed


@dataclass(frozen=True)
class EstablishmentInfo:
    code: str
    name: str
    address: str
    city: str
    postal_code: str
    tills: tuple[str, ...]


@dataclass(frozen=True)
class RegionChange:
    """What a tax-region change means for the shop, to show before and after it."""

    old: str
    new: str
    rates: tuple[tuple[str, object, object], ...]   # (VAT code, old %, new %)
    products: int                 # active products whose VAT changes (prices stay)


@dataclass(frozen=True)
class PaymentMethod:
    code: str
    name: str


def _company(uow: UnitOfWork) -> Company:
    c = uow.session.get(Company, 1)
    if c is None:
        raise ValidationError("A empresa ainda não está configurada ('caixa init').")
    return c


def has_documents(uow: UnitOfWork) -> bool:
    return bool(uow.session.scalar(select(exists().where(DocumentRow.series_kind != "F"))))


def company(uow: UnitOfWork) -> CompanyInfo:
    c = _company(uow)
    return CompanyInfo(c.nif, c.name, c.business_name, c.address, c.city, c.postal_code,
                       c.country, c.tax_region, c.phone, c.email,
                       uow.settings.get("certificate_number"), has_documents(uow))


def update_company(uow: UnitOfWork, changes: dict, now: datetime, by: str) -> None:
    """Name, address, contacts, certificate number; the NIF only before any document.
    The tax region has its own rules (``change_region``)."""
    c = _company(uow)
    current = company(uow)
    merged = {k: getattr(current, k) for k in (
        "nif", "name", "address", "city", "postal_code", "certificate_number",
        "business_name", "phone", "email")}
    merged.update(changes)
    data = steps.company_step(merged["nif"], merged["name"], merged["address"],
                              merged["city"], merged["postal_code"], c.tax_region,
                              merged["certificate_number"], merged["business_name"],
                              merged["phone"], merged["email"])
    if data.nif != c.nif and current.has_documents:
        raise ValidationError("O NIF da empresa não muda depois de emitidos documentos: outra "
                              "empresa começa numa base de dados nova.")
    diff = []
    for key in ("nif", "name", "business_name", "address", "city", "postal_code", "phone",
                "email"):
        if getattr(data, key) != getattr(c, key):
            diff.append(key)
            setattr(c, key, getattr(data, key))
    if data.certificate_number != current.certificate_number:
        diff.append("certificate_number")
        uow.settings.put("certificate_number", data.certificate_number)
    if diff:
        uow.audit.append(now, by, "company_changed", ", ".join(diff))


def region_change(uow: UnitOfWork, new: str, day: date) -> RegionChange:
    c = _company(uow)
    new = steps.tax_region(new)
    rates = tuple((code, rate_for(c.tax_region, code, day), rate_for(new, code, day))
                  for code in TAX_CODES if code != "ISE")
    changed = [code for code, a, b in rates if a != b]
    count = uow.session.scalar(select(func.count()).select_from(Product).where(
        Product.active, Product.tax_code.in_(changed))) if changed else 0
    return RegionChange(c.tax_region, new, rates, count)


def change_region(uow: UnitOfWork, new: str, now: datetime, by: str) -> RegionChange:
    """Move the company to another tax region (PT, PT-AC, PT-MA). The rules:

    - only with no cash session open on any till: a session never mixes two regions' rates;
    - documents issued from now on take the new region's rates; signed documents keep
      theirs, and a credit note keeps the region and rate of the document it corrects;
    - shelf prices include VAT and stay as they are: the net and the VAT of each sale
      change (the result lists the rates, so prices can be revised).
    """
    change = region_change(uow, new, now.date())
    if change.new == change.old:
        raise ValidationError(f"A empresa já está na região fiscal {change.old}.")
    open_tills = uow.session.scalars(select(TillRow.code).join(
        CashSession, CashSession.till_id == TillRow.id).where(CashSession.status == "open")
    ).all()
    if open_tills:
        raise ValidationError(f"Feche as sessões de caixa abertas ({', '.join(open_tills)}) "
                              "antes de mudar a região fiscal: uma sessão não mistura taxas "
                              "de duas regiões.")
    _company(uow).tax_region = change.new
    uow.audit.append(now, by, "tax_region", f"{change.old} -> {change.new}")
    return change


# ---- establishments ---------------------------------------------------------------------
def establishments(uow: UnitOfWork) -> list[EstablishmentInfo]:
    tills: dict[int, list[str]] = {}
    for est_id, code in uow.session.execute(select(TillRow.establishment_id, TillRow.code)
                                            .where(TillRow.active).order_by(TillRow.code)):
        tills.setdefault(est_id, []).append(code)
    return [EstablishmentInfo(e.code, e.name, e.address, e.city, e.postal_code,
                              tuple(tills.get(e.id, ())))
            for e in uow.session.scalars(select(Establishment).order_by(Establishment.id))]


def update_establishment(uow: UnitOfWork, code: str, changes: dict, now: datetime,
                         by: str) -> None:
    e = uow.session.scalars(select(Establishment).where(Establishment.code == code)).first()
    if e is None:
        raise NotFoundError(f"Estabelecimento desconhecido: {code}.")
    merged = {"name": e.name, "address": e.address, "city": e.city,
              "postal_code": e.postal_code, **changes}
    data = steps.establishment_step(code, merged["name"], merged["address"], merged["city"],
                                    merged["postal_code"])
    diff = [k for k in ("name", "address", "city", "postal_code")
            if getattr(data, k) != getattr(e, k)]
    for k in diff:
        setattr(e, k, getattr(data, k))
    if diff:
        uow.audit.append(now, by, "establishment_changed", f"{code}: {', '.join(diff)}")


# ---- payment methods, language ----------------------------------------------------------
def payment_codes(uow: UnitOfWork) -> tuple[str, ...]:
    raw = uow.settings.get(PAYMENTS_KEY)
    codes = tuple(c for c in raw.split(",") if c in PAYMENT_METHODS) if raw else ()
    return codes or DEFAULT_PAYMENTS


def set_payments(uow: UnitOfWork, codes: object, now: datetime, by: str) -> tuple[str, ...]:
    chosen = steps.payments_step(codes)
    if chosen != payment_codes(uow):
        uow.settings.put(PAYMENTS_KEY, ",".join(chosen))
        uow.audit.append(now, by, "payment_methods", ",".join(chosen))
    return chosen


def language(uow: UnitOfWork) -> str:
    return uow.settings.get(LANGUAGE_KEY) or "pt"


def set_language(uow: UnitOfWork, value: object, now: datetime, by: str) -> str:
    lang = steps.language(value)
    uow.settings.put(LANGUAGE_KEY, lang)
    uow.audit.append(now, by, "language", lang)
    return lang


# ---- this till's printer ----------------------------------------------------------------
def printer(uow: UnitOfWork) -> PrinterData | None:
    raw = uow.till_settings.get(PRINTER_KEY)
    if not raw:
        return None
    data = json.loads(raw)
    return PrinterData(data["connection"], data.get("preset", "generic-80"),
                       tuple((k, v) for k, v in data.get("options", [])))


def set_printer(uow: UnitOfWork, data: PrinterData | None, now: datetime, by: str) -> None:
    if data is None:
        uow.till_settings.put(PRINTER_KEY, "")
        uow.audit.append(now, by, "printer", "removed")
        return
    uow.till_settings.put(PRINTER_KEY, json.dumps(
        {"connection": data.connection, "preset": data.preset,
         "options": [list(p) for p in data.options]}, ensure_ascii=False))
    uow.audit.append(now, by, "printer", f"{data.connection} {data.preset}")

