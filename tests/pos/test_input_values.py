"""The domain's value types at the boundary: numbers, text, customers (issue 13).

Whatever comes in, the answer is a clean value or one ValidationError sentence that never
echoes a huge input back whole.
"""

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.domain import text
from pos.domain.country import country_code
from pos.domain.customer import make_customer
from pos.domain.errors import ValidationError
from pos.domain.manual import parse_invoice_no, parse_manual_number, validate_manual_series
from pos.domain.money import to_decimal
from pos.domain.nif import validate_nif
from pos.domain.numbers import MAX_INT, whole_number
from pos.domain.series import validate_validation_code

HUGE = "x" * 10_000
MAX_MESSAGE = 250


def _sentence(exc: ValidationError) -> str:
    message = str(exc)
    assert "\n" not in message and len(message) < MAX_MESSAGE, message
    return message


# ---- numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["1e30", "1e27", "1e999999999", "-1e999999999",
                                 "1234567890123456", "0.1234567890123456", "NaN", "sNaN",
                                 "inf", "-Infinity", "abc", "1e", "", " ", "1_000", HUGE,
                                 "9" * 5000])
def test_to_decimal_refuses_extremes_with_one_sentence(raw):
    with pytest.raises(ValidationError) as err:
        to_decimal(raw, "quantidade")
    assert HUGE[:100] not in _sentence(err.value)


@pytest.mark.parametrize("raw, value", [("2", Decimal(2)), ("1,5", Decimal("1.5")),
                                        ("999999999", Decimal(999999999)),
                                        ("0.000001", Decimal("0.000001")),
                                        ("1.50000000", Decimal("1.5")), ("-0", Decimal(0)),
                                        ("0e-999999", Decimal(0)), ("1E+2", Decimal(100))])
def test_to_decimal_keeps_ordinary_values(raw, value):
    assert to_decimal(raw) == value


def test_to_decimal_bounds_decimals_given_as_values_too():
    with pytest.raises(ValidationError):
        to_decimal(Decimal("1e30"))
    with pytest.raises(TypeError):
        to_decimal(1.5)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), st.decimals(allow_nan=True, allow_infinity=True),
                 st.integers(), st.from_regex(r"-?[0-9]{0,30}([.,][0-9]{0,30})?(e-?[0-9]{1,12})?",
                                              fullmatch=True)))
def test_to_decimal_gives_a_bounded_decimal_or_one_sentence(raw):
    try:
        d = to_decimal(raw)
    except ValidationError as exc:
        _sentence(exc)
        return
    assert d.is_finite() and abs(d) < Decimal("1e9")
    assert d.as_tuple().exponent >= -6
    # Every later step (qty × price to the cent, the 40-character column) stays exact.
    assert len(format((d * d).quantize(Decimal("0.01")), "f")) <= 40


@pytest.mark.parametrize("raw", ["0", "-1", str(MAX_INT + 1), "9" * 25, "9" * 5000, "²", "٣",
                                 "1.0", "", "abc", True])
def test_whole_numbers_stay_within_every_integer_column(raw):
    with pytest.raises(ValidationError) as err:
        whole_number(raw, "o número")
    assert "9" * 100 not in _sentence(err.value)


def test_whole_number_accepts_the_range():
    assert whole_number(" 7 ", "o número") == 7
    assert whole_number(str(MAX_INT), "o número") == MAX_INT
    assert whole_number("-3", "o ajuste", low=-5) == -3


# ---- text ------------------------------------------------------------------------------

REFUSED = ["\x1b", "\x00", "\x07", "\n", "\r", "\t", "\x7f", "\x85", "\x9b", "\u202a",
           "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
           "\u200e", "\u200f", "\u061c", "\u2028", "\u2029", "\ufeff", "\udce9", "\ue000",
           "\uffff"]


@pytest.mark.parametrize("bad", REFUSED)
def test_text_refuses_control_bidi_and_invisible_characters(bad):
    with pytest.raises(ValidationError) as err:
        text.CUSTOMER_NAME(f"Evil{bad}p0")
    message = _sentence(err.value)
    assert bad not in message and "nome do cliente" in message


@pytest.mark.parametrize("good", ["Café Ribeiro, Lda.", "Zoë O'Brien-Müller", "Ανδρέας",
                                  "محمد", "👩\u200d🍳 Cozinha", "São\u00a0João"])
def test_text_accepts_what_people_write(good):
    assert text.CUSTOMER_NAME(good) == unicodedata.normalize("NFC", good)


