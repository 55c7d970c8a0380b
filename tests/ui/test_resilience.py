"""Printer unplugged and AT unreachable while selling: the sale completes, the state is shown,
and nothing waits on them (the printer even hangs for a while here)."""

import logging
import threading
import time

from .fakes import FakeAt, FakePrinter


def test_sale_completes_with_printer_failing_and_at_unreachable(make_driver, normal_app):
    app = normal_app                        # real series: every sale owes AT a message
    hold = threading.Event()
    printer = FakePrinter(print_log=app, fail="Impressora sem papel.", hold=hold)
    at = FakeAt(unreachable=True)
    d = make_driver(app, printer, at)
    assert not d.w.banner.isVisible()       # not in training mode
    d.sign_in()
    started = time.monotonic()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.tap_product("Cafetaria", "CAF01")
    d.pay_cash_exact()
    elapsed = time.monotonic() - started
    # Two sales done while the printer is still stuck on the first job.
    assert not hold.is_set() and printer.jobs == []
    assert elapsed < 3, elapsed
    assert d.page() is d.w.sale and d.w.sale.cart.lines == []
    assert [x.doc_type for x in app.documents()] == ["FS", "FS"]
    assert [x.document_no for x in app.documents()] == ["FS A2026/2", "FS A2026/1"]
    assert at.kicks == 2                    # told of each duty; its failure hurt no sale

    hold.set()                              # the printer answers: out of paper
    d.wait_idle()
    assert len(printer.jobs) >= 2
    assert d.w.status.printer.property("state") == "bad"
    assert "sem papel" in d.w.status.printer.full_text()
    assert d.w.status.at.property("state") == "bad"
    at_text = d.w.status.at.full_text()
    assert "offline" in at_text and "2 por enviar" in at_text
    assert app.queue_status().pending == 2                   # kept for later
    # Reprint is possible once the paper is back.
    printer.fail = None
    d.tap(d.w.sale.functions["reprint"])
    d.tap(d.w.reprint.reasons["Falha na impressão"])
    d.tap(d.w.reprint.go)
    d.wait_idle()
    assert d.w.status.printer.property("state") == "ok"
    assert printer.documents()[-1]["copy"] == 0     # nothing had come out: the original


def test_a_bug_in_the_printer_adapter_is_one_sentence_and_a_logged_traceback(
        make_driver, app, caplog):
    """The Printer port returns outcomes; an adapter that raises anyway is a bug: the sale
    stands, the status strip shows one generic sentence, the log keeps the traceback."""
    class Exploding(FakePrinter):
        def print_document(self, *a, **kw):
            raise OSError("USB device disconnected")

    d = make_driver(app, Exploding(print_log=app))
    d.sign_in()
    with caplog.at_level(logging.ERROR, logger="ui.workers"):
        d.tap_product("Pastelaria", "PAS01")
        d.pay_cash_exact()
        d.wait_idle()
    assert d.w.status.printer.property("state") == "bad"
    assert "Erro inesperado do programa" in d.w.status.printer.full_text()
    assert "USB device" not in d.w.status.printer.full_text()
    [record] = [r for r in caplog.records if r.exc_info]
    assert "USB device disconnected" in str(record.exc_info[1])
    assert len(app.documents()) == 1


def test_training_banner_on_every_page(driver):
    d = driver
    assert d.w.banner.isVisible()
    d.sign_in()
    for page in (d.w.sale, d.w.reprint, d.w.credit, d.w.close_page):
        d.w.go(page)
        d.settle()
        assert d.w.banner.isVisible() and d.w.banner.y() == 0
    assert "FORMAÇÃO" in d.w.banner.text()
