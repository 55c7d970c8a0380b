"""What a till owes the store: the next records in order, built from its rows, and what the
central database answered for each.

Records go in the order they were made (the outbox's id): parents always before children,
a series' documents in chain order. There is no lease: a record sent twice (two senders,
or a crash after the central commit) is accepted once, by its key, so the sender simply
takes the first pending rows and marks them done once the store holds them.

A record's text must be the same every time it is sent: what can change after it was made
was captured by the trigger; the rest is read now and serialised the same way always.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import delete, func, select, update

from pos.domain.store import STORE_KIND, Receipt, StoreHealth, StoreItem, canonical
from pos.persistence.models import Base, OutboxRow
from pos.persistence.uow import UnitOfWork

from .registry import BY_NAME, NEVER_SENT, Entry

PENDING, DONE, PARKED = "pending", "done", "parked"
CURSOR_KEY = "store_cursor"
KEEP_DONE = timedelta(days=7)          # sent records' outbox rows are kept this long


def plain(value):
    """A column value as JSON, the same way every time (money as its exact text)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()
    return value


def _table(name: str):
    return Base.metadata.tables[name]


def _rows(uow: UnitOfWork, table: str, col: str, values) -> dict:
    t = _table(table)
    out = {}
    values = list(values)
    for i in range(0, len(values), 500):
        for row in uow.session.execute(select(t).where(t.c[col].in_(values[i:i + 500]))):
            m = row._mapping
            out[m[col]] = m
    return out


def _uuids(uow: UnitOfWork, table: str, ids) -> dict[int, str]:
    t = _table(table)
    ids = [i for i in set(ids) if i is not None]
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        out.update(uow.session.execute(select(t.c.id, t.c.uuid)
                                       .where(t.c.id.in_(ids[i:i + 500]))).all())
    return out


def _children(uow: UnitOfWork, entry: Entry, parent_ids) -> dict[str, dict[int, list]]:
    out: dict[str, dict[int, list]] = {}
    for child in entry.children:
        t = _table(child.table)
        groups: dict[int, list] = defaultdict(list)
        ids = list(parent_ids)
        for i in range(0, len(ids), 500):
            stmt = (select(t).where(t.c[child.fk].in_(ids[i:i + 500]))
                    .order_by(t.c[child.fk], t.c[child.order]))
            for row in uow.session.execute(stmt):
                m = row._mapping
                groups[m[child.fk]].append({k: plain(v) for k, v in m.items()
                                            if k not in ("id", child.fk)})
        out[child.table] = groups
    return out


def _build(uow: UnitOfWork, entry: Entry, marks: list[dict]) -> dict[int, str]:
    """Payload text per outbox row id for the rows of one entry (None: row gone)."""
    rows = _rows(uow, entry.table, entry.pk, {m["id"] for m in marks})
    wanted = entry.columns_read
    refs = {col: _uuids(uow, parent, [r[col] for r in rows.values()])
            for col, parent in entry.refs.items()}
    kids = _children(uow, entry, [r["id"] for r in rows.values()]) if entry.children else {}
    out: dict[int, str | None] = {}
    for m in marks:
        row = rows.get(m["id"])
        if row is None:
            out[m["row_id"]] = None
            continue
        body = {k: plain(v) for k, v in row.items()
                if k not in NEVER_SENT and (wanted is None or k in wanted)}
        body.update(m["c"])
        body.update(entry.constants)
        for col in entry.refs:
            if col in body and body[col] is not None:
                body[col] = refs[col].get(row[col])
        payload: dict = {"row": body}
        if entry.op == "update":
            payload["of"] = row[entry.match]
        if entry.children:
            payload["children"] = {c.table: kids[c.table].get(row["id"], [])
                                   for c in entry.children}
        out[m["row_id"]] = canonical(payload)
    return out


