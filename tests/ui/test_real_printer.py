"""The till with the real printing service (ESC/POS bytes into a file), as wired by app.py."""

import json

from sqlalchemy import select

from pos.persistence.models import Reprint
from ui.adapters import ReceiptPrinter, printer_from_environment
from ui.ports import NoPrinter


def test_sale_and_reprint_through_the_print_service(make_driver, till, tmp_path, monkeypatch):
    out = tmp_path / "printer.bin"
    monkeypatch.setenv("CAIXA_PRINTER", json.dumps({"connection": f"file:{out}"}))
    printer = printer_from_environment(till)
    assert isinstance(printer, ReceiptPrinter)
    d = make_driver(till, printer)
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.wait_idle()
    doc = till.documents()[0]
    data = out.read_bytes()
    assert doc.document_no.encode() in data and b"ATCUD" in data
    assert b"\x1bp" in data                                              # drawer kick (ESC p)
    assert d.w.status.printer.property("state") == "ok"
    d.tap(d.w.sale.functions["reprint"])
    d.tap(d.w.reprint.reasons["Pedido do cliente"])
    d.tap(d.w.reprint.go)
    d.wait_idle()
    assert b"via" in out.read_bytes()                                    # '2.ª via'
    with till.db.read() as s:
        assert [r.copy_number for r in s.scalars(select(Reprint))] == [1]
    d.tap(d.w.sale.functions["x"])
    d.tap(d.w.report.print_button)
    d.wait_idle()
    assert b"RELAT" in out.read_bytes()


def test_printer_settings_that_cannot_work_leave_the_till_selling(till, monkeypatch):
    monkeypatch.setenv("CAIXA_PRINTER", '{"connection": "nonsense:1"}')
    assert isinstance(printer_from_environment(till), NoPrinter)
    monkeypatch.delenv("CAIXA_PRINTER")
    assert isinstance(printer_from_environment(till), NoPrinter)
