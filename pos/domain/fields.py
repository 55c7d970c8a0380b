"""Checks for what a manager types into a form, a CSV file or a set-up file.

Each returns the value as it will be stored (trimmed) or raises a ValidationError whose
sentence names the field. Text goes through pos.domain.text (control, bidi and invisible
characters refused everywhere: they would reach the receipt printer as commands, the SAF-T
file as invalid XML and AT's webservice as garbage); these add the back office's shapes
(codes, postal codes, e-mail, phone, amounts, choices).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from .errors import ValidationError
from .money import to_decimal
from .text import check_text, first_refused

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]*$")
_PT_POSTAL = re.compile(r"^\d{4}-\d{3}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ]{6,20}$")


def sort_key(text: str) -> str:
    """Portuguese reading order: 'Água' with the A's, 'Pão' before 'Papo' (SQLite sorts
    binary, which puts accented letters last)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def has_control(value: str) -> bool:
    return first_refused(value) is not None


def text(value: object, what: str, max_len: int, *, min_len: int = 1,
         required: bool = True) -> str:
    """Free text of one line, checked by pos.domain.text's rules (no control, bidi or
    invisible characters; trimmed, NFC) within its length; ``what`` starts a sentence
    ('O nome da empresa')."""
    if value is not None and not isinstance(value, str):
        value = str(value)          # a set-up file may give a number where text is meant
    value = check_text(value, what[:1].lower() + what[1:], max_len, required=required)
    if value and len(value) < min_len:
        raise ValidationError(f"{what} tem de ter pelo menos {min_len} caracteres.")
    return value


def code(value: object, what: str, max_len: int) -> str:
    """An identifier: letters, digits and . _ - /, starting with a letter or digit."""
    value = text(value, what, max_len)
    if not _CODE.match(value):
        raise ValidationError(f"{what} inválido: {value!r} (use letras sem acentos, "
                              "algarismos, '.', '_', '-' ou '/').")
    return value


def postal_code(value: object, country: str = "PT", required: bool = True) -> str:
    value = text(value, "O código postal", 20, required=required)
    if value and country == "PT" and not _PT_POSTAL.match(value):
        raise ValidationError(f"Código postal inválido: {value!r} (formato 1234-567).")
    return value


def email(value: object) -> str:
    value = text(value, "O e-mail", 100, required=False)
    if value and not _EMAIL.match(value):
        raise ValidationError(f"E-mail inválido: {value!r}.")
    return value


def phone(value: object) -> str:
    value = text(value, "O telefone", 20, required=False)
    if value and not _PHONE.match(value):
        raise ValidationError(f"Telefone inválido: {value!r} (só algarismos, espaços e '+').")
    return value


def amount(value: object, what: str, *, places: int = 2, maximum: Decimal | None = None,
           allow_zero: bool = True) -> Decimal:
    """A non-negative amount with at most ``places`` decimals (a price: 4)."""
    number = to_decimal(value, what.lower())
    if number < 0:
        raise ValidationError(f"{what} não pode ser negativo.")
    if not allow_zero and number == 0:
        raise ValidationError(f"{what} tem de ser maior do que zero.")
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise ValidationError(f"{what} tem no máximo {places} casas decimais.")
    if maximum is not None and number > maximum:
        raise ValidationError(f"{what} é demasiado grande (máximo {maximum}).")
    return number


def choice(value: object, what: str, allowed: tuple[str, ...] | dict) -> str:
    text_value = (str(value) if value is not None else "").strip().upper()
    options = tuple(allowed)
    if text_value not in options:
        raise ValidationError(f"{what} desconhecido: {value!r} (use {', '.join(options)}).")
    return text_value
