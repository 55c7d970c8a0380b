"""Which document the sale becomes, and the sentence that tells the cashier why.

Follows ``pos.domain.rules``: a simplified invoice (FS) by default; FR when the customer
gives name and address; FS is refused above its limit (1000 € of goods to consumers, 100 €
when services are sold, CIVA art. 40.º), which forces FR/FT with name and address.
"""

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from pos.domain.documents import Customer, PricedLine
from pos.domain.money import fmt_eur
from pos.domain.rules import fs_limit, suggested_type

translate = QCoreApplication.translate

INVOICES = ("FR", "FT")


@dataclass(frozen=True)
class Decision:
    doc_type: str
    reason: str              # default | nif | customer | over_limit | chosen
    limit: Decimal
    services: bool           # the lower (services) limit applies
    fs_allowed: bool

    @property
    def needs_name_address(self) -> bool:
        return self.doc_type in INVOICES

    @property
    def takes_payment(self) -> bool:
        return self.doc_type != "FT"


def decide(gross: Decimal, lines: tuple[PricedLine, ...], customer: Customer,
           wanted: str | None = None) -> Decision:
    limit = fs_limit(lines)
    services = any(ln.product_type == "S" for ln in lines)
    over = gross > limit
    if over:
        doc_type = wanted if wanted in INVOICES else "FR"
        return Decision(doc_type, "over_limit", limit, services, False)
    if wanted in INVOICES:
        return Decision(wanted, "chosen", limit, services, True)
    doc_type = "FS" if wanted == "FS" else suggested_type(gross, lines, customer)
    if doc_type == "FR":
        return Decision("FR", "customer", limit, services, True)
    reason = "default" if customer.is_final_consumer else "nif"
    return Decision("FS", reason, limit, services, True)


def doc_reason(d: Decision) -> str:
    """The sentence telling the cashier which document this is and why."""
    limit = fmt_eur(d.limit)
    kind = translate("DocType", "com serviços") if d.services else translate("DocType", "bens")
    names = {"FS": translate("DocType", "Fatura simplificada"),
             "FR": translate("DocType", "Fatura-recibo"),
             "FT": translate("DocType", "Fatura (a pagar depois)")}
    why = {
        "default": translate("DocType", "consumidor final, até %1 (%2)."),
        "nif": translate("DocType", "com o NIF do cliente, até %1 (%2)."),
        "customer": translate("DocType", "o cliente deu nome e morada."),
        "over_limit": translate("DocType", "obrigatória: o total passa %1, o limite da fatura "
                              "simplificada (%2). Nome e morada do cliente são precisos."),
        "chosen": translate("DocType", "pedida pelo cliente: nome e morada são precisos."),
    }[d.reason]
    return f"{d.doc_type} · {names[d.doc_type]}: " + why.replace("%1", limit).replace("%2", kind)
