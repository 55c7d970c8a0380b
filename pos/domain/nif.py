"""Portuguese NIF (tax number) validation: mod-11 check digit and valid prefixes."""

from .errors import ValidationError
from .text import shown

CONSUMIDOR_FINAL_NIF = "999999990"
CONSUMIDOR_FINAL_NAME = "Consumidor final"

# FISCAL-PT §8.2 (GOBL): first digit 1,2,3,5,6,8 or one of these two-digit prefixes.
_ONE_DIGIT = frozenset("123568")
_TWO_DIGITS = frozenset({"45", "70", "71", "72", "74", "75", "77", "78", "79", "90", "91",
                         "98", "99"})


def check_digit(first8: str) -> int:
    total = sum(int(d) * w for d, w in zip(first8, range(9, 1, -1), strict=True))
    r = total % 11
    return 0 if r in (0, 1) else 11 - r


def is_valid_nif(nif: str) -> bool:
    if len(nif) != 9 or not (nif.isascii() and nif.isdigit()):
        return False
    if nif[0] not in _ONE_DIGIT and nif[:2] not in _TWO_DIGITS:
        return False
    return check_digit(nif[:8]) == int(nif[8])


def normalise_nif(raw: str) -> str:
    """Strip spaces and an optional 'PT' prefix; keep only what a person would type."""
    nif = raw.replace(" ", "").upper()
    if nif.startswith("PT"):
        nif = nif[2:]
    return nif


def validate_nif(raw: str) -> str:
    """Return the clean NIF or raise a ValidationError a cashier understands."""
    nif = normalise_nif(raw)
    if not (nif.isascii() and nif.isdigit()) or len(nif) != 9:
        raise ValidationError(f"NIF inválido: {shown(raw)} deve ter 9 algarismos.")
    if not is_valid_nif(nif):
        raise ValidationError(f"NIF inválido: {shown(raw)} (dígito de controlo ou prefixo "
                              "errado).")
    return nif
