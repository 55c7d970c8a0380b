"""The till's parts on their own: scale labels, the scanner's timing, the cart, the document
type decision, quick cash amounts, and the background helper."""

import threading
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from pos.domain.documents import Customer, ProductSnapshot, cart_line, price_lines
from pos.domain.errors import ValidationError
from ui.cashier.barcodes import check_digit, ean13_valid, in_store_code, parse
from ui.cashier.cart import Cart
from ui.cashier.doctype import decide
from ui.cashier.payment import quick_amounts
from ui.cashier.scanner import ScanField
from ui.workers import Worker

BREAD = ProductSnapshot("PAO01", "Pão", D("1.89"), "RED")
LESSON = ProductSnapshot("SRV", "Aula", D("60.00"), "NOR", product_type="S")
CHEESE = ProductSnapshot("QJ", "Queijo", D("12.90"), "RED", unit="KG")


def test_scale_labels():
    weight = in_store_code(2, "00042", 1250)
    assert weight == "2200042012506" and ean13_valid(weight)
    scan = parse(weight)
    assert scan.weight == D("1.25") and scan.price is None
    assert scan.candidates == ("220004200000" + check_digit("220004200000"), "00042")
    price = parse(in_store_code(7, "12345", 99999))
    assert price.price == D("999.99") and price.candidates[1] == "12345"
    assert parse("5600000000011").candidates == ("5600000000011",)       # ordinary EAN
    assert parse("2000042012505").candidates == ("2000042012505",)       # 20: no value
    bad = weight[:-1] + str((int(weight[-1]) + 1) % 10)
    assert parse(bad).weight is None                                     # misread


def test_scanner_tells_a_scan_from_typing(qtbot):
    now = [0.0]
    field = ScanField(clock=lambda: now[0])
    qtbot.addWidget(field)
    got = []
    field.scanned.connect(got.append)
    typed = []
    field.returnPressed.connect(lambda: typed.append(field.text()))
    # A person types 'pa', then a scan arrives: 13 keys 10 ms apart and Enter.
    for ch in "pa":
        now[0] += 0.5
        qtbot.keyClick(field, ch)
    for i, ch in enumerate("5600000000011"):
        now[0] += 0.5 if i == 0 else 0.01      # the first key after a person's pause
        qtbot.keyClick(field, ch)
    now[0] += 0.01
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert got == ["5600000000011"] and field.text() == "pa" and typed == []
    # Typing slowly then Enter is left to the field.
    for ch in "1234":
        now[0] += 0.3
        qtbot.keyClick(field, ch)
    now[0] += 0.3
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert typed == ["pa1234"] and got == ["5600000000011"]


def test_cart_merges_taps_but_not_labels_or_changed_lines():
    cart = Cart()
    cart.add(BREAD)
    cart.add(BREAD)
    assert len(cart) == 1 and cart.lines[0].quantity == 2
    cart.add(CHEESE, D("0.5"), weighed=True)
    cart.add(CHEESE, D("0.5"), weighed=True)
    assert len(cart) == 3
    cart.set_discount(0, "0,50")
    cart.add(BREAD)
    assert len(cart) == 4
    assert cart.total == D("3.78") - D("0.50") + D("6.45") * 2 + D("1.89")
    with pytest.raises(ValidationError):
        cart.set_quantity(0, "1.5")             # bread is sold by the unit
    with pytest.raises(ValidationError):
        cart.set_discount(0, "10")              # more than the line
    cart.step(0, -1)
    cart.step(0, -1)                            # stops at 1: removing is deliberate
    assert cart.lines[0].quantity == 1
    cart.set_price(3, "1.50")
    assert cart.lines[3].overridden
    assert [ln.unit_price for ln in cart.cart_lines()] == [D("1.89"), D("12.90"),
                                                          D("12.90"), D("1.50")]


def _decide(product, qty, customer=Customer(), wanted=None):
    lines, totals = price_lines([cart_line(product, qty)], "PT", __import__("datetime").date(
        2026, 3, 14))
    return decide(totals.gross, lines, customer, wanted)


def test_document_type_and_reason():
    assert _decide(BREAD, 1).doc_type == "FS" and _decide(BREAD, 1).reason == "default"
    with_nif = Customer("123456789", "Cliente")
    assert _decide(BREAD, 1, with_nif).reason == "nif"
    full = Customer("123456789", "Ana", "Rua A, 1", "Lisboa")
    assert _decide(BREAD, 1, full).doc_type == "FR"
    assert _decide(BREAD, 1, full, "FS").doc_type == "FS"       # the customer may want FS
    over = _decide(BREAD, 600)                                   # 1134 € of goods
    assert (over.doc_type, over.reason, over.fs_allowed) == ("FR", "over_limit", False)
    assert over.needs_name_address
    service = _decide(LESSON, 2)                                 # 120 € of services
    assert service.reason == "over_limit" and service.limit == D("100.00")
    assert _decide(BREAD, 1, wanted="FT").takes_payment is False


def test_quick_amounts():
    assert quick_amounts(D("12.64")) == [D(13), D(15), D(20), D(50)]
    assert quick_amounts(D("5")) == [D(10), D(20), D(50), D(100)]
    assert quick_amounts(D("0.36")) == [D(1), D(5), D(10), D(20)]


def test_worker_delivers_on_the_ui_thread(qtbot):
    worker = Worker()
    seen = []

    def job(x):
        seen.append(threading.current_thread() is threading.main_thread())
        return x * 2

    results, errors = [], []
    worker.submit(job, 21, on_done=lambda v: results.append(
        (v, threading.current_thread() is threading.main_thread())))
    worker.submit(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(worker.idle)
    assert seen == [False] and results == [(42, True)]
    assert isinstance(errors[0], ZeroDivisionError)
    with qtbot.waitSignal(worker.failed) as blocker:
        worker.submit(lambda: int("x"), name="parse")
    assert blocker.args[0] == "parse"
    assert worker.shutdown()


def test_synchronous_worker_for_simple_tests():
    worker = Worker(synchronous=True)
    out = []
    worker.submit(lambda: 5, on_done=out.append)
    assert out == [5] and worker.idle()
