"""Money is Decimal; every rounding is explicit and half-up to the cent."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import ValidationError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def to_decimal(value: object, what: str = "valor") -> Decimal:
    """Parse user or stored input into a Decimal, refusing floats and junk."""
    if isinstance(value, float):
        raise TypeError("money must never be a float")
    if isinstance(value, Decimal):
        d = value
    else:
        text = str(value).strip().replace(",", ".")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValidationError(f"{what} inválido: {value!r}") from None
    if not d.is_finite():
        raise ValidationError(f"{what} inválido: {value!r}")
    return d


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
