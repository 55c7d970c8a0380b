"""The counter's use cases through the facade: PIN lock-out, parked sales, whose cash session,
refunds by the original methods (and how the cash report adds them up), order discounts
spread onto the lines, finding customers."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from pos.bootstrap import open_app
from pos.domain import discounts, refunds
from pos.domain.documents import Customer, ProductSnapshot, cart_line
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.parked import ParkedCart, ParkedLine
from pos.persistence.models import AuditEvent, Series

BREAD = ProductSnapshot("PAO01", "Pão de forma", D("1.89"), "RED")
APPLES = ProductSnapshot("FRU01", "Maçã de Alcobaça", D("2.29"), "RED", unit="KG")


def events(app) -> list[tuple[str, str, str]]:
    with app.unit(False) as uow:
        return [(e.kind, e.user_login, e.detail) for e in uow.session.scalars(
            select(AuditEvent).order_by(AuditEvent.id))]


# ---- PIN lock-out -------------------------------------------------------------------------
def test_five_wrong_pins_lock_the_user_out_for_a_while(app):
    for left in (4, 3, 2, 1):
        with pytest.raises(ValidationError, match=f"PIN errado \\({left} tentativa"):
            app.sign_in("caixa1", "0000")
    with pytest.raises(ValidationError, match="bloqueado até 10:30"):
        app.sign_in("caixa1", "0000")                     # the fifth: locked 15 minutes
    with pytest.raises(ValidationError, match="bloqueado"):
        app.sign_in("caixa1", "1111")                     # even the right PIN, meanwhile
    with pytest.raises(ValidationError, match="bloqueado"):
        app.approve("caixa1", "1111", "x")
    assert app.sign_in("gerente", "2222").login == "gerente"   # others are not affected
    kinds = [(k, u) for k, u, _d in events(app)]
    assert kinds.count(("login_failed", "caixa1")) == 5 and ("user_locked", "sistema") in kinds
    app.clock.advance(minutes=15)
    assert app.sign_in("caixa1", "1111").login == "caixa1"
    with pytest.raises(ValidationError, match="4 tentativas"):   # the count starts again
        app.sign_in("caixa1", "9999")


def test_a_right_pin_resets_the_count_and_approvals_count_too(app):
    for _ in range(3):
        with pytest.raises(ValidationError):
            app.approve("gerente", "1234", "discount")
    assert app.approve("gerente", "2222", "discount").login == "gerente"
    for left in (4, 3):
        with pytest.raises(ValidationError, match=f"\\({left} tentativa"):
            app.sign_in("gerente", "1111")
    with pytest.raises(NotFoundError):
        app.sign_in("ninguem", "1111")


# ---- parked sales -------------------------------------------------------------------------
def _cart(note="Sr. Silva") -> ParkedCart:
    return ParkedCart((ParkedLine(BREAD, D(2), D("1.89")),
                       ParkedLine(APPLES, D("0.750"), D("2.29"), weighed=True)),
                      Customer("123456789", "Cliente"), None, D("0.50"), note)


def test_a_parked_sale_survives_a_restart_and_is_never_a_document(app, demo_db, clock):
    with app.unit(False) as uow:
        before = {s.doc_type: s.last_number for s in uow.session.scalars(select(Series))}
    info = app.park_cart("caixa1", _cart())
    assert (info.lines, info.total, info.note, info.user) == (2, D("5.00"), "Sr. Silva",
                                                              "caixa1")
    app.close()
    again = open_app(str(demo_db), clock=clock)          # the till restarted
    try:
        [waiting] = again.parked_carts()
        assert waiting.id == info.id
        cart = again.resume_parked(info.id, "gerente")
        assert cart == _cart()                           # every value back, exactly
        assert again.parked_carts() == []
        with pytest.raises(StateError, match="já foi retomada por gerente"):
            again.resume_parked(info.id, "caixa1")
        assert again.documents() == []
        with again.unit(False) as uow:
            after = {s.doc_type: s.last_number for s in uow.session.scalars(select(Series))}
        assert after == before                           # no number taken
    finally:
        again.close()


def test_a_voided_parked_sale_is_audited_and_counted_on_the_report(app):
    s = app.open_session("caixa1", 10)
    keep = app.park_cart("caixa1", _cart("fica"))
    gone = app.park_cart("caixa1", _cart("vai"))
    app.void_parked(gone.id, "gerente", "cliente desistiu")
    [(kind, user, detail)] = [e for e in events(app) if e[0] == "parked_voided"]
    assert user == "gerente" and "by caixa1" in detail and "5.00 EUR" in detail
    assert "cliente desistiu" in detail
    assert [p.id for p in app.parked_carts()] == [keep.id]
    x = app.x_report(s.id)
    assert (x.parked, x.parked_voided) == (1, 1)
    with pytest.raises(ValidationError):
        app.park_cart("caixa1", ParkedCart(()))
    with pytest.raises(ValidationError):
        app.park_cart("caixa1", _cart("\x1b[2J"))


# ---- whose session ------------------------------------------------------------------------
def test_one_session_per_till_by_default(app):
    s = app.open_session("caixa1", 20)
    assert app.session_rule() == "till"
    assert app.current_session("gerente") == s           # the next cashier sells in it
    with pytest.raises(StateError, match="de caixa1"):
        app.open_session("gerente", 0)


def test_one_session_per_user_keeps_each_cashiers_documents_apart(app):
    app.set_session_rule("user", "admin")
    ana = app.open_session("caixa1", 20)
    assert app.current_session("gerente") is None        # the manager opens their own
    boss = app.open_session("gerente", 50)
    assert ana.scope == boss.scope == "user" and len(app.open_sessions()) == 2
    with pytest.raises(StateError):
        app.open_session("caixa1", 0)
    app.sell_items([("PAS01", 2)], payments=(("NU", None),), user="caixa1")
    app.sell_items([("BEB05", 1)], payments=(("CD", None),), user="gerente")
    xa, xb = app.x_report(ana.id), app.x_report(boss.id)
    assert (xa.documents, xa.sales_total, xa.expected_cash) == (1, D("2.40"), D("22.40"))
    assert (xb.documents, xb.sales_total, xb.expected("CD")) == (1, D("7.95"), D("7.95"))
    app.close_session(ana.id, "caixa1", {"NU": "22.40"})
    app.set_session_rule("till", "admin")
    with pytest.raises(StateError, match="gerente"):     # one left open under the old rule
        app.open_session("caixa1", 0)
    with pytest.raises(ValidationError):
        app.set_session_rule("everyone")


# ---- refunds by the original methods ----------------------------------------------------
def test_refund_by_the_methods_the_customer_paid_with(normal_app, tmp_path):
    app = normal_app                       # real series: the notes go into the SAF-T
    s = app.open_session("caixa1", 100)
    sale = app.sell_items([("PAS01", 3), ("BEB05", 1)],
                          payments=(("CD", D("5")), ("NU", D("10"))), user="caixa1")
    assert sale.totals.gross == D("11.55")                # 5 card + 6,55 cash (3,45 change)
    assert app.refundable(sale.document_no) == (("CD", D("5.00")), ("NU", D("6.55")))
    wine = app.credit_preview(sale.document_no, [(2, D(1))]).totals.gross
    plan = refunds.split(app.refundable(sale.document_no), wine)
    assert plan == (("CD", D("5.00")), ("NU", D("2.95")))  # the card first, cash the rest
    note = app.credit(sale.document_no, "Defeito", [(2, D(1))], "caixa1", refunds=plan)
    assert [(p.method, p.amount) for p in note.payments] == [("CD", D("5.00")),
                                                            ("NU", D("2.95"))]
    assert app.refundable(sale.document_no) == (("CD", D("0.00")), ("NU", D("3.60")))
    with pytest.raises(ValidationError):                  # more than the note
        app.credit(sale.document_no, "Defeito", [(1, D(1))], "caixa1",
                   refunds=(("NU", D("5")),))
    app.credit(sale.document_no, "Defeito", [(1, D(1))], "caixa1")   # none: taken as cash
    x = app.x_report(s.id)
    assert {m.method: m.amount for m in x.refunds_by_method} == {"CD": D("5.00"),
                                                                 "NU": D("4.15")}
    assert x.expected("CD") == D("0.00")
    assert x.expected_cash == D("100") + D("6.55") - D("4.15")
    assert x.refunds_total == D("9.15") and x.count_methods == ("NU", "CD")
    # The note's refund is in the SAF-T as its payments, adding up to its total.
    from pos.saft.validator import KeyRing, validate
    out = tmp_path / "saft.xml"
    app.export_saft(out, 2026, 3)
    report = validate(out, keyring=KeyRing(app.verifiers()))
    assert report.ok, report.problems[:3]
    assert b"<PaymentMechanism>CD</PaymentMechanism><PaymentAmount>5.00" in out.read_bytes()


def test_a_credit_note_on_an_invoice_paid_later_moves_no_money(app):
    s = app.open_session("gerente", 10)
    invoice = app.sell_items([("MER02", 1)], "FT",
                             Customer("123456789", "Cliente", "Rua A, 1", "Porto"),
                             user="gerente")
    app.credit(invoice.document_no, "Devolução", user="gerente")     # lowers the debt
    x = app.x_report(s.id)
    assert x.on_credit == D("8.99") and x.refunds_total == D("8.99")
    assert x.refunds_by_method == () and x.expected_cash == D("10.00")
    assert app.refundable(invoice.document_no) == ()


def test_refund_plan_rules():
    paid = [("CD", D("5.00")), ("NU", D("6.55"))]
    assert refunds.refundable(paid, [("CD", D("4")), ("CD", D("2"))]) == (
        ("CD", D("0")), ("NU", D("6.55")))
    assert refunds.split((("NU", D("3")),), D("2.40")) == (("NU", D("2.40")),)
    assert refunds.split((), D("2.40")) == (("NU", D("2.40")),)        # an FT on credit
    assert refunds.split((("MB", D("1")), ("CD", D("1"))), D("3")) == (
        ("MB", D("1")), ("CD", D("1")), ("NU", D("1")))


# ---- a discount on the whole sale -------------------------------------------------------
def test_order_discount_amount_and_percent():
    assert discounts.order_discount(D("20.00"), percent="10") == D("2.00")
    assert discounts.order_discount(D("3.33"), percent="50") == D("1.67")
    assert discounts.order_discount(D("20.00"), amount="2,50") == D("2.50")
    for bad in ({"amount": "21"}, {"amount": "-1"}, {"percent": "101"}, {"amount": "0.001"},
                {}):
        with pytest.raises(ValidationError):
            discounts.order_discount(D("20.00"), **bad)


@given(st.lists(st.integers(0, 50_000), min_size=1, max_size=12), st.data())
def test_spread_adds_up_exactly_and_never_below_zero(cents, data):
    amounts = [D(c) / 100 for c in cents]
    total = sum(amounts, D(0))
    discount = D(data.draw(st.integers(0, int(total * 100)))) / 100
    shares = discounts.spread(amounts, discount)
    assert sum(shares, D(0)) == discount
    assert all(D(0) <= s <= a for s, a in zip(shares, amounts, strict=True))


def test_an_order_discount_is_spread_onto_the_document_lines(app):
    lines = (cart_line(BREAD, 2), cart_line(ProductSnapshot("BEB05", "Vinho", D("7.95"),
                                                            "INT"), 1, discount="0.95"))
    discounted = discounts.apply(lines, D("1.00"))          # of 3,78 + 7,00 = 10,78
    assert [ln.discount for ln in discounted] == [D("0.35"), D("1.60")]
    from pos.services.issuing import IssueRequest
    doc = app.sell(IssueRequest("FS", discounted, payments=(("NU", None),), user="gerente"))
    assert doc.totals.gross == D("9.78")
    assert [ln.discount for ln in doc.lines] == [D("0.35"), D("1.60")]


# ---- customers ----------------------------------------------------------------------------
def test_find_customers_by_name_nif_or_phone(app):
    app.remember_customer(Customer("123456789", "Restaurante O Tasco, Lda.", "Rua A, 1",
                                   "Porto"), "+351 912 345 678")
    app.sell_items([("PAO01", 1)], "FR", Customer("505000009", "Ana Sousa", "Rua B", "Faro"),
                   payments=(("NU", None),))
    assert [m.customer.name for m in app.find_customers("tasco")] == [
        "Restaurante O Tasco, Lda."]
    assert [m.customer.nif for m in app.find_customers("5050")] == ["505000009"]
    [m] = app.find_customers("912 345")
    assert m.phone == "+351912345678" and m.customer.city == "Porto"
    assert app.find_customers("s") == []                  # too short to mean anything
    app.remember_customer(Customer("505000009", "Outro Nome"), "219999999")
    [m] = app.find_customers("2199")
    assert m.customer.name == "Ana Sousa"                  # a used name never changes
    with pytest.raises(ValidationError):
        app.remember_customer(Customer("123456789", "X"), "ligue-me")
    with pytest.raises(ValidationError):
        app.remember_customer(Customer(), "912345678")


def test_the_lock_out_ends_at_the_time_it_says(app):
    for _ in range(5):
        with pytest.raises(ValidationError):
            app.sign_in("caixa1", "0000")
    app.clock.advance(minutes=14, seconds=59)
    with pytest.raises(ValidationError, match="bloqueado"):
        app.sign_in("caixa1", "1111")
    app.clock.advance(seconds=1)
    assert app.sign_in("caixa1", "1111").name == "Ana Caixa"
