"""Cash sessions, people and the product grid through the application facade."""

from decimal import Decimal as D

import pytest

from pos.domain.errors import StateError, ValidationError


def test_open_x_and_close_with_blind_count(app):
    s = app.open_session("caixa1", "100,00")
    assert s.is_open and s.opening_float == D("100.00") and s.till == "CX1"
    with pytest.raises(StateError):
        app.open_session("caixa1", "50")
    app.clock.advance(minutes=1)
    app.sell_items([("PAS01", 2), ("BEB04", 1)], payments=(("NU", D("10")),), user="caixa1")
    app.sell_items([("CAF01", 4)], payments=(("CC", D("1.00")), ("NU", None)), user="caixa1")
    fr = app.sell_items([("MER02", 1)], doc_type="FR", payments=(("MB", None),), user="caixa1")
    app.credit(fr.document_no, "Devolução", user="gerente")
    app.cash_movement(s.id, "caixa1", "out", "5", "Compra de gelo")
    app.cash_movement(s.id, "caixa1", "drawer", reason="troco")

    x = app.x_report(s.id)
    assert x.z_number is None and x.training
    assert x.documents == 4 and dict(x.by_type) == {"FS": 2, "FR": 1, "NC": 1}
    assert x.sales_total == D("4.00") + D("3.00") + D("8.99")
    assert x.refunds_total == D("8.99") and x.net_total == D("7.00")
    assert {m.method: m.amount for m in x.by_method} == {
        "NU": D("6.00"), "CC": D("1.00"), "MB": D("8.99")}
    # float 100 + cash 6.00 (4.00 paid with 10, change 6) − refund 8.99 − out 5
    assert x.expected_cash == D("92.01")
    assert x.drawer_openings == 1 and x.cash_out == D("5.00")
    assert sum(r.gross for r in x.by_rate) == x.net_total
    assert x.count_methods == ("NU", "CC", "MB")

    with pytest.raises(ValidationError):
        app.close_session(s.id, "caixa1", {"CC": "1"})             # cash must be counted
    app.clock.advance(minutes=1)
    z = app.close_session(s.id, "caixa1", {"NU": "90.01", "CC": "1.00", "MB": "8.99"})
    assert z.z_number == 1 and not z.session.is_open
    diff = {c.method: c.difference for c in z.counts}
    assert diff == {"NU": D("-2.00"), "CC": D("0.00"), "MB": D("0.00")}
    with pytest.raises(StateError):
        app.close_session(s.id, "caixa1", {"NU": "0"})
    assert app.current_session() is None
    # a sale after the close belongs to no session; the next session gets Z 2
    s2 = app.open_session("gerente", 0)
    app.clock.advance(minutes=1)
    z2 = app.close_session(s2.id, "gerente", {"NU": 0})
    assert z2.z_number == 2 and z2.documents == 0 and z2.counts[0].difference == 0


def test_cancelled_documents_count_but_add_nothing(app):
    s = app.open_session("caixa1", 20)
    doc = app.sell_items([("PAS01", 1)], user="caixa1")
    app.cancel(doc.document_no, "Engano", user="gerente")
    x = app.x_report(s.id)
    assert x.documents == 1 and x.cancelled == 1
    assert x.sales_total == 0 and x.expected_cash == D("20.00") and x.by_method == ()


def test_training_documents_do_not_count_in_normal_mode(normal_app):
    app = normal_app
    s = app.open_session("caixa1", 0)
    app.sell_items([("PAS01", 1)], user="caixa1")
    assert app.x_report(s.id).documents == 1
    app.set_training_mode(True)
    app.sell_items([("PAS01", 1)], user="caixa1")
    app.set_training_mode(False)
    assert app.x_report(s.id).documents == 1


def test_bad_amounts(app):
    for bad in ("-1", "abc", "1.001"):
        with pytest.raises(ValidationError):
            app.open_session("caixa1", bad)
    s = app.open_session("caixa1", "0")
    with pytest.raises(ValidationError):
        app.cash_movement(s.id, "caixa1", "in", 0)
    with pytest.raises(ValidationError):
        app.cash_movement(s.id, "caixa1", "steal", 1)


def test_users_sign_in_and_approval(app):
    logins = [u.login for u in app.users()]
    assert set(logins) == {"admin", "gerente", "caixa1"} and logins[-1] == "admin"
    ana = app.sign_in("caixa1", "1111")
    assert ana.name == "Ana Caixa" and not ana.is_supervisor
    with pytest.raises(ValidationError):
        app.sign_in("caixa1", "0000")
    with pytest.raises(ValidationError):
        app.approve("caixa1", "1111", "credit note")       # a cashier cannot approve
    assert app.approve("gerente", "2222", "credit note").is_supervisor


def test_grid_and_queue(normal_app):
    app = normal_app
    cats = app.categories()
    assert "Padaria" in cats and cats == sorted(cats)
    assert [p.code for p in app.category_products("Padaria")] == ["PAO03", "PAO01", "PAO02"]
    assert app.at_snapshot().pending == 0
    app.sell_items([("PAS01", 1)])
    q = app.at_snapshot()
    assert q.pending == 1 and q.oldest == app.clock.now() and q.parked == 0


def test_search_for_the_search_box(app):
    assert [p.code for p in app.search_products("nata")] == ["PAS01"]
    assert [p.code for p in app.search_products("NATA")] == ["PAS01"]          # any case
    names = [p.name for p in app.search_products("pa")]
    starts = [n for n in names if n.lower().startswith(("pa", "pã"))]
    assert names[:len(starts)] == starts and "Papel higiénico 12 rolos" in names
    assert len(app.search_products("BEB0", limit=2)) == 2
    barcode = app.category_products("Padaria")[0].barcode
    assert [p.barcode for p in app.search_products(barcode)] == [barcode]
    assert app.search_products("100%") == app.search_products("_") == []
    assert app.search_products(" ") == []
