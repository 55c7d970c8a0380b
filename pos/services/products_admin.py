"""The catalogue as a manager keeps it: products and categories, with the rules.

What depends on the history is checked here: a product sold outside training keeps its
description and type (D8632 §3.3.5), a barcode names one product, and a product or category
still named by something cannot be removed (deactivate it instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, or_, select

from pos.domain import products as rules
from pos.domain.errors import NotFoundError, ValidationError
from pos.domain.products import ProductData
from pos.domain.taxes import (
    EXEMPTIONS,
    TAX_CODE_NAMES,
    TAX_CODES,
    exemption_reason,
    rate_for,
    rates_in_force,
)
from pos.persistence.models import Category, DocumentRow, LineRow, Product
from pos.persistence.uow import UnitOfWork

from .issuing import company_region

SOLD_NAME = ("A descrição de {code} não pode mudar: o produto já foi vendido e a lei não o "
             "permite (Despacho 8632/2014, 3.3.5). Crie um produto novo, com outro código, e "
             "desative este.")
SOLD_TYPE = ("O tipo de {code} não pode mudar: o produto já foi vendido. Crie um produto "
             "novo, com outro código, e desative este.")


@dataclass(frozen=True)
class ProductInfo:
    """A product as the back office shows it."""

    code: str
    name: str
    price: object                 # Decimal, VAT included
    tax_code: str
    vat_rate: object              # Decimal: the rate in force today in the shop's region
    exemption_code: str | None
    exemption_reason: str | None
    unit: str
    product_type: str
    barcode: str | None
    category: str
    active: bool
    sold: bool                    # sold outside training: description and type are fixed

    @property
    def weighed(self) -> bool:
        return self.unit in rules.WEIGHED_UNITS


@dataclass(frozen=True)
class ProductPage:
    items: tuple[ProductInfo, ...]
    total: int                    # every match, for "1-50 of 1 234"
    offset: int
    limit: int


@dataclass(frozen=True)
class CategoryInfo:
    name: str
    position: int
    active: bool
    products: int                 # active products in it


@dataclass(frozen=True)
class CatalogueChoices:
    """What a product form offers: VAT codes with the rates in force in the shop's region
    on a day (and in every region, for a shop that is moving), exemption reasons with
    their printed mention, units and product types."""

    region: str
    day: date
    rates: tuple[tuple[str, str, object], ...]          # (code, name, % in the region)
    all_rates: tuple[tuple[str, str, object], ...]      # (region, code, %) on that day
    exemptions: tuple[tuple[str, str, str], ...]        # (code, mention, legal norm)
    units: tuple[tuple[str, str], ...]
    product_types: tuple[tuple[str, str], ...]


def choices(uow: UnitOfWork, day: date) -> CatalogueChoices:
    region = company_region(uow)
    rates = tuple((code, TAX_CODE_NAMES[code], rate_for(region, code, day))
                  for code in TAX_CODES)
    every = tuple((r.region, r.code, r.percentage) for r in rates_in_force(day))
    return CatalogueChoices(region, day, rates, every,
                            tuple((c, m, n) for c, (m, n) in EXEMPTIONS.items()),
                            tuple(rules.UNIT_NAMES.items()),
                            tuple(rules.PRODUCT_TYPES.items()))


def data_of(p: Product) -> ProductData:
    return ProductData(p.code, p.name, p.price, p.tax_code, p.exemption_code, p.unit,
                       p.product_type, p.barcode, p.category, p.active)


def sold_filter():
    """Lines of documents that count as a sale of the product (training ones do not)."""
    return (LineRow.document_id == DocumentRow.id) & (DocumentRow.series_kind != "F")


def is_sold(uow: UnitOfWork, code: str) -> bool:
    return bool(uow.session.scalar(select(exists().where(
        LineRow.product_code == code, sold_filter()))))


def info(p: Product, region: str, today: date, sold: bool) -> ProductInfo:
    return ProductInfo(p.code, p.name, p.price, p.tax_code,
                       rate_for(region, p.tax_code, today), p.exemption_code,
                       exemption_reason(p.exemption_code) if p.exemption_code else None,
                       p.unit, p.product_type, p.barcode, p.category, p.active, sold)


def _contains(uow: UnitOfWork, column, text: str):
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return column.like(pattern, escape="\\") if uow.is_sqlite \
        else column.ilike(pattern, escape="\\")


def page(uow: UnitOfWork, today: date, text: str = "", category: str | None = None,
         include_inactive: bool = False, offset: int = 0, limit: int = 50) -> ProductPage:
    if offset < 0 or not 1 <= limit <= 1000:
        raise ValidationError("Página inválida: o início não é negativo e cada página tem "
                              "de 1 a 1000 produtos.")
    q = select(Product)
    text = (text or "").strip()
    if text:
        q = q.where(or_(_contains(uow, Product.name, text), _contains(uow, Product.code, text),
                        Product.barcode == text))
    if category is not None:
        q = q.where(Product.category == category)
    if not include_inactive:
        q = q.where(Product.active)
    total = uow.session.scalar(select(func.count()).select_from(q.subquery()))
    rows = list(uow.session.scalars(q.order_by(Product.name, Product.code)
                                    .offset(offset).limit(limit)))
    codes = [p.code for p in rows]
    sold = set(uow.session.scalars(select(LineRow.product_code).where(
        LineRow.product_code.in_(codes), sold_filter()).distinct())) if codes else set()
    region = company_region(uow)
    return ProductPage(tuple(info(p, region, today, p.code in sold) for p in rows), total,
                       offset, limit)


def find(uow: UnitOfWork, code: str) -> Product:
    p = uow.session.get(Product, code)
    if p is None:
        raise NotFoundError(f"Produto desconhecido: {code}.")
    return p


def get(uow: UnitOfWork, code: str, today: date) -> ProductInfo:
    p = find(uow, code)
    return info(p, company_region(uow), today, is_sold(uow, code))


def _barcode_free(uow: UnitOfWork, barcode: str | None, code: str) -> None:
    if barcode is None:
        return
    other = uow.session.scalar(select(Product.code).where(
        Product.barcode == barcode, Product.code != code))
    if other is not None:
        raise ValidationError(f"O código de barras {barcode} já é do produto {other}.")


def ensure_category(uow: UnitOfWork, name: str, now: datetime) -> None:
    """A product may name a new category: it is created, last in the till's order."""
    if not name or uow.session.scalar(select(Category.id).where(Category.name == name)):
        return
    last = uow.session.scalar(select(func.max(Category.position))) or 0
    uow.session.add(Category(name=name, position=last + 1, active=True, created_at=now))
    uow.session.flush()


