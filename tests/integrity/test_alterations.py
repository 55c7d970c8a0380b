"""Every alteration of a shop's file — with the database's guards dropped first, as anyone
with the file can — is found and named by ``verify``, refuses selling, and lets the till go
on only after an administrator's acknowledgement (sealed in the journal)."""

import base64
import json
import shutil
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from pos.domain import seal
from pos.domain.errors import IntegrityError, NotFoundError, ValidationError
from pos.domain.signature import signature_message
from tests.integrity.conftest import attacker


def _doc_id(con, number: str) -> int:
    return con.execute("SELECT id FROM documents WHERE document_no = ?", (number,)).fetchone()[0]


def _resign_journal_from(con, till_id: int, seq: int) -> None:
    """An attacker who knows the chain's formula recomputes every hash from ``seq`` on (the
    seals, made with a key he does not have, stay as they were)."""
    code = con.execute("SELECT code FROM tills WHERE id = ?", (till_id,)).fetchone()[0]
    rows = con.execute("SELECT id, at, user_login, kind, detail FROM audit_events WHERE "
                       "till_id = ? AND seq >= ? ORDER BY seq", (till_id, seq)).fetchall()
    prev = con.execute("SELECT hash FROM audit_events WHERE till_id = ? AND seq = ?",
                       (till_id, seq - 1)).fetchone()[0]
    from datetime import datetime
    for n, (row_id, at, user, kind, detail) in enumerate(rows, start=seq):
        moment = datetime.fromisoformat(at)
        digest = seal.chain_hash(n, prev, seal.journal_content(code, moment, user, kind,
                                                                detail))
        con.execute("UPDATE audit_events SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    (n, prev, digest, row_id))
        prev = digest


# ---- the alterations (each: what it does to the file, and words verify must say) ---------

def customer_nif(con, roles):
    con.execute("UPDATE documents SET customer_nif = '123456789' WHERE document_no = ?",
                (roles["ft_foreign"],))
    return [roles["ft_foreign"], "customer_nif alterado: '123456789'"]


def customer_name(con, roles):
    con.execute("UPDATE documents SET customer_name = 'Outro Cliente' WHERE document_no = ?",
                (roles["ft"],))
    return [roles["ft"], "customer_name alterado: 'Outro Cliente'"]


def amounts_moved_between_lines(con, roles):
    """Two lines swap quantities and amounts: each line and the total still add up."""
    doc = _doc_id(con, roles["ft"])
    cols = "quantity, unit_price, gross_amount, net_amount, tax_amount"
    one = con.execute(f"SELECT {cols} FROM document_lines WHERE document_id = ? AND "
                      "line_no = 1", (doc,)).fetchone()
    three = con.execute(f"SELECT {cols} FROM document_lines WHERE document_id = ? AND "
                        "line_no = 3", (doc,)).fetchone()
    sets = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
    con.execute(f"UPDATE document_lines SET {sets} WHERE document_id = ? AND line_no = 1",
                (*three, doc))
    con.execute(f"UPDATE document_lines SET {sets} WHERE document_id = ? AND line_no = 3",
                (*one, doc))
    return [roles["ft"], "linha 1: quantity alterado", "linha 3: gross_amount alterado"]


def line_product_changed(con, roles):
    con.execute("UPDATE document_lines SET product_code = 'XPTO', description = 'Outra coisa' "
                "WHERE document_id = ? AND line_no = 1", (_doc_id(con, roles["fs"]),))
    return [roles["fs"], "linha 1: product_code alterado: 'XPTO'",
            "linha 1: description alterado"]


def line_amounts_changed(con, roles):                 # caught before: still caught
    con.execute("UPDATE document_lines SET gross_amount = '0.10', net_amount = '0.09', "
                "tax_amount = '0.01', unit_price = '0.10' WHERE document_id = ? AND "
                "line_no = 1", (_doc_id(con, roles["fs"]),))
    return [roles["fs"], "soma das linhas (1.99) não corresponde",
            "linha 1: gross_amount alterado: '0.10'"]


def cancelled_document_revived(con, roles):
    con.execute("DELETE FROM document_events WHERE kind = 'cancelled' AND document_id = ?",
                (_doc_id(con, roles["ft_cancelled"]),))
    return [roles["ft_cancelled"], "já não está anulado", "não segue o registo anterior"]


def cancelled_revived_chain_recomputed(con, roles):
    """The cancellation removed and the document chain's hashes recomputed after it."""
    doc = _doc_id(con, roles["ft_cancelled"])
    till, seq = con.execute("SELECT till_id, seq FROM document_events WHERE kind = 'cancelled' "
                            "AND document_id = ?", (doc,)).fetchone()
    con.execute("DELETE FROM document_events WHERE kind = 'cancelled' AND document_id = ?",
                (doc,))
    prev = con.execute("SELECT hash FROM document_events WHERE till_id = ? AND seq = ?",
                       (till, seq - 1)).fetchone()[0]
    for row_id, n, sealed in con.execute(
            "SELECT id, seq, sealed FROM document_events WHERE till_id = ? AND seq > ? "
            "ORDER BY seq", (till, seq)).fetchall():
        if sealed is None:      # an event: the attacker rebuilds its content as well
            continue
        digest = seal.chain_hash(n - 1, prev, seal.unpack(sealed))
        con.execute("UPDATE document_events SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    (n - 1, prev, digest, row_id))
        prev = digest
    return [roles["ft_cancelled"], "já não está anulado"]


def last_document_deleted_and_series_rewound(con, roles):
    """The till's last document (and the entries after it) removed, its series moved back:
    the next sale would re-issue its number. Only the anchor outside the file knows."""
    doc = _doc_id(con, roles["training_2"])
    first = con.execute("SELECT min(seq) FROM document_events WHERE document_id = ?",
                        (doc,)).fetchone()[0]
    con.execute("DELETE FROM document_events WHERE seq >= ?", (first,))
    for table in ("document_lines", "document_payments", "outbox"):
        con.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc,))
    con.execute("DELETE FROM documents WHERE id = ?", (doc,))
    prev = con.execute("SELECT hash, system_entry_date, invoice_date FROM documents WHERE "
                       "document_no = ?", (roles["training_1"],)).fetchone()
    con.execute("UPDATE series SET last_number = 1, last_hash = ?, last_system_entry = ?, "
                "last_invoice_date = ? WHERE series_id = 'DEMO2026' AND doc_type = 'FS'", prev)
    return ["a âncora", "registos apagados ou cópia antiga",
            "série FS DEMO2026: a âncora", "regista o n.º 2"]


