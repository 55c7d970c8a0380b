"""A till's own role on the real server, with the till's own credentials: it reads master
data and sends its own records, and nothing else — not another till's documents, not any
replicated row to change, not over a plain connection, not with a wrong password."""

import psycopg
import pytest

from pos.domain.errors import PosError

from . import helpers


@pytest.fixture
def two_tills(till1, central, admin_url, key_pem, tmp_path, clock):
    till2 = helpers.new_till(tmp_path / "cx2.db", central, admin_url, "CX2", key_pem, clock)
    till1.sell_items([("PAO01", 1)])
    till2.sell_items([("CAF01", 1)])
    assert till1.store_sync().ok and till2.store_sync().ok
    yield till1, till2
    till2.close()


def connect(till, **changes):
    c = till.store_connection()
    url = c.url
    for old, new in changes.items():
        url = url.replace(old, new)
    return psycopg.connect(url, password=changes.get("password", c.password),
                           autocommit=True, connect_timeout=5)


def refused(con, sql: str, *params) -> str:
    with pytest.raises(psycopg.Error) as exc:
        con.execute(sql, params or None)
    return str(exc.value)


def test_a_till_reads_master_data_and_its_own_receipts_only(two_tills, central):
    till1, till2 = two_tills
    with connect(till2) as con:
        assert con.execute("SELECT count(*) FROM products").fetchone()[0] == \
            len(till1.products())
        assert con.execute("SELECT count(*) FROM master_changes").fetchone()[0] > 0
        mine = con.execute("SELECT DISTINCT till_id FROM store_inbox").fetchall()
        assert mine == [(till2.store_connection().till_id,)]
        for sql in ("SELECT * FROM documents", "SELECT * FROM document_lines",
                    "SELECT * FROM document_events", "SELECT * FROM audit_events",
                    "SELECT * FROM cash_sessions", "SELECT payload FROM store_inbox",
                    "SELECT * FROM store_conflicts", "SELECT * FROM signing_keys",
                    "SELECT * FROM seal_keys", "SELECT * FROM store_seal_keys",
                    "SELECT * FROM series", "SELECT * FROM parked_carts"):
            assert "permission denied" in refused(con, sql), sql
        # store_tills and store_anchors: its own row only
        assert con.execute("SELECT till_id FROM store_tills").fetchall() == \
            [(till2.store_connection().till_id,)]
        assert con.execute("SELECT till_id FROM store_anchors").fetchall() in \
            ([], [(till2.store_connection().till_id,)])


def test_a_till_cannot_alter_any_replicated_row_nor_send_for_another(two_tills, central):
    till1, till2 = two_tills
    other = till1.store_connection().till_id
    with connect(till2) as con:
        for sql in ("UPDATE documents SET hash = 'x'", "DELETE FROM documents",
                    "INSERT INTO document_events (uuid) VALUES ('x')",
                    "DELETE FROM document_events", "UPDATE store_seal_keys SET fingerprint = 'x'",
                    "UPDATE store_anchors SET state = '{}'", "DELETE FROM store_anchors",
                    "INSERT INTO master_changes (seq, tbl, key, row, at) "
                    "VALUES (999, 'products', 'X', NULL, now())",
                    "UPDATE store_inbox SET applied = false", "DELETE FROM store_inbox",
                    "UPDATE products SET price = '0.01'", "DELETE FROM customers",
                    "INSERT INTO documents (uuid) VALUES ('x')",
                    "UPDATE audit_events SET kind = 'x'", "TRUNCATE store_inbox",
                    "UPDATE store_tills SET role = 'postgres'",
                    "SELECT caixa_store_reapply()",
                    "SELECT caixa_store_apply('documents', '{}'::jsonb, 1)"):
            assert "permission denied" in refused(con, sql), sql
        error = refused(con, "INSERT INTO store_inbox (key, till_id, entry, payload, "
                             "till_seq, recorded_at) VALUES ('forged', %s, 'audit_events', "
                             "'{}', 1, now())", other)
        assert "row-level security" in error
        # Reporting for another till changes nothing (its row is not visible).
        assert con.execute("UPDATE store_tills SET pending = 99 WHERE till_id = %s",
                           (other,)).rowcount == 0
    assert {s.code: s.pending for s in central.store_status()}["CX1"] == 0
    assert central.verify().ok


def test_only_over_tls_and_with_its_password(two_tills):
    _, till2 = two_tills
    with pytest.raises(psycopg.OperationalError, match="reject|pg_hba"):
        connect(till2, **{"sslmode=verify-full": "sslmode=disable"})
    with pytest.raises(psycopg.OperationalError, match="password"):
        connect(till2, password="wrong")
    report = till2.store_sync()
    assert report.ok


def test_joining_again_gives_a_new_password(two_tills, central, admin_url):
    """A till re-attached (a replaced machine) gets a new password; the old one is dead."""
    _, till2 = two_tills
    old = till2.store_connection().password
    till2.cancel("FS CX22026/1", "Engano")
    report = till2.attach_to_store(central, admin_url, "CX2")
    assert report.owed == 1                # its own event; nothing sent twice
    assert till2.store_connection().password != old
    with pytest.raises(psycopg.OperationalError, match="password"):
        connect(till2, password=old)
    assert till2.store_sync().ok
    assert central.document("FS CX22026/1").status == "A"
    assert central.store_conflicts() == [] and central.store_problems() == []


def test_a_till_is_taken_over_only_by_its_own_database_and_when_said(
        two_tills, central, admin_url, tmp_path, clock):
    """Another database cannot pose as a till of the store, even saying it replaces it: the
    store holds that till's sealed chains, which only the till's own database (restored, or
    moved to a new machine) continues."""
    till1, _ = two_tills
    intruder = helpers.open_till(tmp_path / "other.db", clock)
    with pytest.raises(PosError, match="não continua a caixa CX1"):
        intruder.attach_to_store(central, admin_url, "CX1", replace=True)
    intruder.close()
    assert till1.store_sync().ok                        # the real CX1 still sends
    with pytest.raises(PosError, match="Esta caixa é a CX1"):
        till1.attach_to_store(central, admin_url, "CX9")   # its code is sealed: never another
    moved = tmp_path / "new-machine.db"
    helpers.copy_db(tmp_path / "cx1.db", moved)        # the till's database, on a new machine
    new = helpers.open_till(moved, clock)
    new.attach_to_store(central, admin_url, "CX1")      # the till itself, joining again
    assert not till1.store_sync().ok                    # the old machine is shut out
    doc = new.sell_items([("PAO01", 1)])
    assert new.store_sync().ok
    assert central.document(doc.document_no).uuid == doc.uuid
    report = central.verify()
    assert report.ok, report.text()
    new.close()
