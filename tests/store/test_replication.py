"""Upward: every kind of record a till makes reaches the central database once, by its key,
in its own till's tables, with its parents — the sealed document chain and journal
included, so every chain verifies there; a second copy is accepted once; other content under
a held key is a conflict both sides show; what cannot be applied is kept, not lost."""

import json
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import text

from pos.domain.at import RemoteSeries
from pos.domain.customer import make_customer
from pos.domain.documents import cart_line
from pos.services.issuing import IssueRequest
from pos.services.receipts import ReceiptRequest, Settlement
from sync.store_transport import StoreTransport
from tests.ui.fakes import reprinted

from . import helpers


def rows(app, sql: str, **params) -> list[tuple]:
    with app.db.read() as s:
        return [tuple(r) for r in s.execute(text(sql), params)]


def one(app, sql: str, **params):
    return rows(app, sql, **params)[0][0]


def central_till(central, code: str) -> int:
    return one(central, "SELECT id FROM tills WHERE code = :c", c=code)


SAME = {
    "documents": "SELECT uuid, doc_type, document_no, hash FROM documents "
                 "WHERE series_kind <> 'F' {till}",
    "events": "SELECT e.uuid, e.seq, e.kind, d.uuid, e.value, e.hash, e.signature FROM "
              "document_events e JOIN documents d ON d.id = e.document_id WHERE 1 = 1 {etill}",
    "lines": "SELECT d.uuid, l.line_no, l.product_code, l.quantity, l.gross_amount FROM "
             "document_lines l JOIN documents d ON d.id = l.document_id "
             "WHERE d.series_kind <> 'F' {dtill}",
    "payments": "SELECT d.uuid, p.method, p.amount FROM document_payments p JOIN documents d "
                "ON d.id = p.document_id WHERE d.series_kind <> 'F' {dtill}",
    "series": "SELECT uuid, doc_type, series_id, status, validation_code, last_number, "
              "last_hash FROM series WHERE 1 = 1 {till}",
    "sessions": "SELECT uuid, status, closed_by, z_number FROM cash_sessions WHERE 1 = 1 {till}",
    "counts": "SELECT s.uuid, c.method, c.expected, c.counted FROM cash_counts c JOIN "
              "cash_sessions s ON s.id = c.session_id WHERE 1 = 1 {stil}",
    "movements": "SELECT m.uuid, s.uuid, m.kind, m.amount FROM cash_movements m JOIN "
                 "cash_sessions s ON s.id = m.session_id WHERE 1 = 1 {stil}",
    "reprints": "SELECT r.uuid, d.uuid, r.copy_number FROM reprints r JOIN documents d "
                "ON d.id = r.document_id WHERE 1 = 1 {dtill}",
    "audit": "SELECT uuid, seq, kind, hash, signature FROM audit_events WHERE 1 = 1 {till}",
    "seal_keys": "SELECT uuid, version, fingerprint FROM {seal_keys}",
}


def snapshot(app, till_id: int | None = None) -> dict[str, set]:
    def scope(alias: str) -> str:
        return "" if till_id is None else f" AND {alias}till_id = {int(till_id)}"
    seal_keys = "seal_keys" if till_id is None else \
        f"store_seal_keys WHERE till_id = {int(till_id)}"
    out = {}
    for name, sql in SAME.items():
        q = sql.format(till=scope(""), dtill=scope("d."), stil=scope("s."), etill=scope("e."),
                       seal_keys=seal_keys)
        out[name] = {tuple(str(v) for v in r) for r in rows(app, q)}
    return out


def everything_a_till_does(app, clock) -> None:
    """A day at a till: sales, an invoice to a new customer, a credit note, a cancellation,
    a receipt, a reprint, a cash session with a movement and a closing, a transport guide
    whose AT code comes back, a series registered with AT, invoices confirmed sent."""
    session = app.open_session("caixa1", "50.00")
    fs = app.sell_items([("PAO01", 2), ("CAF01", 1)], payments=(("NU", Decimal("10")),))
    ft = app.sell_items([("SRV02", 1)], "FT",
                        make_customer("123456789", "Cliente Novo, Lda.", "Rua B, 2"))
    app.credit(fs.document_no, "Devolução", [(1, Decimal("1"))])
    wrong = app.sell_items([("BEB01", 3)])
    app.cancel(wrong.document_no, "Engano")
    app.settle(ReceiptRequest((Settlement(ft.document_no, ft.totals.gross),),
                              payments=(("MB", None),)))
    reprinted(app, fs.document_no, "gerente", "Cliente pediu")
    app.cash_movement(session.id, "caixa1", "out", "5.00", "Troco")
    app.close_session(session.id, "caixa1", {"NU": "60.00", "MB": "25.00"})
    app.add_series("GT", "CX1G2026", "ATCGTCX1X")
    app.sell(IssueRequest("GT", (cart_line(app.product("MER01"), 1),),
                          movement_start=clock.now() + timedelta(hours=2)))
    guide = next(r for r in app.queue_rows() if r.kind == "transport")
    app.queue_resolve(guide.id, "ATDOCCODE123")
    app.request_series_registration("FS", "CX1W2026")
    app.apply_series_sync([RemoteSeries("CX1W2026", "FS", "N", "A", "WSCODE1234", 1)])
    app.queue_confirm_saft(2026, 3)


