"""The till never runs a use case on the UI thread, a double tap cannot issue twice, a
search overtaken by newer text is dropped, and a bug in a use case is one sentence."""

import threading
from decimal import Decimal as D

from PySide6.QtCore import Qt

from .fakes import watched_driver

# Pure functions of the facade (no database, no device): fine on the UI thread.
PURE = {"refund_of"}


def test_no_use_case_runs_on_the_ui_thread(make_driver, app):
    d, w = watched_driver(make_driver, app)
    d.sign_in("caixa1", "1111", float_="20")
    d.tap_product("Pastelaria", "PAS01", 3)
    field = d.w.sale.search
    d.qtbot.keyClicks(field, "nata")
    d.qtbot.waitUntil(lambda: list(d.w.sale.grid.buttons) == ["PAS01"])   # debounced search
    d.tap(d.w.sale.customer_button)
    d.pad(d.w.customer.pad, "123456789")
    d.tap(d.w.customer.ok)
    d.pay_cash_exact()
    sale = d.last_document()
    d.function("drawer")
    d.tap(d.w.sale.functions["reprint"])
    d.tap(d.w.reprint.reasons["Talão perdido"])
    d.tap(d.w.reprint.go)
    d.tap(d.w.sale.functions["credit"])
    c = d.w.credit
    c.choose(sale.document_no)
    d.settle()
    c.check(1, D(1))
    d.tap(next(b for b in c.findChildren(type(c.go)) if b.text() == "Defeito"))
    d.tap(c.approval.buttons["gerente"])
    d.pad(c.pad, "2222")
    d.tap(c.go)
    assert d.page() is d.w.sale and d.app.documents()[0].doc_type == "NC"
    d.tap_product("Bebidas", "BEB05")
    d.tap(d.w.sale.discount)
    d.tap(d.w.line.approval.buttons["gerente"])
    d.pad(d.w.line.pad, "2222")
    d.tap(d.w.line.ok)
    d.tap(d.w.sale.park)                                     # parked, then taken back
    d.tap(d.w.sale.functions["parked"])
    d.w.parked.choose(d.app.parked_carts()[0].id)
    d.tap(d.w.parked.take)
    d.tap(d.w.sale.customer_button)
    d.tap(d.w.customer.find)
    d.w.customer.find.setText("cliente")
    d.w.customer.search()
    d.settle()
    d.tap(d.w.customer.cancel)
    d.tap(d.w.sale.void)
    d.tap(d.w.sale.message.bar.yes)
    d.function("cash_in")
    d.pad(d.w.cash_move.pad, "10")
    d.tap(d.w.cash_move.quick_buttons[0])
    d.tap(d.w.cash_move.ok)
    d.function("x")
    d.tap(d.w.report.done)
    d.function("close")
    d.pad(d.w.close_page.pad, "20")
    d.tap(d.w.close_page.confirm)
    if d.page() is d.w.close_page:                           # a difference: confirmed
        d.tap(d.w.close_page.confirm)
    d.tap(d.w.report.done)
    d.wait_idle()
    assert d.page() is d.w.signin
    used = set(w.calls)
    assert {"sign_in", "current_session", "open_session", "categories", "category_products",
            "search_products", "customer", "sell", "print_document", "open_drawer",
            "documents", "document", "approve", "credit", "refund_of", "record_event",
            "x_report", "close_session", "print_text", "at_snapshot", "users", "refundable",
            "park_cart", "parked_carts", "resume_parked", "cash_movement",
            "find_customers"} <= used
    assert w.on_ui_thread <= PURE, w.on_ui_thread


def test_a_double_tap_on_confirm_issues_one_document(make_driver, app):
    d, w = watched_driver(make_driver, app)
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    d.tap(p.quick_buttons[0])
    w.gates["sell"] = gate = threading.Event()            # the sale takes its time
    d.qtbot.mouseClick(p.confirm_button, Qt.MouseButton.LeftButton)
    assert not p.confirm_button.isEnabled() and not p.back.isEnabled()
    assert "A emitir" in p.notice.text()
    d.qtbot.mouseClick(p.confirm_button, Qt.MouseButton.LeftButton)   # the second tap
    d.qtbot.keyClick(p.amount, Qt.Key.Key_Return)                     # and Enter
    d.qtbot.keyClick(p.amount, Qt.Key.Key_Escape)                     # and leaving
    assert d.page() is p and d.ctx.worker.pending("counter") == 1     # one sale asked
    gate.set()
    d.settle()
    assert d.page() is d.w.sale and len(d.app.documents()) == 1
    assert w.calls.count("sell") == 1
    assert d.w.sale.cart.lines == []


def test_a_search_overtaken_by_newer_text_is_dropped(make_driver, app):
    d, w = watched_driver(make_driver, app)
    d.sign_in()
    sale = d.w.sale
    shown = []
    original = sale.grid.show_products
    sale.grid.show_products = lambda products, caption="": (
        shown.append([p.code for p in products]), original(products, caption))
    w.gates["search_products"] = gate = threading.Event()
    sale.run_search("pa")                       # still typing…
    sale.run_search("nata")                     # …the newer text
    gate.set()
    d.settle()
    assert shown == [["PAS01"]]                 # only the answer for "nata" reached the grid
    assert "“nata”" in sale.grid.caption.text()


def test_a_refusal_is_its_sentence_and_a_bug_one_generic_sentence(make_driver, app):
    d, w = watched_driver(make_driver, app)
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01", 2)
    w.broken["sell"] = RuntimeError("disk I/O error deep inside")
    d.pay_cash_exact()
    p = d.w.payment
    assert d.page() is p and "Erro inesperado do programa" in p.notice.text()
    assert "disk I/O" not in p.notice.text()
    assert p.confirm_button.isEnabled() and d.app.documents() == []
    from pos.domain.errors import StateError
    w.broken["sell"] = StateError("A série FS está fechada.")
    d.tap(p.confirm_button)
    assert p.notice.text() == "A série FS está fechada."
    del w.broken["sell"]
    d.tap(p.confirm_button)                     # the cart was kept: try again, it works
    assert d.page() is d.w.sale
    assert d.last_document().lines[0].quantity == 2
