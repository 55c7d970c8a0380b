"""Plain DB-API statements built once from the SQLAlchemy tables, for the till's hot path.

The tables stay described in one place (models.py): an insert here names every column of
its table, fills the columns the caller leaves out from their Python-side defaults (a
column another branch adds with a default keeps working), and converts each value with the
very bind processor SQLAlchemy would use on SQLite — so a row written here reads back
through the ORM exactly as one written by a session (dates, Decimal text, booleans).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite

from .types import Dec

_DIALECT = sqlite.dialect()


def _decimal_text(value) -> str:
    """``Dec``'s bind processing (exact text, never a float), without its indirections."""
    if type(value) is Decimal:
        return format(value, "f")
    return Dec().process_bind_param(value, _DIALECT)


def _default_of(column):
    """A column's Python-side default as a no-argument callable, or None."""
    default = column.default
    if default is None or not (default.is_scalar or default.is_callable):
        return None
    if default.is_scalar:
        value = default.arg
        return lambda: value
    fn = default.arg
    return lambda: fn(None)     # SQLAlchemy wraps callables to take an execution context


class Insert:
    """``INSERT INTO table (every column but an omitted key) VALUES (?, …)`` and the tuple
    of parameters for a row given as a mapping."""

    def __init__(self, table: Table, omit: Iterable[str] = ()):
        omit = set(omit)
        cols = [c for c in table.columns if c.name not in omit]
        self.table = table.name
        self.sql = (f"INSERT INTO {table.name} ({', '.join(c.name for c in cols)}) "  # noqa: S608
                    f"VALUES ({', '.join('?' for _ in cols)})")
        self._cols = [(c.name, processor(table, c.name), _default_of(c)) for c in cols]

    def params(self, row: Mapping) -> tuple:
        out = []
        for name, proc, default in self._cols:
            if name in row:
                value = row[name]
            elif default is not None:
                value = default()
            else:
                value = None
            out.append(value if proc is None or value is None else proc(value))
        return tuple(out)


def processor(table: Table, column: str):
    """The SQLite bind processor of one column (None when values pass as they are)."""
    kind = table.c[column].type
    if isinstance(kind, Dec):
        return _decimal_text
    return kind._cached_bind_processor(_DIALECT)
