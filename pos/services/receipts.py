"""Receipts (RG): money received later for invoices, issued in one write transaction.

A receipt is not signed (D8632 §1.5, FISCAL-PT §1.5): it is numbered in its series, gets an
ATCUD, and carries no Hash; it prints 'Emitido por programa certificado…'.

How a receipt is stored, and why: each settled invoice becomes one receipt line *per VAT rate
of that invoice*, holding the part of the money that falls on that rate, split into net and
VAT the same way the invoice was priced. ``ref_document_no`` names the invoice. This maps one
to one onto SAF-T Payment/Line: SourceDocumentID = the invoice (number, and its date read from
the invoice row), CreditAmount = the net part (Portaria 302/2016 4.4.4.14.5: "without taxes"),
Tax = the invoice's rate with its exemption reason and code when 0 %, and DocumentTotals give
NetTotal + TaxPayable = GrossTotal = the money received = the payment methods. A single 'ISE'
line per invoice would misstate the VAT of mixed-rate invoices, and the per-rate form is also
exactly what a cash-VAT receipt (RC) requires.
"""

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain.documents import Document, settle
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.money import ZERO, round2, to_decimal
from pos.persistence import mapping
from pos.persistence.models import Company, DocumentRow, LineRow, Series
from pos.persistence.uow import UnitOfWork

from .issuing import Clock, move_on, next_in_series

SETTLEABLE = ("FT", "ND")   # FS and FR are paid when issued; an NC is never 'paid'


@dataclass(frozen=True)
class Settlement:
    document_no: str
    amount: Decimal | None = None      # None: everything still outstanding


@dataclass(frozen=True)
class ReceiptRequest:
    settlements: tuple[Settlement, ...]
    payments: tuple[tuple[str, Decimal | None], ...] = ()
    series_id: str | None = None
    user: str = "admin"
    confirm_clock: bool = False


def _key(ln: LineRow) -> tuple:
    return ln.tax_code, ln.tax_percentage, ln.exemption_code


def owed_by_rate(session: Session, invoice: DocumentRow) -> list[tuple[LineRow, Decimal]]:
    """(a line of that rate, amount still owed) per VAT rate of ``invoice``, in line order.

    Owed = the invoice's lines − lines of active credit notes on it − lines of active
    receipts for it, rate by rate, so a receipt after a partial credit note pays exactly
    the VAT that is still open.
    """
    groups: dict[tuple, list] = {}
    for ln in invoice.lines:
        groups.setdefault(_key(ln), [ln, ZERO])[1] += ln.gross_amount
    # Driven by the NC and RG series (few documents, the series index) rather than by the
    # lines' ref_document_no, which has no index: a receipt must not scan every line.
    series = {t: select(Series.id).where(Series.doc_type == t).scalar_subquery()
              for t in ("NC", "RG")}
    active = DocumentRow.status != "A"
    done = session.scalars(
        select(LineRow).join(DocumentRow, DocumentRow.id == LineRow.document_id)
        .where(active, DocumentRow.series_pk.in_(series["NC"]),
               DocumentRow.ref_document_id == invoice.id)).all()
    done += session.scalars(
        select(LineRow).join(DocumentRow, DocumentRow.id == LineRow.document_id)
        .where(active, DocumentRow.series_pk.in_(series["RG"]),
               LineRow.ref_document_no == invoice.document_no)).all()
    for ln in done:
        if _key(ln) in groups:
            groups[_key(ln)][1] -= ln.gross_amount
    return [(ln, max(owed, ZERO)) for ln, owed in groups.values()]


def outstanding(session: Session, invoice: DocumentRow) -> Decimal:
    """What is still owed on ``invoice``."""
    return sum((owed for _, owed in owed_by_rate(session, invoice)), ZERO)


