"""Selling at the app, driven like a cashier: taps, the numeric pads, a barcode scanner.
Every test checks the documents the core really issued."""

from decimal import Decimal as D

from PySide6.QtCore import Qt

from pos.services import catalogue
from pos.services.demo import CATALOGUE, ean13
from ui.cashier.barcodes import in_store_code


def barcode(code: str) -> str:
    index = [c[0] for c in CATALOGUE].index(code)
    return ean13(f"560000{index:06d}")


def test_sell_by_button(driver):
    d = driver
    d.sign_in("caixa1", "1111", float_="50")
    assert d.page() is d.w.sale
    assert d.ctx.session.opening_float == D("50")
    d.tap_product("Pastelaria", "PAS01", times=2)       # taps merge into one line
    d.tap_product("Cafetaria", "CAF01")
    assert d.total() == "3,15 €"
    assert d.w.sale.cart_view.rowCount() == 2
    assert d.w.sale.doc_label.text().startswith("FS · Fatura simplificada")
    d.pay_cash_exact()
    assert d.page() is d.w.sale and d.total() == "0,00 €"      # next customer at once
    assert "FS DEMO2026/1 emitida" in d.w.sale.notice.text()

    doc = d.last_document()
    assert doc.doc_type == "FS" and doc.user == "caixa1" and doc.training
    assert [(ln.product_code, ln.quantity) for ln in doc.lines] == [("PAS01", 2), ("CAF01", 1)]
    assert doc.totals.gross == D("3.15")
    assert [(p.method, p.amount) for p in doc.payments] == [("NU", D("3.15"))]
    d.wait_idle()
    [job] = d.printer.documents()
    assert job["number"] == doc.document_no and job["drawer"] and job["copy"] == 0
    assert not any(name == "MainThread" for name in d.printer.threads)


def test_plus_minus_remove_and_keyboard_shortcuts(driver):
    d = driver
    d.sign_in()
    d.tap_product("Padaria", "PAO02")
    d.tap(d.w.sale.plus)
    d.tap(d.w.sale.plus)
    d.tap(d.w.sale.minus)
    assert d.w.sale.cart.lines[0].quantity == 2
    d.tap_product("Padaria", "PAO01")
    d.tap(d.w.sale.remove)                    # the selected (last) line
    assert [ln.product.code for ln in d.w.sale.cart.lines] == ["PAO02"]
    d.wait_idle()
    [voided] = d.app.journal(kinds=("line_voided",))        # never a document, journaled
    assert voided.user == "caixa1" and voided.detail.startswith("PAO01 ")
    d.key(Qt.Key.Key_F10)                                   # F10 = +
    assert d.w.sale.cart.lines[0].quantity == 3
    d.key(Qt.Key.Key_F4)                                    # F4 = pay
    assert d.page() is d.w.payment
    d.key(Qt.Key.Key_F4, d.w.payment.amount)                # F4 again: nothing here
    d.key(Qt.Key.Key_Return, d.w.payment.amount)            # Enter alone adds no money
    assert d.page() is d.w.payment and d.w.payment.payments == []
    d.key(Qt.Key.Key_N, d.w.payment.amount)                 # N = what is due, in cash
    d.key(Qt.Key.Key_Return, d.w.payment.amount)            # covered: Enter confirms
    assert d.page() is d.w.sale
    doc = d.app.documents()[0]
    assert doc.gross_total == D("0.54")


