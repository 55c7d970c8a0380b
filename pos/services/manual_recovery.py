"""Recovering paper documents into the program (D8632 §2.4) and lost duplicates (§2.5).

Each recovery is a normally signed document issued through ``issuing.issue`` in a recovery
series (kind R); what this module adds are the checks the law asks of the program before it
signs: the form belongs to a registered book, was not voided, and has no other active
document (D8632 §3.2.2 — one active document per manual original or duplicate).
"""

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain import manual as rules
from pos.domain import text
from pos.domain.doctypes import doc_type
from pos.domain.documents import FINAL_CONSUMER, CartLine, Customer, Document, LineRef
from pos.domain.errors import NotFoundError, SeriesError, StateError, ValidationError
from pos.domain.series import document_number
from pos.domain.text import check_text
from pos.persistence.models import DocumentRow, OutboxRow, Series, TypographyBook

from . import audit, issuing, settings
from .manual import find_book, recovered_in, voided_in

Clock = Callable[[], datetime]
MAX_JUSTIFICATION = 4000    # finalizarSerie 'justificacao' (FISCAL-PT §4.3)


@dataclass(frozen=True)
class ManualEntry:
    """What is written on a pre-printed form. Series and number are separate fields, as
    D8632 §2.4.3 recommends, so the series cannot be mistyped into the number."""

    number: str                                   # as on the form, leading zeros kept
    doc_date: date
    lines: tuple[CartLine, ...]
    customer: Customer = FINAL_CONSUMER
    payments: tuple[tuple[str, Decimal | None], ...] = ()
    book_id: int | None = None
    manual_series: str | None = None
    doc_type: str | None = None
    user: str = "admin"
    reference: str | None = None                  # NC/ND: the document it corrects
    reason: str | None = None
    confirm_clock: bool = False


@dataclass(frozen=True)
class DuplicateEntry:
    """A document the program issued, lost with a restore, re-entered from its duplicate."""

    original: str                                 # its InvoiceNo, e.g. 'FT A2026/13'
    doc_date: date
    lines: tuple[CartLine, ...]
    customer: Customer = FINAL_CONSUMER
    payments: tuple[tuple[str, Decimal | None], ...] = ()
    user: str = "admin"
    reference: str | None = None
    reason: str | None = None
    confirm_clock: bool = False


@dataclass(frozen=True)
class ClosedSeries:
    doc_type: str
    series_id: str
    kind: str
    last_number: int


# ---- checks shared by every recovery ---------------------------------------------------

def check_not_training(session: Session) -> None:
    # Issuing picks a kind-R series whenever manual_ref is set, even in training mode: the
    # document would be real. A trainee must not be able to do that.
    if settings.training_mode(session):
        raise StateError(
            "Modo de formação ligado: a recuperação emite documentos reais. Desligue-o "
            "('caixa training off') antes de recuperar documentos.")


def require_recovery_series(session: Session, doc_type_code: str, year: int) -> Series:
    series = session.scalars(select(Series).where(
        Series.doc_type == doc_type_code, Series.kind == "R", Series.status == "A",
        Series.validation_code.is_not(None)).order_by(Series.id)).first()
    if series is None:
        raise SeriesError(
            f"Não há série de recuperação (tipo R) ativa e comunicada à AT para "
            f"{doc_type_code}. Registe-a no Portal das Finanças e adicione-a: caixa series add "
            f"--doc-type {doc_type_code} --series R{year} --kind R "
            "--validation-code CÓDIGO.")
    return series


def _lock(session: Session, model, pk: int, is_sqlite: bool):
    # SQLite already serialises writers (BEGIN IMMEDIATE); PostgreSQL needs the row lock so
    # two tills cannot both find the number free and both recover it.
    if not is_sqlite:
        session.scalars(select(model).where(model.id == pk).with_for_update()).one()


def _with_reference(doc_type_code: str, lines: tuple[CartLine, ...], reference: str | None,
                    reason: str | None) -> tuple[CartLine, ...]:
    if doc_type_code not in ("NC", "ND"):
        if reference:
            raise ValidationError(f"Só notas de crédito ou débito citam outro documento, não "
                                  f"{doc_type_code}.")
        return lines
    if not (reference or "").strip() or not (reason or "").strip():
        raise ValidationError(
            f"Uma {doc_type(doc_type_code).name.lower()} cita o documento que corrige e o "
            "motivo, como no impresso (--ref e --ref-reason).")
    reference = check_text(reference, "a referência do documento corrigido", 60)
    reason = text.REASON(reason)
    ref = LineRef(reference, 0, reason)
    return tuple(dataclasses.replace(ln, reference=ref) for ln in lines)


