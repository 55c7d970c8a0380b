"""Relatórios and SAF-T on a real shop: sales, the VAT summary, past X and Z reports and the
reprints and voids of a period, each printed, saved as CSV and as PDF; a month's SAF-T
exported with a progress bar, validated against AT's schema, its folder opened."""

from datetime import date

from PySide6.QtGui import QDesktopServices

from tests.ui.fakes import reprinted


def test_sales_vat_and_voids_reports_printed_and_saved(office, tmp_path):
    app = office.app
    sale = app.sell_items([("PAO01", 2)], payments=(("NU", None),))
    app.sell_items([("MER03", 1)], payments=(("CD", None),))
    reprinted(app, sale.document_no, "gerente", "Talão perdido")
    app.cancel(sale.document_no, "Engano", user="gerente")
    office.sign_in()
    area = office.open("reports")
    office.settle()
    sales = area.sales
    assert sales.report.title == "Vendas" and len(sales.tables) == 5
    s = app.sales_summary(date(2026, 3, 1), date(2026, 3, 14))
    assert sales.tables[0].text(0, 4) == str(s.documents) == "1"     # the cancelled left out
    out = tmp_path / "vendas"
    sales.exports.path.set_path(str(out))
    office.tap(sales.exports.csv_button)
    text = (tmp_path / "vendas.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("Vendas;2026-03-01 a 2026-03-14") and "Cartão de débito" in text
    office.tap(sales.exports.pdf_button)
    assert (tmp_path / "vendas.pdf").read_bytes().startswith(b"%PDF")
    office.tap(sales.exports.print_button)
    job = app.printer.jobs[-1]
    assert job["kind"] == "text" and job["title"] == "Vendas"
    assert any("Cartão de débito" in line for line in job["lines"])

    area.tabs.setCurrentWidget(area.vat)
    office.settle()
    vat = area.vat.tables[0]
    assert vat.text(vat.rowCount() - 1, 0) == "Total"
    area.tabs.setCurrentWidget(area.voids)
    office.settle()
    reprints, voids = area.voids.tables
    assert reprints.text(0, 1) == sale.document_no and reprints.text(0, 2) == "2.ª"
    assert voids.text(0, 2) == sale.document_no and voids.text(0, 4) == "Engano"


def test_past_x_and_z_reports(office, tmp_path):
    app = office.app
    s = app.open_session("caixa1", "50")
    app.sell_items([("PAO01", 2)], payments=(("NU", None),), user="caixa1")
    app.close_session(s.id, "caixa1", {"NU": "53"})
    office.sign_in()
    area = office.open("reports")
    area.tabs.setCurrentWidget(area.sessions)
    office.settle()
    tab = area.sessions
    assert tab.table.values == [s.id] and tab.table.text(0, 4) == "1"
    tab.table.choose(0)
    office.settle()
    text = tab.text.toPlainText()
    assert text.startswith("RELATÓRIO Z n.º 1") and "Numerário esperado" in text
    tab.exports.path.set_path(str(tmp_path / "z.pdf"))
    office.tap(tab.exports.pdf_button)
    assert (tmp_path / "z.pdf").read_bytes().startswith(b"%PDF")
    office.tap(tab.exports.print_button)
    assert app.printer.jobs[-1]["title"] == "RELATÓRIO Z n.º 1 (fecho)"


def test_a_report_to_a_folder_that_is_not_there_is_one_sentence(office, tmp_path):
    office.sign_in()
    area = office.open("reports")
    office.settle()
    area.sales.exports.path.set_path(str(tmp_path / "none" / "x.csv"))
    office.tap(area.sales.exports.csv_button)
    assert area.notice.property("level") == "error" and "none" in area.notice.text()


def test_saft_of_a_month_exported_validated_and_its_folder_opened(make_office, normal_app,
                                                                  tmp_path, monkeypatch):
    app = normal_app
    for _ in range(3):
        app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    office = make_office(app)
    office.sign_in("admin", "1234")
    area = office.open("saft")
    office.settle()
    area.year.setValue(2026)
    area.month.setCurrentIndex(area.month.findData(3))
    area.folder.set_path(str(tmp_path))
    assert area.file_name.text().endswith("SAFT-PT_599999993_2026-03.xml")
    updates = []
    area.progress.bar.valueChanged.connect(updates.append)
    office.tap(area.export_button)
    assert "3 documentos" in area.result.toPlainText(), area.result.toPlainText()
    assert updates and max(updates) == 3 and not area.progress.isVisible()
    office.tap(area.validate_button)
    assert "válido" in area.result.toPlainText() and "Sem problemas" in \
        area.result.toPlainText(), area.result.toPlainText()
    assert "Ficheiro válido" in area.notice.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    office.tap(area.open_button)
    assert [u.toLocalFile() for u in opened] == [str(tmp_path)]
    office.tap(area.sent_button)
    assert "3 documento(s) dados como comunicados" in area.notice.text()
    assert not app.queue_rows()


def test_saft_refuses_a_missing_folder_and_a_file_that_is_not_there(office, tmp_path):
    office.sign_in()
    area = office.open("saft")
    area.folder.set_path(str(tmp_path / "missing"))
    office.tap(area.export_button)
    assert area.notice.property("level") == "error"
    office.tap(area.validate_button)
    assert "não encontrado" in area.notice.text()
