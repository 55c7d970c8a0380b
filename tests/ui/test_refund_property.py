"""The refund the returns screen shows is the credit note's amount: for every line shape
(units and weights to 3 decimals, prices, discounts, VAT rates) and every partial or full
return, the screen's figures equal the gross of the note ``Application.credit`` issues."""

from decimal import Decimal as D

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pos.domain.documents import Customer, ProductSnapshot, cart_line
from pos.domain.errors import PosError
from pos.domain.money import round2
from pos.services.issuing import IssueRequest

CUSTOMER = Customer("123456789", "Cliente Teste, Lda.", "Rua Direita, 10", "Lisboa",
                    "1000-001")


@st.composite
def sold_line(draw):
    """(product, quantity sold, unit price, discount, quantity given back)."""
    weighed = draw(st.booleans())
    if weighed:
        sold = D(draw(st.integers(1, 9999))) / 1000          # 0,001 … 9,999 kg
        back = D(draw(st.integers(1, int(sold * 1000)))) / 1000
    else:
        sold = D(draw(st.integers(1, 12)))
        back = D(draw(st.integers(1, int(sold))))
    if draw(st.booleans()):
        back = sold                                             # the whole line
    price = draw(st.one_of(st.integers(1, 9999).map(lambda c: D(c) / 100),    # shelf
                           st.integers(1, 99999).map(lambda m: D(m) / 1000)))  # override
    gross = round2(sold * price)
    assume(gross > 0)
    discount = D(draw(st.integers(0, int(gross * 100)))) / 100
    product = ProductSnapshot(
        draw(st.sampled_from(["PAS01", "QJ042", "SRV1"])), "Artigo de teste", price,
        draw(st.sampled_from(["RED", "INT", "NOR"])), unit="KG" if weighed else "UN",
        product_type=draw(st.sampled_from(["P", "S"])))
    return product, sold, price, discount, back


def shown_total(page) -> D | None:
    """The figure on screen: 'A devolver: 1234,56 €' (None: 'A devolver: —', refused)."""
    text = page.total.text()
    if text == "A devolver: —":
        return None
    assert text.startswith("A devolver: ") and text.endswith(" €"), text
    return D(text.removeprefix("A devolver: ").removesuffix(" €").replace(",", "."))


def return_on_screen(d, document_no: str, picks) -> D:
    d.w.go(d.w.credit)
    page = d.w.credit
    page.choose(document_no)
    d.settle()
    assert page.doc is not None and page.doc.document_no == document_no
    for line_no, quantity in picks:
        page.check(line_no, quantity)
    return shown_total(page)


def sell_and_credit(d, lines):
    """Sell ``lines`` on an invoice, show the return on screen, issue the credit note
    (None when the core refuses it: then its sentence is what the screen shows)."""
    doc = d.app.sell(IssueRequest(
        doc_type="FT", customer=CUSTOMER, user="gerente",
        lines=tuple(cart_line(p, sold, price, discount) for p, sold, price, discount, _ in lines)))
    picks = [(n, back) for n, (*_, back) in enumerate(lines, start=1)]
    shown = return_on_screen(d, doc.document_no, picks)
    page_lines = [d.w.credit.lines.item(i).text() for i in range(d.w.credit.lines.count())]
    try:
        note = d.app.credit(doc.document_no, "Devolução", picks, user="gerente")
    except PosError as exc:
        assert shown is None and not d.w.credit.go.isEnabled()
        assert d.w.credit.notice.text() == str(exc)
        return shown, page_lines, None
    return shown, page_lines, note


def test_a_return_the_core_refuses_is_refused_on_screen_with_its_sentence(make_driver, app):
    """When the core cannot build the credit-note line for a quantity, the screen shows its
    sentence and no figure, and the note cannot be asked for."""
    from pos.domain.errors import ValidationError

    from .fakes import watched_driver

    d, w = watched_driver(make_driver, app)
    d.sign_in("gerente", "2222")
    bread = ProductSnapshot("PAO01", "Pão", D("1.00"), "RED")
    doc = app.sell(IssueRequest(doc_type="FT", customer=CUSTOMER, user="gerente",
                                lines=(cart_line(bread, 3, D("1.00"), D("0.10")),)))
    w.broken["refund_of"] = ValidationError("Desconto maior do que o valor da linha (PAO01).")
    assert return_on_screen(d, doc.document_no, [(1, D(1))]) is None
    page = d.w.credit
    assert page.lines.item(0).text().endswith("—") and not page.go.isEnabled()
    assert page.notice.text() == "Desconto maior do que o valor da linha (PAO01)."
    del w.broken["refund_of"]
    page.check(1, D(2))                          # a quantity the core accepts
    assert shown_total(page) == D("1.93") and page.go.isEnabled()
    assert page.notice.text() == ""


def test_the_issue_example_two_at_one_euro_with_five_cents_off(driver):
    """2 × 1,00 € with 0,05 € off, one returned: half of 0,05 is 0,025, half-up 0,03 off, so
    0,97 on the screen and on the note (the old screen said 0,98)."""
    d = driver
    d.sign_in("gerente", "2222")
    bread = ProductSnapshot("PAO01", "Pão", D("1.00"), "RED")
    shown, page_lines, note = sell_and_credit(d, [(bread, D(2), D("1.00"), D("0.05"), D(1))])
    assert shown == D("0.97") == note.totals.gross
    assert page_lines[0].endswith("0,97 €")
    assert note.lines[0].discount == D("0.03")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(lines=st.lists(sold_line(), min_size=1, max_size=3))
def test_the_screen_shows_what_the_credit_note_gives_back(driver, lines):
    d = driver
    if d.ctx.user is None:
        d.sign_in("gerente", "2222")
    shown, page_lines, note = sell_and_credit(d, lines)
    if note is None:            # refused by the core, and so by the screen (see below)
        return
    assert shown == note.totals.gross
    # Line by line too: each row on screen ends with that line's refund on the note.
    for text, credited in zip(page_lines, note.lines, strict=True):
        assert text.endswith(f"{credited.gross_amount:.2f} €".replace(".", ",")), (
            text, credited)
