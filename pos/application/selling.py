"""Selling and what follows a sale: the catalogue at the till, issuing, cancelling,
crediting, receipts, reading documents, printing and reprinting."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from pos.domain import refunds as refund_rules
from pos.domain.company import Issuer
from pos.domain.complements import Complements
from pos.domain.documents import (
    Customer,
    Document,
    LineRef,
    PricedLine,
    ProductSnapshot,
    Totals,
    cart_line,
    credit_line,
    price_lines,
)
from pos.domain.errors import ValidationError
from pos.domain.exemptions import sale_exemption
from pos.domain.qr import document_qr
from pos.persistence import mapping
from pos.persistence.models import DocumentRow, TillRow
from pos.services import catalogue, corrections, issuing, paying, receipts
from pos.services.ports import PrintOutcome

from .base import Base


@dataclass(frozen=True)
class DocumentSummary:
    document_no: str
    doc_type: str
    invoice_date: date
    system_entry_date: datetime
    customer_nif: str
    gross_total: Decimal
    status: str
    atcud: str
    till: str = ""             # the till that issued it (a store's view holds every till)


@dataclass(frozen=True)
class CreditPreview:
    """What a credit note on chosen lines would give back, computed as issuing will."""

    document_no: str
    lines: tuple[PricedLine, ...]
    totals: Totals


class SellingMixin(Base):
    # ---- the catalogue ---------------------------------------------------------------
    def products(self, text: str = "", limit: int | None = None) -> list[ProductSnapshot]:
        with self._read() as uow:
            return catalogue.search(uow, text, limit)

    def product(self, code: str) -> ProductSnapshot:
        with self._read() as uow:
            return catalogue.lookup(uow, code)

    # ---- issuing ---------------------------------------------------------------------
    def sell(self, request: issuing.IssueRequest) -> Document:
        """Issue a document from a built cart (the till), signed and committed; the AT
        sender is told there is something new."""
        self.ensure_checked()
        signer = self.keys.signer()
        writer = self.db.till_writer(self.till.id) if self.till is not None else None
        if writer is not None and paying.takes(request):
            # The till's own sale: its long-lived connection and the state it keeps.
            doc, moved = paying.pay(writer, request, signer, self.keys.sealer(),
                                    self.clock.now, self.till)
            self._committed(moved)
        else:
            with self._write() as uow:
                doc = issuing.issue(uow, request, signer, self.clock.now)
        self._kick()
        return doc

    def sell_items(self, items: list[tuple[str, object]], doc_type: str = "FS",
                   customer: Customer | None = None,
                   payments: tuple[tuple[str, Decimal | None], ...] = (),
                   series_id: str | None = None, user: str = "admin",
                   confirm_clock: bool = False, exemption: str | None = None,
                   complements: Complements | None = None) -> Document:
        """Sell products by code (or barcode) and quantity at their shelf prices.
        ``exemption``: the whole sale exempt (M16, M05, M40: pos.domain.exemptions), at
        the prices without VAT; ``complements``: supply date, contract, service period."""
        if not items:
            raise ValidationError("Indique pelo menos um artigo.")
        with self._read() as uow:
            lines = tuple(cart_line(catalogue.lookup(uow, code), qty) for code, qty in items)
        return self.sell(issuing.IssueRequest(
            doc_type=doc_type.upper(), lines=lines, customer=customer or Customer(),
            payments=payments, series_id=series_id, user=user, confirm_clock=confirm_clock,
            exemption=sale_exemption(exemption), complements=complements))

    def cancel(self, document_no: str, reason: str, user: str = "admin") -> Document:
        self.ensure_checked()
        with self._write() as uow:
            corrections.cancel(uow, document_no, reason, user, self.clock.now())
        self._kick()
        return self.document(document_no)

    def credit(self, document_no: str, reason: str,
               picks: list[tuple[int, Decimal | None]] | None = None,
               user: str = "admin",
               refunds: tuple[tuple[str, Decimal | None], ...] | None = None,
               complements: Complements | None = None) -> Document:
        """A credit note (NC) on chosen lines of ``document_no`` (every line still open when
        none are chosen). ``refunds``: how the money goes back, as payments on the note
        (method, amount; they must add up to the note); None records none (the cash report
        then takes the note as refunded in cash). ``complements``: its purpose and coded
        reason, the contract and period it corrects."""
        self.ensure_checked()
        signer = self.keys.signer()
        with self._write() as uow:
            req = corrections.credit_note_request(uow, document_no, reason, picks, user)
            if refunds:
                req = replace(req, payments=tuple(refunds))
            if complements:
                req = replace(req, complements=complements)
            doc = issuing.issue(uow, req, signer, self.clock.now)
        self._kick()
        return doc

    def refundable(self, document_no: str) -> tuple[tuple[str, Decimal], ...]:
        """Per method the customer paid ``document_no`` with: what can still go back by it
        (what it paid minus what earlier credit notes gave back by it)."""
        with self._read() as uow:
            row = uow.documents.by_number(document_no)
            paid = [(p.method, p.amount) for p in row.payments]
            back = [(p.method, p.amount)
                    for note in corrections.notes_of(uow.session, row) for p in note.payments]
        return refund_rules.refundable(paid, back)

    def credit_preview(self, document_no: str, picks: list[tuple[int, Decimal]]
                       ) -> CreditPreview:
        """The credit note ``credit`` would issue for ``picks``, without issuing it."""
        with self._read() as uow:
            req = corrections.credit_note_request(uow, document_no, "pré-visualização",
                                                  picks, "")
        # The note keeps the region of what it corrects, as issuing will price it.
        lines, totals = price_lines(list(req.lines), req.tax_region, self.clock.now().date())
        return CreditPreview(document_no, lines, totals)

    @staticmethod
    def refund_of(line: PricedLine, quantity: Decimal) -> Decimal:
        """What giving back ``quantity`` of ``line`` refunds, as the credit note will have it
        (for a screen that shows the figure as the cashier taps)."""
        return credit_line(line, quantity, LineRef("", line.line_no, "")).gross_amount

    def settle(self, request: receipts.ReceiptRequest) -> Document:
        """A receipt (RG) for money received later on invoices."""
        self.ensure_checked()
        with self._write() as uow:
            doc = receipts.issue(uow, request, self.clock.now)
        self._kick()
        return doc

    # ---- reading ---------------------------------------------------------------------
    def document(self, document_no: str) -> Document:
        with self._read() as uow:
            return mapping.row_to_document(uow.documents.by_number(document_no))

    def documents(self, limit: int = 100) -> list[DocumentSummary]:
        with self._read() as uow:
            rows = uow.session.execute(select(
                DocumentRow.document_no, DocumentRow.doc_type, DocumentRow.invoice_date,
                DocumentRow.system_entry_date, DocumentRow.customer_nif,
                DocumentRow.gross_total, DocumentRow.status, DocumentRow.atcud, TillRow.code)
                .join(TillRow, TillRow.id == DocumentRow.till_id)
                .order_by(DocumentRow.id.desc()).limit(limit)).all()
        return [DocumentSummary(*r) for r in rows]

    def qr(self, doc: Document, issuer: Issuer | None = None) -> str:
        issuer = issuer or self.issuer()
        return document_qr(doc, issuer.nif, issuer.certificate_number)

    # ---- printing --------------------------------------------------------------------
    def print_document(self, document_no: str, *, copy: bool = False, user: str = "",
                       reason: str = "", open_drawer: bool = False) -> PrintOutcome:
        """Print a committed document on this till's printer: the original the first time,
        a marked copy every later time (each print is claimed and recorded, PrintsMixin)."""
        doc = self.document(document_no)
        issuer = self.issuer()
        return self.printer.print_document(doc, issuer, self.qr(doc, issuer), copy=copy,
                                           user=user, reason=reason, open_drawer=open_drawer)

    def open_drawer(self, user: str, reason: str = "", session_id: int | None = None
                    ) -> PrintOutcome:
        """Open the cash drawer without a sale (always journaled, with or without a cash
        session)."""
        if session_id is not None:
            self.cash_movement(session_id, user, "drawer", 0, reason)
        else:
            self._journal(user, "drawer_opened", reason[:100])
        return self.printer.open_drawer()

    def print_text(self, title: str, lines: list[str]) -> PrintOutcome:
        """A non-fiscal slip (X and Z reports)."""
        return self.printer.print_text(title, lines)
