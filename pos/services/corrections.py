"""Cancelling documents and issuing credit notes, with the rules of D8632 §3.3.7-3.3.8."""

from collections import defaultdict
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain import text
from pos.domain.doctypes import doc_type
from pos.domain.documents import CartLine, Customer, LineRef, credit_line
from pos.domain.errors import StateError, ValidationError
from pos.domain.seal import CANCELLED
from pos.persistence.models import DocumentRow, LineRow
from pos.persistence.uow import UnitOfWork

from . import references
from .issuing import IssueRequest, check_not_blocked

CREDITABLE = ("FT", "FS", "FR", "ND")
NOTES = ("NC", "ND")
STATUS_DUTY = {"SI": "invoice_status", "WD": "work_status", "MG": "transport_status"}
MAX_REASON = text.REASON.limit


def _reason(reason: str) -> str:
    return text.REASON(reason)


def _active_notes(session: Session, row: DocumentRow) -> list[DocumentRow]:
    """Credit and debit notes in force on ``row``: those linked to it, and those of older
    versions that named it only in their lines (a paper note's reference was not linked)."""
    linked = select(DocumentRow).where(DocumentRow.ref_document_id == row.id,
                                       DocumentRow.status != "A")
    named = select(DocumentRow).where(
        DocumentRow.ref_document_id.is_(None), DocumentRow.doc_type.in_(NOTES),
        DocumentRow.status != "A", DocumentRow.id.in_(
            select(LineRow.document_id).where(
                LineRow.ref_document_no.in_(references.old_cited_numbers(row)))))
    return list(session.scalars(linked)) + list(session.scalars(named))


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
    """Quantity already credited per line of ``row`` by active credit notes, whatever
    issued them (D8632 §3.2.7). The program's notes name the line they credit; a note
    recovered from paper names only the product, and is counted against the lines of that
    product in line order, after what the program's notes took (what no line can take
    stays on the product's last line, so it shows as credited beyond what was sold)."""
    done: dict[int, Decimal] = defaultdict(Decimal)
    by_product: dict[str, Decimal] = defaultdict(Decimal)
    for note in _active_notes(session, row):
        if note.doc_type != "NC":
            continue        # a debit note adds to the document: it credits nothing
        for ln in note.lines:
            if ln.ref_line_no:
                done[ln.ref_line_no] += ln.quantity
            else:
                by_product[ln.product_code] += ln.quantity
    last_of: dict[str, int] = {}
    for ln in sorted(row.lines, key=lambda x: x.line_no):
        last_of[ln.product_code] = ln.line_no
        take = min(max(ln.quantity - done[ln.line_no], Decimal(0)),
                   by_product.get(ln.product_code, Decimal(0)))
        if take:
            done[ln.line_no] += take
            by_product[ln.product_code] -= take
    for code, left in by_product.items():
        if left and code in last_of:
            done[last_of[code]] += left
    return done


def credited_total(session: Session, row: DocumentRow) -> Decimal:
    """What the active credit notes on ``row`` credit, VAT included."""
    return sum((n.gross_total for n in _active_notes(session, row) if n.doc_type == "NC"),
               Decimal(0))


def paper_note_lines(uow: UnitOfWork, row: DocumentRow, doc_type_code: str,
                     lines: tuple[CartLine, ...], reason: str) -> tuple[CartLine, ...]:
    """The lines of a note recovered from paper that corrects ``row``: each cites ``row`` by
    its paper number. A credit note only credits products ``row`` sold, never more than is
    left of them after every other active credit note, nor more than ``row``'s total; its
    lines take the VAT of the line they credit (a note keeps its document's rates)."""
    cited = references.cited_number(row)
    ref = LineRef(cited, 0, reason)
    if doc_type_code != "NC":
        return tuple(replace(ln, reference=ref) for ln in lines)
    if row.doc_type not in CREDITABLE:
        raise StateError(f"Não se emite nota de crédito sobre {row.doc_type} ({cited}).")
    if row.status == "A":
        raise StateError(f"{cited} está anulado: não admite nota de crédito.")
    done = credited_quantities(uow.session, row)
    sold: dict[str, list[LineRow]] = defaultdict(list)
    for ln in sorted(row.lines, key=lambda x: x.line_no):
        sold[ln.product_code].append(ln)
    wanted: dict[str, Decimal] = defaultdict(Decimal)
    out = []
    for line in lines:
        code = line.product.code
        if code not in sold:
            raise ValidationError(f"{cited} não tem o produto {code}: uma nota de crédito só "
                                  "credita o que o documento faturou.")
        wanted[code] += line.quantity
        left = sum((ln.quantity - done.get(ln.line_no, Decimal(0)) for ln in sold[code]),
                   Decimal(0))
        if wanted[code] > left:
            raise ValidationError(
                f"{code}: só pode creditar até {max(left, Decimal(0)).normalize()} "
                f"{sold[code][0].unit} de {cited} (o resto já foi creditado ou não foi "
                "vendido).")
        orig = sold[code][0]
        product = replace(line.product, tax_code=orig.tax_code,
                          exemption_code=orig.exemption_code)
        out.append(replace(line, product=product, rate=orig.tax_percentage, reference=ref))
    gross = sum((ln.gross_amount for ln in out), Decimal(0))
    before = credited_total(uow.session, row)
    if before + gross > row.gross_total:
        raise ValidationError(
            f"A nota credita {gross:.2f} €; com as notas anteriores ({before:.2f} €) "
            f"passaria o total de {cited} ({row.gross_total:.2f} €).")
    return tuple(out)


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
    every = not picks
    if every:
        picks = [(n, None) for n in by_no]
    cited = references.cited_number(row)
    lines = []
    for line_no, qty in picks:
        if line_no not in by_no:
            raise ValidationError(f"{document_no} não tem a linha {line_no}.")
        orig = by_no[line_no]
        left = orig.quantity - done.get(line_no, Decimal(0))
        if every and left <= 0:
            continue        # "every line still open": a line already credited is skipped
        qty = left if qty is None else qty
        if qty <= 0 or qty > left:
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
