"""The start-up check reads only what came after the till's sealed checkpoint — and still
catches an alteration anywhere: every alteration ``verify`` catches, made behind the
checkpoint with the database's guards dropped and then put back exactly as they were (the
schema cookie the checkpoint seals has moved), or made without touching a guard (inserted
rows land after the checkpoint)."""

import base64
import json
import sqlite3
from decimal import Decimal

import pytest

from pos.domain.errors import IntegrityError
from pos.services import checkpoints
from tests.integrity.conftest import attacker
from tests.integrity.test_alterations import ALTERATIONS, guards_dropped, inserted_document


def _sell(app):
    return app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")


def _checked(open_shop):
    """A new process's start-up check; what it read."""
    app = open_shop()
    app.quick_check()
    return app, app.last_check


def _guards(db) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [sql for (sql,) in con.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")]
    finally:
        con.close()


def test_a_clean_start_reads_only_what_came_after_the_checkpoint(open_shop, shop_clock,
                                                                  monkeypatch):
    app, first = _checked(open_shop)
    assert first.reached is not None
    app.close()                                  # exit moves the checkpoint to the head
    app, again = _checked(open_shop)
    assert (again.mode, again.documents) == ("incremental", 0)
    for _ in range(3):
        shop_clock.advance(minutes=1)
        _sell(app)
    app.db.dispose()                             # gone without a clean exit: nothing moved
    app, after = _checked(open_shop)
    assert (after.mode, after.documents) == ("incremental", 3)
    shop_clock.advance(minutes=1)
    _sell(app)
    assert app.verify().ok                       # 4 documents after it: too few to move it
    app.db.dispose()
    app, next_start = _checked(open_shop)
    assert (next_start.mode, next_start.documents) == ("incremental", 4)
    monkeypatch.setattr(checkpoints, "WRITE_AFTER", 4)
    assert app.verify().ok                       # 4 documents: the verification moves it
    app.db.dispose()
    _app, next_start = _checked(open_shop)
    assert (next_start.mode, next_start.documents) == ("incremental", 0)


@pytest.mark.parametrize("alter", [a for a in ALTERATIONS if a is not guards_dropped],
                         ids=lambda f: f.__name__)
def test_an_alteration_behind_the_checkpoint_with_the_guards_put_back_is_caught(
        alter, full_db, roles, open_shop):
    app, _ = _checked(open_shop)
    app.close()
    guards = _guards(full_db)
    with attacker(full_db) as con:
        expected = alter(con, roles)
        for sql in guards:                       # every guard back, exactly as it was
            con.execute(sql)
    con.close()
    assert _guards(full_db) == guards

    app = open_shop()
    with pytest.raises(IntegrityError) as found:
        app.quick_check()
    assert app.last_check.mode == "full"
    text = str(found.value)
    assert any(words in text for words in expected), text
    with pytest.raises(IntegrityError):
        _sell(app)


def test_guards_dropped_and_put_back_alone_alter_nothing(full_db, open_shop):
    app, _ = _checked(open_shop)
    app.close()
    guards = _guards(full_db)
    with attacker(full_db) as con:
        for sql in guards:
            con.execute(sql)
    con.close()
    app, check = _checked(open_shop)             # the full verification: nothing found
    assert check.mode == "full" and check.why.startswith("a estrutura")
    app.close()
    _app, again = _checked(open_shop)            # and the checkpoint moved on
    assert again.mode == "incremental"


def test_a_document_inserted_without_touching_a_guard_is_caught_after_the_checkpoint(
        full_db, roles, open_shop):
    app, _ = _checked(open_shop)
    app.close()
    con = sqlite3.connect(full_db, isolation_level=None)
    inserted_document(con, roles)                # an INSERT: no guard refuses it
    con.close()
    app = open_shop()
    with pytest.raises(IntegrityError, match="FT S2026/4"):
        app.quick_check()
    assert app.last_check.why.startswith("dados depois do ponto")


def test_a_forged_chain_entry_appended_after_the_checkpoint_is_caught(full_db, open_shop):
    app, _ = _checked(open_shop)
    app.close()
    con = sqlite3.connect(full_db, isolation_level=None)
    till, seq, doc, prev = con.execute(
        "SELECT till_id, seq, document_id, hash FROM document_events ORDER BY seq DESC "
        "LIMIT 1").fetchone()
    con.execute("INSERT INTO document_events (uuid, till_id, seq, document_id, kind, at, "
                "user_login, reason, value, prev_hash, hash, key_version, signature) VALUES "
                "('forged', ?, ?, ?, 'cancelled', '2026-03-14 12:59:00.000000', 'x', 'y', NULL, "
                "?, ?, 1, 'AAAA')", (till, seq + 1, doc, prev, "f" * 64))
    con.close()
    with pytest.raises(IntegrityError):
        open_shop().quick_check()


def test_a_checkpoint_altered_or_removed_only_sends_the_check_to_the_full_verification(
        full_db, open_shop):
    app, _ = _checked(open_shop)
    app.close()
    con = sqlite3.connect(full_db, isolation_level=None)
    (raw,) = con.execute("SELECT value FROM till_settings WHERE key = ?",
                         (checkpoints.KEY,)).fetchone()
    stored = json.loads(raw)
    forged = json.loads(base64.b64decode(stored["data"]))
    forged["top"] = 10 ** 9                      # "everything was checked already"
    stored["data"] = base64.b64encode(json.dumps(forged).encode()).decode()
    con.execute("UPDATE till_settings SET value = ? WHERE key = ?",
                (json.dumps(stored), checkpoints.KEY))
    con.close()
    app, check = _checked(open_shop)
    assert check.mode == "full" and check.why == "sem ponto de verificação selado"