def test_text_lengths_and_required_values():
    with pytest.raises(ValidationError, match="no máximo 50 caracteres") as err:
        text.CUSTOMER_CITY("L" * 10_000)
    assert "L" * 60 not in str(err.value)
    with pytest.raises(ValidationError, match="no máximo 30"):
        text.USER("u" * 31)
    with pytest.raises(ValidationError, match="Indique o utilizador"):
        text.USER("   ")
    assert text.USER(" caixa1 ") == "caixa1"
    assert text.CUSTOMER_ADDRESS("") == ""
    # NFC: a decomposed 'é' counts as one character, as it is stored and exported.
    assert text.check_text("Cafe\u0301", "o nome", 4) == "Café"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_clean_value_or_one_sentence(raw):
    try:
        value = text.REASON(raw)
    except ValidationError as exc:
        assert raw[:60] not in str(exc) or len(raw) < 40
        _sentence(exc)
        return
    assert 1 <= len(value) <= 50
    assert not any(text.refused(ch) for ch in value)


def test_brief_keeps_short_visible_values_as_typed():
    assert text.brief("FS A/1") == "FS A/1"
    assert text.brief("a\x1bb") == "'a\\x1bb'"
    assert len(text.brief("F" * 3000)) < 70


def test_shown_cuts_long_values_and_escapes_controls():
    assert text.shown("ab") == "'ab'"
    assert text.shown("a\x1bb") == "'a\\x1bb'"
    cut = text.shown(HUGE)
    assert len(cut) < 70 and "10000 caracteres" in cut


# ---- values built from several fields ---------------------------------------------------

@pytest.mark.parametrize("kwargs, message", [
    (dict(name="Evil\x1bp0\x19"), "controlo"),
    (dict(name="Cliente\u202eadlo"), "direção"),
    (dict(name="Caf\udce9"), "UTF-8"),
    (dict(address="Rua\nFalsa"), "morada"),
    (dict(city="C" * 10_000), "localidade"),
    (dict(postal_code="1" * 10_000), "código postal"),
    (dict(country="XX"), "País"),
    (dict(country="P\x1bT"), "país"),
    (dict(nif="B\x1b123", country="ES"), "NIF"),
    (dict(nif="B" * 31, country="ES"), "NIF"),
    (dict(nif="١٢٣٤٥٦٧٨٩"), "NIF|contribuinte"),
])
def test_customers_refuse_hostile_fields(kwargs, message):
    args = dict(nif="123456789", name="Cliente", address="Rua A", city="Lisboa",
                postal_code="1000-001", country="PT")
    args.update(kwargs)
    with pytest.raises(ValidationError, match=message) as err:
        make_customer(**args)
    _sentence(err.value)


def test_customers_keep_what_the_cashier_typed():
    c = make_customer("B12345678", " Cliente Español ", "Calle Mayor, 5", "Madrid", "28013",
                      "es")
    assert (c.nif, c.name, c.country) == ("B12345678", "Cliente Español", "ES")
    assert make_customer(None).name == "Consumidor final"


@pytest.mark.parametrize("call", [
    lambda: validate_nif(HUGE),
    lambda: validate_manual_series("a\x1bb"),
    lambda: validate_manual_series("a\u202eb"),
    lambda: validate_manual_series(HUGE),
    lambda: parse_manual_number("9" * 20),
    lambda: parse_invoice_no("FT A\x1b/1"),
    lambda: parse_invoice_no("FT A/" + "9" * 9000),
    lambda: validate_validation_code("A" * 10_000),
    lambda: country_code(HUGE),
])
def test_domain_parsers_refuse_with_a_short_sentence(call):
    with pytest.raises(ValidationError) as err:
        call()
    _sentence(err.value)


def test_users_and_cash_movements_follow_the_text_rules(app):
    from pos.services import users

    with app.unit(write=True) as uow, pytest.raises(ValidationError, match="controlo"):
        users.add(uow, "novo\x1b", "Novo", "cashier", "1234")
    with app.unit(write=True) as uow, pytest.raises(ValidationError, match="nome do utilizador"):
        users.add(uow, "novo", "N" * 61, "cashier", "1234")
    session = app.open_session("caixa1", 0)
    with pytest.raises(ValidationError, match="direção"):
        app.cash_movement(session.id, "caixa1", "drawer", reason="troco\u202e")


@pytest.mark.parametrize("kwargs, words", [
    (dict(name="Pão\x1bp0"), "descrição"), (dict(code="P\u202e1"), "código do produto"),
    (dict(barcode="5601\x00"), "barras"), (dict(category="C" * 41), "categoria"),
    (dict(price="1e30"), "grande")])
def test_catalogue_entries_follow_the_text_rules(app, kwargs, words):
    from pos.services import catalogue

    args = dict(code="NOVO1", name="Produto novo", price="1.00", tax_code="NOR")
    args.update(kwargs)
    with app.unit(write=True) as uow, pytest.raises(ValidationError, match=words):
        catalogue.add(uow, **args)
