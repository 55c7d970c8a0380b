"""Value formatting for the hot path of the export: dates, amounts, escaped text.

Columns are read as their stored text where the database keeps text (SQLite dates, and money
everywhere, see pos/persistence/types.py), which skips building a Decimal or datetime per
value only to print it again; drivers that return objects (PostgreSQL dates) are handled by
the same functions.
"""

import re
from decimal import Decimal
from functools import lru_cache

from pos.domain.money import fmt2, net_of_vat

_SIX = Decimal("0.000001")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def day(v) -> str:
    """SAF-T date, from 'YYYY-MM-DD' text or a date."""
    return v[:10] if isinstance(v, str) else v.isoformat()


def stamp(v) -> str:
    """SAF-T dateTime 'YYYY-MM-DDThh:mm:ss', from SQLite's 'YYYY-MM-DD hh:mm:ss.ffffff'."""
    if isinstance(v, str):
        return f"{v[:10]}T{v[11:19]}"
    return v.isoformat(timespec="seconds")


def money(v) -> str:
    """Two decimals, as signed and stored; anything else goes through fmt2 (half-up)."""
    if isinstance(v, str) and len(v) > 3 and v[-3] == "." and v[0] != "-":
        return v
    return fmt2(Decimal(v))


@lru_cache(maxsize=256)
def percentage(v) -> tuple[str, bool]:
    """(text, is zero) of a stored VAT rate: there are only a handful of them."""
    d = Decimal(v)
    return format(d, "f"), d == 0


@lru_cache(maxsize=8192)
def unit_price(net, qty) -> str:
    """SAF-T UnitPrice: net of VAT and discounts (Portaria 302/2016 4.1.4.19.7)."""
    if qty == "1" or qty == 1:
        return money(net)
    text = format((Decimal(net) / Decimal(qty)).quantize(_SIX), "f").rstrip("0")
    head, _, tail = text.partition(".")
    return f"{head}.{tail:0<2}"


@lru_cache(maxsize=1024)
def settlement(discount, pct) -> str:
    """The SettlementAmount element of a discounted line (P302 4.1.4.19.18), else ''.

    The till records a line's discount with VAT, as the customer sees it; SAF-T lines are
    without VAT, so the element carries the discount's net part (PricedLine does the same).
    """
    if discount is None or discount in ("0", "0.00"):
        return ""
    d = Decimal(discount)
    if not d:
        return ""
    return f"<SettlementAmount>{fmt2(net_of_vat(d, Decimal(pct)))}</SettlementAmount>"


def quantity(v) -> str:
    return v if isinstance(v, str) else format(v, "f")


def clean(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry (lxml refuses them outright)."""
    return _NOT_XML.sub("", text)


@lru_cache(maxsize=8192)
def esc(text: str, limit: int = 200) -> str:
    """Character data: cut to the XSD length, control characters XML 1.0 cannot carry
    removed, markup escaped. Cached: descriptions and codes repeat across documents."""
    text = _NOT_XML.sub("", text)[:limit]
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