def test_a_sale_reaches_the_store_with_its_lines_and_chain(till1, central):
    doc = till1.sell_items([("PAO01", 2), ("CAF01", 1)], payments=(("NU", None),))
    report = till1.store_sync()
    assert report.ok and report.conflicts == 0 and report.problems == 0, report
    assert one(central, "SELECT count(*) FROM documents WHERE uuid = :u", u=doc.uuid) == 1
    assert one(central, "SELECT count(*) FROM document_lines l JOIN documents d "
                        "ON d.id = l.document_id WHERE d.uuid = :u", u=doc.uuid) == 2
    assert central.document(doc.document_no).totals.gross == doc.totals.gross
    assert central.verify().ok
    assert till1.store_health().pending == 0


def test_every_kind_of_record_reaches_its_table_in_the_store(till1, central, clock):
    everything_a_till_does(till1, clock)
    report = till1.store_sync()
    assert report.ok and report.conflicts == 0 and report.problems == 0, report
    here, there = snapshot(till1), snapshot(central, central_till(central, "CX1"))
    for name in SAME:
        assert here[name] == there[name], name
        assert here[name], f"the day made no {name}"
    assert {r[2] for r in here["documents"]} >= {"FS CX12026/1", "FT CX12026/1",
                                                  "NC CX12026/1", "RG CX12026/1"}
    assert {r[2] for r in here["events"]} == {"issued", "cancelled", "at_code"}
    assert "ATDOCCODE123" in {r[4] for r in here["events"]}
    statuses = rows(central, "SELECT a.kind, d.document_no FROM store_at_status a "
                             "LEFT JOIN documents d ON d.id = a.document_id")
    assert ("transport", "GT CX1G2026/1") in statuses
    assert sum(1 for k, _ in statuses if k == "invoice") == 4      # March's FS/FT/NC/FS
    assert one(central, "SELECT validation_code FROM series WHERE series_id = 'CX1W2026'") \
        == "WSCODE1234"
    assert one(central, "SELECT count(*) FROM store_inbox WHERE NOT applied") == 0
    report = central.verify()
    assert report.ok, report.text()
    assert till1.store_health().pending == 0


def test_a_record_sent_twice_is_accepted_once(till1, central):
    """The till dies after the store committed a batch but before it heard back: the
    batch goes again and nothing is doubled."""
    till1.sell_items([("PAO01", 1)])
    held = one(central, "SELECT count(*) FROM store_inbox")
    items = till1.store_claim(500)
    transport = StoreTransport(till1.store_connection())
    first = transport.push(items)
    again = transport.push(items)                # the resend after the crash
    transport.close()
    assert first == again and all(r.applied for r in first.values())
    report = till1.store_sync()                 # the restarted till sends them once more
    assert report.ok and report.accepted == len(items) and report.conflicts == 0
    assert one(central, "SELECT count(*) FROM store_inbox") == held + len(items)
    assert one(central, "SELECT count(*) FROM documents WHERE series_kind = 'N'") == 1
    assert central.verify().ok


def test_other_content_under_a_held_key_is_a_conflict_seen_on_both_sides(till1, central):
    doc = till1.sell_items([("PAO01", 1)])
    assert till1.store_sync().ok
    # Someone edits the till's outbox: the document offered again with another number.
    with till1.db.write() as s:
        row_id, payload = s.execute(text(
            "SELECT id, payload FROM outbox WHERE kind = 'store' AND "
            "json_extract(payload, '$.k') = :u"), {"u": doc.uuid}).one()
        mark = json.loads(payload)
        mark["c"]["document_no"] = "FS CX12026/99"
        s.execute(text("UPDATE outbox SET status = 'pending', payload = :p WHERE id = :i"),
                  {"p": json.dumps(mark), "i": row_id})
    report = till1.store_sync()
    assert report.conflicts == 1
    assert till1.store_health().parked == 1
    conflict = central.store_conflicts()[0]
    assert (conflict.key, conflict.till, conflict.entry) == (doc.uuid, "CX1", "documents")
    status = {s.code: s for s in central.store_status()}["CX1"]
    assert status.conflicts == 1 and status.parked == 1
    assert central.document(doc.document_no).document_no == doc.document_no  # not overwritten
    assert central.verify().ok


def test_the_same_key_from_another_till_is_a_conflict(till1, central, admin_url, key_pem,
                                                      tmp_path, clock):
    till2 = helpers.new_till(tmp_path / "cx2.db", central, admin_url, "CX2", key_pem, clock)
    doc = till1.sell_items([("PAO01", 1)])
    assert till1.store_sync().ok
    clone = till2.sell_items([("CAF01", 1)])
    with till2.db.write() as s:      # a till restored from a copy of another till's data
        s.execute(text("UPDATE outbox SET payload = replace(payload, :a, :b) "
                       "WHERE kind = 'store' AND json_extract(payload, '$.k') = :a"),
                  {"a": clone.uuid, "b": doc.uuid})
    report = till2.store_sync()
    assert report.conflicts == 1
    conflict = central.store_conflicts()[0]
    assert (conflict.till, conflict.existing_till) == ("CX2", "CX1")
    assert central.document(doc.document_no).lines[0].product_code == "PAO01"
    till2.close()


