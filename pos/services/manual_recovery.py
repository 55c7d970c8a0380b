"""Recovering paper documents into the program (D8632 §2.4) and lost duplicates (§2.5).

Each recovery is a normally signed document issued through ``issuing.issue`` in a recovery
series (kind R); what this module adds are the checks the law asks of the program before it
signs: the form belongs to a registered book, was not voided, and has no other active
document (D8632 §3.2.2 — one active document per manual original or duplicate).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from pos.domain import manual as rules
from pos.domain import text
from pos.domain.complements import Complements
from pos.domain.doctypes import doc_type
from pos.domain.documents import FINAL_CONSUMER, CartLine, Customer, Document
from pos.domain.errors import NotFoundError, SeriesError, StateError, ValidationError
from pos.domain.exemptions import sale_exemption
from pos.domain.series import document_number
from pos.domain.text import check_text
from pos.persistence.models import DocumentRow, InoperabilityPeriod, Series, TypographyBook
from pos.persistence.uow import UnitOfWork

from . import corrections, issuing, references
from .manual import find_book, recovered_in, voided_in

Clock = Callable[[], datetime]
MAX_JUSTIFICATION = 4000    # finalizarSerie 'justificacao' (FISCAL-PT §4.3)
MAX_DATE_REASON = 200


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
    # Why a form is recovered although dated outside every recorded inoperability period,
    # or before the last document of its recovery series (date_warnings).
    date_reason: str | None = None
    exemption: str | None = None                  # the sale exempt (M16, M05, M40)
    complements: Complements | None = None        # supply date, contract, period...


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
    date_reason: str | None = None                # dated before the recovery series' last
    exemption: str | None = None
    complements: Complements | None = None


@dataclass(frozen=True)
class ClosedSeries:
    doc_type: str
    series_id: str
    kind: str
    last_number: int


# ---- checks shared by every recovery ---------------------------------------------------

def check_not_training(uow: UnitOfWork) -> None:
    # Issuing picks a kind-R series whenever manual_ref is set, even in training mode: the
    # document would be real. A trainee must not be able to do that.
    if uow.till_settings.training:
        raise StateError(
            "Modo de formação ligado: a recuperação emite documentos reais. Desligue-o "
            "('caixa training off') antes de recuperar documentos.")


def require_recovery_series(uow: UnitOfWork, doc_type_code: str, year: int) -> Series:
    session = uow.session
    series = session.scalars(select(Series).where(
        Series.doc_type == doc_type_code, Series.kind == "R", Series.status == "A",
        Series.till_id == uow.till.id, Series.validation_code.is_not(None))
        .order_by(Series.id)).first()
    if series is None:
        raise SeriesError(
            f"Não há série de recuperação (tipo R) ativa e comunicada à AT para "
            f"{doc_type_code}. Registe-a no Portal das Finanças e adicione-a: caixa series add "
            f"--doc-type {doc_type_code} --series R{year} --kind R "
            "--validation-code CÓDIGO.")
    return series


def _correcting(uow: UnitOfWork, doc_type_code: str, lines: tuple[CartLine, ...],
                reference: str | None, reason: str | None
                ) -> tuple[tuple[CartLine, ...], int | None, str | None]:
    """(lines, corrected document's id, its tax region) of a recovered document: a credit
    or debit note cites the document it corrects by its paper number and is held to what
    that document sold (references.resolve, corrections.paper_note_lines)."""
    if doc_type_code not in ("NC", "ND"):
        if reference:
            raise ValidationError(f"Só notas de crédito ou débito citam outro documento, não "
                                  f"{doc_type_code}.")
        return lines, None, None
    if not (reference or "").strip() or not (reason or "").strip():
        raise ValidationError(
            f"Uma {doc_type(doc_type_code).name.lower()} cita o documento que corrige e o "
            "motivo, como no impresso (--ref e --ref-reason).")
    reference = check_text(reference, "a referência do documento corrigido", 60)
    reason = text.REASON(reason)
    row = references.resolve(uow, reference)
    lines = corrections.paper_note_lines(uow, row, doc_type_code, lines, reason)
    return lines, row.id, row.tax_region


def _sales_only(doc_type_code: str) -> None:
    dtype = doc_type(doc_type_code)
    if dtype.saft_table == "MovementOfGoods":
        raise ValidationError(
            f"{dtype.name} em papel regista-se com o código dado pela AT por telefone: "
            "use 'caixa manual transport'.")
    if dtype.saft_table != "SalesInvoices":
        raise ValidationError(f"A recuperação de {dtype.name.lower()} não é suportada.")


def date_warnings(uow: UnitOfWork, doc_type_code: str, doc_date: date, now: datetime,
                  periods: bool = True) -> list[str]:
    """Why the date of a document to recover needs a reason: outside every inoperability
    period recorded (a form is used while the program cannot be, D8632 §2.4), or before the
    last document of its recovery series (whose dates then go backwards)."""
    out = []
    if periods:
        recorded = list(uow.session.scalars(select(InoperabilityPeriod)
                                            .order_by(InoperabilityPeriod.started_at)))
        if not any(p.started_at.date() <= doc_date <= (p.ended_at or now).date()
                   for p in recorded):
            known = "; ".join(f"{p.started_at:%Y-%m-%d %H:%M} a "
                              f"{p.ended_at:%Y-%m-%d %H:%M}" if p.ended_at else
                              f"{p.started_at:%Y-%m-%d %H:%M} em aberto"
                              for p in recorded[-3:]) or "nenhum"
            out.append(f"a data {doc_date.isoformat()} está fora de todos os períodos de "
                       f"inoperacionalidade registados ({known})")
    series = uow.session.scalars(select(Series).where(
        Series.doc_type == doc_type_code, Series.kind == "R", Series.status == "A",
        Series.till_id == uow.till.id).order_by(Series.id)).first()
    if series is not None and series.last_invoice_date and doc_date < series.last_invoice_date:
        out.append(f"a data {doc_date.isoformat()} é anterior à do último documento da "
                   f"série de recuperação {series.series_id} "
                   f"({series.last_invoice_date.isoformat()})")
    return out


def _check_dates(what: str, warnings: list[str], date_reason: str | None) -> str | None:
    """The reason given for ``warnings`` (checked), or a refusal saying what is wrong."""
    if not warnings:
        return None
    if not (date_reason or "").strip():
        raise ValidationError(
            f"{what}: {'; '.join(warnings)}. Confira a data no papel; se está certa, registe "
            "o período ('caixa manual down') ou indique o motivo (--date-reason).")
    return check_text(date_reason, "o motivo da data", MAX_DATE_REASON)


# ---- manual forms (D8632 §2.4) ---------------------------------------------------------

def locate(uow: UnitOfWork, entry: ManualEntry, now: datetime
           ) -> tuple[TypographyBook, str, str]:
    """The book, the 'series/number' reference and what the journal notes of the form's
    date (a reason given for it, date_warnings), after every check of the form."""
    check_not_training(uow)
    number_text, n = rules.parse_manual_number(entry.number)
    book = find_book(uow, n, entry.book_id, entry.manual_series, entry.doc_type)
    if entry.doc_type and doc_type(entry.doc_type).code != book.doc_type:
        raise ValidationError(f"O livro {book.id} é de {book.doc_type}, não de "
                              f"{entry.doc_type.upper()}.")
    # Two tills must not both find the number free and both recover it.
    uow.lock(TypographyBook, book.id)
    ref = rules.manual_ref(book.manual_series, number_text)
    void = voided_in(uow, book).get(n)
    if void is not None:
        raise StateError(f"O impresso {ref} foi inutilizado ({void.reason}): não se recupera.")
    active = recovered_in(uow, book).get(n)
    if active is not None:
        raise StateError(
            f"O impresso {book.doc_type} {ref} já foi recuperado no documento "
            f"{active.document_no}. Para o corrigir, anule esse documento primeiro.")
    rules.check_not_future(entry.doc_date, now.date(), "impresso")
    require_recovery_series(uow, book.doc_type, now.year)
    sales = doc_type(book.doc_type).saft_table == "SalesInvoices"
    warnings = date_warnings(uow, book.doc_type, entry.doc_date, now, periods=sales)
    reason = _check_dates(f"O impresso {book.doc_type} {ref}", warnings, entry.date_reason)
    return book, ref, f"; {'; '.join(warnings)}: {reason}" if reason else ""


def issue_manual(uow: UnitOfWork, book: TypographyBook, ref: str, entry: ManualEntry,
                 signer, clock: Clock, extra: dict | None = None,
                 movement_start: datetime | None = None, note: str = "") -> Document:
    now = clock()
    # Fail before signing if the series would make a HashControl the XSD rejects.
    rules.recovery_hash_control(signer.version, book.doc_type, ref)
    lines, ref_id, region = _correcting(uow, book.doc_type, entry.lines, entry.reference,
                                        entry.reason)
    doc = issuing.issue(uow, issuing.IssueRequest(
        doc_type=book.doc_type, lines=lines, customer=entry.customer,
        payments=entry.payments, user=entry.user, doc_date=entry.doc_date, manual_ref=ref,
        ref_document_id=ref_id, extra=extra or {}, movement_start=movement_start,
        confirm_clock=entry.confirm_clock, tax_region=region,
        exemption=sale_exemption(entry.exemption), complements=entry.complements),
        signer, clock)
    if book.status == "stock":
        # A form from it was used, so the book is in use whatever was marked before.
        book.status = "in_use"
        uow.audit.append(now, entry.user, "manual_book", f"book {book.id}: stock -> in_use")
    uow.audit.append(now, entry.user, "manual_recover",
                     f"{book.doc_type}M {ref} dated {entry.doc_date.isoformat()} -> "
                     f"{doc.document_no}{note}")
    return doc


def recover(uow: UnitOfWork, entry: ManualEntry, signer, clock: Clock) -> Document:
    """Re-enter one manual form as a signed document of the same type in a recovery series.

    ``clock`` is a clock's ``now``, read inside the write transaction (see issuing.issue).
    """
    book, ref, note = locate(uow, entry, clock())
    _sales_only(book.doc_type)
    return issue_manual(uow, book, ref, entry, signer, clock, note=note)


# ---- lost duplicates (D8632 §2.5) ------------------------------------------------------

def close_series_for_data_loss(uow: UnitOfWork, reason: str, now: datetime, user: str,
                               last_numbers: dict[tuple[str, str], int] | None = None
                               ) -> list[ClosedSeries]:
    """§2.5.1: after restoring a backup, finalise every series in use so that no number is
    issued twice; the new series are then added as usual ('caixa series add').

    ``last_numbers`` maps (doc type, series) to the real last number, read from the paper
    duplicates: the restored database only knows the numbers that were in the backup, and AT
    must be told the real one (finalizarSerie seqUltimoDocEmitido).
    """
    session = uow.session
    reason = check_text(reason, "o motivo do fecho das séries", MAX_JUSTIFICATION)
    wanted = {(t.upper(), s.upper()): n for (t, s), n in (last_numbers or {}).items()}
    rows = list(session.scalars(select(Series).where(
        Series.status == "A", Series.kind.in_(("N", "R")),
        Series.till_id == uow.till.id).order_by(Series.doc_type,
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
        series.final_number = last     # lost documents are re-entered up to it (§2.5)
        # sync/dispatch.py sends this as finalizarSerie (seqUltimoDocEmitido, justificacao).
        payload = {"last_number": last, "reason": reason}
        uow.outbox.add("series_finalize", now, series_pk=series.id, payload=payload)
        uow.audit.append(now, user, "series_finalize",
                         f"{series.doc_type} {series.series_id} last {last}: {reason}")
        closed.append(ClosedSeries(series.doc_type, series.series_id, series.kind, last))
    if not closed:
        raise StateError("Não há séries em uso para fechar.")
    return closed


def reenter_duplicate(uow: UnitOfWork, entry: DuplicateEntry, signer, clock: Clock
                      ) -> Document:
    """§2.5.2-2.5.5: a new document of the same type, HashControl '<key>-<type>D <InvoiceNo>'."""
    session = uow.session
    now = clock()
    check_not_training(uow)
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
    uow.lock(Series, series.id)
    original = document_number(type_code, series.series_id, number)
    if session.scalar(select(DocumentRow.id).where(DocumentRow.document_no == original)):
        raise StateError(f"O documento {original} está na base de dados: não foi perdido.")
    last = max(series.final_number or 0, series.last_number)
    if number > last:
        raise ValidationError(
            f"A série {series.series_id} ({type_code}) foi fechada no n.º {last}: o documento "
            f"{original} não foi emitido e não se recupera. Confira o número no duplicado "
            "(o último número real da série indica-se ao fechá-la: 'caixa manual "
            "close-series --last TIPO:SÉRIE=N').")
    rules.check_not_future(entry.doc_date, now.date(), "duplicado")
    warnings = date_warnings(uow, type_code, entry.doc_date, now, periods=False)
    if series.last_invoice_date and entry.doc_date < series.last_invoice_date:
        warnings.insert(0, f"a data {entry.doc_date.isoformat()} é anterior ao último "
                           f"documento guardado da série {series.series_id} "
                           f"({series.last_invoice_date.isoformat()})")
    reason = _check_dates(f"O duplicado {original}", warnings, entry.date_reason)
    note = f"; {'; '.join(warnings)}: {reason}" if reason else ""
    active = session.scalars(select(DocumentRow).where(
        DocumentRow.doc_type == type_code, DocumentRow.source_billing == "M",
        DocumentRow.status != "A", DocumentRow.manual_ref == original,
        DocumentRow.hash_control.contains(f"-{type_code}D "))).first()
    if active is not None:
        raise StateError(
            f"O duplicado {original} já foi recuperado no documento {active.document_no}. "
            "Para o corrigir, anule esse documento primeiro.")
    require_recovery_series(uow, type_code, now.year)
    rules.recovery_hash_control(signer.version, type_code, original, duplicate=True)
    lines, ref_id, region = _correcting(uow, type_code, entry.lines, entry.reference,
                                        entry.reason)
    doc = issuing.issue(uow, issuing.IssueRequest(
        doc_type=type_code, lines=lines, customer=entry.customer, payments=entry.payments,
        user=entry.user, doc_date=entry.doc_date, duplicate_ref=original,
        ref_document_id=ref_id, confirm_clock=entry.confirm_clock, tax_region=region,
        exemption=sale_exemption(entry.exemption), complements=entry.complements),
        signer, clock)
    uow.audit.append(now, entry.user, "manual_duplicate",
                     f"{type_code}D {original} dated {entry.doc_date.isoformat()} -> "
                     f"{doc.document_no}{note}")
    return doc
