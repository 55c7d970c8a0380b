"""CSV import (preview, all or nothing, or only the good rows) and export of the catalogue."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.domain.errors import ValidationError
from pos.persistence.models import AuditEvent
from pos.services.demo import ean13


def write(tmp_path, text: str, name="produtos.csv", encoding="utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


GOOD = ("código;descrição;preço;iva;isenção;unidade;categoria;ean\n"
        "NEW1;Queijo fresco;2,49;RED;;UN;Laticínios;\n"
        "NEW2;Aula de yoga;15;ISE;M07;UN;Serviços;\n"
        "PAO01;Pão de forma;1,99;RED;;UN;Padaria;" + ean13("560000000000") + "\n"
        "PAO02;Papo-seco;0,18;RED;;UN;Padaria;" + ean13("560000000001") + "\n")


def test_the_preview_counts_and_shows_without_writing(app, tmp_path):
    before = app.product_page(limit=1000)
    pv = app.preview_product_import(write(tmp_path, GOOD))
    assert (pv.rows, pv.new, pv.changed, pv.unchanged, pv.problems) == (4, 2, 1, 1, ())
    assert pv.ok and pv.delimiter == ";" and pv.encoding == "UTF-8"
    assert [(r.code, r.action) for r in pv.sample] == [
        ("NEW1", "new"), ("NEW2", "new"), ("PAO01", "changed"), ("PAO02", "unchanged")]
    assert app.product_page(limit=1000) == before


def test_an_import_writes_everything_once_and_is_audited(app, tmp_path):
    result = app.import_products(write(tmp_path, GOOD), user="gerente")
    assert (result.new, result.changed, result.unchanged, result.skipped) == (2, 1, 1, ())
    assert app.product_info("PAO01").price == Decimal("1.99")
    n2 = app.product_info("NEW2")
    assert (n2.tax_code, n2.exemption_code, n2.category) == ("ISE", "M07", "Serviços")
    assert "Laticínios" in [c.name for c in app.category_list()]
    with app.unit(write=False) as uow:
        assert uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.kind == "products_imported")).all() == [
            "2 new, 1 changed, 1 unchanged, 0 refused rows left out"]


BAD = ("code,name,price,vat,exemption,barcode\n"
       "OK1,Bom produto,1.00,NOR,,\n"
       "BAD1,Preço mau,-1,NOR,,\n"
       "BAD2,Sem isenção,1,ISE,,\n"
       "BAD3,Código de barras,1,NOR,,5601234567890\n"
       "OK1,Repetido,1,NOR,,\n"
       "BAD4,Barras de outro,1,NOR,," + ean13("560000000000") + "\n"
       "BAD5,Colunas a mais,1,NOR,,,,\n"
       "OK2,Outro bom,2.5,INT,,\n")


def test_nothing_is_imported_when_a_row_is_wrong_and_every_problem_is_listed(app, tmp_path):
    path = write(tmp_path, BAD)
    pv = app.preview_product_import(path)
    assert [(p.line, p.code) for p in pv.problems] == [
        (3, "BAD1"), (4, "BAD2"), (5, "BAD3"), (6, "OK1"), (7, "BAD4"), (8, "BAD5")]
    messages = [p.message for p in pv.problems]
    assert "negativo" in messages[0] and "motivo de isenção" in messages[1]
    assert "dígito de controlo" in messages[2] and "já vem na linha 2" in messages[3]
    assert "já é do produto PAO01" in messages[4] and "tem 8 colunas" in messages[5]
    with pytest.raises(ValidationError, match=r"Nada foi importado: 6 linha\(s\) com "
                                              r"problemas; a primeira, linha 3 \(BAD1\)"):
        app.import_products(path, user="gerente")
    assert app.product_page("OK").total == 0
    result = app.import_products(path, only_valid=True, user="gerente")
    assert (result.new, len(result.skipped)) == (2, 6)
    assert {p.code for p in app.product_page("OK").items} == {"OK1", "OK2"}


def test_a_sold_products_description_is_refused_in_the_file_too(normal_app, tmp_path):
    app = normal_app
    app.sell_items([("PAO01", 1)], payments=(("NU", None),), user="caixa1")
    path = write(tmp_path, "code;name;price;vat\nPAO01;Pão de forma grande;1,89;RED\n"
                           "PAO02;Papo-seco grande;0,18;RED\n")
    pv = app.preview_product_import(path)
    assert [(p.code, "Despacho 8632/2014" in p.message) for p in pv.problems] == [
        ("PAO01", True)]
    assert pv.changed == 1                        # PAO02 was never sold outside training


def test_absent_columns_keep_values_empty_cells_empty_them_and_a_barcode_may_move(app,
                                                                                  tmp_path):
    old = ean13("560000000000")
    path = write(tmp_path, f"code\tname\tprice\tvat\tbarcode\n"
                           f"PAO01\tPão de forma\t1.89\tRED\t\n"
                           f"PAO02\tPapo-seco\t0.18\tRED\t{old}\n")
    result = app.import_products(path, user="gerente")
    assert result.changed == 2
    p1, p2 = app.product_info("PAO01"), app.product_info("PAO02")
    assert (p1.barcode, p1.category, p1.unit) == (None, "Padaria", "UN")
    assert p2.barcode == old


def test_files_in_windows_1252_with_commas_are_read(app, tmp_path):
    path = write(tmp_path, 'code,name,price,vat,active\nX1,"Açúcar, 1 kg",1.15,NOR,não\n',
                 encoding="cp1252")
    pv = app.preview_product_import(path)
    assert (pv.encoding, pv.delimiter, pv.new) == ("Windows-1252", ",", 1)
    app.import_products(path, user="gerente")
    info = app.product_info("X1")
    assert (info.name, info.active) == ("Açúcar, 1 kg", False)


@pytest.mark.parametrize("text,sentence", [
    ("", "está vazio"),
    ("code;name;price\nX;Y;1\n", "Faltam colunas no cabeçalho: vat"),
    ("code;name;price;vat;colour\n", "Coluna desconhecida no cabeçalho: 'colour'"),
    ("code;name;price;vat;code\n", "aparece duas vezes"),
    ("code;name;price;vat\nX1;Nul\x00;1;NOR\n", "bytes nulos"),
])
def test_unreadable_files_are_refused_in_one_sentence(app, tmp_path, text, sentence):
    with pytest.raises(ValidationError, match=sentence):
        app.preview_product_import(write(tmp_path, text))


def test_a_missing_file_is_one_sentence(app, tmp_path):
    with pytest.raises(ValidationError, match="Não foi possível ler"):
        app.import_products(str(tmp_path / "nao-existe.csv"), user="gerente")


def test_progress_is_reported_and_returning_false_cancels_with_nothing_written(app,
                                                                               tmp_path):
    rows = "".join(f"N{i:05d};Produto {i};1,00;NOR\n" for i in range(2500))
    path = write(tmp_path, "code;name;price;vat\n" + rows)
    seen = []
    app.preview_product_import(path, lambda stage, done, total: seen.append((stage, done,
                                                                             total)))
    assert ("reading", 1000, 2500) in seen and ("checking", 2500, 2500) in seen

    def cancel(stage, done, total):
        return stage != "writing"
    with pytest.raises(ValidationError, match="Importação cancelada: nada foi gravado"):
        app.import_products(path, user="gerente", progress=cancel)
    assert app.product_page("N0").total == 0


def test_export_reads_back_unchanged_and_never_leaves_half_a_file(app, tmp_path):
    out = tmp_path / "catalogo.csv"
    assert app.export_products(str(out)) == 34
    assert out.read_bytes().startswith(b"\xef\xbb\xbfcode;name;price;vat")
    pv = app.preview_product_import(str(out))
    assert (pv.rows, pv.unchanged, pv.problems) == (34, 34, ())
    with pytest.raises(ValidationError, match="Não foi possível escrever"):
        app.export_products(str(tmp_path / "no-such-dir" / "x.csv"))
    assert list(tmp_path.glob(".*partial")) == []


def test_cashiers_cannot_import(app, tmp_path):
    with pytest.raises(ValidationError, match="back office"):
        app.import_products(write(tmp_path, GOOD), user="caixa1")
