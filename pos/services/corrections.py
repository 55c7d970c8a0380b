"""Cancelling documents and issuing credit notes, with the rules of D8632 §3.3.7-3.3.8."""

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain import text
from pos.domain.doctypes import doc_type
from pos.domain.documents import Customer, LineRef, credit_line
from pos.domain.errors import StateError, ValidationError
from pos.domain.seal import CANCELLED
from pos.persistence.models import DocumentRow, LineRow
from pos.persistence.uow import UnitOfWork

from .issuing import IssueRequest, check_not_blocked

CREDITABLE = ("FT", "FS", "FR", "ND")
STATUS_DUTY = {"SI": "invoice_status", "WD": "work_status", "MG": "transport_status"}
MAX_REASON = text.REASON.limit


def _reason(reason: str) -> str:
    return text.REASON(reason)


def _active_notes(session: Session, row: DocumentRow) -> list[DocumentRow]:
    return list(session.scalars(select(DocumentRow).where(
        DocumentRow.ref_document_id == row.id, DocumentRow.status != "A")))


def notes_of(session: Session, row: DocumentRow) -> list[DocumentRow]:
    """The credit notes in force on ``row`` (not cancelled), oldest first."""
    return sorted(_active_notes(session, row), key=lambda n: n.id)


def cancel(uow: UnitOfWork, document_no: str, reason: str, user: str, now: datetime) -> None:
    check_not_blocked(uow)
    session = uow.session
    reason = _reason(reason)
    row = uow.documents.by_number(document_no)
    if row.status == "A":
        raise StateError(f"{document_no} já está anulado.")
    dtype = doc_type(row.doc_type)
    if (dtype.saft_table == "MovementOfGoods" and row.movement_start is not None
            and now >= row.movement_start):
        # SGDT §4.2 -13: AT refuses to change a guide once its transport has started.
        raise StateError(f"O transporte de {document_no} já começou "
                         f"({row.movement_start:%Y-%m-%d %H:%M}): a guia já não pode ser "
                         "anulada. Se os bens voltarem, emita uma guia de devolução (GD).")
    notes = _active_notes(session, row)
    if notes:
        raise StateError(f"{document_no} tem a nota {notes[0].document_no}: anule-a primeiro.")
    receipt = session.scalar(
        select(DocumentRow.document_no).join(LineRow, LineRow.document_id == DocumentRow.id)
        .where(LineRow.ref_document_no == document_no, DocumentRow.doc_type == "RG",
               DocumentRow.status != "A").limit(1))
    if receipt:
        raise StateError(f"{document_no} foi liquidado pelo recibo {receipt}: anule-o primeiro.")
    # The document row never changes: its cancellation is an appended, sealed event.
    uow.chain.event(CANCELLED, row, now, user, reason=reason)
    kind = STATUS_DUTY.get(dtype.at_class)
    if row.series_kind != "F" and kind:
        uow.outbox.add(kind, now, document_id=row.id, payload=reason)
    uow.audit.append(now, user, "cancel", f"{document_no}: {reason}")


def credited_quantities(session: Session, row: DocumentRow) -> dict[int, Decimal]:
    """Quantity already credited per line of ``row`` by active credit notes."""
    done: dict[int, Decimal] = defaultdict(Decimal)
    for note in _active_notes(session, row):
        for ln in note.lines:
            if ln.ref_line_no:
                done[ln.ref_line_no] += ln.quantity
    return done


def _cited_number(row: DocumentRow) -> str:
    """What a correcting document cites: never the recovery series' own number.

    A recovered manual form is cited by its manual series/number (D8632 §2.4.6); a re-entered
    lost duplicate by its original InvoiceNo (§2.5.7), which is what manual_ref holds then.
    """
    if row.source_billing != "M" or not row.manual_ref:
        return row.document_no
    if f"-{row.doc_type}D " in row.hash_control:
        return row.manual_ref
    return f"{row.doc_type}M {row.manual_ref}"


def credit_note_request(uow: UnitOfWork, document_no: str, reason: str,
                        picks: list[tuple[int, Decimal | None]] | None, user: str
                        ) -> IssueRequest:
    """Build the NC for chosen lines (all remaining when none are chosen)."""
    reason = _reason(reason)
    session = uow.session
    row = uow.documents.by_number(document_no)
    if row.doc_type not in CREDITABLE:
        raise StateError(f"Não se emite nota de crédito sobre {row.doc_type}.")
    if row.status == "A":
        raise StateError(f"{document_no} está anulado: não admite nota de crédito.")
    done = credited_quantities(session, row)
    by_no: dict[int, LineRow] = {ln.line_no: ln for ln in row.lines}
    if not picks:
        picks = [(n, None) for n in by_no]
    cited = _cited_number(row)
    lines = []
    for line_no, qty in picks:
        if line_no not in by_no:
            raise ValidationError(f"{document_no} não tem a linha {line_no}.")
        orig = by_no[line_no]
        left = orig.quantity - done.get(line_no, Decimal(0))
        qty = left if qty is None else qty
        if qty <= 0 or qty > left:
            if left <= 0 and len(picks) > 1 and qty is None:
                continue
            raise ValidationError(
                f"Linha {line_no}: só pode creditar até {left.normalize()} {orig.unit}.")
        done[line_no] = done.get(line_no, Decimal(0)) + qty   # a line named twice counts twice
        lines.append(credit_line(orig, qty, LineRef(cited, line_no, reason)))
    if not lines:
        raise StateError(f"{document_no} já está totalmente creditado.")
    customer = Customer(row.customer_nif, row.customer_name, row.customer_address,
                        row.customer_city, row.customer_postal_code, row.customer_country)
    # The note keeps the region of what it corrects (its rates are that region's), even
    # after the company changed tax region.
    return IssueRequest(doc_type="NC", lines=tuple(lines), customer=customer, user=user,
                        ref_document_id=row.id, tax_region=row.tax_region)
