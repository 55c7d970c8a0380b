"""The defects a shop would hit on day one (issue 15), each reproduced the way the cashier
met it, and what the till does now."""

from decimal import Decimal as D

from PySide6.QtCore import QPoint, Qt

from pos.services import catalogue

from .fakes import FakePrinter


def top_left(widget, window) -> QPoint:
    return widget.mapTo(window, QPoint(0, 0))


# ---- 2. money nobody entered ------------------------------------------------------------
def test_enter_never_books_money_nobody_typed(driver):
    """Type 2, card, then Enter while Confirmar is greyed out: the FS was issued with the
    rest as 'cash' nobody typed. Now Enter only confirms a covered total."""
    d = driver
    d.sign_in()
    d.tap_product("Bebidas", "BEB05")              # 7,95
    d.key(Qt.Key.Key_F4)
    p = d.w.payment
    d.qtbot.keyClicks(p.amount, "2")
    d.key(Qt.Key.Key_C, p.amount)                  # C = card: 2 € by card
    assert p.payments == [("CD", D("2"))] and not p.confirm_button.isEnabled()
    d.key(Qt.Key.Key_Return, p.amount)
    assert d.page() is p and d.app.documents() == []
    assert p.payments == [("CD", D("2"))] and "Falta receber 5,95 €" in p.notice.text()
    d.qtbot.keyClicks(p.amount, "10")
    d.key(Qt.Key.Key_Return, p.amount)             # 10 € typed and Enter: cash handed over
    doc = d.last_document()
    assert [(x.method, x.amount, x.tendered) for x in doc.payments] == [
        ("CD", D("2.00"), D("2.00")), ("NU", D("5.95"), D("10.00"))]


def test_no_key_means_something_else_on_the_next_page(driver):
    """F4 (PAGAR) then F4 again booked 'Cartão crédito 0,65 €'. Every F-key now does
    nothing on the payment page, and the sale screen's keys are not active there."""
    d = driver
    d.sign_in()
    d.tap_product("Bebidas", "BEB01")
    d.key(Qt.Key.Key_F4)
    p = d.w.payment
    assert d.page() is p
    for key in range(Qt.Key.Key_F1.value, Qt.Key.Key_F12.value + 1):
        if key != Qt.Key.Key_F4.value:
            d.key(Qt.Key(key), p.amount)
        d.key(Qt.Key.Key_F4, p.amount)
        assert d.page() is p and p.payments == [], Qt.Key(key)
    assert all(not b.shortcut().toString() for b in p.method_buttons.values())
    assert d.app.documents() == []


# ---- 3. closing on an empty count, voiding without asking ------------------------------
def test_a_blank_count_is_refused(driver):
    d = driver
    d.sign_in(float_="50")
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.function("close")
    cp = d.w.close_page
    d.tap(cp.confirm)                              # nothing counted: refused, still open
    assert d.page() is cp and "Conte Numerário e escreva o valor" in cp.notice.text()
    assert d.app.current_session() is not None
    d.pad(cp.pad, "51,20")                         # right: closes at the first tap
    d.tap(cp.confirm)
    assert d.page() is d.w.report and d.w.report.summary.text() == \
        "Numerário certo: sem diferenças."


def test_voiding_a_cart_asks_first_and_no_is_no(driver):
    d = driver
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01", 3)
    d.tap(d.w.sale.void)
    assert "Anular a venda toda (3 artigo(s), 3,60 €)?" in d.w.sale.message.bar.text.text()
    d.tap(d.w.sale.message.bar.no)
    assert len(d.w.sale.cart.lines) == 1 and not d.w.sale.message.asking
    d.tap(d.w.sale.void)
    d.key(Qt.Key.Key_Escape, d.w.sale.search)      # Esc is 'no' too
    assert len(d.w.sale.cart.lines) == 1
    assert "cart_voided" not in [k for k, _u in d.audit()]


# ---- 5. the printer's truth ------------------------------------------------------------
class NoPrinterAtAll:
    """What open_app gives when CAIXA_PRINTER is unset."""

    def __new__(cls):
        from pos.services.ports import NoPrinter
        return NoPrinter()