def _allocate(amount: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Split ``amount`` in proportion to ``weights``, to the cent, adding up exactly."""
    total = sum(weights, ZERO)
    if amount == total:
        return list(weights)
    parts = [round2(amount * w / total) for w in weights]
    parts[weights.index(max(weights))] += amount - sum(parts, ZERO)
    return parts


def _receipt_lines(groups: list[tuple[LineRow, Decimal]], invoice: DocumentRow,
                   amount: Decimal, first_no: int) -> list[LineRow]:
    parts = _allocate(amount, [owed for _, owed in groups])
    rows = []
    for (model, _), part in zip(groups, parts, strict=True):
        if part == 0:
            continue
        # Same formula as price_lines, so a full settlement repeats the invoice's own split.
        net = round2(part * 100 / (100 + model.tax_percentage))
        rows.append(LineRow(
            line_no=first_no + len(rows), product_code="",
            description=f"Pagamento {invoice.document_no}", product_type="S",
            quantity=Decimal(1), unit="UN", unit_price=part, discount=ZERO,
            gross_amount=part, net_amount=net, tax_amount=part - net,
            tax_code=model.tax_code, tax_percentage=model.tax_percentage,
            exemption_code=model.exemption_code, exemption_reason=model.exemption_reason,
            ref_document_no=invoice.document_no))
    return rows


def _invoices(session: Session, req: ReceiptRequest, kind: str
              ) -> list[tuple[DocumentRow, Decimal, list]]:
    if not req.settlements:
        raise ValidationError("Indique pelo menos uma fatura a liquidar.")
    seen, out = set(), []
    for item in req.settlements:
        row = session.scalars(select(DocumentRow).where(
            DocumentRow.document_no == item.document_no)).first()
        if row is None:
            raise NotFoundError(f"Documento não encontrado: {item.document_no}.")
        if row.doc_type not in SETTLEABLE:
            raise StateError(f"{row.document_no}: só se passa recibo de FT ou ND.")
        if row.status == "A":
            raise StateError(f"{row.document_no} está anulado: não se passa recibo.")
        if row.series_kind != kind and not (kind == "N" and row.series_kind == "R"):
            raise StateError(f"{row.document_no} é de outro modo (formação/normal) do que o "
                             "recibo.")
        if row.id in seen:
            raise ValidationError(f"{row.document_no} aparece duas vezes no recibo.")
        seen.add(row.id)
        groups = owed_by_rate(session, row)
        owed = sum((g for _, g in groups), ZERO)
        amount = owed if item.amount is None else round2(to_decimal(item.amount, "valor"))
        if amount <= 0 or amount > owed:
            raise ValidationError(f"{row.document_no}: pode liquidar até {owed:.2f} € "
                                  f"(pedido {amount:.2f} €).")
        out.append((row, amount, groups))
    first = out[0][0]
    for row, _, _ in out[1:]:
        if (row.customer_nif, row.customer_name) != (first.customer_nif, first.customer_name):
            raise ValidationError("Um recibo liquida documentos de um só cliente.")
    return out


def issue(uow: UnitOfWork, req: ReceiptRequest, now: Clock) -> Document:
    """Issue an RG inside the unit of work's write transaction and return it.

    Numbered like every document (next_in_series: series lock first, then the clock), but
    not signed: previous hash, hash and HashControl stay empty.
    """
    if uow.session.get(Company, 1) is None:
        raise ValidationError("A empresa ainda não está configurada ('caixa init').")
    slot = next_in_series(uow, "RG", req.series_id, now, confirm_clock=req.confirm_clock,
                          user=req.user)
    series = slot.series
    settled = _invoices(uow.session, req, series.kind)
    lines: list[LineRow] = []
    for invoice, amount, groups in settled:
        lines += _receipt_lines(groups, invoice, amount, len(lines) + 1)
    gross = sum((ln.gross_amount for ln in lines), ZERO)
    net = sum((ln.net_amount for ln in lines), ZERO)
    payments, _change = settle(gross, list(req.payments))

    customer = settled[0][0]
    row = DocumentRow(
        id=uow.chain.new_document_id(), uuid=str(uuid.uuid4()), till_id=uow.till.id,
        series_pk=series.id, doc_type="RG",
        series_id=series.series_id, series_kind=series.kind, number=slot.number,
        document_no=slot.document_no, atcud=slot.atcud, invoice_date=slot.doc_date,
        system_entry_date=slot.now, customer_nif=customer.customer_nif,
        customer_name=customer.customer_name, customer_address=customer.customer_address,
        customer_city=customer.customer_city,
        customer_postal_code=customer.customer_postal_code,
        customer_country=customer.customer_country, tax_region=customer.tax_region,
        net_total=net, tax_payable=gross - net, gross_total=gross,
        previous_hash="", hash="", hash_control="", key_version=0, source_billing="P",
        user_login=req.user)
    row.lines = lines
    row.payments = mapping.payment_rows(payments)
    uow.session.add(row)
    uow.session.flush()
    uow.chain.issued(row.id, *mapping.sealed_values(row))
    move_on(uow, slot, "")
    return mapping.row_to_document(row)
