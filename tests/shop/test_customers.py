"""The customer file: search, add, edit with the rules, foreign customers."""

from decimal import Decimal

import pytest

from pos.domain.customer import make_customer
from pos.domain.errors import NotFoundError, ValidationError


def test_a_portuguese_and_a_foreign_customer_are_added_and_found(app):
    pt = app.add_customer(" 123 456 789 ", "Cliente Lda", "Rua A, 1", "Porto", "4000-001",
                          user="gerente")
    es = app.add_customer("ESB12345678", "Cliente SL", "Calle Mayor 1", "Madrid", "28001",
                          user="gerente")
    assert (pt.nif, pt.country, pt.locked) == ("123456789", "PT", False)
    assert (es.nif, es.country) == ("B12345678", "ES")
    fr = app.add_customer("12345678901", "Client SARL", country="fr", user="gerente")
    assert (fr.nif, fr.country) == ("12345678901", "FR")
    assert [c.name for c in app.customer_page("cliente").items] == ["Cliente Lda",
                                                                     "Cliente SL"]
    assert [c.nif for c in app.customer_page("1234").items] == ["12345678901", "123456789"]
    assert app.customer_page("madrid").total == 1
    assert app.customer("123456789").name == "Cliente Lda"     # what the till reads


@pytest.mark.parametrize("kwargs,sentence", [
    (dict(nif="123456780", name="X Lda"), "dígito de controlo"),
    (dict(nif="", name="X Lda"), "Indique o número de contribuinte"),
    (dict(nif="999999990", name="X Lda"), "Indique o número de contribuinte"),
    (dict(nif="123456789", name="X"), "pelo menos 2"),
    (dict(nif="123456789", name="X Lda", postal_code="1100"), "Código postal inválido"),
    (dict(nif="123456789", name="X Lda", address="Rua\nB"), "carácter de controlo"),
    (dict(nif="ESB12345678", name="X SL", country="FR"), "prefixo de ES"),
    (dict(nif="123456789", name="X Lda", country="Portugal"), "País do cliente inválido"),
])
def test_bad_customers_are_refused_and_nothing_is_added(app, kwargs, sentence):
    with pytest.raises(ValidationError, match=sentence):
        app.add_customer(**kwargs, user="gerente")
    assert app.customer_page().total == 0


def test_the_same_tax_number_twice_is_refused(app):
    app.add_customer("123456789", "Cliente Lda", user="gerente")
    with pytest.raises(ValidationError, match="Já existe o cliente PT 123456789"):
        app.add_customer("PT123456789", "Outro nome", user="gerente")
    assert app.add_customer("123456789", "Mesmo número, outro país", country="BR",
                            user="gerente").country == "BR"


def test_once_invoiced_the_tax_number_and_name_are_fixed_but_the_address_is_not(normal_app):
    app = normal_app
    c = app.add_customer("123456789", "Cliente Lda", "Rua A, 1", "Lisboa", "1100-585",
                         user="gerente")
    app.update_customer(c.id, name="Cliente Limitada", user="gerente")    # no documents yet
    app.sell_items([("MER02", Decimal(2))], "FT",
                   make_customer("123456789", "Cliente Limitada", "Rua A, 1", "Lisboa",
                                 "1100-585"), user="caixa1")
    info = app.customer_info(c.id)
    assert info.documents == 1 and info.locked
    with pytest.raises(ValidationError, match="o número de contribuinte e o nome não podem "
                                              "mudar"):
        app.update_customer(c.id, name="Outro Nome", user="gerente")
    with pytest.raises(ValidationError, match="não podem mudar"):
        app.update_customer(c.id, nif="500000000", user="gerente")
    moved = app.update_customer(c.id, address="Rua B, 2", city="Porto",
                                postal_code="4000-001", user="gerente")
    assert (moved.address, moved.city) == ("Rua B, 2", "Porto")
    assert app.document(app.documents(1)[0].document_no).customer.address == "Rua A, 1"
    with pytest.raises(ValidationError, match="a ficha fica"):
        app.remove_customer(c.id, user="gerente")


def test_a_customer_never_invoiced_is_removed_and_cashiers_cannot(app):
    c = app.add_customer("123456789", "Cliente Lda", user="gerente")
    with pytest.raises(ValidationError, match="back office"):
        app.remove_customer(c.id, user="caixa1")
    app.remove_customer(c.id, user="gerente")
    with pytest.raises(NotFoundError):
        app.customer_info(c.id)
