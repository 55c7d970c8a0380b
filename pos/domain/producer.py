"""Who produced the software: SAF-T ProductCompanyTaxID and ProductID, and the header of
every training document (D8632 §1.5: "the data identifying the software developer company
instead of the customer's company").

The producer is a property of the program, not of the shop that runs it: these defaults are
Caixa's, and they never come from the shop's company data. An installation can override each
field with a setting (``producer_name``, ``producer_nif``, …; see ShopSettings in
pos.persistence.repositories), for instance a reseller whose own software certificate
covers the build it installs.
"""

from dataclasses import dataclass

from .errors import ValidationError
from .nif import is_valid_nif


@dataclass(frozen=True)
class Producer:
    name: str
    nif: str
    address: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = "PT"
    product: str = "Caixa"

    @property
    def product_id(self) -> str:
        """SAF-T ProductID, 'product/producer company' (pattern [^/]+/[^/]+)."""
        return f"{self.product}/{self.name}".replace("//", "/")

    def lines(self) -> list[str]:
        """The producer's identification as printed in a training document's header."""
        place = " ".join(p for p in (self.postal_code, self.city) if p)
        return [x for x in (self.name, self.address, place, f"NIF: {self.nif}") if x]


# Caixa's producer. A certified release carries here the NIF and address registered with AT
# for its software certificate (the CN of the producer's webservice certificate, FISCAL-PT
# §5.2); until then it is this development identity, which is never a shop's.
CAIXA_PRODUCER = Producer(name="Caixa POS", nif="500000000",
                          address="Rua do Produtor de Software, 1", postal_code="1000-001",
                          city="Lisboa")

# Setting key -> Producer field.
SETTING_FIELDS = {"producer_name": "name", "producer_nif": "nif",
                  "producer_address": "address", "producer_postal_code": "postal_code",
                  "producer_city": "city", "producer_country": "country"}


def producer_from(settings: dict[str, str]) -> Producer:
    """The producer from settings (missing keys keep Caixa's values), checked."""
    values = {field: settings[key] for key, field in SETTING_FIELDS.items()
              if settings.get(key)}
    producer = Producer(**{**CAIXA_PRODUCER.__dict__, **values})
    if not is_valid_nif(producer.nif):
        raise ValidationError(f"NIF do produtor do software inválido: {producer.nif!r}.")
    if "/" in producer.name or not producer.name.strip():
        raise ValidationError("Nome do produtor do software vazio ou com '/'.")
    return producer
