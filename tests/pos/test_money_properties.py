"""Money invariants for random carts (hypothesis)."""

from datetime import date
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from pos.domain.documents import ProductSnapshot, cart_line, price_lines, settle
from pos.domain.money import round2

TAXES = [("RED", None), ("INT", None), ("NOR", None), ("ISE", "M07")]

prices = st.decimals(min_value=D("0.01"), max_value=D("999.99"), places=2)
quantities = st.one_of(st.integers(1, 20).map(D),
                       st.decimals(min_value=D("0.001"), max_value=D("9.999"), places=3))


@st.composite
def carts(draw):
    n = draw(st.integers(1, 12))
    lines = []
    for i in range(n):
        code, exemption = draw(st.sampled_from(TAXES))
        price = draw(prices)
        qty = draw(quantities)
        product = ProductSnapshot(f"P{i}", f"Produto {i}", price, code, exemption)
        max_disc = round2(price * qty)
        disc = draw(st.decimals(min_value=D("0"), max_value=max_disc, places=2)) \
            if draw(st.booleans()) else D("0")
        lines.append(cart_line(product, qty, None, disc))
    region = draw(st.sampled_from(["PT", "PT-AC", "PT-MA"]))
    return lines, region


@settings(max_examples=300, deadline=None)
@given(carts())
def test_totals_add_up_exactly_and_customer_pays_the_shelf_prices(cart):
    lines, region = cart
    priced, totals = price_lines(lines, region, date(2026, 3, 14))
    shelf = sum((round2(ln.quantity * ln.unit_price) - ln.discount for ln in lines), D(0))
    assert totals.gross == shelf
    assert totals.net + totals.tax == totals.gross
    assert sum(p.net_amount for p in priced) == totals.net
    assert sum(p.tax_amount for p in priced) == totals.tax
    for p in priced:
        assert p.net_amount + p.tax_amount == p.gross_amount
        assert p.net_amount >= 0 and p.tax_amount >= 0
        assert p.net_amount.as_tuple().exponent >= -2
    for t in totals.taxes:
        assert t.base == round2(t.gross * 100 / (100 + t.percentage))
        assert sum(p.net_amount for p in priced if p.tax_code == t.code) == t.base
        if t.code == "ISE":
            assert t.tax == 0


@settings(max_examples=200, deadline=None)
@given(carts(), st.decimals(min_value=D("0"), max_value=D("50"), places=2))
def test_cash_payment_gives_exact_change(cart, extra):
    lines, region = cart
    _, totals = price_lines(lines, region, date(2026, 3, 14))
    payments, change = settle(totals.gross, [("NU", totals.gross + extra)])
    assert change == extra
    assert sum(p.amount for p in payments) == totals.gross


def test_split_payment_card_then_cash_change():
    payments, change = settle(D("10.00"), [("CC", D("4.00")), ("NU", D("10.00"))])
    assert [(p.method, p.amount) for p in payments] == [("CC", D("4.00")), ("NU", D("6.00"))]
    assert change == D("4.00")
