"""A whole cashier's day at the till, driven like a cashier (taps, pads, keys), against the
real application on a real SQLite file, with the real print service writing ESC/POS bytes to
a file: sign-in, 50 sales paid every way the till offers, a parked sale, a return, cash in
and out, an X report and the Z. The Z must add up to the documents issued, method by method,
and the blind count of what those documents put in the drawer closes without a difference.
"""

import json
from collections import defaultdict
from decimal import Decimal as D

from PySide6.QtCore import Qt

from pos.domain.money import ZERO

FLOAT = D("100.00")
# (category, product, taps) groups bought in turn
BASKETS = [
    [("Pastelaria", "PAS01", 2), ("Cafetaria", "CAF01", 1)],
    [("Bebidas", "BEB05", 1)],
    [("Padaria", "PAO01", 1), ("Padaria", "PAO02", 6)],
    [("Mercearia", "MER02", 1), ("Mercearia", "MER06", 2)],
    [("Drogaria", "HIG02", 1)],
    [("Tabacaria", "JOR01", 1), ("Tabacaria", "SEL01", 3)],
    [("Cafetaria", "CAF02", 2), ("Pastelaria", "PAS02", 1)],
]
# every way of paying the till offers, in turn
KINDS = ["cash exact", "cash note", "NU key", "CD", "MB", "CC", "TB", "CH", "OU",
         "card + cash", "three ways", "invoice FR", "weighed + cash"]


def pay(d, kind: str) -> None:
    w = d.w
    if kind == "invoice FR":                      # a customer with name and address
        d.tap(w.sale.customer_button)
        c = w.customer
        d.pad(c.pad, "123456789")
        d.tap(c.type_buttons["FR"])
        c.name.setText("Cliente Habitual, Lda.")
        c.address.setText("Rua do Comércio, 5")
        c.city.setText("Lisboa")
        d.tap(c.ok)
    d.tap(w.sale.pay_button)
    p = w.payment
    if kind in ("cash exact", "weighed + cash", "invoice FR"):
        d.tap(p.quick_buttons[0])
    elif kind == "cash note":
        d.tap(p.quick_buttons[2])                 # the next note up: change due
    elif kind == "NU key":                        # keyboard: N, Enter
        d.key(Qt.Key.Key_N, p.amount)
        d.key(Qt.Key.Key_Return, p.amount)
        return
    elif kind == "card + cash":
        d.pad(p.pad, "1")
        d.tap(p.method_buttons["CD"])
        d.tap(p.quick_buttons[1])
    elif kind == "three ways":
        d.pad(p.pad, "1")
        d.tap(p.method_buttons["MB"])
        d.pad(p.pad, "0,5")
        d.tap(p.method_buttons["CD"])
        d.tap(p.quick_buttons[0])
    else:
        d.tap(p.method_buttons[kind])
    d.tap(p.confirm_button)


