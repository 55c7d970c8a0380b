"""A till's side of the store in its SQLite file: the triggers that owe each new record to
the store, and the backfill of what was recorded before the till joined.

Each registry entry becomes one trigger that inserts an outbox row (kind ``store``) in the
same transaction as the change it follows, whichever code path made the change: the record
can never be committed without its duty, nor the duty without the record. The row holds the
record's key, the local id to read it back, and the values captured at that moment.

The triggers exist only on a till attached to a store (a till alone pays nothing). They are
generated from the registry; ``install`` replaces them when the registry changed since they
were made (a newer Caixa), checked each time the till opens.
"""

from __future__ import annotations

from sqlalchemy import text

from pos.domain.errors import ValidationError
from pos.domain.store import STORE_KIND, digest
from pos.persistence.uow import UnitOfWork

from .registry import ENTRIES, Entry

PREFIX = "caixa_store_"
TRIGGERS_KEY = "store_triggers"       # till setting: digest of the triggers in place
# Triggers cannot read the application's clock: the wall clock, to the millisecond (the
# store measures its lag against it).
NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')"
COLUMNS = "till_id, kind, payload, status, attempts, created_at, next_attempt_at"


def _payload(entry: Entry, store_till: int) -> str:
    captured = ", ".join(f"'{col}', {expr}" for col, expr in entry.capture.items())
    key = entry.key.replace("{till}", str(int(store_till)))
    return (f"json_object('e', '{entry.name}', 'k', {key}, 'id', NEW.{entry.pk}, "
            f"'c', json_object({captured}))")


def trigger_sql(entry: Entry, till_id: int, store_till: int) -> str:
    event = "INSERT" if entry.on == "insert" else "UPDATE"
    when = f" WHEN {entry.when}" if entry.when else ""
    # Built from the registry (code, never input): the S608 warning does not apply.
    return (f"CREATE TRIGGER {PREFIX}{entry.name} AFTER {event} ON {entry.table} "  # noqa: S608
            f"FOR EACH ROW{when} BEGIN INSERT INTO outbox ({COLUMNS}) VALUES ({int(till_id)}, "
            f"'{STORE_KIND}', {_payload(entry, store_till)}, 'pending', 0, {NOW}, {NOW}); END")


def backfill_sql(entry: Entry, till_id: int, store_till: int) -> str | None:
    """Owe the store every row already there (insert entries), or the current state of the
    rows an update entry names (a cancelled document, a closed session)."""
    if entry.on != "insert" and not entry.backfill:
        return None
    where = f" WHERE {entry.backfill}" if entry.on != "insert" else ""
    # The table is aliased NEW so the trigger's own expressions read the same columns.
    return (f"INSERT INTO outbox ({COLUMNS}) SELECT {int(till_id)}, '{STORE_KIND}', "  # noqa: S608
            f"{_payload(entry, store_till)}, 'pending', 0, {NOW}, {NOW} FROM {entry.table} AS NEW"
            f"{where} ORDER BY NEW.{entry.pk}")


def _require_sqlite(uow: UnitOfWork) -> None:
    if not uow.is_sqlite:
        raise ValidationError("Só uma caixa com a sua própria base de dados (ficheiro SQLite) "
                              "se liga a uma loja.")


def installed(uow: UnitOfWork) -> list[str]:
    return list(uow.session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
        {"p": PREFIX + "%"}).scalars())


def install(uow: UnitOfWork, store_till: int) -> bool:
    """Put this till's triggers in place (or replace outdated ones); True when it did.
    ``store_till``: the till's number in the store."""
    _require_sqlite(uow)
    statements = [trigger_sql(e, uow.till.id, store_till) for e in ENTRIES]
    stamp = digest("\n".join(statements))
    if uow.till_settings.get(TRIGGERS_KEY) == stamp and \
            len(installed(uow)) == len(statements):
        return False
    remove(uow)
    for sql in statements:   # as is: SQLite itself tells ':' in a literal from a parameter
        uow.session.connection().exec_driver_sql(sql)
    uow.till_settings.put(TRIGGERS_KEY, stamp)
    return True


def remove(uow: UnitOfWork) -> None:
    for name in installed(uow):
        uow.session.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
    uow.till_settings.put(TRIGGERS_KEY, "")


def backfill(uow: UnitOfWork, store_till: int, skip: dict[str, set] | None = None) -> int:
    """Owe the store everything recorded before the till joined, parents first; ``skip``:
    local ids per entry the store already has (master data it was seeded with). Returns
    how many records are now owed."""
    _require_sqlite(uow)
    s = uow.session
    first = s.execute(text("SELECT coalesce(max(id), 0) FROM outbox")).scalar()
    for entry in ENTRIES:
        sql = backfill_sql(entry, uow.till.id, store_till)
        if sql is not None:
            s.connection().exec_driver_sql(sql)
    for name, ids in (skip or {}).items():
        ids = sorted(ids)
        for i in range(0, len(ids), 500):
            params = {f"i{n}": v for n, v in enumerate(ids[i:i + 500])}
            marks = ", ".join(f":{p}" for p in params)
            s.execute(text(
                "DELETE FROM outbox WHERE id > :first AND kind = :kind "  # noqa: S608
                f"AND json_extract(payload, '$.e') = :name AND json_extract(payload, '$.id') "
                f"IN ({marks})"), {"first": first, "kind": STORE_KIND, "name": name, **params})
    return s.execute(text("SELECT count(*) FROM outbox WHERE id > :first"),
                     {"first": first}).scalar()
