"""Portuguese by default; English through Qt's translation files (.ts → .qm)."""

from resources import path


def test_english_translation(make_driver, till):
    assert path("translations", "caixa_en.qm").exists()
    d = make_driver(till, lang="en")
    try:
        assert d.w.banner.text() == "TRAINING MODE — documents have no fiscal value"
        d.sign_in()
        assert d.w.sale.pay_button.text() == "PAY\nF4"
        d.tap_product("Pastelaria", "PAS01", 2)
        assert d.w.sale.items_label.text() == "2 items"
        assert d.w.sale.doc_label.text().startswith("FS · Simplified invoice: final consumer")
        d.tap(d.w.sale.pay_button)
        assert d.w.payment.method_buttons["NU"].text() == "Cash  F1"
    finally:
        from PySide6.QtWidgets import QApplication

        from ui import i18n
        i18n.install(QApplication.instance(), "pt")


def test_portuguese_by_default(driver):
    assert driver.w.sale.pay_button.text() == "PAGAR\nF4"
    assert driver.w.status.session.full_text() == "Caixa fechada"
