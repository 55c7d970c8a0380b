"""Reading stored values that may have been altered outside the program.

``verify`` and the start-up check read the values they check as the database holds them
(text on SQLite) and parse them here: a value that cannot be read — a total 'abc', a
timestamp 'garbage', a NaN — is itself an alteration to report and block on, never an
exception that stops the verifier (or lets the till go on selling).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import String, type_coerce

from pos.persistence.types import UnreadableValue

UNREADABLE = (ArithmeticError, ValueError, TypeError, OverflowError, UnreadableValue)


def raw(column):
    """``column`` read without its type's conversion (exact text on SQLite)."""
    return type_coerce(column, String).label(column.key)


def decimal_of(value) -> Decimal | None:
    """The exact decimal a money or quantity column holds; None when it is not one."""
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if not isinstance(value, str):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def date_of(value) -> date | None:
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def datetime_of(value) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) and len(value) > 10 \
            else None
    except ValueError:
        return None


def unreadable(name: str, value) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= 40 else text[:39] + "…"
    return f"{name} ilegível ({text!r}): alterado fora do programa"
