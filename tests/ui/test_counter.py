"""What a cashier expects besides selling: the after-sale step, parked sales, the on-screen
keyboard, cash in and out on the reports, finding a customer, a discount on the whole sale,
and the customer's own display."""

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from pos.bootstrap import open_app
from ui.cashier.after_sale import gift_lines


def decode_qr(widget) -> str:
    """Read the QR code drawn on screen, as a phone would."""
    from PIL import Image
    from pyzbar.pyzbar import decode

    image = widget.grab().toImage()
    raw = Image.frombytes("RGBA", (image.width(), image.height()),
                          bytes(image.convertToFormat(image.Format.Format_RGBA8888).constBits()))
    [found] = decode(raw.convert("L"))
    return found.data.decode()


def test_after_the_sale_change_receipt_gift_receipt_and_qr(driver):
    d = driver
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01", 2)
    d.tap_product("Bebidas", "BEB05")                # 10,35
    d.tap(d.w.sale.pay_button)
    d.tap(next(b for b in d.w.payment.quick_buttons if b.text() == "20 €"))
    d.tap(d.w.payment.confirm_button)
    card = d.w.sale.after
    doc = d.last_document()
    assert d.page() is d.w.sale and card.isVisible() and not d.w.sale.cart_view.isVisible()
    assert card.change.text() == "TROCO 9,65 €" and "Numerário 20,00 €" in card.paid.text()
    d.wait_idle()
    d.tap(card.gift_button)
    d.wait_idle()
    gift = d.printer.jobs[-1]
    assert gift["title"] == "TALÃO DE OFERTA" and gift["lines"] == gift_lines(doc, "Loja Demo")
    printed = "\n".join(gift["lines"])
    assert "2 x Pastel de nata" in printed and "1 x Vinho tinto Douro" in printed
    assert "€" not in printed and "10,35" not in printed and doc.document_no in printed
    assert d.w.sale.notice.text() == "Talão de oferta impresso."
    d.tap(card.qr_button)
    assert card.qr.isVisible() and decode_qr(card.qr) == d.app.qr(doc)
    d.tap_product("Cafetaria", "CAF01")              # the next customer: the card goes
    assert not card.isVisible() and d.w.sale.cart_view.isVisible()


def test_a_parked_sale_survives_a_restart_and_voided_ones_are_on_record(make_driver, app,
                                                                        demo_db, clock):
    d = make_driver(app)
    d.sign_in(float_="20")
    d.tap_product("Pastelaria", "PAS02", 2)
    d.tap_product("Frutas", "FRU03")
    d.weigh("0,800")
    d.tap(d.w.sale.park)
    assert d.w.sale.cart.lines == [] and "Venda suspensa (4,43 €)" in d.w.sale.notice.text()
    assert d.w.sale.functions["parked"].text() == "Suspensas (1)"
    d.tap_product("Cafetaria", "CAF01")             # the next customer meanwhile
    d.tap(d.w.sale.park)
    assert d.app.documents() == []                   # parking issues nothing
    d.w.close()

    again = open_app(str(demo_db), clock=clock)      # the till restarted
    try:
        e = make_driver(again)
        e.sign_in("gerente", "2222")
        assert e.w.sale.functions["parked"].text() == "Suspensas (2)"
        e.tap_product("Padaria", "PAO01")
        e.tap(e.w.sale.functions["parked"])
        page = e.w.parked
        assert page.list.count() == 2 and "Ana Caixa · 2 linha(s) · 4,43 €" in \
            page.list.item(0).text()                 # who parked it, by name
        page.choose(again.parked_carts()[0].id)
        e.tap(page.take)
        assert "venda em curso" in page.notice.text()      # one cart at a time
        e.tap(page.back)
        e.tap(e.w.sale.void)
        e.tap(e.w.sale.message.bar.yes)
        e.tap(e.w.sale.functions["parked"])
        page.choose(again.parked_carts()[1].id)
        e.tap(page.void)
        assert "motivo" in page.notice.text()
        e.tap(page.reason)
        page.reason.setText("cliente desistiu")
        e.tap(page.void)
        e.tap(page.message.bar.yes)
        assert page.list.count() == 1
        page.choose(again.parked_carts()[0].id)
        e.tap(page.take)
        lines = e.w.sale.cart.lines
        assert [(ln.product.code, ln.quantity, ln.weighed) for ln in lines] == [
            ("PAS02", 2, False), ("FRU03", D("0.800"), True)]
        e.pay_cash_exact()
        doc = e.last_document()
        assert doc.totals.gross == D("4.43") and doc.user == "gerente"
        events = e.audit()
        assert ("parked_voided", "gerente") in events
        assert again.x_report(e.ctx.session.id).parked_voided == 1
    finally:
        again.close()


