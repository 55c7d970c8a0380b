"""Whole numbers a person types (ids, document and form numbers, limits, years).

Every such number ends up in an integer column; the narrowest is PostgreSQL's ``integer``
(32 bits; SQLite's is 64), so ``MAX_INT`` bounds them all and a 25-digit number is refused
here with one sentence instead of overflowing in the driver.
"""

from .errors import ValidationError
from .text import shown

MAX_INT = 2**31 - 1


def whole_number(value: object, what: str, low: int = 1, high: int = MAX_INT) -> int:
    """An int from text of ASCII digits (an optional minus sign), within [low, high].

    ``what`` carries its article ('o número do livro'). Non-ASCII digits ('²', '٣') are
    refused although ``str.isdigit`` accepts them: no column or printer should get them.
    """
    if isinstance(value, bool):
        raise ValidationError(f"{what[:1].upper()}{what[1:]} tem de ser um número inteiro.")
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        digits = text[1:] if text.startswith("-") else text
        if not (digits.isascii() and digits.isdigit()):
            raise ValidationError(f"{what[:1].upper()}{what[1:]} tem de ser um número "
                                  f"inteiro: {shown(value)}.")
        # int() of thousands of digits is slow and then refused anyway: count them first.
        number = int(text) if len(digits) <= 30 else None
    if number is None or not low <= number <= high:
        given = str(number) if number is not None and len(str(abs(number))) <= 12 else \
            f"um número de {len(digits if number is None else str(abs(number)))} algarismos"
        raise ValidationError(f"{what[:1].upper()}{what[1:]} tem de estar entre {low} e "
                              f"{high} (indicou {given}).")
    return number
