"""Foreign tax numbers: the country prefix comes off once, at entry (Portaria 302/2016 2.2.3)."""

import pytest

from pos.domain.customer import make_customer
from pos.domain.errors import ValidationError
from pos.domain.tax_ids import split_tax_id


@pytest.mark.parametrize("raw, country, expected", [
    ("ESB12345678", "ES", ("B12345678", "ES")),
    ("ESB12345678", None, ("B12345678", "ES")),       # the prefix names the country
    ("B12345678", "ES", ("B12345678", "ES")),
    ("es b-1234567.8", None, ("B12345678", "ES")),   # spaces, dots, hyphens, lower case
    ("FR12345678901", "FR", ("12345678901", "FR")),
    ("ATU12345678", None, ("U12345678", "AT")),
    ("NL123456789B01", "nl", ("123456789B01", "NL")),
    ("EL123456789", None, ("123456789", "GR")),      # Greece is EL in VIES
    ("GR123456789", "GR", ("123456789", "GR")),
    ("XI123456789", None, ("123456789", "GB")),      # Northern Ireland
    ("DE123456789", "DE", ("123456789", "DE")),
    ("PT123456789", None, ("123456789", "PT")),
    ("123456789", None, ("123456789", "PT")),
    ("BR12345678000195", "BR", ("12345678000195", "BR")),   # outside VIES: own code + digit
    ("CHE123456789", "CH", ("CHE123456789", "CH")),   # 'CHE' belongs to the Swiss UID
    ("FRA850101AB1", "MX", ("FRA850101AB1", "MX")),   # a Mexican RFC, not a French number
])
def test_prefix_comes_off_only_when_it_is_one(raw, country, expected):
    assert split_tax_id(raw, country) == expected


@pytest.mark.parametrize("raw, country, words", [
    ("ESB12345678", "FR", ("prefixo de ES", "país do cliente é FR")),
    ("FR12345678901", "PT", ("prefixo de FR",)),
    ("PT123456789", "ES", ("prefixo de PT",)),
    ("B1234\x015678", "ES", ("só letras e algarismos",)),
    ("Ñ12345678", "ES", ("só letras e algarismos",)),
    ("B12345678", "Espanha", ("País do cliente inválido",)),
    ("X" * 31, "ES", ("mais de 30",)),
])
def test_disagreeing_or_malformed_numbers_are_refused(raw, country, words):
    with pytest.raises(ValidationError) as exc:
        split_tax_id(raw, country)
    assert all(w in str(exc.value) for w in words), str(exc.value)


def test_make_customer_stores_the_number_without_prefix():
    c = make_customer("ESB12345678", "Cliente SL", "Calle 1", "Madrid", "28001")
    assert (c.nif, c.country) == ("B12345678", "ES")
    pt = make_customer("PT 123 456 789", "Cliente")
    assert (pt.nif, pt.country) == ("123456789", "PT")
    with pytest.raises(ValidationError, match="NIF inválido"):
        make_customer("PT123456780", "Cliente")           # wrong check digit, still checked
    with pytest.raises(ValidationError, match="prefixo de ES"):
        make_customer("ESB12345678", "Cliente", country="PT")
    assert make_customer(None, country="es").country == "ES"