def last_document_deleted(con, roles):                # caught before: still caught
    """The till's last document removed, its series and chains left as they were."""
    doc = _doc_id(con, roles["training_2"])
    for table in ("document_lines", "document_payments"):
        con.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc,))
    con.execute("DELETE FROM documents WHERE id = ?", (doc,))
    return ["série FS DEMO2026: a série registou 2 documentos", "foi apagado"]


def journal_entry_deleted_and_rechained(con, roles):
    till, seq = con.execute("SELECT till_id, seq FROM audit_events WHERE kind = 'training' "
                            "ORDER BY seq").fetchone()
    con.execute("DELETE FROM audit_events WHERE till_id = ? AND seq = ?", (till, seq))
    con.execute("UPDATE audit_events SET seq = seq - 1 WHERE till_id = ? AND seq > ?",
                (till, seq))
    _resign_journal_from(con, till, seq)
    return ["diário da caixa CX1: selo do último registo", "inválido"]


def attacker_key_and_last_document_resigned(con, roles):
    """A key of the attacker's added as version 2, and the last FS re-signed with it for a
    smaller total: the legal chain verifies, the seal and the journal do not agree."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    con.execute("UPDATE signing_keys SET active = 0")
    con.execute("INSERT INTO signing_keys (version, private_pem, public_pem, created_at, "
                "active) VALUES (2, x'00', ?, '2026-03-14 12:00:00.000000', 1)", (public,))
    number = roles["fs_exempt"]
    doc = _doc_id(con, number)
    inv, entry, prev = con.execute("SELECT invoice_date, system_entry_date, previous_hash "
                                   "FROM documents WHERE id = ?", (doc,)).fetchone()
    from datetime import date, datetime
    total = Decimal("1.00")
    digest = base64.b64encode(key.sign(
        signature_message(date.fromisoformat(inv), datetime.fromisoformat(entry), number,
                          total, prev).encode(), padding.PKCS1v15(), hashes.SHA1())).decode()
    lines = con.execute("SELECT line_no FROM document_lines WHERE document_id = ? ORDER BY "
                        "line_no", (doc,)).fetchall()
    con.execute("DELETE FROM document_lines WHERE document_id = ? AND line_no > ?",
                (doc, lines[0][0]))
    con.execute("UPDATE document_lines SET quantity = '1', unit_price = '1.00', "
                "discount = '0.00', gross_amount = '1.00', net_amount = '1.00', "
                "tax_amount = '0.00' WHERE document_id = ?", (doc,))
    con.execute("UPDATE document_payments SET amount = '1.00', tendered = '1.00' "
                "WHERE document_id = ?", (doc,))
    con.execute("UPDATE documents SET gross_total = '1.00', net_total = '1.00', "
                "tax_payable = '0.00', hash = ?, key_version = 2 WHERE id = ?", (digest, doc))
    con.execute("UPDATE series SET last_hash = ? WHERE series_id = 'S2026' AND "
                "doc_type = 'FS'", (digest,))
    return ["chave de assinatura versão 2 não está registada no diário", number,
            "gross_total alterado: '1.00'", "key_version alterado: 2"]


def changed_amount(con, roles):                       # caught before: still caught
    con.execute("UPDATE documents SET gross_total = '0.50' WHERE document_no = ?",
                (roles["fr_no_nif"],))
    return [roles["fr_no_nif"], "assinatura inválida", "gross_total alterado: '0.50'"]


def deleted_middle_document(con, roles):             # caught before: still caught
    doc = _doc_id(con, roles["ft_foreign"])
    for table in ("document_lines", "document_payments", "outbox", "document_events"):
        con.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc,))
    con.execute("DELETE FROM documents WHERE id = ?", (doc,))
    return [f"{roles['ft_cancelled']}: numeração com falha: esperado n.º 2",
            "cadeia de assinaturas quebrada", "não segue o registo anterior"]


def inserted_document(con, roles):                   # caught before: still caught
    cols = [r[1] for r in con.execute("PRAGMA table_info(documents)") if r[1] != "id"]
    sel = ", ".join({"number": "4", "document_no": "'FT S2026/4'", "uuid": "'forged'",
                     "atcud": "'X-4'"}.get(c, c) for c in cols)
    con.execute(f"INSERT INTO documents ({', '.join(cols)}) SELECT {sel} FROM documents "
                "WHERE document_no = ?", (roles["ft_cancelled"],))
    return ["FT S2026/4", "documento sem selo (inserido fora do programa)"]


def swapped_order(con, roles):                       # caught before: still caught
    con.execute("UPDATE documents SET number = -2, document_no = 'x' WHERE document_no = "
                "'FT S2026/2'")
    con.execute("UPDATE documents SET number = 2, document_no = 'FT S2026/2' WHERE "
                "document_no = 'FT S2026/3'")
    con.execute("UPDATE documents SET number = 3, document_no = 'FT S2026/3' WHERE number = -2")
    return ["FT S2026/2", "FT S2026/3", "document_no alterado"]


def guards_dropped(con, roles):
    """Nothing else changed: the dropped guards alone are reported (and put back)."""
    return ["proteções da base de dados removidas", "documents_update", "(repostas)"]


ALTERATIONS = [customer_nif, customer_name, amounts_moved_between_lines, line_product_changed,
               line_amounts_changed, cancelled_document_revived,
               cancelled_revived_chain_recomputed, last_document_deleted,
               last_document_deleted_and_series_rewound, journal_entry_deleted_and_rechained,
               attacker_key_and_last_document_resigned, changed_amount,
               deleted_middle_document, inserted_document, swapped_order, guards_dropped]


def _sell(app):
    return app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")


@pytest.mark.parametrize("alter", ALTERATIONS, ids=lambda f: f.__name__)
def test_alteration_is_named_blocks_selling_until_an_administrator_acknowledges(
        alter, full_db, roles, open_shop, shop_clock):
    with attacker(full_db) as con:
        expected = alter(con, roles)
    con.close()

    app = open_shop()
    report = app.verify()
    assert not report.ok
    text = report.text()
    for words in expected:
        assert words in text, f"{words!r} not in:\n{text}"
    assert "proteções da base de dados removidas" in text     # and put back
    with pytest.raises(IntegrityError):
        _sell(app)

    again = open_shop()                 # a new process: the block is derived at start-up
    with pytest.raises(IntegrityError, match="bloqueada"):
        _sell(again)
    with pytest.raises(ValidationError, match="administrador"):
        again.acknowledge_integrity("caixa1", "1111")
    with pytest.raises(NotFoundError):
        again.acknowledge_integrity("nobody-at-all", "0000")
    with pytest.raises(ValidationError, match="PIN errado"):
        again.acknowledge_integrity("admin", "9999")
    assert again.acknowledge_integrity("admin", "1234")
    ack = again.journal(kinds=("integrity_acknowledged",))[-1]
    assert ack.user == "admin" and ack.sealed
    assert {e.user for e in again.journal(kinds=("pin_failed",))} >= {"admin"}

    shop_clock.advance(minutes=1)
    after = open_shop()
    if alter is last_document_deleted_and_series_rewound:
        # §2.5: the series in use were closed at the numbers the anchor knew; new ones go on.
        closed = {(s.doc_type, s.series_id): s.status for s in after.series()}
        assert closed[("FS", "S2026")] == "F"
        after.add_series("FS", "T2026", "ATCFST2026X")
    doc = _sell(after)
    assert doc.document_no
    assert not open_shop().verify().blocking


def test_clearing_the_blocked_flag_by_hand_does_not_unblock(full_db, roles, open_shop):
    with attacker(full_db) as con:
        customer_nif(con, roles)
    con.close()
    assert not open_shop().verify().ok
    with attacker(full_db) as con:
        con.execute("UPDATE integrity_state SET blocked = 0")
        con.execute("DELETE FROM integrity_state")
    con.close()
    with pytest.raises(IntegrityError):
        _sell(open_shop())


def test_the_start_up_check_catches_a_changed_last_document(full_db, roles, open_shop):
    """Without a full verify: the series' head and the chain's head are checked at start."""
    last = roles["training_2"]
    with attacker(full_db) as con:
        con.execute("UPDATE documents SET gross_total = '9.99' WHERE document_no = ?", (last,))
    con.close()
    app = open_shop()
    with pytest.raises(IntegrityError, match=last):
        app.quick_check()
    with pytest.raises(IntegrityError, match="bloqueada"):
        _sell(app)


def test_dropped_guards_are_put_back_at_start_up(full_db, open_shop):
    attacker(full_db).close()
    app = open_shop()
    with pytest.raises(IntegrityError, match="proteções"):
        app.quick_check()
    import sqlite3
    con = sqlite3.connect(full_db)
    names = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    con.close()
    assert {"documents_update", "documents_delete", "document_events_update",
            "audit_events_delete", "signing_keys_update"} <= names


def test_an_older_copy_of_the_database_is_caught_at_the_next_start(full_db, open_shop,
                                                                  shop_clock, tmp_path):
    older = tmp_path / "older.db"
    app = open_shop()
    app.quick_check()
    app.db.dispose()
    shutil.copyfile(full_db, older)
    for _ in range(2):
        shop_clock.advance(minutes=1)
        last = _sell(app)
    app.close()
    shutil.copyfile(older, full_db)         # the whole file replaced by the older copy

    restarted = open_shop()
    with pytest.raises(IntegrityError, match="âncora"):
        restarted.quick_check()
    with pytest.raises(IntegrityError):
        _sell(restarted)                    # would re-issue a number already printed
    report = restarted.verify()
    assert any(p.kind == "rollback" for p in report.problems)
    assert f"regista o n.º {last.number}" in report.text()
    with pytest.raises(ValidationError):
        restarted.acknowledge_integrity("caixa1", "1111")
    assert restarted.acknowledge_integrity("admin", "1234")
    series = {(s.doc_type, s.series_id): s for s in restarted.series()}
    assert series[("FS", last.series_id)].status == "F"       # its numbers are never reused
    rebased = restarted.journal(kinds=("anchor_rebased",))[-1]
    assert f"FS {last.series_id} last {last.number}" in rebased.detail
    restarted.add_series("FS", "T2026", "ATCFST2026X")
    shop_clock.advance(minutes=1)
    assert _sell(restarted).document_no == "FS T2026/1"


def test_report_and_acknowledgement_are_sealed_with_their_findings(full_db, roles, open_shop):
    with attacker(full_db) as con:
        customer_nif(con, roles)
    con.close()
    app = open_shop()
    report = app.verify()
    entry = app.journal(kinds=("integrity_report",))[-1]
    keys = set(json.loads(entry.detail.split("\n", 1)[1])["keys"])
    assert {p.key for p in report.problems} == keys and entry.sealed
    assert app.acknowledge_integrity("admin", "1234")
    ack = app.journal(kinds=("integrity_acknowledged",))[-1]
    assert set(json.loads(ack.detail.split("\n", 1)[1])["keys"]) == keys
    assert open_shop().verify().acknowledged >= keys


def test_at_s_own_records_catch_a_database_behind_them(normal_app):
    from pos.domain.at import RemoteSeries
    normal_app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")
    changes = normal_app.apply_series_sync([RemoteSeries("A2026", "FS", "N", "F", "ATCFS2026X",
                                                         1, None, last_number=5)])
    assert any("estado F" in c for c in changes)
    with pytest.raises(IntegrityError, match="a AT regista o n.º 5"):
        normal_app.sell_items([("PAO01", Decimal(1))], "FR", user="caixa1")
