"""A discount on the whole sale, spread onto its lines.

A document only knows line discounts (SAF-T ``UnitPrice`` net of line and header discounts,
P302 4.1.4.19.7), so a discount given on the order is written onto the lines: each line gets
its share in proportion to what it is worth after its own discount, in whole cents, the cents
left by rounding going to the lines with the largest remainders (ties: the earlier line).
The shares add up to the discount exactly and no line is discounted below zero; the total the
customer pays is the sum of the lines minus the discount, to the cent.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_FLOOR, Decimal

from .documents import CartLine, cart_line
from .errors import ValidationError
from .money import CENT, ZERO, round2, to_decimal

HUNDRED = Decimal(100)


def order_discount(total: Decimal, amount: object = None, percent: object = None) -> Decimal:
    """The discount in euros on a sale worth ``total``: an amount, or a percentage of it
    (half-up to the cent). Refused when negative or larger than the sale."""
    if (amount is None) == (percent is None):
        raise ValidationError("Indique o desconto em euros ou em percentagem.")
    if percent is not None:
        pct = to_decimal(percent, "percentagem de desconto")
        if not ZERO <= pct <= HUNDRED:
            raise ValidationError("A percentagem de desconto vai de 0 a 100.")
        value = round2(total * pct / HUNDRED)
    else:
        value = to_decimal(amount, "desconto")
        if value != round2(value):
            raise ValidationError("O desconto tem no máximo 2 casas decimais.")
    if value < 0:
        raise ValidationError("O desconto não pode ser negativo.")
    if value > total:
        raise ValidationError(f"O desconto ({value:.2f} €) é maior do que a venda "
                              f"({total:.2f} €).".replace(".", ","))
    return value


def spread(amounts: list[Decimal], discount: Decimal) -> list[Decimal]:
    """``discount`` split over ``amounts`` in proportion, in cents, adding up exactly."""
    total = sum(amounts, ZERO)
    if discount < 0 or discount > total:
        raise ValidationError("O desconto não pode passar o valor da venda.")
    if discount == 0 or total == 0:
        return [ZERO for _ in amounts]
    cents = int(discount / CENT)
    exact = [a * cents / total for a in amounts]
    shares = [int(e.to_integral_value(ROUND_FLOOR)) for e in exact]
    left = cents - sum(shares)
    # The remaining cents go to the largest remainders, never past a line's own value.
    order = sorted(range(len(amounts)), key=lambda i: (-(exact[i] - shares[i]), i))
    room = [int(a / CENT) - s for a, s in zip(amounts, shares, strict=True)]
    while left > 0:
        moved = False
        for i in order:
            if left and room[i] > 0:
                shares[i] += 1
                room[i] -= 1
                left -= 1
                moved = True
        if not moved:           # cannot happen while discount <= total; never loop forever
            raise ValidationError("O desconto não cabe nas linhas da venda.")
    return [Decimal(s) * CENT for s in shares]


def apply(lines: tuple[CartLine, ...] | list[CartLine], discount: Decimal
          ) -> tuple[CartLine, ...]:
    """The lines with ``discount`` (on the whole sale) added to their own discounts."""
    shares = spread([ln.gross_amount for ln in lines], discount)
    out = []
    for ln, share in zip(lines, shares, strict=True):
        if share:
            new = replace(ln, discount=round2(ln.discount) + share)
            out.append(cart_line(new.product, new.quantity, new.unit_price, new.discount,
                                 new.reference, new.rate))
        else:
            out.append(ln)
    return tuple(out)
