"""How the money of a return goes back: by the methods the customer paid with.

A credit note issued at the till records its refund as payments (SAF-T DocumentTotals/
Payment: the means and amount, P302 4.1.4.20.6), so the cash report knows what left the
drawer and what went back to a card. What each method can still give back is what it paid
on the original document (net of change) minus what earlier credit notes gave back by it.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import ValidationError
from .money import ZERO

CASH = "NU"


def refundable(paid: list[tuple[str, Decimal]], refunded: list[tuple[str, Decimal]]
               ) -> tuple[tuple[str, Decimal], ...]:
    """Per method, in the order first paid: what it paid minus what was given back by it."""
    left: dict[str, Decimal] = {}
    for method, amount in paid:
        left[method] = left.get(method, ZERO) + amount
    for method, amount in refunded:
        if method in left:
            left[method] = max(ZERO, left[method] - amount)
    return tuple((m, a) for m, a in left.items())


def split(available: tuple[tuple[str, Decimal], ...], amount: Decimal
          ) -> tuple[tuple[str, Decimal], ...]:
    """Give back ``amount`` the way it came in: other methods first (a card's money goes
    back to the card), each up to what it can still give back, cash for the rest. A
    document paid by nothing at the till (an invoice on credit) is refunded in cash."""
    out: list[tuple[str, Decimal]] = []
    rest = amount
    for method, can in sorted(available, key=lambda ma: ma[0] == CASH):
        if rest <= 0:
            break
        if method == CASH:
            continue
        take = min(can, rest)
        if take > 0:
            out.append((method, take))
            rest -= take
    if rest > 0:
        out.append((CASH, rest))
    return tuple(out)


def single(method: str, amount: Decimal) -> tuple[tuple[str, Decimal], ...]:
    """Everything back by one method (the customer asks for cash, the card is gone…)."""
    if amount <= 0:
        raise ValidationError("Não há nada a devolver.")
    return ((method, amount),)
