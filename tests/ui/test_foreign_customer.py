"""A foreign customer at the till and a sale exempt from Portuguese VAT (issue 14 defect 11):
the country on the customer page, the number with its letters typed on the on-screen
keyboard, the exemption chosen beside it, the total without VAT, the invoice issued."""

from decimal import Decimal as D

from PySide6.QtCore import QPoint

from pos.domain.exemptions import SALE_EXEMPTIONS


def inside(widget, window) -> bool:
    top = widget.mapTo(window, QPoint(0, 0))
    return (top.x() >= 0 and top.y() >= 0 and top.x() + widget.width() <= window.width()
            and top.y() + widget.height() <= window.height())


def test_an_intra_community_supply_sold_at_the_till(driver):
    d = driver
    d.sign_in("gerente", "2222")
    d.tap_product("Mercearia", "MER02")
    d.tap_product("Mercearia", "MER02")
    assert d.total() == "17,98 €"
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    assert not c.exemption.isVisible() and c.country.currentText() == "PT"
    kb = d.w.keyboard.keyboard
    d.tap(c.nif)
    assert not kb.isVisible()                        # a Portuguese NIF: the pad only
    c.country.setCurrentText("ES")                   # what picking Spain in the list does
    assert c.exemption.isVisible() and c.exemption.currentData() is None
    for widget in (c.country, c.exemption, c.ok):
        assert widget.height() >= 48 and inside(widget, d.w), widget
    d.tap(c.nif)
    assert kb.isVisible() and kb.target is c.nif     # letters: the keyboard
    for key in "b12345678":
        d.tap(kb.keys[key])
    d.tap(kb.keys["▼"])                              # put away (OK would confirm)
    assert c.nif.text().upper() == "B12345678" and c.nif.property("valid") == "true"
    c.exemption.setCurrentIndex(c.exemption.findData("M16"))
    assert not c.type_buttons["FS"].isEnabled() and c.type_buttons["FR"].isChecked()
    # The whole page still fits 1024×768, name and address included, every target whole.
    assert c.details.isVisible()
    for widget in (c.exemption, c.name, c.city, c.phone, c.ok):
        assert widget.height() >= 48 and inside(widget, d.w), widget
    d.qtbot.keyClicks(c.name, "Cliente Iberico, S.L.")
    d.qtbot.keyClicks(c.address, "Calle Mayor, 5")
    d.qtbot.keyClicks(c.postal, "28013")
    d.qtbot.keyClicks(c.city, "Madrid")
    d.tap(c.ok)
    assert d.page() is d.w.sale, c.notice.text()
    label = d.w.sale.customer_label.full_text()
    assert "B12345678 (ES)" in label and "M16" in label
    assert d.total() == "16,96 €"                    # 2 × 8,48 without VAT
    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    assert p.heading.text().endswith("FR")
    d.tap(p.method_buttons["MB"])
    d.tap(p.confirm_button)
    doc = d.last_document()
    assert (doc.doc_type, doc.customer.nif, doc.customer.country, doc.customer.postal_code) \
        == ("FR", "B12345678", "ES", "28013")
    assert {(ln.tax_code, ln.exemption_code) for ln in doc.lines} == {("ISE", "M16")}
    assert doc.totals.gross == D("16.96")
    assert [(pay.method, pay.amount) for pay in doc.payments] == [("MB", D("16.96"))]


def test_an_exemption_the_sale_does_not_fit_is_told_on_the_customer_page(driver):
    d = driver
    d.sign_in("gerente", "2222")
    d.tap_product("Mercearia", "MER02")
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    c.country.setCurrentText("US")
    c.exemption.setCurrentIndex(c.exemption.findData("M16"))   # not an EU customer
    d.qtbot.keyClicks(c.nif, "123456789")
    d.qtbot.keyClicks(c.name, "Acme Inc.")
    d.qtbot.keyClicks(c.address, "1 Main St")
    d.tap(c.ok)
    assert d.page() is c and "Estado-Membro" in c.notice.text()
    c.exemption.setCurrentIndex(c.exemption.findData("M05"))   # an export
    d.tap(c.ok)
    assert d.page() is d.w.sale and d.total() == "8,48 €"
    c_back = d.w.sale.cart
    assert (c_back.exemption, c_back.customer.country) == ("M05", "US")
    # Back to a Portuguese customer: no exemption any more.
    d.tap(d.w.sale.customer_button)
    assert c.exemption.currentData() == "M05"
    c.country.setCurrentText("PT")
    assert not c.exemption.isVisible() and c.exemption.currentData() is None


def test_the_country_and_exemption_in_english(make_driver, app):
    d = make_driver(app, lang="en")
    d.sign_in()
    d.tap_product("Mercearia", "MER02")
    d.tap(d.w.sale.customer_button)
    c = d.w.customer
    c.country.setCurrentText("FR")
    items = [c.exemption.itemText(i) for i in range(c.exemption.count())]
    assert items == ["No exemption: Portuguese VAT", "M16 · Intra-community supply of goods",
                     "M05 · Export of goods",
                     "M40 · Services to a foreign business (reverse charge)"]
    assert len(items) == len(SALE_EXEMPTIONS) + 1


def test_a_parked_sale_keeps_its_exemption():
    import json

    import pytest

    from pos.domain.documents import ProductSnapshot
    from pos.domain.errors import ValidationError
    from pos.domain.parked import ParkedCart, ParkedLine, from_json, to_json

    line = ParkedLine(ProductSnapshot("MER02", "Azeite", D("8.99"), "RED"), D(1), D("8.99"))
    cart = ParkedCart((line,), exemption="M16")
    assert from_json(to_json(cart)).exemption == "M16"
    older = json.loads(to_json(cart))
    del older["exemption"]                       # parked before exemptions existed
    assert from_json(json.dumps(older)).exemption is None
    with pytest.raises(ValidationError, match="Isenção desconhecida"):
        ParkedCart((line,), exemption="M99").check()
