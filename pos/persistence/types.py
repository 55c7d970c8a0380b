"""Column types that keep Decimal exact on every database."""

from decimal import Decimal, InvalidOperation

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator

from pos.domain.errors import IntegrityError


class UnreadableValue(IntegrityError):
    """A stored value is not what the program writes: altered outside it."""


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
        if value is None:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            text = value if len(value) <= 40 else value[:39] + "…"
            raise UnreadableValue(f"Valor ilegível na base de dados ({text!r}): dados "
                                  "alterados fora do programa; execute 'caixa verify'.")
        return number