def test_the_on_screen_keyboard_types_into_the_field_tapped(driver):
    d = driver
    d.sign_in()
    kb = d.w.keyboard.keyboard
    assert not kb.isVisible()
    grid = kb.layout()
    assert {sum(grid.itemAtPosition(r, c) is not None and
                grid.itemAtPosition(r, c).widget().isVisibleTo(kb)
                for c in range(grid.columnCount())) for r in range(grid.rowCount())} == {12}
    d.tap(d.w.sale.search)
    assert kb.isVisible() and kb.target is d.w.sale.search
    assert kb.geometry().top() > d.w.sale.search.mapTo(d.w.centralWidget(),
                                                       d.w.sale.search.rect().bottomLeft()).y()
    for key in "nata":
        d.tap(kb.keys[key])
    assert d.w.sale.search.text() == "nata"
    d.qtbot.waitUntil(lambda: list(d.w.sale.grid.buttons) == ["PAS01"])   # as if typed
    d.tap(kb.keys["OK"])                             # Enter: the one result goes in
    assert not kb.isVisible()
    assert [ln.product.code for ln in d.w.sale.cart.lines] == ["PAS01"]
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    d.pad(c.pad, "123456789")
    d.tap(c.type_buttons["FR"])
    d.tap(c.address)                                 # low on the page: keyboard on top
    assert kb.isVisible() and kb.geometry().top() == 0
    d.tap(kb.keys["⇧"])
    for key in "rua ç, 1":
        d.tap(kb.keys[key])
    assert c.address.text() == "Rua ç, 1"
    d.tap(kb.keys["▼"])
    assert not kb.isVisible()
    for numeric in (c.nif, c.postal, c.phone):     # numbers have their own pad
        assert not numeric.property("osk")


def test_cash_in_and_out_with_reason_and_user_on_x_and_z(driver):
    d = driver
    d.sign_in(float_="50")
    d.function("cash_in")
    m = d.w.cash_move
    d.tap(m.ok)
    assert "Escreva o valor" in m.notice.text()
    d.pad(m.pad, "30")
    d.tap(m.ok)
    assert "motivo" in m.notice.text()
    d.tap(m.quick_buttons[0])
    d.tap(m.ok)
    assert d.page() is d.w.sale and d.w.sale.notice.text() == "Entrada de 30,00 € registada."
    d.function("cash_out")
    d.pad(m.pad, "12,5")
    d.tap(m.reason)
    m.reason.setText("Gelo para a montra")
    d.tap(m.ok)
    d.wait_idle()
    assert [j["kind"] for j in d.printer.jobs].count("drawer") == 3   # float, in, out
    d.function("x")
    text = d.w.report.text.toPlainText()
    assert "Entrada caixa1" in text and "+30,00 €" in text
    assert "Reforço do fundo de caixa" in text
    assert "Saída caixa1" in text and "-12,50 €" in text and "Gelo para a montra" in text
    d.tap(d.w.report.done)
    d.function("close")
    d.pad(d.w.close_page.pad, "67,50")
    d.tap(d.w.close_page.confirm)
    z = d.w.report.text.toPlainText()
    assert "Gelo para a montra" in z and d.w.report.summary.text() == \
        "Numerário certo: sem diferenças."