def claim(uow: UnitOfWork, limit: int) -> tuple[list[StoreItem], list[int]]:
    """The first ``limit`` records this till owes the store, in order, as values to send;
    and the outbox rows that cannot be sent (their row has vanished, or a kind this
    version does not know), to park for a manager instead of blocking the rest. Only
    reads: a sale never waits while a batch is built."""
    rows = uow.session.execute(
        select(OutboxRow.id, OutboxRow.payload, OutboxRow.created_at)
        .where(OutboxRow.kind == STORE_KIND, OutboxRow.status == PENDING,
               OutboxRow.till_id == uow.till.id)
        .order_by(OutboxRow.id).limit(limit)).all()
    marks: dict[str, list[dict]] = defaultdict(list)
    meta = {}
    for row_id, payload, created in rows:
        mark = json.loads(payload)
        mark["row_id"] = row_id
        meta[row_id] = (mark, created)
        marks[mark["e"]].append(mark)
    texts: dict[int, str | None] = {}
    for name, group in marks.items():
        entry = BY_NAME.get(name)
        if entry is None:
            texts.update({m["row_id"]: None for m in group})
        else:
            texts.update(_build(uow, entry, group))
    items, lost = [], []
    for row_id, _payload, _created in rows:
        mark, created = meta[row_id]
        body = texts.get(row_id)
        if body is None:
            lost.append(row_id)
            continue
        items.append(StoreItem(row_id, str(mark["k"]), mark["e"], body, created))
    return items, lost


LOST = "Registo desaparecido ou de tipo desconhecido: não pode ser enviado à loja."


def park_lost(uow: UnitOfWork, ids: list[int], now: datetime) -> None:
    uow.session.execute(update(OutboxRow).where(OutboxRow.id.in_(ids))
                        .values(status=PARKED, next_attempt_at=now, last_error=LOST))


def record(uow: UnitOfWork, items: list[StoreItem], receipts: dict[str, Receipt],
           now: datetime) -> tuple[int, int, int]:
    """Mark each sent record by what the store holds under its key: the same content (done,
    applied or with a problem the store keeps), or other content (a conflict, parked here
    for a manager and kept there too). Returns (accepted, conflicts, problems)."""
    done, conflicts, problems = [], 0, 0
    s = uow.session
    for item in items:
        r = receipts.get(item.key)
        if r is not None and r.digest == item.digest:
            if r.applied:
                done.append(item.row_id)
                continue
            problems += 1
            s.execute(update(OutboxRow).where(OutboxRow.id == item.row_id).values(
                status=DONE, done_at=now, result=json.dumps({"problem": r.problem},
                                                            ensure_ascii=False)))
            continue
        conflicts += 1
        s.execute(update(OutboxRow).where(OutboxRow.id == item.row_id).values(
            status=PARKED, next_attempt_at=now, attempts=OutboxRow.attempts + 1,
            last_error=f"Conflito na loja: o registo {item.key} ({item.entry}) já lá existe "
                       "com outro conteúdo."))
    for i in range(0, len(done), 500):
        s.execute(update(OutboxRow).where(OutboxRow.id.in_(done[i:i + 500]))
                  .values(status=DONE, done_at=now))
    return len(done) + problems, conflicts, problems


def health(uow: UnitOfWork, now: datetime, error: str | None = None) -> StoreHealth:
    s = uow.session
    mine = OutboxRow.till_id == uow.till.id
    store = OutboxRow.kind == STORE_KIND
    counts = dict(s.execute(select(OutboxRow.status, func.count())
                            .where(mine, store, OutboxRow.status.in_((PENDING, PARKED)))
                            .group_by(OutboxRow.status)).all())
    oldest = s.scalar(select(func.min(OutboxRow.created_at))
                      .where(mine, store, OutboxRow.status == PENDING))
    at = dict(s.execute(select(OutboxRow.status, func.count())
                        .where(mine, OutboxRow.kind != STORE_KIND,
                               OutboxRow.status.in_((PENDING, "sending", PARKED)))
                        .group_by(OutboxRow.status)).all())
    return StoreHealth(counts.get(PENDING, 0), oldest, counts.get(PARKED, 0),
                       at.get(PENDING, 0) + at.get("sending", 0), at.get(PARKED, 0),
                       cursor(uow), error)


def purge(uow: UnitOfWork, now: datetime) -> int:
    """Forget outbox rows of records the store has held for a week (the store keeps them)."""
    return uow.session.execute(delete(OutboxRow).where(
        OutboxRow.kind == STORE_KIND, OutboxRow.status == DONE,
        OutboxRow.done_at < now - KEEP_DONE)).rowcount


def cursor(uow: UnitOfWork) -> int:
    return int(uow.till_settings.get(CURSOR_KEY) or 0)
