"""A product as a manager enters it (a form, a CSV row, a set-up file), checked once here.

Shelf prices include VAT. A product names its VAT *code* (RED, INT, NOR or ISE); the rate
comes from the company's tax region and the day of the sale (pos.domain.taxes), so a rate
change or a shop in Madeira needs no change to the catalogue. Exempt products (ISE) carry
their exemption reason code (M01…M99), printed and exported with each line.

Once a product has been sold (outside training), its description cannot change (D8632
§3.3.5: SAF-T's ProductDescription is one per ProductCode for the whole history) nor its
type; the services enforce that, since it depends on what was issued.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import fields
from .documents import UNITS
from .errors import ValidationError
from .taxes import EXEMPTIONS, TAX_CODES

MAX_PRICE = Decimal("999999.99")
PRODUCT_TYPES = {"P": "Bem (produto)", "S": "Serviço", "O": "Outro (portes, adiantamentos)"}
UNIT_NAMES = {"UN": "unidade", "KG": "quilograma (pesado)", "L": "litro", "M": "metro",
              "H": "hora", "CX": "caixa"}
WEIGHED_UNITS = ("KG", "L", "M")   # sold by measure: quantities with up to 3 decimals


@dataclass(frozen=True)
class ProductData:
    code: str
    name: str
    price: Decimal                 # VAT included
    tax_code: str
    exemption_code: str | None = None
    unit: str = "UN"
    product_type: str = "P"
    barcode: str | None = None
    category: str = ""
    active: bool = True

    @property
    def weighed(self) -> bool:
        return self.unit in WEIGHED_UNITS


def gs1_valid(digits: str) -> bool:
    """The check digit of an EAN-8, UPC-A (12), EAN-13 or GTIN-14."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def barcode(value: object) -> str | None:
    text = (str(value) if value is not None else "").strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (8, 12, 13, 14):
        if not gs1_valid(text):
            raise ValidationError(f"Código de barras {text} com o dígito de controlo errado: "
                                  "leia-o de novo ou copie-o com cuidado.")
        return text
    return fields.code(text, "O código de barras", 20)


def exemption(tax_code: str, value: object) -> str | None:
    text = (str(value) if value is not None else "").strip().upper()
    if tax_code != "ISE":
        if text:
            raise ValidationError("Só produtos isentos (IVA ISE) têm motivo de isenção.")
        return None
    if not text:
        raise ValidationError("Um produto isento (ISE) precisa do motivo de isenção "
                              "(M01…M99, por exemplo M07 para o artigo 9.º do CIVA).")
    if text not in EXEMPTIONS:
        raise ValidationError(f"Motivo de isenção desconhecido: {text} (use um código da "
                              "tabela da AT, M01…M99).")
    return text


def product_data(code: object, name: object, price: object, tax_code: object,
                 exemption_code: object = None, unit: object = "UN",
                 product_type: object = "P", barcode_: object = None, category: object = "",
                 active: bool = True) -> ProductData:
    """Every field checked; the first problem is the error's sentence."""
    code_ = fields.code(code, "O código do produto", 60)
    name_ = fields.text(name, "A descrição do produto", 200, min_len=2)
    price_ = fields.amount(price, "O preço", places=4, maximum=MAX_PRICE)
    tax = fields.choice(tax_code, "Código de IVA", TAX_CODES)
    return ProductData(
        code_, name_, price_, tax, exemption(tax, exemption_code),
        fields.choice(unit or "UN", "Unidade", UNITS),
        fields.choice(product_type or "P", "Tipo de produto", PRODUCT_TYPES),
        barcode(barcode_), fields.text(category, "A categoria", 40, required=False),
        bool(active))


def category_name(value: object) -> str:
    return fields.text(value, "O nome da categoria", 40)
