"""Products and categories in the back office: every rule and refusal, on a real file."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.domain.errors import NotFoundError, ValidationError
from pos.persistence.models import AuditEvent


def audit(app, kind):
    with app.unit(write=False) as uow:
        return uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.kind == kind).order_by(AuditEvent.id)).all()


def test_a_manager_adds_a_product_that_sells_at_its_price(normal_app):
    app = normal_app
    p = app.add_product("QJ01", "Queijo da Serra", "12.90", "red", unit="kg",
                        barcode="2100023000006", category="Queijos", user="gerente")
    assert (p.price, p.tax_code, p.vat_rate, p.unit, p.weighed, p.sold) == (
        Decimal("12.90"), "RED", Decimal("6"), "KG", True, False)
    assert "Queijos" in [c.name for c in app.category_list()]
    doc = app.sell_items([("QJ01", Decimal("0.750"))], payments=(("NU", None),),
                         user="caixa1")
    assert doc.totals.gross == Decimal("9.68")
    assert app.product_info("QJ01").sold is True
    assert audit(app, "product_added") == ["QJ01 12.90 RED"]


@pytest.mark.parametrize("kwargs,sentence", [
    (dict(code="", name="Pão", price="1", tax_code="RED"), "Indique o código do produto"),
    (dict(code="A B", name="Pão", price="1", tax_code="RED"), "código do produto inválido"),
    (dict(code="X1", name="P", price="1", tax_code="RED"), "pelo menos 2"),
    (dict(code="X1", name="x" * 201, price="1", tax_code="RED"), "no máximo 200"),
    (dict(code="X1", name="Pão\x07", price="1", tax_code="RED"), "carácter de controlo"),
    (dict(code="X1", name="Pão", price="-1", tax_code="RED"), "não pode ser negativo"),
    (dict(code="X1", name="Pão", price="1.23456", tax_code="RED"), "4 casas decimais"),
    (dict(code="X1", name="Pão", price="1e9", tax_code="RED"), "demasiado grande"),
    (dict(code="X1", name="Pão", price="abc", tax_code="RED"), "preço inválido"),
    (dict(code="X1", name="Pão", price="1", tax_code="XXX"), "Código de IVA desconhecido"),
    (dict(code="X1", name="Pão", price="1", tax_code="ISE"), "precisa do motivo"),
    (dict(code="X1", name="Pão", price="1", tax_code="ISE", exemption_code="M77"),
     "Motivo de isenção desconhecido"),
    (dict(code="X1", name="Pão", price="1", tax_code="NOR", exemption_code="M07"),
     "Só produtos isentos"),
    (dict(code="X1", name="Pão", price="1", tax_code="NOR", unit="KM"), "Unidade desconhecido"),
    (dict(code="X1", name="Pão", price="1", tax_code="NOR", barcode="5601234567890"),
     "dígito de controlo errado"),
    (dict(code="PAO01", name="Pão", price="1", tax_code="RED"), "Já existe um produto"),
    (dict(code="X1", name="Pão", price="1", tax_code="RED", barcode="5600000000007"),
     "já é do produto PAO01"),
    (dict(code="X1", name="Pão", price="1", tax_code="RED", category="c" * 41),
     "categoria tem no máximo 40"),
])
def test_bad_products_are_refused_in_one_sentence_and_nothing_changes(app, kwargs, sentence):
    before = app.product_page(limit=1000)
    with pytest.raises(ValidationError, match=sentence):
        app.add_product(**kwargs, user="admin")
    assert app.product_page(limit=1000) == before


def test_only_the_back_office_roles_change_the_catalogue(app):
    with pytest.raises(ValidationError, match="não pode entrar no back office"):
        app.add_product("X1", "Pão", "1", "RED", user="caixa1")
    with pytest.raises(ValidationError, match="não pode entrar no back office"):
        app.update_product("PAO01", price="2", user="caixa1")


def test_prices_vat_barcodes_and_categories_change_but_a_sold_description_does_not(app):
    app.sell_items([("PAO01", 1)], payments=(("NU", None),), user="caixa1")   # training
    p = app.update_product("PAO01", name="Pão de forma grande", user="gerente")
    assert p.name == "Pão de forma grande"          # training sales do not count
    app.set_training_mode(False)
    app.add_series("FS", "A2026", "ATCFS2026X")
    app.sell_items([("PAO01", 1)], payments=(("NU", None),), user="caixa1")
    with pytest.raises(ValidationError, match=r"não pode mudar: o produto já foi vendido e a "
                                              r"lei não o permite \(Despacho 8632/2014"):
        app.update_product("PAO01", name="Pão de forma", user="gerente")
    with pytest.raises(ValidationError, match="O tipo de PAO01 não pode mudar"):
        app.update_product("PAO01", product_type="S", user="gerente")
    p = app.update_product("PAO01", price="2.05", tax_code="ISE", exemption_code="M07",
                           barcode="", category="Pão", user="gerente")
    assert (p.price, p.tax_code, p.exemption_code, p.barcode, p.category) == (
        Decimal("2.05"), "ISE", "M07", None, "Pão")
    p = app.update_product("PAO01", tax_code="RED", user="gerente")
    assert (p.tax_code, p.exemption_code) == ("RED", None)
    assert audit(app, "product_changed")[1].startswith("PAO01: price 1.89 -> 2.05")
    with pytest.raises(ValidationError, match="não pode ser apagado: desative-o"):
        app.remove_product("PAO01", user="gerente")
    assert app.update_product("PAO01", active=False, user="gerente").active is False
    with pytest.raises(NotFoundError):
        app.product("PAO01")                          # no longer on sale


def test_a_product_never_sold_can_be_removed(app):
    app.add_product("X1", "Coisa nova", "1", "NOR", user="admin")
    app.remove_product("X1", user="admin")
    with pytest.raises(NotFoundError):
        app.product_info("X1")
    assert audit(app, "product_removed") == ["X1"]


def test_product_pages_search_count_and_page(app):
    first = app.product_page(limit=10)
    assert first.total == 34 and len(first.items) == 10
    rest = app.product_page(offset=30, limit=10)
    assert len(rest.items) == 4
    assert {p.code for p in app.product_page("ca", limit=50).items} >= {"CAF01", "CAF02"}
    assert [p.code for p in app.product_page("5600000000007").items] == ["PAO01"]
    assert app.product_page(category="Frutas").total == 4
    app.update_product("FRU01", active=False, user="admin")
    assert app.product_page(category="Frutas").total == 3
    assert app.product_page(category="Frutas", include_inactive=True).total == 4
    with pytest.raises(ValidationError, match="Página inválida"):
        app.product_page(limit=0)


def test_categories_are_ordered_renamed_hidden_and_removed_with_rules(app):
    names = [c.name for c in app.category_list()]
    assert "Padaria" in names
    app.update_category("Bebidas", position=0 + 1, user="gerente")
    app.update_category("Padaria", new_name="Pão", user="gerente")
    assert app.product_page(category="Pão").total == 3
    assert app.categories()[0] == "Bebidas"
    app.update_category("Tabacaria", active=False, user="gerente")
    assert "Tabacaria" not in app.categories()
    with pytest.raises(ValidationError, match="tem 3 produto"):
        app.remove_category("Pão", user="gerente")
    app.add_category("Vazia", user="gerente")
    with pytest.raises(ValidationError, match="já existe"):
        app.add_category("Vazia", user="gerente")
    app.remove_category("Vazia", user="gerente")
    with pytest.raises(NotFoundError):
        app.update_category("Vazia", position=3, user="gerente")
    with pytest.raises(ValidationError, match="já existe"):
        app.update_category("Pão", new_name="Bebidas", user="gerente")


def test_a_product_form_is_offered_the_rates_of_the_region_and_day(app):
    from datetime import date
    c = app.catalogue_choices()
    assert c.region == "PT" and ("NOR", "Taxa normal", Decimal(23)) in c.rates
    assert ("PT-MA", "RED", Decimal(4)) in c.all_rates
    assert ("PT-MA", "RED", Decimal(5)) in app.catalogue_choices(date(2024, 9, 30)).all_rates
    assert ("M07", "Isento artigo 9.º do CIVA", "Artigo 9.º do CIVA") in c.exemptions
    assert ("KG", "quilograma (pesado)") in c.units and ("S", "Serviço") in c.product_types
