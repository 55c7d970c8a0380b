"""The database's own guards: triggers that refuse UPDATE and DELETE of what is sealed.

They stop the program (and a careless tool) from changing fiscal rows; they do not stop
someone who drops them first, which is why the chains are sealed and why the start-up check
looks for them: a guard that is missing or was replaced is a finding (the file was handled
outside the program) and is put back at once.

Migrations 0008 and 0009 (document_prints) create exactly this set (their own frozen copies).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

MESSAGE = "Caixa: signed fiscal data is append-only"
# Tables whose rows never change once written.
APPEND_ONLY = ("documents", "document_lines", "document_payments", "document_events",
               "audit_events", "reprints", "seal_keys", "document_prints")
# signing_keys: a new version switches the old one off (``active``); nothing else changes.
SIGNING_KEY_COLUMNS = ("version", "private_pem", "public_pem", "created_at")


def expected_sqlite() -> dict[str, str]:
    raise_ = f"SELECT RAISE(ABORT, '{MESSAGE}');"
    out = {}
    for table in APPEND_ONLY:
        out[f"{table}_update"] = (f"CREATE TRIGGER {table}_update BEFORE UPDATE ON {table} "
                                  f"BEGIN {raise_} END")
        out[f"{table}_delete"] = (f"CREATE TRIGGER {table}_delete BEFORE DELETE ON {table} "
                                  f"BEGIN {raise_} END")
    cols = ", ".join(SIGNING_KEY_COLUMNS)
    out["signing_keys_update"] = (f"CREATE TRIGGER signing_keys_update BEFORE UPDATE OF {cols} "
                                  f"ON signing_keys BEGIN {raise_} END")
    out["signing_keys_delete"] = ("CREATE TRIGGER signing_keys_delete BEFORE DELETE ON "
                                  f"signing_keys BEGIN {raise_} END")
    return out


PG_FUNCTION = (f"CREATE OR REPLACE FUNCTION caixa_refuse() RETURNS trigger AS $$ "
               f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql")


def expected_postgres() -> dict[str, tuple[str, str]]:
    """name -> (table, CREATE TRIGGER statement)."""
    out = {}
    for table in APPEND_ONLY:
        out[f"{table}_guard"] = (table, f"CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE "
                                        f"ON {table} FOR EACH ROW EXECUTE FUNCTION "
                                        "caixa_refuse()")
    cols = ", ".join(SIGNING_KEY_COLUMNS)
    out["signing_keys_guard"] = ("signing_keys", f"CREATE TRIGGER signing_keys_guard BEFORE "
                                 f"UPDATE OF {cols} OR DELETE ON signing_keys FOR EACH ROW "
                                 "EXECUTE FUNCTION caixa_refuse()")
    return out


def _norm(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "")).strip().lower()


def damaged(conn: Connection) -> list[str]:
    """Guards that are missing or no longer what Caixa created (by name)."""
    if conn.dialect.name == "sqlite":
        have = dict(conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())
        return [name for name, sql in expected_sqlite().items()
                if _norm(have.get(name)) != _norm(sql)]
    have = {name: (table, definition) for name, table, definition in conn.execute(text(
        "SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
        "AND t.tgenabled <> 'D'")).all()}
    body = conn.execute(text(
        "SELECT prosrc FROM pg_proc WHERE proname = 'caixa_refuse'")).scalar() or ""
    function_ok = MESSAGE in body and "raise exception" in _norm(body)
    out = []
    for name, (table, _sql) in expected_postgres().items():
        found = have.get(name)
        if found is None or found[0] != table or "caixa_refuse" not in found[1] \
                or not function_ok:
            out.append(name)
    return out


def restore(conn: Connection, names: list[str]) -> None:
    """Put the named guards back as Caixa creates them (inside the caller's transaction)."""
    if conn.dialect.name == "sqlite":
        wanted = expected_sqlite()
        for name in names:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            conn.execute(text(wanted[name]))
        return
    conn.execute(text(PG_FUNCTION))
    wanted = expected_postgres()
    for name in names:
        table, sql = wanted[name]
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
        conn.execute(text(sql))
