"""Finding documents as a manager asks for them: by number (or part of it), by date, by
customer (tax number or name) and by amount, in pages, newest first.

Amounts are stored as exact text ('12.30', see ``persistence.types.Dec``), so an amount is
matched exactly on that text after rounding what was typed to the cent: the figure on the
receipt a customer brings back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select

from pos.domain import text as texts
from pos.domain.doctypes import doc_type as check_doc_type
from pos.domain.errors import ValidationError
from pos.domain.money import round2, to_decimal
from pos.persistence.models import DocumentRow, TillRow
from pos.persistence.uow import UnitOfWork

from .sales_report import check_period

MAX_PAGE = 500
STATUSES = {"N": "normal", "A": "anulado", "F": "faturado"}


@dataclass(frozen=True)
class DocumentQuery:
    number: str = ""                    # part of the number: 'FS A2026/3', '2026/3', '3'
    start: date | None = None
    end: date | None = None
    customer: str = ""                  # start of the tax number, or part of the name
    amount: object = None               # the total, VAT included (exact, to the cent)
    doc_type: str | None = None


@dataclass(frozen=True)
class FoundDocument:
    document_no: str
    doc_type: str
    invoice_date: date
    system_entry_date: datetime
    customer_nif: str
    customer_name: str
    gross_total: Decimal
    status: str                         # N | A | F ...
    till: str
    user: str
    atcud: str

    @property
    def cancelled(self) -> bool:
        return self.status == "A"


@dataclass(frozen=True)
class DocumentPage:
    items: tuple[FoundDocument, ...]
    total: int
    offset: int
    limit: int


def _like(db_is_sqlite: bool, column, value: str):
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return column.like(pattern, escape="\\") if db_is_sqlite else \
        column.ilike(pattern, escape="\\")


def conditions(q: DocumentQuery, sqlite: bool) -> list:
    """The query's conditions, every field checked (one sentence when one is wrong)."""
    where = []
    number = texts.check_text(q.number, "o número do documento", 60, required=False)
    if number:
        where.append(_like(sqlite, DocumentRow.document_no, number))
    if q.start is not None and q.end is not None:
        if q.end < q.start:
            check_period(q.start, q.end)
    if q.start is not None:
        where.append(DocumentRow.invoice_date >= q.start)
    if q.end is not None:
        where.append(DocumentRow.invoice_date <= q.end)
    customer = texts.check_text(q.customer, "o cliente", 100, required=False)
    if customer:
        compact = customer.replace(" ", "")
        match = [_like(sqlite, DocumentRow.customer_name, customer)]
        if compact.isalnum():
            match.append(DocumentRow.customer_nif.startswith(compact.upper()))
        where.append(or_(*match))
    if q.amount not in (None, ""):
        amount = to_decimal(q.amount, "valor")
        if amount < 0 or amount > Decimal("99999999"):
            raise ValidationError("O valor procurado tem de estar entre 0 e 99 999 999 €.")
        where.append(DocumentRow.gross_total == round2(amount))
    if q.doc_type:
        where.append(DocumentRow.doc_type == check_doc_type(q.doc_type).code)
    return where


def search(uow: UnitOfWork, q: DocumentQuery, offset: int = 0, limit: int = 50,
           sqlite: bool = True) -> DocumentPage:
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"Página inválida (até {MAX_PAGE} documentos de cada vez).")
    where = conditions(q, sqlite)
    session = uow.session
    total = session.scalar(select(func.count()).select_from(DocumentRow).where(*where)) or 0
    rows = session.execute(
        select(DocumentRow.document_no, DocumentRow.doc_type, DocumentRow.invoice_date,
               DocumentRow.system_entry_date, DocumentRow.customer_nif,
               DocumentRow.customer_name, DocumentRow.gross_total, DocumentRow.status,
               TillRow.code, DocumentRow.user_login, DocumentRow.atcud)
        .join(TillRow, TillRow.id == DocumentRow.till_id).where(*where)
        .order_by(DocumentRow.system_entry_date.desc(), DocumentRow.id.desc())
        .offset(offset).limit(limit)).all()
    return DocumentPage(tuple(FoundDocument(*r) for r in rows), total, offset, limit)
