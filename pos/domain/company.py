"""The issuer of documents, as printed and exported."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Issuer:
    nif: str
    name: str
    address: str
    city: str
    postal_code: str
    country: str = "PT"
    tax_region: str = "PT"
    business_name: str = ""
    establishment: str = "Global"
    phone: str = ""
    email: str = ""
    certificate_number: str = "0000"
    software: str = "Caixa"
    producer_nif: str = ""     # the software producer, shown on training documents (§1.5)
