"""A sale put aside: the cart as it was, to be resumed later (after a restart too).

A parked cart is never a fiscal document: it has no number, no signature and no series; it
is the cashier's work in progress, kept as plain JSON. Prices stay as they were when it was
parked (what the customer was told).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from .documents import Customer, ProductSnapshot, cart_line
from .errors import ValidationError
from .exemptions import sale_exemption
from .money import ZERO

MAX_NOTE = 100
MAX_LINES = 500


@dataclass(frozen=True)
class ParkedLine:
    product: ProductSnapshot
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal = ZERO
    weighed: bool = False

    @property
    def amount(self) -> Decimal:
        return cart_line(self.product, self.quantity, self.unit_price, self.discount
                         ).gross_amount


@dataclass(frozen=True)
class ParkedCart:
    lines: tuple[ParkedLine, ...]
    customer: Customer = Customer()
    wanted_type: str | None = None
    order_discount: Decimal = ZERO
    note: str = ""
    exemption: str | None = None          # the sale exempt (pos.domain.exemptions)

    @property
    def total(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), ZERO) - self.order_discount

    def check(self) -> ParkedCart:
        if not self.lines:
            raise ValidationError("Não há artigos para suspender.")
        if len(self.lines) > MAX_LINES:
            raise ValidationError(f"Uma venda suspensa tem no máximo {MAX_LINES} linhas.")
        if len(self.note) > MAX_NOTE or any(not c.isprintable() for c in self.note):
            raise ValidationError(f"A nota tem no máximo {MAX_NOTE} caracteres, sem "
                                  "caracteres de controlo.")
        for ln in self.lines:
            cart_line(ln.product, ln.quantity, ln.unit_price, ln.discount)
        if self.exemption is not None:
            sale_exemption(self.exemption)
        if self.order_discount < 0 or self.total < 0:
            raise ValidationError("O desconto da venda é maior do que a venda.")
        return self


@dataclass(frozen=True)
class ParkedInfo:
    """A parked cart as the list of parked sales shows it."""

    id: int
    parked_at: datetime
    user: str
    note: str
    lines: int
    total: Decimal


def _product(p: ProductSnapshot) -> dict:
    return {"code": p.code, "name": p.name, "price": str(p.unit_price), "tax": p.tax_code,
            "exemption": p.exemption_code, "unit": p.unit, "type": p.product_type,
            "barcode": p.barcode}


def to_json(cart: ParkedCart) -> str:
    c = cart.customer
    return json.dumps({
        "lines": [{"product": _product(ln.product), "qty": str(ln.quantity),
                   "price": str(ln.unit_price), "discount": str(ln.discount),
                   "weighed": ln.weighed} for ln in cart.lines],
        "customer": [c.nif, c.name, c.address, c.city, c.postal_code, c.country],
        "wanted": cart.wanted_type, "order_discount": str(cart.order_discount),
        "note": cart.note, "exemption": cart.exemption}, ensure_ascii=False)


def from_json(text: str) -> ParkedCart:
    data = json.loads(text)
    lines = []
    for ln in data["lines"]:
        p = ln["product"]
        product = ProductSnapshot(p["code"], p["name"], Decimal(p["price"]), p["tax"],
                                  p["exemption"], p["unit"], p["type"], p.get("barcode"))
        lines.append(ParkedLine(product, Decimal(ln["qty"]), Decimal(ln["price"]),
                                Decimal(ln["discount"]), bool(ln["weighed"])))
    return ParkedCart(tuple(lines), Customer(*data["customer"]), data["wanted"],
                      Decimal(data["order_discount"]), data["note"], data.get("exemption"))