def add(uow: UnitOfWork, data: ProductData, now: datetime, by: str) -> Product:
    if uow.session.get(Product, data.code) is not None:
        raise ValidationError(f"Já existe um produto com o código {data.code}.")
    _barcode_free(uow, data.barcode, data.code)
    ensure_category(uow, data.category, now)
    p = Product(code=data.code, name=data.name, price=data.price, tax_code=data.tax_code,
                exemption_code=data.exemption_code, unit=data.unit,
                product_type=data.product_type, barcode=data.barcode, category=data.category,
                active=data.active)
    uow.session.add(p)
    uow.audit.append(now, by, "product_added", f"{data.code} {data.price} {data.tax_code}")
    return p


def check_change(old: ProductData, new: ProductData, sold: bool) -> None:
    if sold and new.name != old.name:
        raise ValidationError(SOLD_NAME.format(code=old.code))
    if sold and new.product_type != old.product_type:
        raise ValidationError(SOLD_TYPE.format(code=old.code))


def differences(old: ProductData, new: ProductData) -> list[str]:
    return [f"{f} {getattr(old, f)!s} -> {getattr(new, f)!s}"
            for f in ("name", "price", "tax_code", "exemption_code", "unit", "product_type",
                      "barcode", "category", "active")
            if getattr(old, f) != getattr(new, f)]