def test_records_that_cannot_be_applied_are_kept_and_applied_later(till1, central):
    """The store cannot place a record (its series is missing there): it keeps it, says
    so, and places it once the cause is fixed (caixa store sync on the central one)."""
    till1.add_series("FS", "CX1B2026", "ATCFSCX1BX")
    doc = till1.sell_items([("PAO01", 1)], series_id="CX1B2026")
    with till1.db.write() as s:      # the series' own record is held back, not yet sent
        s.execute(text("UPDATE outbox SET status = 'parked' WHERE kind = 'store' AND "
                       "json_extract(payload, '$.e') = 'series' AND status = 'pending'"))
    report = till1.store_sync()
    assert report.ok and report.problems == 2        # the document, then its sealed entry
    document, entry = central.store_problems()
    assert document[:3] == ("CX1", "documents", doc.uuid) and "missing series" in document[3]
    assert entry[1] == "document_events" and "missing documents" in entry[3]
    with till1.db.write() as s:
        s.execute(text("UPDATE outbox SET status = 'pending' WHERE status = 'parked'"))
    assert till1.store_sync().ok
    assert central.store_reapply() == 2 and central.store_problems() == []
    assert central.document(doc.document_no).uuid == doc.uuid
    assert central.verify().ok


def test_a_store_sale_day_without_the_store(till1, central, clock):
    """A till that never reaches the store still sells; nothing it did is lost."""
    for _ in range(3):
        till1.sell_items([("PAO01", 1)])
    assert till1.store_health().pending >= 3
    assert one(central, "SELECT count(*) FROM documents WHERE series_kind = 'N'") == 0
    assert till1.store_sync().ok
    assert one(central, "SELECT count(*) FROM documents WHERE series_kind = 'N'") == 3


def test_the_at_queue_does_not_count_store_records(till1):
    till1.sell_items([("PAO01", 1)])
    status = till1.queue_status()
    assert status.pending == 1           # the invoice for AT; the store's record is apart
    assert {r.kind for r in till1.queue_rows()} == {"invoice"}
    # the document and its sealed entry in the chain
    assert (till1.store_health().pending, till1.store_health().at_pending) == (2, 1)


def test_central_dates_and_money_are_the_tills_exact_text(till1, central):
    doc = till1.sell_items([("FRU01", Decimal("0.375"))])
    assert till1.store_sync().ok
    (qty, amount), = rows(central, "SELECT l.quantity, l.gross_amount FROM document_lines l "
                                   "JOIN documents d ON d.id = l.document_id WHERE d.uuid = :u",
                          u=doc.uuid)
    assert (qty, amount) == (str(doc.lines[0].quantity), str(doc.lines[0].gross_amount))
    assert central.document(doc.document_no).system_entry_date == doc.system_entry_date
    assert central.document(doc.document_no).invoice_date == date(2026, 3, 14)


def test_a_record_that_cannot_be_built_is_parked_not_blocking(till1, central):
    """A row owed by a newer Caixa, or whose row vanished, waits for a manager; the records
    after it still go."""
    with till1.db.write() as s:
        s.execute(text("INSERT INTO outbox (till_id, kind, payload, status, attempts, "
                       "created_at, next_attempt_at) VALUES (1, 'store', "
                       "'{\"e\": \"journal_v9\", \"k\": \"x\", \"id\": 1, \"c\": {}}', "
                       "'pending', 0, '2026-03-14 10:00:00', '2026-03-14 10:00:00')"))
    doc = till1.sell_items([("PAO01", 1)])
    report = till1.store_sync()
    assert report.ok and report.sent == 2        # the document and its sealed entry
    assert central.document(doc.document_no).uuid == doc.uuid
    assert till1.store_health().parked == 1


def test_documents_by_email_are_not_at_duties_at_the_store(till1, central):
    """An e-mail sent (outbox kind 'email', done) is no AT acknowledgement: the store's AT
    status of the till never counts it, before or after it went."""
    from sync.mail_sender import MailLink
    from tests.mail.conftest import SmtpServer, configure, free_port

    server = SmtpServer(free_port())
    server.start()
    try:
        configure(till1, server.port)
        doc = till1.sell_items([("PAO01", 1)], payments=(("NU", None),))
        before = till1.store_health()
        till1.email_document(doc.document_no, "cliente@exemplo.pt")
        waiting = till1.store_health()
        assert (waiting.at_pending, waiting.at_parked) == (before.at_pending,
                                                           before.at_parked)
        assert MailLink(till1, config_loader=None).drain().done == 1
        assert len(server.inbox.messages) == 1
    finally:
        server.stop()
    assert till1.store_sync().ok
    kinds = {k for (k,) in rows(central, "SELECT kind FROM store_at_status")}
    assert "email" not in kinds
    assert till1.store_health().at_pending == before.at_pending
