"""A customer from what was typed at the till or on the command line."""

from .documents import Customer
from .errors import ValidationError
from .nif import CONSUMIDOR_FINAL_NAME, CONSUMIDOR_FINAL_NIF, validate_nif
from .tax_ids import split_tax_id


def make_customer(nif: str | None, name: str | None = None, address: str = "",
                  city: str = "", postal_code: str = "", country: str | None = None
                  ) -> Customer:
    """A customer from what the cashier typed; no NIF means 'Consumidor final'.

    The tax number is stored without its country prefix (Portaria 302/2016 2.2.3, QR field
    B), the country in its own field; ``country`` None lets a prefix say which country it is
    (no prefix: Portugal). See pos.domain.tax_ids.
    """
    if name is not None and len(name) > 100:
        raise ValidationError("O nome do cliente tem no máximo 100 caracteres.")
    if len(address) > 200:
        raise ValidationError("A morada do cliente tem no máximo 200 caracteres.")
    if not nif or nif == CONSUMIDOR_FINAL_NIF:
        return Customer(CONSUMIDOR_FINAL_NIF, name or CONSUMIDOR_FINAL_NAME, address, city,
                        postal_code, (country or "PT").upper())
    nif, country = split_tax_id(nif, country)
    if country == "PT":
        nif = validate_nif(nif)
    return Customer(nif, name or "Cliente", address, city, postal_code, country)
