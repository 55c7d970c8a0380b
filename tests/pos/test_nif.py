import pytest

from pos.domain.errors import ValidationError
from pos.domain.nif import is_valid_nif, validate_nif


@pytest.mark.parametrize("nif", ["999999990", "599999993", "123456789", "500000000",
                                 "451234561"])
def test_valid_nifs_from_fiscal_pt(nif):
    assert is_valid_nif(nif)


@pytest.mark.parametrize("nif", ["123456780", "12345678", "1234567890", "abcdefghi",
                                 "400000000", "000000000", ""])
def test_invalid_nifs(nif):
    assert not is_valid_nif(nif)


def test_validate_strips_pt_prefix_and_spaces():
    assert validate_nif("PT 123 456 789") == "123456789"


def test_validate_gives_a_message_a_cashier_understands():
    with pytest.raises(ValidationError, match="NIF inválido"):
        validate_nif("123456780")
