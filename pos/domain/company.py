"""The issuer of documents, as printed and exported."""

from dataclasses import dataclass

from .producer import CAIXA_PRODUCER, Producer


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
    # The software producer: its identity replaces the shop's on training documents (§1.5).
    producer: Producer = CAIXA_PRODUCER
