"""Rules that decide whether a document may be issued as asked (FISCAL-PT §1.6, §10)."""

from datetime import date
from decimal import Decimal

from .documents import Customer, PricedLine
from .errors import ClockError, ValidationError

FS_LIMIT_GOODS = Decimal("1000.00")     # CIVA art. 40.º n.º 1 a): retail to consumers
FS_LIMIT_OTHER = Decimal("100.00")      # CIVA art. 40.º n.º 1 b): other supplies


def fs_limit(lines: tuple[PricedLine, ...]) -> Decimal:
    return FS_LIMIT_OTHER if any(ln.product_type == "S" for ln in lines) else FS_LIMIT_GOODS


def check_invoice_type(doc_type: str, gross: Decimal, lines: tuple[PricedLine, ...],
                       customer: Customer) -> None:
    """FS only within its limits; above them FT/FR with the customer's name and address."""
    limit = fs_limit(lines)
    if doc_type == "FS" and gross > limit:
        raise ValidationError(
            f"Fatura simplificada só até {limit:.2f} € (total {gross:.2f} €). "
            "Emita fatura (FT) ou fatura-recibo (FR) com os dados do cliente.")
    if doc_type in ("FT", "FR") and gross > limit and customer.is_final_consumer:
        if not customer.name.strip() or customer.name == "Consumidor final" \
                or not customer.has_address:
            raise ValidationError(
                f"Acima de {limit:.2f} € a fatura precisa do nome e morada do cliente.")


def suggested_type(gross: Decimal, lines: tuple[PricedLine, ...], customer: Customer) -> str:
    """FS by default; FR when the customer gives data or the FS limit is exceeded."""
    if gross > fs_limit(lines) or customer.has_address:
        return "FR"
    return "FS"


def check_document_date(doc_date: date, last_doc_date: date | None, series_id: str) -> None:
    """D8632 §3.4.2: a series never goes back in date."""
    if last_doc_date is not None and doc_date < last_doc_date:
        raise ClockError(
            f"A data {doc_date.isoformat()} é anterior ao último documento da série "
            f"{series_id} ({last_doc_date.isoformat()}).")