def test_find_a_customer_by_phone_and_a_discount_on_the_whole_sale(driver):
    d = driver
    d.sign_in("gerente", "2222")
    d.tap_product("Bebidas", "BEB05", 2)
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    d.pad(c.pad, "123456789")
    d.tap(c.type_buttons["FR"])
    c.name.setText("Restaurante O Tasco, Lda.")
    c.address.setText("Rua Direita, 10")
    c.city.setText("Porto")
    d.tap(c.phone)
    d.pad(c.pad, "912345678")
    d.tap(c.ok)
    d.pay_cash_exact()
    d.tap_product("Pastelaria", "PAS01", 3)
    d.tap_product("Bebidas", "BEB05")
    d.tap(d.w.sale.customer_button)
    d.tap(c.find)
    c.find.setText("345 67")
    c.search()
    d.settle()
    assert c.found.count() == 1 and "Restaurante O Tasco" in c.found.item(0).text()
    d.tap(c.found.viewport(), pos=c.found.visualItemRect(c.found.item(0)).center())
    assert c.nif.text() == "123456789" and c.city.text() == "Porto"
    d.tap(c.ok)
    d.tap(d.w.sale.discount)
    line = d.w.line
    d.tap(line.scope_buttons["order"])
    d.tap(line.percent_row.findChildren(type(line.ok))[1])         # 10 %
    assert line.value.text() == "1,16"                             # of 11,55
    d.tap(line.ok)
    assert d.total() == "10,39 €"
    assert d.w.sale.cart_view.item(2, 0).text() == "Desconto na venda (10%)"
    d.tap_product("Pastelaria", "PAS01")                          # still 10 % of the sale
    assert d.total() == "11,47 €"
    d.tap(d.w.sale.pay_button)
    d.tap(d.w.payment.method_buttons["MB"])
    d.tap(d.w.payment.confirm_button)
    doc = d.last_document()
    assert doc.doc_type == "FR" and doc.totals.gross == D("11.47")
    assert sum(ln.discount for ln in doc.lines) == D("1.28")       # 10 % of 12,75, spread
    assert ("order_discount", "gerente") in d.audit()


def test_a_cashier_needs_a_managers_approval_for_a_discount_on_the_sale(driver):
    d = driver
    d.sign_in("caixa1", "1111")
    d.tap_product("Bebidas", "BEB05")
    d.tap(d.w.sale.discount)
    line = d.w.line
    d.tap(line.scope_buttons["order"])
    line.value.setText("1")
    d.tap(line.ok)
    assert "gerente" in line.notice.text() and d.total() == "7,95 €"
    d.tap(line.approval.buttons["gerente"])
    d.pad(line.pad, "2222")
    d.tap(line.ok)
    assert d.total() == "6,95 €"
    assert ("approval", "gerente") in d.audit() and ("order_discount", "caixa1") in d.audit()


@pytest.fixture
def customer_display(monkeypatch):
    monkeypatch.setenv("CAIXA_CUSTOMER_DISPLAY", "on")


def test_the_customer_display_follows_the_cart_then_shows_the_change(customer_display,
                                                                      driver):
    d = driver
    d.w.start_display()
    shown = d.w.display
    assert shown is not None and shown.isVisible()
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01", 2)
    d.tap_product("Frutas", "FRU01")
    d.weigh("0,5")
    assert [shown.lines.item(i).text() for i in range(shown.lines.count())] == [
        "2 × Pastel de nata   2,40 €", "0,5 kg × Maçã de Alcobaça   1,15 €"]
    assert shown.total.text() == "3,55 €"
    d.tap(d.w.sale.pay_button)
    d.tap(next(b for b in d.w.payment.quick_buttons if b.text() == "5 €"))
    d.tap(d.w.payment.confirm_button)
    assert shown.stack.currentIndex() == 1 and shown.change.text() == "Troco 1,45 €"
    assert decode_qr(shown.qr) == d.app.qr(d.last_document())
    d.tap_product("Cafetaria", "CAF01")
    assert shown.stack.currentIndex() == 0 and shown.total.text() == "0,75 €"
    d.key(Qt.Key.Key_F12)                             # a sale open: not signed out
    assert d.page() is d.w.sale
