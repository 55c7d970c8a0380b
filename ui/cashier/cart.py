"""The cart being built for the customer at the counter: in memory, no Qt, no database.

It becomes a tuple of domain ``CartLine`` (checked by ``cart_line``) only when paid.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from pos.domain import discounts
from pos.domain.documents import (
    FINAL_CONSUMER,
    CartLine,
    Customer,
    ProductSnapshot,
    cart_line,
    price_lines,
)
from pos.domain.errors import ValidationError
from pos.domain.exemptions import exempt_lines
from pos.domain.money import ZERO, round2, to_decimal
from pos.domain.parked import ParkedCart, ParkedLine

MAX_QTY = Decimal("9999")


@dataclass(frozen=True)
class Line:
    product: ProductSnapshot
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal = ZERO
    overridden: bool = False      # price changed by a supervisor
    weighed: bool = False         # from a scale label: never merged with another line

    @property
    def amount(self) -> Decimal:
        """The line's amount as the document will have it (the domain's own rounding)."""
        return CartLine(self.product, self.quantity, self.unit_price, self.discount).gross_amount

    def mergeable_with(self, product: ProductSnapshot) -> bool:
        return (self.product.code == product.code and not self.weighed
                and not self.overridden and self.discount == 0)


class Cart:
    def __init__(self):
        self.lines: list[Line] = []
        self.customer: Customer = FINAL_CONSUMER
        self.wanted_type: str | None = None    # FS/FR/FT asked for; None follows the rules
        self.exemption: str | None = None      # the sale exempt (pos.domain.exemptions)
        # A discount on the whole sale: (euros, None) or (None, percent); spread onto the
        # lines by the core only when the cart becomes a document (the lines may change).
        self.order: tuple[Decimal | None, Decimal | None] = (None, None)

    # ---- building --------------------------------------------------------------------
    def add(self, product: ProductSnapshot, quantity: object = 1,
            unit_price: Decimal | None = None, weighed: bool = False) -> int:
        """Add a product; tapping the same product again adds to its line. Returns the
        index of the line that changed."""
        qty = to_decimal(quantity, "quantidade")
        last = self.lines[-1] if self.lines else None
        if unit_price is None and not weighed and last and last.mergeable_with(product):
            return self.set_quantity(len(self.lines) - 1, last.quantity + qty)
        price = product.unit_price if unit_price is None else unit_price
        cart_line(product, qty, price)             # refuse bad values now, not at payment
        self.lines.append(Line(product, qty, price, weighed=weighed))
        return len(self.lines) - 1

    def set_quantity(self, index: int, quantity: object) -> int:
        qty = to_decimal(quantity, "quantidade")
        line = self.lines[index]
        if qty <= 0:
            raise ValidationError("A quantidade tem de ser positiva: use Remover.")
        if qty > MAX_QTY:
            raise ValidationError(f"Quantidade demasiado grande ({qty}).")
        if line.product.unit == "UN" and qty != qty.to_integral_value():
            raise ValidationError(f"{line.product.name} vende-se à unidade.")
        new = replace(line, quantity=qty)
        cart_line(new.product, new.quantity, new.unit_price, new.discount)
        self.lines[index] = new
        return index

    def step(self, index: int, delta: int) -> int:
        """+1/−1 on a line; at 1, minus does nothing (removing is its own, deliberate tap)."""
        line = self.lines[index]
        qty = line.quantity + delta
        if qty < 1:
            return index
        return self.set_quantity(index, qty)

    def remove(self, index: int) -> Line:
        return self.lines.pop(index)

    def set_discount(self, index: int, amount: object) -> None:
        line = self.lines[index]
        value = round2(to_decimal(amount, "desconto"))
        cart_line(line.product, line.quantity, line.unit_price, value)
        self.lines[index] = replace(line, discount=value)

    def set_price(self, index: int, price: object) -> None:
        line = self.lines[index]
        value = to_decimal(price, "preço")
        cart_line(line.product, line.quantity, value, line.discount)
        self.lines[index] = replace(line, unit_price=value,
                                    overridden=value != line.product.unit_price)

    def set_order_discount(self, amount: object = None, percent: object = None) -> Decimal:
        """A discount on the whole sale, in euros or as a percentage; returns it in euros.
        ``set_order_discount(0)`` takes it away."""
        value = discounts.order_discount(self.subtotal, amount, percent)
        if percent is not None:
            self.order = (None, to_decimal(percent, "percentagem"))
        else:
            self.order = (value, None) if value else (None, None)
        return value

    def clear(self) -> None:
        self.lines.clear()
        self.customer = FINAL_CONSUMER
        self.wanted_type = None
        self.exemption = None
        self.order = (None, None)

    # ---- reading ---------------------------------------------------------------------
    @property
    def subtotal(self) -> Decimal:
        """The lines, before the discount on the whole sale."""
        return sum((ln.amount for ln in self.lines), ZERO)

    @property
    def order_discount(self) -> Decimal:
        """The discount on the whole sale in euros, for the lines as they are now (a fixed
        amount never passes what the lines are worth)."""
        amount, percent = self.order
        subtotal = self.subtotal
        if percent is not None:
            return discounts.order_discount(subtotal, percent=percent)
        return min(amount, subtotal) if amount is not None else ZERO

    @property
    def order_percent(self) -> Decimal | None:
        return self.order[1]

    @property
    def total(self) -> Decimal:
        return self.subtotal - self.order_discount

    @property
    def items(self) -> Decimal:
        return sum((ln.quantity if ln.product.unit == "UN" else Decimal(1)
                    for ln in self.lines), Decimal(0))

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def wanted(self) -> str | None:
        """The type asked for: an exempt sale is invoiced (FR unless FT was chosen)."""
        if self.exemption and self.wanted_type not in ("FR", "FT"):
            return "FR"
        return self.wanted_type

    def due(self, region: str, day: date) -> Decimal:
        """What the customer pays: the total, or without VAT when the sale is exempt."""
        if not self.exemption:
            return self.total
        lines = exempt_lines(self.cart_lines(), self.exemption, region, day)
        return price_lines(list(lines), region, day)[1].gross

    def cart_lines(self) -> tuple[CartLine, ...]:
        """The document's lines: the discount on the whole sale spread onto them."""
        lines = tuple(cart_line(ln.product, ln.quantity, ln.unit_price, ln.discount)
                      for ln in self.lines)
        discount = self.order_discount
        return discounts.apply(lines, discount) if discount else lines

    # ---- parking ---------------------------------------------------------------------
    def parked(self, note: str = "") -> ParkedCart:
        return ParkedCart(tuple(ParkedLine(ln.product, ln.quantity, ln.unit_price,
                                           ln.discount, ln.weighed) for ln in self.lines),
                          self.customer, self.wanted_type, self.order_discount, note,
                          self.exemption)

    def restore(self, cart: ParkedCart) -> None:
        """Put a parked cart back (the discount on the whole sale comes back in euros)."""
        self.clear()
        for ln in cart.lines:
            self.lines.append(Line(ln.product, ln.quantity, ln.unit_price, ln.discount,
                                   ln.unit_price != ln.product.unit_price, ln.weighed))
        self.customer, self.wanted_type = cart.customer, cart.wanted_type
        self.exemption = cart.exemption
        if cart.order_discount:
            self.order = (cart.order_discount, None)