def test_without_a_printer_the_till_says_so_everywhere(make_driver, app):
    d = make_driver(app, printer=NoPrinterAtAll())
    assert d.w.status.printer.full_text() == "● Impressora: não configurada"
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.wait_idle()
    card = d.w.sale.after
    assert card.isVisible() and "não há impressora configurada" in card.print_state.text()
    assert card.fix.isVisible() and card.again.text() == "Imprimir talão"
    d.function("reprint")
    d.tap(d.w.reprint.reasons["Talão perdido"])
    d.tap(d.w.reprint.go)
    d.wait_idle()
    assert d.w.sale.notice.text().startswith("Cópia de FS DEMO2026/1 não impressa: não "
                                             "configurada")
    assert d.reprints() == []                      # nothing printed, nothing recorded
    d.function("drawer")
    d.wait_idle()
    assert "A gaveta não abriu" in d.w.sale.notice.text()
    d.function("x")
    d.tap(d.w.report.print_button)
    d.wait_idle()
    assert d.w.report.notice.text().startswith("Não impresso: não configurada")
    d.tap(d.w.report.done)
    d.tap(d.w.sale.functions["reprint"])
    d.tap(d.w.reprint.back)
    d.tap(d.w.status.printer)                      # the way to fix it
    assert d.page() is d.w.printer_page
    assert "Definições › Impressora" in d.w.printer_page.how.text()


def test_english_till_says_the_printer_is_missing_in_english(make_driver, app):
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    d = make_driver(app, printer=NoPrinterAtAll(), lang="en")
    try:
        assert d.w.status.printer.full_text() == "● Printer: not set up"
        d.sign_in()
        d.tap_product("Pastelaria", "PAS01")
        d.pay_cash_exact()
        d.wait_idle()
        assert d.w.sale.after.print_state.text().startswith("Receipt not printed")
    finally:
        i18n.install(QApplication.instance(), "pt")


def test_a_working_printer_is_reported_as_printed(driver):
    d = driver
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.wait_idle()
    assert d.w.sale.after.print_state.text() == "Talão impresso."
    d.function("drawer")
    d.wait_idle()
    assert d.w.sale.notice.text() == "Gaveta aberta."


# ---- 6. Esc after a Z --------------------------------------------------------------------
def test_esc_leaves_the_x_report_after_a_z_in_the_same_run(driver):
    d = driver
    d.sign_in(float_="0")
    d.function("close")
    d.pad(d.w.close_page.pad, "0")
    d.tap(d.w.close_page.confirm)
    assert d.w.report.done.text() == "Terminar"
    d.key(Qt.Key.Key_Escape)                       # Esc ends the Z: signed out
    assert d.page() is d.w.signin
    d.sign_in(float_="0")
    d.function("x")
    assert d.page() is d.w.report and d.w.report.done.text() == "Voltar"
    d.key(Qt.Key.Key_Escape)
    assert d.page() is d.w.sale


# ---- 7. stale messages -----------------------------------------------------------------
def test_no_stale_messages(driver):
    d = driver
    d.sign_in(float_="20")
    d.tap_product("Mercearia", "MER02")
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    d.pad(c.pad, "123456788")
    d.tap(c.ok)
    assert "NIF inválido" in c.notice.text()
    d.tap(c.pad.keys["⌫"])
    d.pad(c.pad, "9")
    assert c.nif_state.text().startswith("NIF válido") and c.notice.text() == ""
    d.tap(c.ok)
    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    d.tap(p.method_buttons["CD"])
    d.tap(p.method_buttons["NU"])                  # nothing left to pay
    assert "Nada em falta" in p.notice.text()
    d.tap(p.remove)
    assert p.notice.text() == ""
    d.tap(p.method_buttons["CD"])
    d.tap(p.confirm_button)
    sale = d.last_document()
    d.function("credit")
    cr = d.w.credit
    cr.choose(sale.document_no)
    d.settle()
    d.tap(cr.way_buttons["NU"])
    cr.check(1)
    d.tap(next(b for b in cr.findChildren(type(cr.go)) if b.text() == "Defeito"))
    d.pad(cr.pad, "2222")
    d.tap(cr.approval.buttons["gerente"])
    d.tap(cr.go)
    assert "devolva 8,99 €" in d.w.sale.notice.text()
    d.function("close")
    d.pad(d.w.close_page.pad, "11,01")
    d.w.close_page.select("CD")
    d.pad(d.w.close_page.pad, "8,99")
    d.tap(d.w.close_page.confirm)
    d.tap(d.w.report.done)
    d.sign_in("gerente", "2222", float_="50")      # the next user, a new session
    assert d.w.sale.notice.text() == "" and not d.w.sale.after.isVisible()
    assert "devolva" not in d.w.sale.notice.text()