def update(uow: UnitOfWork, code: str, changes: dict, now: datetime, by: str) -> Product:
    """``changes``: the fields to change (None values are left out by the caller)."""
    p = find(uow, code)
    old = data_of(p)
    merged = {**old.__dict__, **changes}
    if "tax_code" in changes and changes["tax_code"] != "ISE" and "exemption_code" not in \
            changes:
        merged["exemption_code"] = None          # leaving ISE drops the exemption reason
    new = rules.product_data(code, merged["name"], merged["price"], merged["tax_code"],
                             merged["exemption_code"], merged["unit"], merged["product_type"],
                             merged["barcode"], merged["category"], merged["active"])
    check_change(old, new, is_sold(uow, code))
    _barcode_free(uow, new.barcode, code)
    ensure_category(uow, new.category, now)
    diff = differences(old, new)
    if diff:
        for field_ in ("name", "price", "tax_code", "exemption_code", "unit", "product_type",
                       "barcode", "category", "active"):
            setattr(p, field_, getattr(new, field_))
        uow.audit.append(now, by, "product_changed", f"{code}: {'; '.join(diff)}"[:2000])
    return p


def remove(uow: UnitOfWork, code: str, now: datetime, by: str) -> None:
    p = find(uow, code)
    used = uow.session.scalar(select(exists().where(LineRow.product_code == code)))
    if used:
        raise ValidationError(f"O produto {code} já consta de documentos e não pode ser "
                              "apagado: desative-o.")
    uow.session.delete(p)
    uow.audit.append(now, by, "product_removed", code)


# ---- categories -----------------------------------------------------------------------
def categories(uow: UnitOfWork) -> list[CategoryInfo]:
    counts = dict(uow.session.execute(select(Product.category, func.count()).where(
        Product.active).group_by(Product.category)).all())
    return [CategoryInfo(c.name, c.position, c.active, counts.get(c.name, 0))
            for c in uow.session.scalars(select(Category).order_by(Category.position,
                                                                   Category.name))]


def find_category(uow: UnitOfWork, name: str) -> Category:
    c = uow.session.scalars(select(Category).where(Category.name == name)).first()
    if c is None:
        raise NotFoundError(f"Categoria desconhecida: {name}.")
    return c


def add_category(uow: UnitOfWork, name: str, now: datetime, by: str) -> None:
    name = rules.category_name(name)
    if uow.session.scalar(select(Category.id).where(Category.name == name)):
        raise ValidationError(f"A categoria {name} já existe.")
    ensure_category(uow, name, now)
    uow.audit.append(now, by, "category_added", name)


def change_category(uow: UnitOfWork, name: str, now: datetime, by: str, *,
                    new_name: str | None = None, position: int | None = None,
                    active: bool | None = None) -> None:
    """Rename (its products follow), move in the till's order, or hide from the till."""
    c = find_category(uow, name)
    notes = []
    if new_name is not None:
        new_name = rules.category_name(new_name)
        if new_name != c.name:
            if uow.session.scalar(select(Category.id).where(Category.name == new_name)):
                raise ValidationError(f"A categoria {new_name} já existe.")
            uow.session.query(Product).filter(Product.category == c.name).update(
                {Product.category: new_name}, synchronize_session=False)
            notes.append(f"renamed to {new_name}")
            c.name = new_name
    if position is not None:
        if not isinstance(position, int) or not 1 <= position <= 10_000:
            raise ValidationError("A posição da categoria vai de 1 a 10000.")
        notes.append(f"position {position}")
        c.position = position
    if active is not None and bool(active) != c.active:
        notes.append("shown" if active else "hidden")
        c.active = bool(active)
    if notes:
        uow.audit.append(now, by, "category_changed", f"{name}: {', '.join(notes)}")


def remove_category(uow: UnitOfWork, name: str, now: datetime, by: str) -> None:
    c = find_category(uow, name)
    used = uow.session.scalar(select(func.count()).select_from(Product).where(
        Product.category == name))
    if used:
        raise ValidationError(f"A categoria {name} tem {used} produto(s): mude-os de "
                              "categoria ou esconda a categoria.")
    uow.session.delete(c)
    uow.audit.append(now, by, "category_removed", name)

