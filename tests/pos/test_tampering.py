"""Alterations made behind the program's back are found, named, and block issuing."""

import sqlite3

import pytest

from pos.domain.errors import IntegrityError, ValidationError
from tests.conftest import run_cli

TRIGGERS = ("documents_signed", "documents_status", "documents_delete",
            "document_lines_update", "document_lines_delete", "document_payments_update",
            "document_payments_delete")


@pytest.fixture
def sold(app):
    for items in ([("PAO01", 2)], [("CAF01", 1), ("BEB02", 1)], [("MER01", 1)],
                  [("JOR01", 1)]):
        app.sell_items(items)
    app.db.dispose()
    return app


def attacker(db_path):
    """What someone with a database tool would do: drop the guards, then edit."""
    con = sqlite3.connect(db_path)
    for name in TRIGGERS:
        con.execute(f"DROP TRIGGER IF EXISTS {name}")
    return con


def problems_for(app):
    report = app.verify()
    assert not report.ok
    return {p.document_no for p in report.problems}, report.text()


def test_changed_amount_is_named(sold, db_path):
    with attacker(db_path) as con:
        con.execute("UPDATE documents SET gross_total='0.50' WHERE document_no='FS DEMO2026/2'")
    named, text = problems_for(sold)
    assert "FS DEMO2026/2" in named and "assinatura inválida" in text


def test_changed_line_is_named(sold, db_path):
    with attacker(db_path) as con:
        con.execute("UPDATE document_lines SET gross_amount='0.10', net_amount='0.09', "
                    "tax_amount='0.01', unit_price='0.10' WHERE document_id=("
                    "SELECT id FROM documents WHERE document_no='FS DEMO2026/3')")
    named, text = problems_for(sold)
    assert "FS DEMO2026/3" in named and "soma das linhas" in text


def test_deleted_document_is_named(sold, db_path):
    with attacker(db_path) as con:
        con.execute("DELETE FROM document_lines WHERE document_id=("
                    "SELECT id FROM documents WHERE document_no='FS DEMO2026/2')")
        con.execute("DELETE FROM documents WHERE document_no='FS DEMO2026/2'")
    named, text = problems_for(sold)
    assert "FS DEMO2026/3" in named
    assert "esperado n.º 2" in text and "cadeia de assinaturas quebrada" in text


def test_deleted_last_document_is_found(sold, db_path):
    with attacker(db_path) as con:
        con.execute("DELETE FROM document_lines WHERE document_id=("
                    "SELECT id FROM documents WHERE document_no='FS DEMO2026/4')")
        con.execute("DELETE FROM documents WHERE document_no='FS DEMO2026/4'")
    _, text = problems_for(sold)
    assert "série FS DEMO2026" in text and "registou 4 documentos" in text


def test_inserted_document_is_named(sold, db_path):
    with attacker(db_path) as con:
        cols = [r[1] for r in con.execute("PRAGMA table_info(documents)") if r[1] != "id"]
        sel = ", ".join({"number": "5", "document_no": "'FS DEMO2026/5'",
                         "uuid": "'forged'", "atcud": "'DEMOFS26-5'"}.get(c, c) for c in cols)
        con.execute(f"INSERT INTO documents ({', '.join(cols)}) SELECT {sel} FROM documents "
                    "WHERE document_no='FS DEMO2026/4'")
    named, text = problems_for(sold)
    assert "FS DEMO2026/5" in named


def test_swapped_order_is_named(sold, db_path):
    with attacker(db_path) as con:
        con.execute("UPDATE documents SET number=-2, document_no='x' "
                    "WHERE document_no='FS DEMO2026/2'")
        con.execute("UPDATE documents SET number=2, document_no='FS DEMO2026/2' "
                    "WHERE document_no='FS DEMO2026/3'")
        con.execute("UPDATE documents SET number=3, document_no='FS DEMO2026/3' "
                    "WHERE number=-2")
    named, text = problems_for(sold)
    assert {"FS DEMO2026/2", "FS DEMO2026/3"} <= named


def test_cli_verify_fails_blocks_selling_until_acknowledged(sold, db_path):
    assert run_cli(db_path, "verify").returncode == 0
    with attacker(db_path) as con:
        con.execute("UPDATE documents SET gross_total='0.50' WHERE document_no='FS DEMO2026/1'")
    proc = run_cli(db_path, "verify")
    assert proc.returncode == 1 and "FS DEMO2026/1" in proc.stdout
    blocked = run_cli(db_path, "sell", "--item", "PAO01")
    assert blocked.returncode == 2 and "bloqueada" in blocked.stderr
    manager = run_cli(db_path, "verify", "--acknowledge", "gerente")    # an admin only
    assert manager.returncode == 2 and "administrador" in manager.stderr
    assert len(manager.stderr.strip().splitlines()) == 1
    assert run_cli(db_path, "sell", "--item", "PAO01").returncode == 2
    run_cli(db_path, "verify", "--acknowledge", "admin", check=True)
    assert run_cli(db_path, "sell", "--item", "PAO01").returncode == 0


def test_start_up_check_catches_a_changed_last_document(sold, db_path):
    with attacker(db_path) as con:
        con.execute("UPDATE documents SET gross_total='9.99' WHERE document_no='FS DEMO2026/4'")
    with pytest.raises(IntegrityError, match="FS DEMO2026/4"):
        sold.quick_check()
    with pytest.raises(IntegrityError, match="bloqueada"):
        sold.sell_items([("PAO01", 1)])


def test_only_an_administrator_acknowledges_a_report(sold, db_path):
    # Changed on purpose with the facade: a manager could acknowledge before; now the
    # report must be confirmed by an administrator.
    with attacker(db_path) as con:
        con.execute("UPDATE documents SET gross_total='0.50' WHERE document_no='FS DEMO2026/1'")
    assert not sold.verify().ok
    with pytest.raises(ValidationError, match="administrador"):
        sold.acknowledge_integrity("gerente")
    with pytest.raises(IntegrityError, match="bloqueada"):
        sold.sell_items([("PAO01", 1)])
    assert sold.acknowledge_integrity("admin") is True
    assert sold.acknowledge_integrity("admin") is False       # nothing is blocked any more
    assert sold.sell_items([("PAO01", 1)]).number == 5
