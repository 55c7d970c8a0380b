"""Text a person types, checked where it enters Caixa.

Every text field refuses what a person cannot see or should not be able to smuggle into a
fiscal document, a receipt or a SAF-T file: C0/C1 control characters (ESC would reach the
printer as a command), lone surrogates (bytes that were not UTF-8), private-use and
line/paragraph separators, and invisible format characters — bidi overrides and isolates
(U+202A–202E, U+2066–2069) reorder what the reader sees ("Trojan Source"). Zero-width
(non-)joiners stay allowed: some scripts and emoji need them to be written at all.

Lengths are the tighter of the schema's column (pos/persistence/models.py) and the SAF-T
(PT) 1.04_01 field (SAFPTtextTypeMandatoryMaxNNCar in AT's XSD). A value that must be
there is refused when empty. Messages quote the input through ``shown``, cut, so a
10,000-character input is never echoed back whole.
"""

import unicodedata
from dataclasses import dataclass

from .errors import ValidationError

SHOWN = 40
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200c\u200d")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Zl", "Zp"})
_NONCHARACTERS = frozenset("\ufffe\uffff")


def refused(ch: str) -> bool:
    """True for a character no text field accepts (see the module docstring)."""
    category = unicodedata.category(ch)
    if category in _REFUSED_CATEGORIES or ch in _NONCHARACTERS:
        return True
    return category == "Cf" and ch not in _JOINERS


def first_refused(text: str) -> str | None:
    if text.isprintable():
        return None   # fast path: isprintable() is False for every C* and Z[lps] character
    return next((ch for ch in text if refused(ch)), None)


def describe(ch: str) -> str:
    """What a refused character is, in a few words a manager can search for."""
    code = f"U+{ord(ch):04X}"
    category = unicodedata.category(ch)
    if category == "Cs":
        return "bytes que não são UTF-8 válido"
    if ch in _BIDI:
        return f"um controlo de direção do texto ({code})"
    if category == "Cc":
        return f"um carácter de controlo ({code})"
    return f"um carácter invisível ({code})"


def shown(value: object, limit: int = SHOWN) -> str:
    """The value quoted for a message: control characters escaped, cut after ``limit``."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text)
    return repr(text[:limit])[:-1] + f"…' ({len(text)} caracteres)"


def brief(value: object, limit: int = 60) -> str:
    """The value as typed when short and visible (a code, a number), else ``shown``."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit and text.isprintable() else shown(text)


def names(values, limit: int = 80) -> str:
    """Names (keys of a configuration, say) listed for a message: escaped, cut."""
    listed = ", ".join(repr(str(v))[1:-1] for v in values)
    return listed if len(listed) <= limit else listed[:limit] + "…"


def _capital(what: str) -> str:
    return what[:1].upper() + what[1:]


def check_text(value: object, what: str, limit: int, *, required: bool = True) -> str:
    """The value stripped and in NFC, or a ValidationError that names ``what``.

    ``what`` carries its article ('o nome do cliente'): messages read 'Indique o nome do
    cliente.' and 'O nome do cliente tem no máximo 100 caracteres.'
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{_capital(what)} tem de ser texto.")
    bad = first_refused(value)
    if bad is not None:
        raise ValidationError(f"{_capital(what)} tem {describe(bad)}: escreva só texto "
                              "visível, numa linha.")
    text = unicodedata.normalize("NFC", value.strip())
    if required and not text:
        raise ValidationError(f"Indique {what}.")
    if len(text) > limit:
        raise ValidationError(f"{_capital(what)} tem no máximo {limit} caracteres "
                              f"(tem {len(text)}).")
    return text


@dataclass(frozen=True)
class Field:
    """A text field: what it is called in messages, its length limit, whether required."""

    what: str
    limit: int
    required: bool = True

    def __call__(self, value: object) -> str:
        return check_text(value, self.what, self.limit, required=self.required)


# Customer (documents.customer_* columns; SAF-T Customer and BillingAddress).
CUSTOMER_NAME = Field("o nome do cliente", 100, required=False)      # CompanyName Max100
CUSTOMER_ADDRESS = Field("a morada do cliente", 200, required=False)  # column 200 (XSD 210)
CUSTOMER_CITY = Field("a localidade do cliente", 50, required=False)  # City Max50
CUSTOMER_POSTAL_CODE = Field("o código postal do cliente", 20, required=False)  # Max20
CUSTOMER_TAX_ID = Field("o NIF do cliente", 30)                       # CustomerTaxID Max30
# Who did it: users.login and every *_login / *_by column are 30; SAF-T SourceID Max30.
USER = Field("o utilizador", 30)
# Cancelling and crediting: documents.status_reason, document_lines.ref_reason; SAF-T
# References/Reason and DocumentStatus/Reason are Max50.
REASON = Field("o motivo", 50)
REPRINT_REASON = Field("o motivo da reimpressão", 100, required=False)  # reprints.reason
