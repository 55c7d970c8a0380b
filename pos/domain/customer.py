"""A customer from what was typed at the till or on the command line."""

from .documents import Customer
from .errors import ValidationError
from .nif import CONSUMIDOR_FINAL_NAME, CONSUMIDOR_FINAL_NIF, validate_nif


def make_customer(nif: str | None, name: str | None = None, address: str = "",
                  city: str = "", postal_code: str = "", country: str = "PT") -> Customer:
    """A customer from what the cashier typed; no NIF means 'Consumidor final'."""
    if name is not None and len(name) > 100:
        raise ValidationError("O nome do cliente tem no máximo 100 caracteres.")
    if len(address) > 200:
        raise ValidationError("A morada do cliente tem no máximo 200 caracteres.")
    if not nif or nif == CONSUMIDOR_FINAL_NIF:
        return Customer(CONSUMIDOR_FINAL_NIF, name or CONSUMIDOR_FINAL_NAME, address, city,
                        postal_code, country)
    country = country.upper()
    if country == "PT":
        nif = validate_nif(nif)
    elif len(nif) > 30 or len(country) != 2 or not country.isalpha():
        raise ValidationError("Cliente estrangeiro: NIF até 30 caracteres e país com 2 letras.")
    return Customer(nif, name or "Cliente", address, city, postal_code, country)
