"""Rows to immutable domain values and back."""

from pos.domain.complements import complements_of
from pos.domain.documents import (
    Customer,
    Document,
    LineRef,
    Payment,
    PricedLine,
    TaxSummary,
    Totals,
)
from pos.domain.money import ZERO
from pos.domain.transport import transport_of

from .models import DocumentRow, LineRow, PaymentRow


def line_to_row(line: PricedLine) -> LineRow:
    return LineRow(**line_values(line))


def line_values(line: PricedLine) -> dict:
    """Column values of a line (the hot path inserts them with one executemany)."""
    ref = line.reference
    return dict(
        line_no=line.line_no, product_code=line.product_code, description=line.description,
        product_type=line.product_type, quantity=line.quantity, unit=line.unit,
        unit_price=line.unit_price, discount=line.discount, gross_amount=line.gross_amount,
        net_amount=line.net_amount, tax_amount=line.tax_amount, tax_code=line.tax_code,
        tax_percentage=line.tax_percentage, exemption_code=line.exemption_code,
        exemption_reason=line.exemption_reason,
        ref_document_no=ref.document_no if ref else None,
        ref_line_no=ref.line_no if ref else None, ref_reason=ref.reason if ref else None)


def row_to_line(row: LineRow, region: str) -> PricedLine:
    ref = None
    if row.ref_document_no:
        ref = LineRef(row.ref_document_no, row.ref_line_no or 0, row.ref_reason or "")
    return PricedLine(
        line_no=row.line_no, product_code=row.product_code, description=row.description,
        quantity=row.quantity, unit=row.unit, unit_price=row.unit_price, discount=row.discount,
        gross_amount=row.gross_amount, net_amount=row.net_amount, tax_amount=row.tax_amount,
        tax_region=region, tax_code=row.tax_code, tax_percentage=row.tax_percentage,
        exemption_code=row.exemption_code, exemption_reason=row.exemption_reason,
        product_type=row.product_type, reference=ref)


def summarise(lines: tuple[PricedLine, ...], region: str) -> tuple[TaxSummary, ...]:
    groups: dict[tuple, list[PricedLine]] = {}
    for ln in lines:
        groups.setdefault((ln.tax_code, ln.tax_percentage, ln.exemption_code), []).append(ln)
    out = [TaxSummary(region, code, pct, exemption,
                      sum((x.net_amount for x in group), ZERO),
                      sum((x.tax_amount for x in group), ZERO))
           for (code, pct, exemption), group in groups.items()]
    out.sort(key=lambda s: (s.percentage, s.code))
    return tuple(out)


def row_to_document(row: DocumentRow) -> Document:
    lines = tuple(row_to_line(ln, row.tax_region) for ln in row.lines)
    return Document(
        id=row.id, uuid=row.uuid, doc_type=row.doc_type, series_id=row.series_id,
        series_kind=row.series_kind, number=row.number, document_no=row.document_no,
        atcud=row.atcud, invoice_date=row.invoice_date,
        system_entry_date=row.system_entry_date,
        customer=Customer(row.customer_nif, row.customer_name, row.customer_address,
                          row.customer_city, row.customer_postal_code, row.customer_country),
        lines=lines,
        totals=Totals(row.net_total, row.tax_payable, row.gross_total,
                      summarise(lines, row.tax_region)),
        payments=tuple(Payment(p.method, p.amount, p.tendered) for p in row.payments),
        previous_hash=row.previous_hash, hash=row.hash, hash_control=row.hash_control,
        key_version=row.key_version, source_billing=row.source_billing, status=row.status,
        status_date=row.status_date, status_reason=row.status_reason, user=row.user_login,
        tax_region=row.tax_region, manual_ref=row.manual_ref, at_doc_code=row.at_doc_code,
        movement_start=row.movement_start, transport=transport_of(row.extra),
        complements=complements_of(row.extra) if row.extra else None)


def _columns(obj, table) -> dict:
    return {c.key: getattr(obj, c.key) for c in table.columns}


def sealed_values(row: DocumentRow) -> tuple[dict, list[dict], list[dict]]:
    """A document as ``DocumentChain.issued`` seals it, from its ORM rows (the referenced
    document's UUID is looked up by the chain)."""
    return (_columns(row, DocumentRow.__table__),
            [_columns(ln, LineRow.__table__) for ln in row.lines],
            [_columns(p, PaymentRow.__table__) for p in row.payments])


def payment_rows(payments: tuple[Payment, ...]) -> list[PaymentRow]:
    return [PaymentRow(method=p.method, amount=p.amount, tendered=p.tendered)
            for p in payments]
