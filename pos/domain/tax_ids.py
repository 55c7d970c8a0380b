"""A customer's tax number as SAF-T and the QR code want it: without its country prefix.

Portaria 302/2016 2.2.3 (CustomerTaxID) and the QR code's field B carry the number only; the
country goes in its own field (BillingAddress/Country, QR field C). People copy EU VAT
numbers from invoices and VIES with the prefix ('ESB12345678', 'FR12345678901'), so the
prefix is taken off here, once, before the document is signed: what is stored, printed,
exported and sent to AT is then the same number.

A leading pair of letters is only a prefix when what follows has that country's VAT number
format (the VIES formats below): a Mexican RFC such as 'FRA850101AB1' starts with 'FR' and is
not French. For countries outside VIES, the country's own ISO code followed by a digit is
taken as a prefix ('BR12345678000195' for Brazil), and nothing else is touched.
"""

import re

from .errors import ValidationError

MAX_TAX_ID = 30          # CustomerTaxID, QR field B
# VIES prefix -> ISO 3166-1 country (Greece is 'EL' in VIES, Northern Ireland 'XI').
_PREFIX_COUNTRY = {"EL": "GR", "XI": "GB"}
# What follows the prefix in each VIES VAT number (EU Commission, VIES FAQ formats).
_VAT_FORMATS = {
    "AT": r"U\d{8}", "BE": r"[01]?\d{9}", "BG": r"\d{9,10}", "CY": r"\d{8}[A-Z]",
    "CZ": r"\d{8,10}", "DE": r"\d{9}", "DK": r"\d{8}", "EE": r"\d{9}", "EL": r"\d{9}",
    "ES": r"[A-Z0-9]\d{7}[A-Z0-9]", "FI": r"\d{8}", "FR": r"[A-HJ-NP-Z0-9]{2}\d{9}",
    "HR": r"\d{11}", "HU": r"\d{8}", "IE": r"\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W]",
    "IT": r"\d{11}", "LT": r"\d{9}|\d{12}", "LU": r"\d{8}", "LV": r"\d{11}", "MT": r"\d{8}",
    "NL": r"\d{9}B\d{2}", "PL": r"\d{10}", "PT": r"\d{9}", "RO": r"\d{2,10}",
    "SE": r"\d{12}", "SI": r"\d{8}", "SK": r"\d{10}", "XI": r"\d{9}|\d{12}|GD\d{3}|HA\d{3}",
    "GB": r"\d{9}|\d{12}|GD\d{3}|HA\d{3}",   # UK numbers keep the same form since 2021
}
_VAT_RE = {prefix: re.compile(f"^(?:{fmt})$") for prefix, fmt in _VAT_FORMATS.items()}
_SEPARATORS = re.compile(r"[\s.\-/]")
_ALLOWED = re.compile(r"^[A-Z0-9+*]+$")


def _country_code(country: str | None) -> str | None:
    if country is None or not country.strip():
        return None
    code = country.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise ValidationError(f"País do cliente inválido: {country!r} (2 letras, por exemplo "
                              "ES ou FR).")
    return "GR" if code == "EL" else code


def _prefix(tax_id: str, country: str | None) -> tuple[str, str] | None:
    """(prefix country, number without it) when ``tax_id`` starts with a country prefix."""
    head, rest = tax_id[:2], tax_id[2:]
    if not head.isalpha() or not rest:
        return None
    pattern = _VAT_RE.get(head)
    if pattern is not None and pattern.match(rest):
        return _PREFIX_COUNTRY.get(head, head), rest
    if head == "GR" and _VAT_RE["EL"].match(rest):
        return "GR", rest
    if country is not None and head == country and country not in _VAT_RE \
            and rest[0].isdigit():
        return country, rest
    return None


def split_tax_id(raw: str, country: str | None) -> tuple[str, str]:
    """(number without country prefix, country) of a tax number as typed.

    ``country`` None means nobody chose one: a prefix then says which country it is, and a
    number without one is Portuguese. A prefix that names another country than the one
    chosen is refused: one of the two is wrong, and a signed document cannot be corrected.
    """
    chosen = _country_code(country)
    text = _SEPARATORS.sub("", raw or "").upper()
    if not text:
        raise ValidationError("Indique o número de contribuinte do cliente.")
    if not text.isascii() or not _ALLOWED.match(text):
        raise ValidationError(f"Número de contribuinte inválido: {raw!r} (só letras e "
                              "algarismos).")
    found = _prefix(text, chosen)
    if found is None:
        number, where = text, chosen or "PT"
    else:
        where, number = found
        if chosen is not None and where != chosen:
            raise ValidationError(
                f"O número {raw.strip()} começa pelo prefixo de {where}, mas o país do cliente "
                f"é {chosen}: corrija o país ou o número.")
    if len(number) > MAX_TAX_ID:
        raise ValidationError(f"Número de contribuinte com mais de {MAX_TAX_ID} caracteres.")
    return number, where