def test_sell_by_scanned_barcodes_including_scale_labels(driver):
    d = driver
    with d.app.unit(True) as uow:   # a cheese sold by weight and a cake priced by the scale
        catalogue.add(uow, "QJ042", "Queijo da Serra", "12.90", "RED", unit="KG",
                      barcode=in_store_code(1, "00042", 0), category="Charcutaria")
        catalogue.add(uow, "00043", "Bolo à fatia", "0", "INT", category="Pastelaria")
    d.sign_in()
    d.scan(barcode("PAS01"))
    d.scan(barcode("PAS01"))
    d.scan(in_store_code(1, "00042", 750))          # 750 g
    d.scan(in_store_code(5, "00043", 350))          # 3,50 € on the label
    assert d.w.sale.search.text() == ""             # the scan never stays in the field
    d.qtbot.keyClicks(d.w.sale.search, "3*")        # typed, then a scan: 3 of them
    d.w.sale.search.pause()
    d.scan(barcode("CAF01"))
    assert d.w.sale.cart.lines[-1].quantity == 3 and d.w.sale.search.text() == ""
    d.w.sale.remove_line()
    d.scan("5600000999999")
    assert "Código desconhecido" in d.w.sale.notice.text()
    lines = d.w.sale.cart.lines
    assert [(ln.product.code, ln.quantity) for ln in lines] == [
        ("PAS01", 2), ("QJ042", D("0.750")), ("00043", 1)]
    assert d.total() == "15,58 €"                   # 2,40 + 9,68 + 3,50
    d.pay_cash_exact()
    doc = d.last_document()
    assert [ln.gross_amount for ln in doc.lines] == [D("2.40"), D("9.68"), D("3.50")]
    assert doc.lines[1].unit == "KG"


def test_typed_search_then_enter(driver):
    d = driver
    d.sign_in()
    field = d.w.sale.search
    d.qtbot.keyClicks(field, "nata")
    d.w.sale.run_search(field.text())            # the debounce timer, without the wait
    d.settle()
    assert list(d.w.sale.grid.buttons) == ["PAS01"]
    assert "1 artigo" in d.w.sale.grid.caption.text()
    field.pause()                                # a person pauses before Enter
    d.qtbot.keyClick(field, Qt.Key.Key_Return)
    d.settle()
    assert [ln.product.code for ln in d.w.sale.cart.lines] == ["PAS01"]
    d.qtbot.keyClicks(field, "2*pao01")            # quantity, then a typed code
    field.pause()
    d.qtbot.keyClick(field, Qt.Key.Key_Return)
    d.settle()
    assert [(ln.product.code, ln.quantity) for ln in d.w.sale.cart.lines] == [
        ("PAS01", 1), ("PAO01", 2)]


def test_nif_wrong_then_right(driver):
    d = driver
    d.sign_in()
    d.tap_product("Mercearia", "MER02")
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    assert d.page() is c
    d.pad(c.pad, "12345")
    assert "Faltam 4" in c.nif_state.text()
    d.pad(c.pad, "6788")
    assert c.nif.property("valid") == "false" and "inválido" in c.nif_state.text()
    d.tap(c.ok)
    assert "NIF inválido" in c.notice.text() and d.page() is c
    d.tap(c.pad.keys["⌫"])
    d.pad(c.pad, "9")
    assert c.nif.text() == "123456789" and c.nif.property("valid") == "true"
    assert c.type_buttons["FS"].isChecked() and "NIF do cliente" in c.reason.text()
    d.tap(c.ok)
    assert d.page() is d.w.sale and "123456789" in d.w.sale.customer_label.full_text()
    d.pay_cash_exact()
    doc = d.last_document()
    assert doc.doc_type == "FS" and doc.customer.nif == "123456789"


def test_above_the_fs_limit_an_invoice_with_name_and_address(driver):
    d = driver
    d.sign_in("gerente", "2222")
    d.tap_product("Mercearia", "MER02")
    d.tap(d.w.sale.qty_button)
    line = d.w.line
    line.value.clear()
    d.pad(line.pad, "120")                       # 120 × 8,99 = 1078,80 € > 1000 €
    d.tap(line.ok)
    assert d.w.sale.decision.doc_type == "FR" and not d.w.sale.decision.fs_allowed
    assert "obrigatória" in d.w.sale.doc_label.text()
    d.tap(d.w.sale.pay_button)                   # no name/address yet: customer page
    c = d.w.customer
    assert d.page() is c and "nome e morada" in c.notice.text()
    assert not c.type_buttons["FS"].isEnabled() and c.details.isVisible()
    d.pad(c.pad, "123456789")
    d.qtbot.keyClicks(c.name, "Restaurante O Tasco, Lda.")
    d.qtbot.keyClicks(c.address, "Rua Direita, 10")
    d.qtbot.keyClicks(c.city, "Porto")
    d.tap(c.ok)
    assert d.page() is d.w.sale
    d.tap(d.w.sale.pay_button)
    assert d.w.payment.heading.text().endswith("FR")
    d.tap(d.w.payment.method_buttons["MB"])
    d.tap(d.w.payment.confirm_button)
    doc = d.last_document()
    assert doc.doc_type == "FR" and doc.totals.gross == D("1078.80")
    assert doc.customer.name == "Restaurante O Tasco, Lda." and doc.customer.city == "Porto"
    assert [(p.method, p.amount) for p in doc.payments] == [("MB", D("1078.80"))]


