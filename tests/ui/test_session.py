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

    d.tap(d.w.sale.functions["x"])
    rp = d.w.report
    assert d.page() is rp and "RELATÓRIO X" in rp.heading.text()
    text = rp.text.toPlainText()
    assert "Documentos" in text and "10,35 €" in text
    assert "Numerário esperado" not in text               # blind: a cashier never sees it
    d.tap(rp.done)
    assert d.page() is d.w.sale

    d.tap(d.w.sale.functions["close"])
    cp = d.w.close_page
    assert d.page() is cp and list(cp.fields) == ["NU", "CD"]
    assert "esperado" not in " ".join(w.text() for w in cp.findChildren(type(rp.heading)))
    d.pad(cp.pad, "101")                                  # 102,40 expected: 1,40 short
    d.tap(cp.fields["CD"])
    cp.select("CD")
    d.pad(cp.pad, "7,95")
    d.tap(cp.confirm)
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
    d.tap(d.w.sale.functions["x"])
    assert "Numerário esperado" in d.w.report.text.toPlainText()


def test_next_cashier_continues_the_open_session(driver):
    d = driver
    d.sign_in("caixa1", "1111", float_="30")
    session = d.ctx.session
    d.tap(d.w.sale.functions["out"])
    assert d.page() is d.w.signin
    d.sign_in("gerente", "2222", float_=None)
    assert d.page() is d.w.sale and d.ctx.session.id == session.id


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
