"""Master data coming down to a till (and, once, going up to seed a new store).

A till applies the changes it pulled in one transaction together with its new cursor: it
sells either with all of them or with none. Rows are matched by the columns that name them
on every database (registry.MASTER); local ids stay local, and so do the columns a table
keeps per database (a user's wrong PINs). A till offline keeps its last copy and sells with
it; documents never change, they hold their own copy of every price.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from fnmatch import fnmatchcase

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, and_, delete, insert, select
from sqlalchemy import update as sql_update

from pos.domain.errors import ValidationError
from pos.domain.store import STORE_KIND, MasterChange
from pos.persistence.models import Base, OutboxRow
from pos.persistence.types import Dec
from pos.persistence.uow import UnitOfWork

from .outgoing import CURSOR_KEY, plain
from .registry import CREATED_AT_TILLS, MASTER, MASTER_BY_TABLE, Master


def _value(column, value):
    """A JSON value back into what the column holds."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Dec):
        return Decimal(str(value))
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value[:10])
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer):
        return int(value)
    if isinstance(kind, LargeBinary):
        return bytes.fromhex(value[2:]) if value.startswith("\\x") else value.encode()
    return value


def _like(pattern: str) -> str:
    """A SQL LIKE pattern (``\\`` escapes) as an fnmatch one."""
    out, escaped = [], False
    for ch in pattern:
        if escaped:
            out.append("[" + ch + "]" if ch in "*?[" else ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "%":
            out.append("*")
        elif ch == "_":
            out.append("?")
        else:
            out.append("[" + ch + "]" if ch in "*?[" else ch)
    return "".join(out)


def is_own_row(spec: Master, key_text: str) -> bool:
    """A row that belongs to this database only (never master data)."""
    return any(fnmatchcase(key_text, _like(p)) for p in spec.own_rows)


def _where(t, spec: Master, values: dict):
    return and_(*(t.c[c] == values[c] for c in spec.key))


def upsert(uow: UnitOfWork, table: str, row: dict) -> None:
    """Insert or update one master row by the columns that name it everywhere."""
    spec = MASTER_BY_TABLE[table]
    t = Base.metadata.tables[table]
    values = {c.name: _value(c, row[c.name]) for c in t.columns
              if c.name in row and c.name not in spec.local
              and (c.name != "id" or "id" in spec.key)}
    if any(values.get(k) is None for k in spec.key):
        raise ValidationError(f"Dados mestre sem {', '.join(spec.key)} em {table}.")
    s = uow.session
    found = s.execute(select(*(t.c[k] for k in spec.key)).where(_where(t, spec, values))).first()
    if found is None:
        s.execute(insert(t).values(values))
    else:
        s.execute(sql_update(t).where(_where(t, spec, values)).values(values))


def remove(uow: UnitOfWork, table: str, key_text: str) -> None:
    spec = MASTER_BY_TABLE[table]
    t = Base.metadata.tables[table]
    parts = key_text.split("|")
    values = {c: _value(t.c[c], v) for c, v in zip(spec.key, parts, strict=True)}
    uow.session.execute(delete(t).where(_where(t, spec, values)))


def apply(uow: UnitOfWork, changes: list[MasterChange]) -> int:
    """Apply pulled changes and move the cursor on, in the caller's one transaction.

    Rows a till could also create (customers, products) fire its store triggers when they
    arrive: those echoes are dropped before the commit, so nothing comes back up."""
    if not changes:
        return 0
    s = uow.session
    first = s.scalar(select(OutboxRow.id).order_by(OutboxRow.id.desc()).limit(1)) or 0
    by_table: dict[str, list[MasterChange]] = defaultdict(list)
    for change in changes:
        spec = MASTER_BY_TABLE.get(change.table)
        if spec is not None and not is_own_row(spec, change.key):
            by_table[change.table].append(change)
    for spec in MASTER:
        for change in sorted(by_table.get(spec.table, ()), key=lambda c: c.seq):
            if change.row is None:
                remove(uow, spec.table, change.key)
            else:
                upsert(uow, spec.table, json.loads(change.row))
    if any(t in by_table for t in CREATED_AT_TILLS):
        s.execute(delete(OutboxRow).where(OutboxRow.id > first, OutboxRow.kind == STORE_KIND))
    top = max(c.seq for c in changes)
    if top > int(uow.till_settings.get(CURSOR_KEY) or 0):
        uow.till_settings.put(CURSOR_KEY, str(top))
    return len(changes)


def snapshot(uow: UnitOfWork) -> dict[str, list[dict]]:
    """Every master row of this database, as JSON values (a new store is seeded with it):
    without the columns and rows that are this database's own."""
    out = {}
    for spec in MASTER:
        t = Base.metadata.tables[spec.table]
        rows = []
        for row in uow.session.execute(select(t)):
            m = row._mapping
            if is_own_row(spec, spec.key_text(m)):
                continue
            rows.append({k: plain(v) for k, v in m.items() if k not in spec.local})
        out[spec.table] = rows
    return out


def seed(uow: UnitOfWork, rows: dict[str, list[dict]]) -> int:
    """Fill an empty store's master data from a till's snapshot."""
    count = 0
    for spec in MASTER:
        for row in rows.get(spec.table, ()):
            upsert(uow, spec.table, row)
            count += 1
    return count
