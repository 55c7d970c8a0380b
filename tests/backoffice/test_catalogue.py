"""Catálogo on a real shop: a product added and changed through the form (a sold product's
description refused, with the sentence), categories ordered and hidden, and a CSV import
with its preview, per-row errors and the choice of only the good rows, on the long lane with
a progress bar; the export reads back."""

from decimal import Decimal

from tests.shop.test_catalogue_csv import BAD, GOOD, write


def catalogue(office):
    office.sign_in()
    return office.open("catalogue")


def test_a_product_is_added_and_changed_through_the_form(office):
    area = catalogue(office)
    tab = area.products
    office.tap(tab.new_button)
    office.type(tab.code, "QJ01")
    office.type(tab.name, "Queijo da serra")
    office.type(tab.price, "12,50")
    tab.tax.setCurrentIndex(tab.tax.findData("RED"))
    tab.unit.setCurrentIndex(tab.unit.findData("KG"))
    tab.cat.setEditText("Queijos")
    office.tap(tab.save_button)
    assert "QJ01 guardado" in area.notice.text(), area.notice.text()
    p = office.app.product_info("QJ01")
    assert (p.name, p.price, p.tax_code, p.unit, p.category, p.weighed) == (
        "Queijo da serra", Decimal("12.50"), "RED", "KG", "Queijos", True)
    office.type(tab.price, "13")
    office.tap(tab.save_button)
    assert office.app.product_info("QJ01").price == Decimal("13")
    kinds = [k for k, _u, _d in office.audit()]
    assert "product_added" in kinds and "product_changed" in kinds
    office.type(tab.price, "abc")
    office.tap(tab.save_button)
    assert "inválido" in area.notice.text()
    assert office.app.product_info("QJ01").price == Decimal("13")


def test_a_sold_product_keeps_its_description(make_office, normal_app):
    normal_app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    office = make_office(normal_app)
    area = catalogue(office)
    tab = area.products
    office.type(tab.search, "PAO01")
    office.qtbot.keyClick(tab.search, "\r")
    office.settle()
    tab.table.choose(0)
    office.settle()
    assert tab.loaded.code == "PAO01" and tab.loaded.sold
    assert "Já vendido" in tab.sold_note.text() and tab.name.isReadOnly()
    tab.name.setReadOnly(False)                   # even when forced, the facade refuses
    office.type(tab.name, "Outro nome")
    office.tap(tab.save_button)
    assert "PAO01" in area.notice.text() and area.notice.property("level") == "error"
    assert office.app.product_info("PAO01").name != "Outro nome"
    assert tab.remove_button.text() == "Desativar"


def test_categories_are_added_moved_and_hidden(office):
    area = catalogue(office)
    area.tabs.setCurrentWidget(area.categories)
    office.settle()
    tab = area.categories
    office.type(tab.name, "Queijos")
    office.tap(tab.add_button)
    names = [c.name for c in office.app.category_list()]
    assert names[-1] == "Queijos"
    tab.table.choose(len(names) - 1)
    office.tap(tab.up)
    assert [c.name for c in office.app.category_list()][-2] == "Queijos"
    tab.table.choose(tab.table.values.index("Queijos"))
    office.tap(tab.hide_button)
    assert not next(c for c in office.app.category_list() if c.name == "Queijos").active


def test_csv_import_preview_errors_and_only_the_good_rows(office, tmp_path):
    area = catalogue(office)
    area.tabs.setCurrentWidget(area.files)
    files = area.files
    files.source.set_path(write(tmp_path, BAD))
    updates = []
    files.progress.bar.valueChanged.connect(updates.append)
    office.tap(files.preview_button)
    assert files.problems.rowCount() >= 5 and files.sample.rowCount() >= 1
    assert files.problems.text(0, 0) == "3"               # the line of the file
    assert "recusada" in area.notice.text()
    assert files.only_valid.isEnabled() and files.import_button.isEnabled()
    before = office.app.product_page(limit=500).total
    office.tap(files.import_button)                       # all or nothing: refused
    assert area.notice.property("level") == "error"
    assert office.app.product_page(limit=500).total == before
    office.tap(files.preview_button)
    files.only_valid.setChecked(True)
    office.tap(files.import_button)
    assert "deixados de fora" in area.notice.text(), area.notice.text()
    assert office.app.product_info("OK2").price == Decimal("2.5")
    assert not files.progress.isVisible()


def test_a_good_file_is_imported_and_the_catalogue_exported(office, tmp_path):
    area = catalogue(office)
    area.tabs.setCurrentWidget(area.files)
    files = area.files
    files.source.set_path(write(tmp_path, GOOD))
    office.tap(files.preview_button)
    assert "Tudo certo" in area.notice.text()
    office.tap(files.import_button)
    assert "2 novos, 1 alterados" in area.notice.text()
    out = tmp_path / "export.csv"
    files.target.set_path(str(out))
    office.tap(files.export_button)
    assert "exportado" in area.notice.text()
    assert "NEW1;Queijo fresco" in out.read_text(encoding="utf-8-sig").replace(",", ";")


def test_a_file_that_is_not_csv_is_one_sentence(office, tmp_path):
    area = catalogue(office)
    area.tabs.setCurrentWidget(area.files)
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\x00\x01\x02")
    area.files.source.set_path(str(bad))
    office.tap(area.files.preview_button)
    assert area.notice.property("level") == "error" and "texto" in area.notice.text()
