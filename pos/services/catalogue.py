"""Products: look-up by code or barcode, and their snapshot for a sale line."""

from decimal import Decimal

from sqlalchemy import or_, select

from pos.domain.documents import UNITS, ProductSnapshot
from pos.domain.errors import NotFoundError, ValidationError
from pos.domain.money import to_decimal
from pos.domain.taxes import EXEMPTIONS, TAX_CODES
from pos.domain.text import brief, check_text
from pos.persistence.models import Product
from pos.persistence.uow import UnitOfWork


def snapshot(p: Product) -> ProductSnapshot:
    return ProductSnapshot(p.code, p.name, p.price, p.tax_code, p.exemption_code, p.unit,
                           p.product_type, p.barcode)


def lookup(uow: UnitOfWork, code: str) -> ProductSnapshot:
    session = uow.session
    p = session.get(Product, code)
    if p is None:
        p = session.scalars(select(Product).where(Product.barcode == code)).first()
    if p is None or not p.active:
        raise NotFoundError(f"Produto desconhecido: {brief(code)}.")
    return snapshot(p)


def search(uow: UnitOfWork, text: str = "", limit: int | None = None) -> list[ProductSnapshot]:
    session = uow.session
    q = select(Product).where(Product.active).order_by(Product.category, Product.name)
    if text:
        like = f"%{text}%"
        q = q.where(or_(Product.name.ilike(like), Product.code.ilike(like),
                        Product.barcode == text))
    if limit:
        q = q.limit(limit)
    return [snapshot(p) for p in session.scalars(q)]


def categories(uow: UnitOfWork) -> dict[str, str]:
    session = uow.session
    return dict(session.execute(select(Product.code, Product.category)).all())


def add(uow: UnitOfWork, code: str, name: str, price: object, tax_code: str,
        exemption_code: str | None = None, unit: str = "UN", product_type: str = "P",
        barcode: str | None = None, category: str = "") -> None:
    session = uow.session
    code = check_text(code, "o código do produto", 60)          # products.code, ProductCode
    name = check_text(name, "a descrição do produto", 200)     # ProductDescription Max200
    if len(name) < 2:
        raise ValidationError("A descrição do produto tem de ter entre 2 e 200 caracteres.")
    barcode = check_text(barcode, "o código de barras", 20, required=False) or None
    category = check_text(category, "a categoria", 40, required=False)
    value = to_decimal(price, "preço")
    if value < 0:
        raise ValidationError("O preço não pode ser negativo.")
    if value != value.quantize(Decimal("0.0001")):
        raise ValidationError("O preço tem no máximo 4 casas decimais.")
    if tax_code not in TAX_CODES:
        raise ValidationError(f"Taxa de IVA desconhecida: {tax_code}.")
    if tax_code == "ISE" and exemption_code not in EXEMPTIONS:
        raise ValidationError("Um produto isento precisa de um código de isenção (M01…M99).")
    if unit not in UNITS:
        raise ValidationError(f"Unidade desconhecida: {unit}.")
    if session.get(Product, code) is not None:
        raise ValidationError(f"Já existe um produto com o código {code}.")
    session.add(Product(code=code, name=name, price=value, tax_code=tax_code,
                        exemption_code=exemption_code if tax_code == "ISE" else None,
                        unit=unit, product_type=product_type, barcode=barcode,
                        category=category, active=True))


def change_tax(uow: UnitOfWork, code: str, tax_code: str, exemption_code: str | None,
               user: str, now) -> str:
    """A product's VAT rate changed (journaled: what it was and what it is); the words."""
    p = uow.session.get(Product, code)
    if p is None:
        raise NotFoundError(f"Produto desconhecido: {code}.")
    if tax_code not in TAX_CODES:
        raise ValidationError(f"Taxa de IVA desconhecida: {tax_code}.")
    if tax_code == "ISE" and exemption_code not in EXEMPTIONS:
        raise ValidationError("Um produto isento precisa de um código de isenção (M01…M99).")
    exemption = exemption_code if tax_code == "ISE" else None
    was = f"{p.tax_code}{' ' + p.exemption_code if p.exemption_code else ''}"
    now_text = f"{tax_code}{' ' + exemption if exemption else ''}"
    if was == now_text:
        raise ValidationError(f"{code} já tem a taxa {now_text}.")
    p.tax_code, p.exemption_code = tax_code, exemption
    words = f"{code}: {was} -> {now_text}"
    uow.audit.append(now, user, "tax_change", words)
    return words
