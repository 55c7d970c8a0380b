"""Money is Decimal; every rounding is explicit and half-up to the cent."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import ValidationError
from .text import shown

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# Bounds of any amount or quantity typed in: below a thousand million and at most six
# decimal places. Far above any sale, and far inside what every later step can hold
# exactly (28 significant digits for qty × price, the 40-character money column).
MAX_INTEGER_DIGITS = 9
MAX_PLACES = 6
_MAX_TEXT = 40
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z", re.ASCII)


def to_decimal(value: object, what: str = "valor") -> Decimal:
    """Parse user or stored input into a Decimal, refusing floats, junk and extremes.

    Refused with one sentence: text that is not a number, NaN and infinities, a magnitude
    of 10^9 or more (``1e30``, ``1e999999999``), more than six decimal places (16-digit
    fractions). Trailing zeros beyond six places are dropped ('1.50000000' → 1.5).
    """
    if isinstance(value, float):
        raise TypeError("money must never be a float")
    if isinstance(value, Decimal):
        d = value
    else:
        text = str(value).strip().replace(",", ".")
        if len(text) > _MAX_TEXT or not _NUMBER.match(text):
            # Decimal() alone would also take '1_000', 'NaN' and non-ASCII digits.
            raise ValidationError(f"{what} inválido: {shown(value)}.")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValidationError(f"{what} inválido: {shown(value)}.") from None
    if not d.is_finite():
        raise ValidationError(f"{what} inválido: {shown(value)}.")
    _sign, digits, exponent = d.as_tuple()
    if not any(digits):
        return ZERO if d.is_signed() or not -MAX_PLACES <= exponent <= 0 else d
    if d.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValidationError(f"{what} demasiado grande: {shown(value, 20)} (o máximo é "
                              f"{'9' * MAX_INTEGER_DIGITS}).")
    if exponent < -MAX_PLACES:
        zeros = _trailing_zeros(digits)
        if exponent + zeros < -MAX_PLACES:
            raise ValidationError(f"{what} com demasiadas casas decimais: {shown(value, 20)} "
                                  f"(no máximo {MAX_PLACES}).")
        d = d.quantize(Decimal(1).scaleb(max(exponent + zeros, -MAX_PLACES)))
    return d


def _trailing_zeros(digits: tuple[int, ...]) -> int:
    n = 0
    for digit in reversed(digits):
        if digit:
            break
        n += 1
    return n


def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def net_of_vat(gross: Decimal, percentage: Decimal) -> Decimal:
    """The part of a VAT-included amount that is not VAT, to the cent."""
    return round2(gross * 100 / (100 + percentage))


def fmt2(value: Decimal) -> str:
    """Two decimals, '.' separator, no thousands separator (signature, QR, SAF-T)."""
    return f"{round2(value):.2f}"


def fmt_eur(value: Decimal) -> str:
    """Portuguese display form: 1234,50 €."""
    return f"{round2(value):.2f}".replace(".", ",") + " €"
