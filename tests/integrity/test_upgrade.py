"""Migration 0008_sealed carries a database of today (schema 0004) over: every existing document
sealed in its till's chain, its cancellation and AT code as events, the passphrase moved into
the OS key store, and the journal sealed by an ``upgrade`` entry at the first start."""

import sqlite3
from datetime import datetime
from decimal import Decimal

import pytest

from pos import signing
from pos.domain.errors import IntegrityError
from pos.domain.signature import signature_message
from pos.persistence.db import Database
from pos.persistence.repositories import event_hash
from pos.services.ports import FixedClock
from pos.services.users import hash_pin

PASSPHRASE = b"old-style-secret-beside-the-database"
T0 = datetime(2026, 3, 2, 9, 0, 0)


def _to_0004(path) -> None:
    from alembic import command

    from pos.persistence import migrate
    db = Database(path)
    cfg = migrate._config(db.url)
    with db.engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.commit()
    db.dispose()


def build_0004_shop(path, tamper_old_journal: bool = False) -> dict:
    """A shop as version 0004 left it: signed FS (one cancelled), a GT with AT's code, the
    old SHA-256 audit chain, the passphrase in a file beside the database."""
    _to_0004(path)
    private_pem, public_pem = signing.generate_private_pem(PASSPHRASE)
    signer = signing.Signer(private_pem, PASSPHRASE, 1)
    con = sqlite3.connect(path, isolation_level=None)
    ts = T0.isoformat(sep=" ") + ".000000"
    con.execute("INSERT INTO company VALUES (1, '599999993', 'Loja Antiga, Lda.', 'Antiga', "
                "'Rua A, 1', 'Lisboa', '1100-001', 'PT', 'PT', '', '')")
    con.execute("INSERT INTO establishments VALUES (1, 'Global', 'Loja', 'Rua A, 1', "
                "'Lisboa', '1100-001', ?)", (ts,))
    con.execute("INSERT INTO tills VALUES (1, 'CX1', 'Caixa 1', 1, 1, ?)", (ts,))
    con.execute("INSERT INTO users (login, name, role, pin_hash, active) VALUES (?, ?, ?, ?, 1)",
                ("admin", "Administrador", "admin", hash_pin("1234")))
    con.execute("INSERT INTO products VALUES ('PAO01', 'Pão', '1.50', 'RED', NULL, 'UN', 'P', "
                "NULL, 'Padaria', 1)")
    con.execute("INSERT INTO signing_keys VALUES (1, ?, ?, ?, 1)", (private_pem, public_pem, ts))
    numbers = {}
    for pk, doc_type in ((1, "FS"), (2, "GT")):
        con.execute("INSERT INTO series (id, series_id, series_key, doc_type, kind, status, "
                    "validation_code, first_number, last_number, last_hash, start_date, "
                    "registered_by, till_id, created_at) VALUES (?, 'A2026', 'A2026', ?, 'N', "
                    "'A', ?, 1, 0, '', '2026-03-01', 'manual', 1, ?)",
                    (pk, doc_type, f"ATC{doc_type}2026X", ts))
    prev = {"FS": "", "GT": ""}
    docs = [("FS", 1, 0), ("FS", 2, 1), ("GT", 1, 2)]
    for i, (doc_type, number, minute) in enumerate(docs, start=1):
        entry = T0.replace(minute=minute * 10)
        doc_no = f"{doc_type} A2026/{number}"
        gross = Decimal("3.00") if doc_type == "FS" else Decimal("1.50")
        net = Decimal("2.83") if doc_type == "FS" else Decimal("1.42")
        tax = gross - net
        digest = signer.sign(signature_message(entry.date(), entry, doc_no, gross,
                                               prev[doc_type]))
        cancelled = doc_no == "FS A2026/2"
        con.execute(
            "INSERT INTO documents (id, uuid, series_pk, doc_type, series_id, series_kind, "
            "number, document_no, atcud, invoice_date, system_entry_date, customer_nif, "
            "customer_name, customer_address, customer_city, customer_postal_code, "
            "customer_country, tax_region, net_total, tax_payable, gross_total, "
            "previous_hash, hash, hash_control, key_version, source_billing, user_login, "
            "manual_ref, ref_document_id, extra, movement_start, status, status_date, "
            "status_reason, status_user, at_doc_code, till_id) VALUES (?, ?, ?, ?, 'A2026', "
            "'N', ?, ?, ?, ?, ?, '999999990', 'Consumidor final', '', '', '', 'PT', 'PT', ?, "
            "?, ?, ?, ?, '1', 1, 'P', 'admin', NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?, 1)",
            (i, f"00000000-0000-4000-8000-00000000000{i}", 1 if doc_type == "FS" else 2,
             doc_type, number, doc_no, f"ATC{doc_type}2026X-{number}", entry.date(),
             entry.isoformat(sep=" ") + ".000000", str(net), str(tax), str(gross),
             prev[doc_type], digest, "A" if cancelled else "N",
             (entry.replace(second=30) if cancelled else entry).isoformat(sep=" ") + ".000000",
             "Engano" if cancelled else None, "admin" if cancelled else None,
             "GT-CODE-42" if doc_type == "GT" else None))
        qty = 2 if doc_type == "FS" else 1
        con.execute("INSERT INTO document_lines (document_id, line_no, product_code, "
                    "description, product_type, quantity, unit, unit_price, discount, "
                    "gross_amount, net_amount, tax_amount, tax_code, tax_percentage) VALUES "
                    "(?, 1, 'PAO01', 'Pão', 'P', ?, 'UN', '1.50', '0.00', ?, ?, ?, 'RED', '6')",
                    (i, str(qty), str(gross), str(net), str(tax)))
        if doc_type == "FS":
            con.execute("INSERT INTO document_payments (document_id, method, amount, tendered) "
                        "VALUES (?, 'NU', ?, ?)", (i, str(gross), str(gross)))
        con.execute("UPDATE series SET last_number = ?, last_hash = ?, last_invoice_date = ?, "
                    "last_system_entry = ? WHERE id = ?",
                    (number, digest, entry.date(), entry.isoformat(sep=" ") + ".000000",
                     1 if doc_type == "FS" else 2))
        prev[doc_type] = digest
        numbers[doc_no] = i
    con.execute("INSERT INTO outbox (till_id, kind, document_id, status, attempts, created_at, "
                "next_attempt_at, done_at) VALUES (1, 'transport', 3, 'done', 1, ?, ?, ?)",
                (ts, ts, T0.replace(minute=25).isoformat(sep=" ") + ".000000"))
    audit_prev = ""
    for minute, kind, detail in ((0, "setup", "shop"), (1, "login", ""),
                                 (11, "cancel", "FS A2026/2: Engano")):
        at = T0.replace(minute=minute)
        digest = event_hash(audit_prev, at, "admin", kind, detail)
        con.execute("INSERT INTO audit_events (at, user_login, kind, detail, prev_hash, hash, "
                    "till_id) VALUES (?, 'admin', ?, ?, ?, ?, 1)",
                    (at.isoformat(sep=" ") + ".000000", kind, detail, audit_prev, digest))
        audit_prev = digest
    if tamper_old_journal:
        con.execute("DROP TRIGGER audit_events_update")   # as an editor of the file would
        con.execute("UPDATE audit_events SET detail = 'shop (edited)' WHERE kind = 'setup'")
    con.close()
    secret = path.with_suffix(".secret")
    secret.write_bytes(PASSPHRASE)
    secret.chmod(0o600)                 # as older versions created it (issue 13)
    return numbers