def test_a_whole_cashiers_day_adds_up(make_driver, app, tmp_path, monkeypatch):
    from ui.adapters import printer_from_environment

    out = tmp_path / "printer.bin"
    monkeypatch.setenv("CAIXA_PRINTER", json.dumps({"connection": f"file:{out}"}))
    d = make_driver(app, printer_from_environment(app))
    d.sign_in("caixa1", "1111", float_="100")
    session = d.ctx.session
    for i in range(50):
        kind = KINDS[i % len(KINDS)]
        for category, code, taps in BASKETS[i % len(BASKETS)]:
            d.tap_product(category, code, taps)
        if kind == "weighed + cash":
            d.tap_product("Frutas", "FRU02")
            d.weigh("0,735")
        before = len(d.app.documents())
        pay(d, kind)
        assert len(d.app.documents()) == before + 1, (i, kind, d.page().notice.text())
        assert d.page() is d.w.sale
    # a parked sale: the customer forgot something; the next one is served meanwhile
    d.tap_product("Bebidas", "BEB03", 2)
    d.tap(d.w.sale.park)
    d.tap_product("Cafetaria", "CAF04")
    pay(d, "cash exact")
    d.tap(d.w.sale.functions["parked"])
    d.w.parked.choose(d.app.parked_carts()[0].id)
    d.tap(d.w.parked.take)
    d.tap_product("Bebidas", "BEB01")
    pay(d, "CD")
    # a return: the wine of a card + cash sale goes back as it was paid
    split = next(s for s in d.app.documents() if s.doc_type == "FS" and
                 {p.method for p in d.app.document(s.document_no).payments} == {"CD", "NU"}
                 and any(ln.product_code == "BEB05"
                         for ln in d.app.document(s.document_no).lines))
    d.tap(d.w.sale.functions["credit"])
    c = d.w.credit
    c.choose(split.document_no)
    d.settle()
    c.check(next(ln.line_no for ln in c.doc.lines if ln.product_code == "BEB05"))
    d.tap(next(b for b in c.findChildren(type(c.go)) if b.text() == "Defeito"))
    d.tap(c.approval.buttons["gerente"])
    d.pad(c.pad, "2222")
    d.tap(c.go)
    assert d.app.documents()[0].doc_type == "NC"
    # cash in and out
    d.function("cash_in")
    d.pad(d.w.cash_move.pad, "50")
    d.tap(d.w.cash_move.quick_buttons[0])
    d.tap(d.w.cash_move.ok)
    d.function("cash_out")
    d.pad(d.w.cash_move.pad, "32,5")
    d.tap(d.w.cash_move.quick_buttons[0])
    d.tap(d.w.cash_move.ok)

    # What the documents issued today say, read from the documents themselves.
    docs = [d.app.document(s.document_no) for s in d.app.documents(limit=500)]
    assert len(docs) == 53 and {x.doc_type for x in docs} == {"FS", "FR", "NC"}
    sales = [x for x in docs if x.doc_type in ("FS", "FR")]
    notes = [x for x in docs if x.doc_type == "NC"]
    received, refunded = defaultdict(lambda: ZERO), defaultdict(lambda: ZERO)
    for x in sales:
        for p in x.payments:
            received[p.method] += p.amount
    for x in notes:
        for p in x.payments:
            refunded[p.method] += p.amount
    assert set(received) == {"NU", "CD", "MB", "CC", "TB", "CH", "OU"}
    drawer = {m: received[m] - refunded[m] for m in received}
    drawer["NU"] += FLOAT + D("50") - D("32.50")

    d.function("x")
    x = d.app.x_report(session.id)
    assert "Numerário esperado" not in d.w.report.text.toPlainText()     # blind for her
    d.tap(d.w.report.done)

    d.function("close")
    cp = d.w.close_page
    assert list(cp.fields) == ["NU", *sorted(m for m in received if m != "NU")]
    for method in cp.fields:                    # the count: what the documents put there
        cp.select(method)
        d.pad(cp.pad, f"{drawer[method]:.2f}".replace(".", ","))
    d.tap(cp.confirm)
    assert d.page() is d.w.report, cp.notice.text()                   # no difference
    z = d.app.x_report(session.id)

    assert z.z_number == 1 and z.documents == x.documents == 53
    assert z.sales_total == sum((s.totals.gross for s in sales), ZERO)
    assert z.refunds_total == sum((n.totals.gross for n in notes), ZERO)
    assert z.net_total == z.sales_total - z.refunds_total
    assert {m.method: m.amount for m in z.by_method} == dict(received)
    assert {m.method: m.count for m in z.by_method} == {
        m: sum(1 for s in sales for p in s.payments if p.method == m) for m in received}
    assert {m.method: m.amount for m in z.refunds_by_method} == {
        m: a for m, a in refunded.items() if a}
    assert sum((r.gross for r in z.by_rate), ZERO) == z.net_total
    assert sum((m.amount for m in z.by_method), ZERO) == z.sales_total   # all paid today
    assert (z.cash_in, z.cash_out) == (D("50.00"), D("32.50"))
    assert z.expected_cash == drawer["NU"]
    assert all(c.difference == 0 for c in z.counts) and len(z.counts) == 7
    assert (z.parked, z.parked_voided) == (0, 0)
    assert d.w.report.summary.text() == "Numerário certo: sem diferenças."
    d.wait_idle()
    printed = out.read_bytes()                  # the last job: the Z, on paper
    assert b"RELAT" in printed and b"Z n." in printed
    assert d.w.status.printer.property("state") == "ok"
    assert d.app.verify().ok
    d.tap(d.w.report.done)
    assert d.page() is d.w.signin
