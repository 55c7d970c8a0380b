"""The till with the real printing service (ESC/POS bytes into a file), as wired by app.py."""

import json

from pos.services.ports import NoPrinter
from ui.adapters import ReceiptPrinter, printer_from_environment
from ui.app import open_till_app


def test_sale_and_reprint_through_the_print_service(make_driver, app, tmp_path, monkeypatch):
    out = tmp_path / "printer.bin"
    monkeypatch.setenv("CAIXA_PRINTER", json.dumps({"connection": f"file:{out}"}))
    printer = printer_from_environment(print_log=app)
    assert isinstance(printer, ReceiptPrinter)
    d = make_driver(app, printer)
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.wait_idle()
    doc = app.documents()[0]
    data = out.read_bytes()
    assert doc.document_no.encode() in data and b"ATCUD" in data
    assert b"\x1bp" in data                                              # drawer kick (ESC p)
    assert d.w.status.printer.property("state") == "ok"
    d.tap(d.w.sale.functions["reprint"])
    d.tap(d.w.reprint.reasons["Pedido do cliente"])
    d.tap(d.w.reprint.go)
    d.wait_idle()
    assert b"via" in out.read_bytes()                                    # '2.ª via'
    assert [copy for copy, _user, _reason in d.reprints()] == [1]
    d.function("x")
    d.tap(d.w.report.print_button)
    d.wait_idle()
    assert b"RELAT" in out.read_bytes()


def test_the_till_application_records_copies_it_prints(demo_db, tmp_path, monkeypatch):
    """As ui/app.py builds it: the printer from CAIXA_PRINTER claims every print through
    the application it prints for (a copy is never printed unrecorded), and only the first
    is the original, even when a copy was asked for."""
    out = tmp_path / "printer.bin"
    monkeypatch.setenv("CAIXA_PRINTER", json.dumps({"connection": f"file:{out}"}))
    app = open_till_app(str(demo_db))
    try:
        assert isinstance(app.printer, ReceiptPrinter)
        doc = app.sell_items([("PAS01", 1)])
        numbers = []
        for reason in ("Talão perdido", "outra"):
            outcome = app.print_document(doc.document_no, copy=True, user="caixa1",
                                         reason=reason)
            assert outcome.ok, outcome
            numbers.append((outcome.copy, outcome.label))
        assert numbers == [(0, "Original"), (1, "2.ª via")]
        assert b"2." in out.read_bytes() and b"via" in out.read_bytes()
        assert [(p.number, p.outcome) for p in app.prints(doc.document_no)] == [
            (0, "printed"), (1, "printed")]
    finally:
        app.close()


def test_printer_settings_that_cannot_work_leave_the_till_selling(app, monkeypatch):
    monkeypatch.setenv("CAIXA_PRINTER", '{"connection": "nonsense:1"}')
    assert isinstance(printer_from_environment(app), NoPrinter)
    monkeypatch.delenv("CAIXA_PRINTER")
    assert isinstance(printer_from_environment(app), NoPrinter)