def _ref_document_id(session: Session, reference: str | None) -> int | None:
    if not reference:
        return None
    return session.scalar(select(DocumentRow.id).where(DocumentRow.document_no == reference))


def _sales_only(doc_type_code: str) -> None:
    dtype = doc_type(doc_type_code)
    if dtype.saft_table == "MovementOfGoods":
        raise ValidationError(
            f"{dtype.name} em papel regista-se com o código dado pela AT por telefone: "
            "use 'caixa manual transport'.")
    if dtype.saft_table != "SalesInvoices":
        raise ValidationError(f"A recuperação de {dtype.name.lower()} não é suportada.")


# ---- manual forms (D8632 §2.4) ---------------------------------------------------------

def locate(session: Session, entry: ManualEntry, now: datetime, is_sqlite: bool
           ) -> tuple[TypographyBook, str]:
    """The book and the 'series/number' reference, after every check of the form."""
    check_not_training(session)
    number_text, n = rules.parse_manual_number(entry.number)
    book = find_book(session, n, entry.book_id, entry.manual_series, entry.doc_type)
    if entry.doc_type and doc_type(entry.doc_type).code != book.doc_type:
        raise ValidationError(f"O livro {book.id} é de {book.doc_type}, não de "
                              f"{entry.doc_type.upper()}.")
    _lock(session, TypographyBook, book.id, is_sqlite)
    ref = rules.manual_ref(book.manual_series, number_text)
    void = voided_in(session, book).get(n)
    if void is not None:
        raise StateError(f"O impresso {ref} foi inutilizado ({void.reason}): não se recupera.")
    active = recovered_in(session, book).get(n)
    if active is not None:
        raise StateError(
            f"O impresso {book.doc_type} {ref} já foi recuperado no documento "
            f"{active.document_no}. Para o corrigir, anule esse documento primeiro.")
    rules.check_not_future(entry.doc_date, now.date(), "impresso")
    require_recovery_series(session, book.doc_type, now.year)
    return book, ref


def issue_manual(session: Session, book: TypographyBook, ref: str, entry: ManualEntry,
                 signer, now: datetime, is_sqlite: bool, extra: dict | None = None,
                 movement_start: datetime | None = None, clock: Clock | None = None
                 ) -> Document:
    # Fail before signing if the series would make a HashControl the XSD rejects.
    rules.recovery_hash_control(signer.version, book.doc_type, ref)
    lines = _with_reference(book.doc_type, entry.lines, entry.reference, entry.reason)
    doc = issuing.issue(session, issuing.IssueRequest(
        doc_type=book.doc_type, lines=lines, customer=entry.customer,
        payments=entry.payments, user=entry.user, doc_date=entry.doc_date, manual_ref=ref,
        ref_document_id=_ref_document_id(session, entry.reference), extra=extra or {},
        movement_start=movement_start, confirm_clock=entry.confirm_clock),
        signer, clock or now, is_sqlite)
    if book.status == "stock":
        # A form from it was used, so the book is in use whatever was marked before.
        book.status = "in_use"
        audit.record(session, now, entry.user, "manual_book", f"book {book.id}: stock -> in_use")
    audit.record(session, now, entry.user, "manual_recover",
                 f"{book.doc_type}M {ref} dated {entry.doc_date.isoformat()} -> "
                 f"{doc.document_no}")
    return doc


def recover(session: Session, entry: ManualEntry, signer, now: datetime,
            is_sqlite: bool = True, clock: Clock | None = None) -> Document:
    """Re-enter one manual form as a signed document of the same type in a recovery series.

    ``now`` serves the checks; ``clock`` (a clock's ``now``), when given, is what issuing reads
    once the series is locked, for the SystemEntryDate (see issuing.issue).
    """
    book, ref = locate(session, entry, now, is_sqlite)
    _sales_only(book.doc_type)
    return issue_manual(session, book, ref, entry, signer, now, is_sqlite, clock=clock)


# ---- lost duplicates (D8632 §2.5) ------------------------------------------------------