@pytest.fixture
def old_shop(tmp_path):
    path = tmp_path / "old.db"
    build_0004_shop(path)
    return path


def test_a_0004_database_is_sealed_at_its_first_start(old_shop, secure_dirs):
    from pos.bootstrap import open_app
    app = open_app(str(old_shop), clock=FixedClock(datetime(2026, 3, 3, 9, 0, 0)))
    assert not old_shop.with_suffix(".secret").exists()       # moved into the key store
    assert list(secure_dirs["CAIXA_VAULT_DIR"].glob("*.passphrase"))
    assert app.document("FS A2026/2").status == "A"
    assert app.document("FS A2026/2").status_reason == "Engano"
    assert app.document("FS A2026/1").status == "N"
    assert app.document("GT A2026/1").at_doc_code == "GT-CODE-42"

    journal = app.journal()
    assert [e.kind for e in journal[:3]] == ["setup", "login", "cancel"]
    assert not any(e.sealed for e in journal[:3])
    upgrade = journal[3]
    assert upgrade.kind == "upgrade" and upgrade.sealed and '"documents": [5,' in upgrade.detail
    custody = journal[4]
    assert custody.kind == "key_custody" and custody.sealed
    assert f"passphrase moved from {old_shop.with_suffix('.secret')}" in custody.detail

    report = app.verify()
    assert report.ok, report.text()
    app.quick_check()
    doc = app.sell_items([("PAO01", Decimal(1))], "FS", user="admin")
    assert doc.document_no == "FS A2026/3"
    assert app.verify().ok
    app.close()


def test_an_edit_made_before_the_upgrade_is_reported_then(tmp_path, secure_dirs):
    from pos.bootstrap import open_app
    path = tmp_path / "old.db"
    build_0004_shop(path, tamper_old_journal=True)
    app = open_app(str(path), clock=FixedClock(datetime(2026, 3, 3, 9, 0, 0)))
    with pytest.raises(IntegrityError, match="anterior à versão 0008_sealed"):
        app.quick_check()
    assert app.acknowledge_integrity("admin", "1234")
    app.sell_items([("PAO01", Decimal(1))], "FS", user="admin")


def test_after_the_upgrade_the_documents_row_is_never_updated(old_shop, secure_dirs):
    from pos.bootstrap import open_app
    open_app(str(old_shop), clock=FixedClock(datetime(2026, 3, 3, 9, 0, 0))).close()
    con = sqlite3.connect(old_shop)
    cols = {r[1] for r in con.execute("PRAGMA table_info(documents)")}
    assert not cols & {"status", "status_date", "status_reason", "status_user", "at_doc_code"}
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE documents SET customer_name = 'x' WHERE id = 1")
    con.close()
