"""A customer from what was typed at the till or on the command line."""

from . import text
from .country import country_code
from .documents import Customer
from .nif import CONSUMIDOR_FINAL_NAME, CONSUMIDOR_FINAL_NIF, validate_nif
from .tax_ids import split_tax_id


def make_customer(nif: str | None, name: str | None = None, address: str = "",
                  city: str = "", postal_code: str = "", country: str | None = None
                  ) -> Customer:
    """A customer from what the cashier typed; no NIF means 'Consumidor final'.

    The tax number is stored without its country prefix (Portaria 302/2016 2.2.3, QR field
    B), the country in its own field; ``country`` None lets a prefix say which country it is
    (no prefix: Portugal). See pos.domain.tax_ids. Every field goes through the domain's
    text rules (no control or bidi characters, the SAF-T lengths) and the country must be
    one SAF-T knows.
    """
    name = text.CUSTOMER_NAME(name)
    address = text.CUSTOMER_ADDRESS(address)
    city = text.CUSTOMER_CITY(city)
    postal_code = text.CUSTOMER_POSTAL_CODE(postal_code)
    country = country_code(country) if country else None
    nif = text.check_text(nif, "o NIF do cliente", text.CUSTOMER_TAX_ID.limit, required=False)
    if not nif or nif == CONSUMIDOR_FINAL_NIF:
        return Customer(CONSUMIDOR_FINAL_NIF, name or CONSUMIDOR_FINAL_NAME, address, city,
                        postal_code, country or "PT")
    nif, country = split_tax_id(nif, country)
    if country == "PT":
        nif = validate_nif(nif)
    return Customer(nif, name or "Cliente", address, city, postal_code, country)