def close_series_for_data_loss(session: Session, reason: str, now: datetime, user: str,
                               last_numbers: dict[tuple[str, str], int] | None = None
                               ) -> list[ClosedSeries]:
    """§2.5.1: after restoring a backup, finalise every series in use so that no number is
    issued twice; the new series are then added as usual ('caixa series add').

    ``last_numbers`` maps (doc type, series) to the real last number, read from the paper
    duplicates: the restored database only knows the numbers that were in the backup, and AT
    must be told the real one (finalizarSerie seqUltimoDocEmitido).
    """
    reason = check_text(reason, "o motivo do fecho das séries", MAX_JUSTIFICATION)
    wanted = {(t.upper(), s.upper()): n for (t, s), n in (last_numbers or {}).items()}
    rows = list(session.scalars(select(Series).where(
        Series.status == "A", Series.kind.in_(("N", "R"))).order_by(Series.doc_type,
                                                                    Series.id)))
    known = {(r.doc_type, r.series_key) for r in rows}
    for key in wanted:
        if key not in known:
            raise NotFoundError(f"Não há série ativa {key[1]} para {key[0]}.")
    closed = []
    for series in rows:
        last = wanted.get((series.doc_type, series.series_key), series.last_number)
        if last < series.last_number:
            raise ValidationError(
                f"Série {series.series_id} ({series.doc_type}): o último número ({last}) não "
                f"pode ser inferior ao último guardado ({series.last_number}).")
        if last < 1:
            continue          # never used: nothing of it can have been lost
        series.status = "F"
        # sync/dispatch.py sends this as finalizarSerie (seqUltimoDocEmitido, justificacao).
        payload = {"last_number": last, "reason": reason}
        session.add(OutboxRow(kind="series_finalize", series_pk=series.id, status="pending",
                              payload=json.dumps(payload, ensure_ascii=False),
                              created_at=now, next_attempt_at=now))
        audit.record(session, now, user, "series_finalize",
                     f"{series.doc_type} {series.series_id} last {last}: {reason}")
        closed.append(ClosedSeries(series.doc_type, series.series_id, series.kind, last))
    if not closed:
        raise StateError("Não há séries em uso para fechar.")
    return closed


def reenter_duplicate(session: Session, entry: DuplicateEntry, signer, now: datetime,
                      is_sqlite: bool = True, clock: Clock | None = None) -> Document:
    """§2.5.2-2.5.5: a new document of the same type, HashControl '<key>-<type>D <InvoiceNo>'."""
    check_not_training(session)
    type_code, series_id, number = rules.parse_invoice_no(entry.original)
    _sales_only(type_code)
    series = session.scalars(select(Series).where(
        Series.doc_type == type_code, Series.series_key == series_id.upper())).first()
    if series is None:
        raise NotFoundError(
            f"A série {series_id} de {type_code} não está na base de dados: adicione-a "
            "('caixa series add') e feche-a ('caixa manual close-series') antes de recuperar "
            "os seus duplicados.")
    if series.kind == "F":
        raise ValidationError("Documentos de formação não se recuperam.")
    if series.status == "A":
        raise StateError(
            f"A série {series.series_id} ({type_code}) ainda está ativa: feche as séries em uso "
            "('caixa manual close-series') antes de recuperar duplicados (D8632 §2.5.1).")
    _lock(session, Series, series.id, is_sqlite)
    original = document_number(type_code, series.series_id, number)
    if session.scalar(select(DocumentRow.id).where(DocumentRow.document_no == original)):
        raise StateError(f"O documento {original} está na base de dados: não foi perdido.")
    rules.check_not_future(entry.doc_date, now.date(), "duplicado")
    if series.last_invoice_date and entry.doc_date < series.last_invoice_date:
        raise ValidationError(
            f"O duplicado {original} tem data {entry.doc_date.isoformat()}, anterior ao último "
            f"documento guardado da série ({series.last_invoice_date.isoformat()}): confirme.")
    active = session.scalars(select(DocumentRow).where(
        DocumentRow.doc_type == type_code, DocumentRow.source_billing == "M",
        DocumentRow.status != "A", DocumentRow.manual_ref == original,
        DocumentRow.hash_control.contains(f"-{type_code}D "))).first()
    if active is not None:
        raise StateError(
            f"O duplicado {original} já foi recuperado no documento {active.document_no}. "
            "Para o corrigir, anule esse documento primeiro.")
    require_recovery_series(session, type_code, now.year)
    rules.recovery_hash_control(signer.version, type_code, original, duplicate=True)
    lines = _with_reference(type_code, entry.lines, entry.reference, entry.reason)
    doc = issuing.issue(session, issuing.IssueRequest(
        doc_type=type_code, lines=lines, customer=entry.customer, payments=entry.payments,
        user=entry.user, doc_date=entry.doc_date, duplicate_ref=original,
        ref_document_id=_ref_document_id(session, entry.reference),
        confirm_clock=entry.confirm_clock), signer, clock or now, is_sqlite)
    audit.record(session, now, entry.user, "manual_duplicate",
                 f"{type_code}D {original} dated {entry.doc_date.isoformat()} -> "
                 f"{doc.document_no}")
    return doc
