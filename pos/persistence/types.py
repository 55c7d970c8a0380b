"""Column types that keep Decimal exact on every database."""

from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class Dec(TypeDecorator):
    """Exact decimal stored as its text form, so '1.50' comes back as Decimal('1.50').

    SQLite would store NUMERIC as REAL (binary float) and PostgreSQL NUMERIC pads the scale;
    text keeps exactly what was signed, on both.
    """

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must never be a float")
        return format(Decimal(value), "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)
