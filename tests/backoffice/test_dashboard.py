"""The dashboard on a real shop: sales of a chosen period by rate, method, user, till, hour
and day; open cash sessions; the AT queue and its nearest deadline; warnings (series,
backup, the printer asked over a real TCP socket)."""

from datetime import date

from tests.printing.conftest import FakePrinter as TcpPrinter


def test_a_chosen_period_adds_up_and_is_drawn_by_day(office, clock):
    app = office.app
    app.sell_items([("PAO01", 1)], payments=(("NU", None),))          # 14 March, 10:15
    clock.advance(days=1, hours=3)
    app.sell_items([("CAF02", 2)], payments=(("MB", None),), user="caixa1")   # 15 March
    credited = app.sell_items([("PAS01", 1)], payments=(("NU", None),))
    app.credit(credited.document_no, "Defeito", user="gerente")
    office.sign_in()
    dash = office.w.current()
    dash.range.set(date(2026, 3, 14), date(2026, 3, 15))
    office.settle()
    s = app.sales_summary(date(2026, 3, 14), date(2026, 3, 15))
    assert s.documents == 4 and s.refunds == credited.totals.gross
    assert [(d, v) for d, v in s.by_day] == list(zip(
        [date(2026, 3, 14), date(2026, 3, 15)], dash.by_day.values, strict=True))
    assert dash.by_day.labels == ["14/03", "15/03"]
    assert dash.by_hour.values[10] > 0 and dash.by_hour.values[13] > 0
    assert [dash.tills.text(0, 0)] == ["CX1"]
    assert {dash.users.text(r, 0) for r in range(dash.users.rowCount())} == {
        "Administrador", "Ana Caixa", "Gerente"}
    assert dash.rates.rowCount() == len(s.by_rate)


def test_open_sessions_queue_and_warnings(make_office, normal_app):
    app = normal_app
    app.open_session("caixa1", "50")
    app.sell_items([("PAO01", 1)], payments=(("NU", None),), user="caixa1")
    office = make_office(app)
    office.sign_in()
    dash = office.w.current()
    office.settle()
    assert dash.sessions.rowCount() == 1 and dash.sessions.text(0, 1) == "caixa1"
    assert dash.cards["queue"].value.text() == "1"                 # the invoice for AT
    assert "prazo 2026-04-05" in dash.cards["queue"].note.text()
    warnings = " | ".join(dash.warning_texts())
    assert "Nenhuma cópia de segurança" in warnings
    assert "Impressora" in warnings and "não tem impressora" in warnings


def test_a_printer_out_of_paper_is_a_warning(office, monkeypatch):
    printer = TcpPrinter(paper=0x72)          # DLE EOT 4 answer: paper end
    try:
        monkeypatch.setenv("CAIXA_PRINTER", f'{{"connection": "{printer.spec}"}}')
        office.sign_in()
        office.settle()
        warnings = office.w.current().warning_texts()
        assert any("sem papel" in w for w in warnings), warnings
    finally:
        printer.close()


def test_the_dashboard_refuses_a_period_of_more_than_a_year(office):
    office.sign_in()
    dash = office.w.current()
    dash.range.set(date(2024, 1, 1), date(2026, 3, 14))
    office.settle()
    assert "até 366 dias" in dash.notice.text()
