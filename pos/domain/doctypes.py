"""Document types Caixa issues, their SAF-T table and AT series class."""

from dataclasses import dataclass

from .errors import ValidationError
from .text import brief


@dataclass(frozen=True)
class DocType:
    code: str
    name: str
    saft_table: str   # SalesInvoices | MovementOfGoods | WorkingDocuments | Payments
    at_class: str     # SI | MG | WD | PY (series webservice classeDoc)

    @property
    def signed(self) -> bool:
        # D8632 §1.5: everything with external effect is signed except receipts.
        return self.saft_table != "Payments"

    @property
    def is_invoice(self) -> bool:
        return self.saft_table == "SalesInvoices"

    @property
    def is_credit(self) -> bool:
        """Amounts go on the Debit side in SAF-T (they reduce sales)."""
        return self.code == "NC"


DOC_TYPES: dict[str, DocType] = {t.code: t for t in (
    DocType("FT", "Fatura", "SalesInvoices", "SI"),
    DocType("FS", "Fatura simplificada", "SalesInvoices", "SI"),
    DocType("FR", "Fatura-recibo", "SalesInvoices", "SI"),
    DocType("NC", "Nota de crédito", "SalesInvoices", "SI"),
    DocType("ND", "Nota de débito", "SalesInvoices", "SI"),
    DocType("GR", "Guia de remessa", "MovementOfGoods", "MG"),
    DocType("GT", "Guia de transporte", "MovementOfGoods", "MG"),
    DocType("GA", "Guia de movimentação de ativos próprios", "MovementOfGoods", "MG"),
    DocType("GC", "Guia de consignação", "MovementOfGoods", "MG"),
    DocType("GD", "Guia ou nota de devolução", "MovementOfGoods", "MG"),
    DocType("OR", "Orçamento", "WorkingDocuments", "WD"),
    DocType("PF", "Fatura pró-forma", "WorkingDocuments", "WD"),
    DocType("CM", "Consulta de mesa", "WorkingDocuments", "WD"),
    DocType("RG", "Recibo", "Payments", "PY"),
)}


def doc_type(code: str) -> DocType:
    try:
        return DOC_TYPES[code.upper()]
    except KeyError:
        known = ", ".join(DOC_TYPES)
        raise ValidationError(f"Tipo de documento desconhecido: {brief(code)} (use {known}).") \
            from None
