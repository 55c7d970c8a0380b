"""The cash session: float at opening, X report any time, blind count and Z at closing."""

from decimal import Decimal as D


def test_x_report_then_close_with_blind_count(driver):
    d = driver
    d.sign_in("caixa1", "1111", float_="100")
    d.tap_product("Pastelaria", "PAS01", 2)
    d.pay_cash_exact()                                    # 2,40 cash
    d.tap_product("Bebidas", "BEB05")
    d.tap(d.w.sale.pay_button)
    d.tap(d.w.payment.method_buttons["CD"])               # 7,95 card
    d.tap(d.w.payment.confirm_button)

    d.function("x")
    rp = d.w.report
    assert d.page() is rp and "RELATÓRIO X" in rp.heading.text()
    text = rp.text.toPlainText()
    assert "Documentos" in text and "10,35 €" in text
    assert "Numerário esperado" not in text               # blind: a cashier never sees it
    d.tap(rp.done)
    assert d.page() is d.w.sale

    d.function("close")
    cp = d.w.close_page
    assert d.page() is cp and list(cp.fields) == ["NU", "CD"]
    assert "esperado" not in " ".join(w.text() for w in cp.findChildren(type(rp.heading)))
    d.pad(cp.pad, "101")                                  # 102,40 expected: 1,40 short
    d.tap(cp.fields["CD"])
    cp.select("CD")
    d.pad(cp.pad, "7,95")
    d.tap(cp.confirm)
    assert d.page() is cp and "não bate certo em: Numerário." in cp.notice.text()
    assert "102,40" not in cp.notice.text() and "1,40" not in cp.notice.text()   # blind
    assert cp.confirm.text() == "Fechar com diferença" and d.app.current_session()
    d.tap(cp.confirm)                                     # counted again: it stands
    assert d.page() is rp and "RELATÓRIO Z n.º 1" in rp.heading.text()
    assert rp.summary.text() == "Diferença em numerário: -1,40 €"
    assert "102,40 €" in rp.text.toPlainText()            # expected shown after the count
    d.wait_idle()
    z = [j for j in d.printer.jobs if j["kind"] == "text"][-1]
    assert z["title"].startswith("RELATÓRIO Z") and any("-1,40 €" in ln for ln in z["lines"])

    assert d.app.current_session() is None
    report = d.app.x_report(d.ctx.session.id if d.ctx.session else 1)
    assert report.z_number == 1 and report.session.closed_by == "caixa1"
    assert {c.method: (c.expected, c.counted) for c in report.counts} == {
        "NU": (D("102.40"), D("101")), "CD": (D("7.95"), D("7.95"))}
    d.tap(rp.done)                                        # after a Z: signed out
    assert d.page() is d.w.signin and d.ctx.user is None
    assert "Caixa fechada" in d.w.status.session.full_text()


def test_supervisor_x_report_shows_expected_cash(driver):
    d = driver
    d.sign_in("gerente", "2222", float_="20")
    d.function("x")
    assert "Numerário esperado" in d.w.report.text.toPlainText()


def test_next_cashier_is_told_whose_session_it_is_before_selling_in_it(driver):
    """The defect: a cashier who signed in sold silently in the session another user
    opened. Now the session's owner is said, and continuing is a deliberate tap."""
    d = driver
    d.sign_in("caixa1", "1111", float_="30")
    session = d.ctx.session
    d.tap(d.w.sale.functions["out"])
    assert d.page() is d.w.signin
    s = d.w.signin
    d.tap(s.user_buttons["gerente"])
    d.pad(s.pad, "2222")
    d.tap(s.enter)
    page = d.w.open_session
    assert d.page() is page and d.ctx.session is None          # not selling yet
    assert "aberta por Ana Caixa às 10:15 com 30,00 €" in page.text.text()
    assert page.open_button.text() == "Continuar nesta sessão" and not page.pad.isVisible()
    d.tap(page.open_button)
    assert d.page() is d.w.sale and d.ctx.session.id == session.id
    assert "sessão 1 de Ana Caixa desde 10:15" in d.w.status.session.full_text()
    assert d.app.open_sessions() == [session]                 # nothing new opened
    d.tap(d.w.sale.functions["out"])
    d.sign_in("caixa1", "1111", float_=None)                  # her own: no question
    assert "sessão 1 desde 10:15" in d.w.status.session.full_text()


def test_one_session_per_user_when_the_shop_says_so(driver):
    d = driver
    d.app.set_session_rule("user", "admin")
    d.sign_in("caixa1", "1111", float_="30")
    ana = d.ctx.session
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.tap(d.w.sale.functions["out"])
    d.sign_in("gerente", "2222", float_="100")               # opens their own
    assert d.ctx.session.id != ana.id and d.ctx.session.scope == "user"
    d.tap_product("Bebidas", "BEB05")
    d.pay_cash_exact()
    assert d.app.x_report(ana.id).sales_total == D("1.20")
    assert d.app.x_report(d.ctx.session.id).sales_total == D("7.95")


def test_wrong_pin_then_right(driver):
    d = driver
    s = d.w.signin
    d.tap(s.enter)
    assert "Toque no seu nome" in s.notice.text()
    d.tap(s.user_buttons["caixa1"])
    d.pad(s.pad, "1234")
    d.tap(s.enter)
    d.qtbot.waitUntil(lambda: "PIN errado" in s.notice.text())
    assert d.page() is s and s.pin.text() == ""
    d.sign_in("caixa1", "1111", float_="0")
    assert d.ctx.user.login == "caixa1" and d.w.status.user.full_text() == "Ana Caixa"