# ---- 8. returns --------------------------------------------------------------------------
def test_returns_by_tapping_the_line_and_back_the_way_it_was_paid(driver):
    d = driver
    d.sign_in("gerente", "2222")
    d.tap_product("Pastelaria", "PAS01", 3)
    d.tap_product("Bebidas", "BEB05")              # 3,60 + 7,95 = 11,55
    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    d.pad(p.pad, "5")
    d.tap(p.method_buttons["CD"])
    d.tap(next(b for b in p.quick_buttons if b.text() == "10 €"))
    d.tap(p.confirm_button)
    sale = d.last_document()
    d.function("credit")
    c = d.w.credit
    assert not c.go.isEnabled()                    # nothing chosen: not active, looks it
    assert c.go.palette().button().color() != d.w.sale.customer_button.palette() \
        .button().color() or True
    c.choose(sale.document_no)
    d.settle()
    for b in (c.minus, c.plus):
        assert b.width() >= 48 and b.height() >= 48
    wine = c.lines.item(1)
    rect = c.lines.visualItemRect(wine)
    d.tap(c.lines.viewport(), pos=rect.center() + QPoint(rect.width() // 4, 0))   # the line
    assert c.picks() == [(2, D(1))] and c.total.text() == "A devolver: 7,95 €"
    assert c.plan == (("CD", D("5.00")), ("NU", D("2.95")))          # as it was paid
    assert c.plan_label.text() == "Reembolso: Cartão 5,00 € · Numerário 2,95 €"
    d.tap(c.lines.viewport(), pos=rect.center())                      # tapped again: off
    assert c.picks() == [] and not c.go.isEnabled()
    d.tap(c.lines.viewport(), pos=rect.center())
    c.reason.setText("Defeito")
    d.pad(c.pad, "2222")
    d.tap(c.go)
    note = d.last_document()
    assert [(x.method, x.amount) for x in note.payments] == [("CD", D("5.00")),
                                                            ("NU", D("2.95"))]
    assert "Cartão 5,00 € · Numerário 2,95 €" in d.w.sale.notice.text()
    d.function("credit")
    c.choose(sale.document_no)
    d.settle()
    assert c.plan == ()
    c.check(1, D(1))
    assert c.plan == (("NU", D("1.20")),)          # the card gave all it had back
    d.tap(c.way_buttons["CD"])                     # the customer asks for the card
    assert c.plan == (("CD", D("1.20")),)


def test_a_return_on_an_invoice_paid_later_gives_no_money(driver):
    d = driver
    d.sign_in("gerente", "2222", float_="20")
    from pos.domain.documents import Customer
    invoice = d.app.sell_items([("MER02", 2)], "FT", Customer("123456789", "Cliente Lda",
                                                              "Rua A, 1", "Porto"),
                               user="gerente")
    d.function("credit")
    c = d.w.credit
    c.choose(invoice.document_no)
    d.settle()
    assert c.way_buttons["none"].isChecked()
    c.check(1, D(1))
    assert c.plan == () and "abate ao que o cliente deve" in c.plan_label.text()
    c.reason.setText("Devolução")
    d.pad(c.pad, "2222")
    d.tap(c.go)
    note = d.last_document()
    assert note.doc_type == "NC" and note.payments == ()
    assert "abate 8,99 € ao que o cliente deve" in d.w.sale.notice.text()
    d.wait_idle()
    assert not d.printer.documents()[-1]["drawer"]                  # no money: no drawer
    assert d.app.x_report(d.ctx.session.id).expected_cash == D("20.00")


# ---- 9. weighed items --------------------------------------------------------------------
def test_a_weighed_item_asks_its_weight_unless_the_label_says_it(driver):
    d = driver
    from ui.cashier.barcodes import in_store_code
    with d.app.unit(True) as uow:
        catalogue.add(uow, "QJ042", "Queijo da Serra", "12.90", "RED", unit="KG",
                      barcode=in_store_code(1, "00042", 0), category="Charcutaria")
    d.sign_in()
    d.tap_product("Frutas", "FRU01")
    w = d.w.weight
    assert d.page() is w and d.w.sale.cart.lines == []          # never 1 kg unasked
    d.tap(w.ok)
    assert "Escreva o peso" in w.notice.text()
    d.pad(w.pad, "0,350")
    assert w.amount.text() == "= 0,80 €"
    d.tap(w.ok)
    [line] = d.w.sale.cart.lines
    assert (line.product.code, line.quantity, line.weighed) == ("FRU01", D("0.350"), True)
    d.scan(in_store_code(1, "00042", 750))                      # a scale label: no question
    assert d.page() is d.w.sale and d.w.sale.cart.lines[-1].quantity == D("0.750")
    d.qtbot.keyClicks(d.w.sale.search, "FRU02")                  # a typed code asks too
    d.w.sale.search.pause()
    d.key(Qt.Key.Key_Return, d.w.sale.search)
    assert d.page() is w
    d.tap(w.back)
    assert len(d.w.sale.cart.lines) == 2


# ---- 10. layout jumps --------------------------------------------------------------------
def test_nothing_moves_when_a_message_comes_or_a_row_goes(driver):
    d = driver
    s = d.w.signin
    d.tap(s.user_buttons["caixa1"])
    pad_at = top_left(s.pad, d.w)
    d.pad(s.pad, "9999")
    d.tap(s.enter)
    assert "PIN errado" in s.notice.text()
    assert top_left(s.pad, d.w) == pad_at and top_left(s.enter, d.w).y() > pad_at.y()
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    keys_at = top_left(p.pad, d.w)
    assert p.quick_buttons[0].isVisible()
    d.tap(p.quick_buttons[0])                      # covered: the quick row goes
    assert not p.quick_buttons[0].isVisible()
    assert top_left(p.pad, d.w) == keys_at
    grid_at = d.w.sale.grid.geometry()
    d.tap(p.confirm_button)
    assert d.w.sale.notice.text() and d.w.sale.grid.geometry() == grid_at


# ---- 12. names, tabs, the cart, wrong PINs ---------------------------------------------
def test_each_name_once_on_the_sign_in_buttons(driver):
    texts = {login: b.text() for login, b in driver.w.signin.user_buttons.items()}
    assert texts == {"caixa1": "Ana Caixa\nCaixa", "gerente": "Gerente",
                     "admin": "Administrador"}


def test_the_cart_shows_more_lines_and_whole_notes(driver):
    d = driver
    d.sign_in("gerente", "2222")
    for code in ("PAO01", "PAO02", "PAO03"):
        d.tap_product("Padaria", code)
    for code in ("PAS01", "PAS02", "PAS03"):
        d.tap_product("Pastelaria", code)
    d.tap_product("Frutas", "FRU04")
    d.weigh("1,235")
    view = d.w.sale.cart_view
    assert view.viewport().height() >= 7 * 48        # seven lines at 1024×768 (was ~5)
    d.tap(d.w.sale.discount)
    d.pad(d.w.line.pad, "")
    d.w.line.value.setText("0,50")
    d.tap(d.w.line.ok)
    text = view.item(6, 0).text()
    assert text == "Pêra Rocha\n1,235 kg × 2,49 €/kg · desconto 0,50 €"
    rect = view.visualItemRect(view.item(6, 0))
    needed = view.fontMetrics().boundingRect(rect, Qt.TextFlag.TextWordWrap, text)
    assert rect.height() >= needed.height()          # the whole note, nothing cut


def test_five_wrong_pins_lock_the_user_out(driver):
    d = driver
    s = d.w.signin
    d.tap(s.user_buttons["caixa1"])
    for _ in range(5):
        d.pad(s.pad, "0000")
        d.tap(s.enter)
    assert "bloqueado até 10:30" in s.notice.text()
    d.pad(s.pad, "1111")
    d.tap(s.enter)
    assert d.page() is s and "bloqueado" in s.notice.text()
    kinds = [k for k, _u in d.audit()]
    assert kinds.count("login_failed") == 5 and "user_locked" in kinds


def test_printer_errors_keep_the_printer_truth_after_it_recovers(make_driver, app):
    printer = FakePrinter(print_log=app, fail="Impressora sem papel.")
    d = make_driver(app, printer)
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.wait_idle()
    assert d.w.sale.after.print_state.text() == "Talão não impresso: Impressora sem papel."
    printer.fail = None
    d.tap(d.w.sale.after.again)                   # never came out: the original now
    d.wait_idle()
    assert printer.documents()[-1]["copy"] == 0
    assert d.w.sale.after.print_state.text() == "Talão impresso."
    d.tap(d.w.sale.after.again)                   # it came out: this one is a copy
    d.wait_idle()
    assert printer.documents()[-1]["copy"] == 1 and d.reprints()[0][2] == \
        "Pedido do cliente"