def test_split_payment_with_change(driver):
    d = driver
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01", times=2)
    d.tap_product("Bebidas", "BEB05")
    d.tap_product("Frutas", "FRU01")             # total 2,40 + 7,95 + 2,29 = 12,64
    d.weigh("1")                                 # 1 kg of apples
    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    d.pad(p.pad, "5")
    d.tap(p.method_buttons["CD"])                # 5 € by card
    d.pad(p.pad, "3")
    d.tap(p.method_buttons["MB"])                # 3 € by MB WAY
    assert p.due_label.text() == "4,64 €" and not p.confirm_button.isEnabled()
    d.pad(p.pad, "9")
    d.tap(p.method_buttons["CD"])                # a card cannot give change
    assert "Só o numerário" in p.notice.text()
    p.amount.clear()
    ten = next(b for b in p.quick_buttons if b.text() == "10 €")
    d.tap(ten)                                   # 10 € note
    assert p.change_label.text() == "5,36 €" and p.confirm_button.isEnabled()
    d.tap(p.confirm_button)
    assert "TROCO 5,36 €" in d.w.sale.notice.text()
    doc = d.last_document()
    assert [(x.method, x.amount, x.tendered) for x in doc.payments] == [
        ("CD", D("5.00"), D("5.00")), ("MB", D("3.00"), D("3.00")),
        ("NU", D("4.64"), D("10.00"))]
    assert doc.change == D("5.36") and doc.totals.gross == D("12.64")


def test_discount_and_price_change_need_a_supervisor(driver):
    d = driver
    d.sign_in("caixa1", "1111")
    d.tap_product("Bebidas", "BEB05")
    d.tap(d.w.sale.discount)
    line = d.w.line
    assert line.approval.isVisible()
    d.tap(line.percent_row.findChildren(type(d.w.sale.plus))[1])       # 10 %
    assert line.value.text() == "0,80"
    d.tap(line.ok)
    assert "gerente" in line.notice.text()          # nobody approved yet
    d.tap(line.approval.buttons["gerente"])
    d.pad(line.pad, "2222")
    d.tap(line.ok)
    assert d.page() is d.w.sale and d.total() == "7,15 €"
    d.pay_cash_exact()
    doc = d.last_document()
    assert doc.lines[0].discount == D("0.80") and doc.totals.gross == D("7.15")
    kinds = d.audit()
    assert ("approval", "gerente") in kinds and ("discount", "caixa1") in kinds


def test_void_the_cart_and_no_sign_out_with_a_sale_open(driver):
    d = driver
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01", 2)
    d.tap(d.w.sale.functions["out"])
    assert d.page() is d.w.sale and "antes de sair" in d.w.sale.notice.text()
    d.tap(d.w.sale.void)
    assert len(d.w.sale.cart.lines) == 1 and d.w.sale.message.asking    # it asks first
    d.tap(d.w.sale.message.bar.yes)
    assert d.w.sale.cart.lines == [] and d.app.documents() == []
    d.tap(d.w.sale.functions["out"])
    assert d.page() is d.w.signin
    kinds = [kind for kind, _user in d.audit()]
    assert "cart_voided" in kinds and kinds[-1] == "logout"


def test_invoice_on_credit_takes_no_payment(driver):
    d = driver
    d.sign_in("gerente", "2222")
    d.tap_product("Mercearia", "MER02")
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    d.pad(c.pad, "123456789")
    d.tap(c.type_buttons["FT"])
    d.qtbot.keyClicks(c.name, "Cliente Conta Corrente")
    d.qtbot.keyClicks(c.address, "Rua B, 2")
    d.tap(c.ok)
    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    assert not p.method_buttons["NU"].isEnabled() and p.confirm_button.isEnabled()
    d.tap(p.confirm_button)
    doc = d.last_document()
    assert doc.doc_type == "FT" and doc.payments == () and doc.customer.nif == "123456789"
