"""Typography books, forms voided on paper, the missing-number report, inoperability periods.

The recovery itself (issuing) is in manual_recovery.py, paper transport in manual_transport.py;
pos.application.manual is what the CLI and the back-office screens call.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from pos.domain import manual as rules
from pos.domain.doctypes import doc_type
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.nif import validate_nif
from pos.domain.series import validate_validation_code
from pos.domain.text import check_text
from pos.persistence.models import (
    DocumentRow,
    InoperabilityPeriod,
    TypographyBook,
    VoidedManualNumber,
)
from pos.persistence.uow import UnitOfWork

MAX_VOID_REASON = 100
MAX_PERIOD_REASON = 200


@dataclass(frozen=True)
class BookInfo:
    id: int
    doc_type: str
    manual_series: str
    first_number: int
    last_number: int
    typography_name: str
    typography_nif: str
    authorization: str
    validation_code: str | None
    status: str


@dataclass(frozen=True)
class BookReport:
    book: BookInfo
    recovered: dict[int, str]            # manual number -> active recovered document
    voided: dict[int, str]               # manual number -> reason
    missing: list[tuple[int, int]] = field(default_factory=list)   # ranges

    @property
    def missing_count(self) -> int:
        return sum(b - a + 1 for a, b in self.missing)

    def missing_numbers(self) -> list[int]:
        return [n for a, b in self.missing for n in range(a, b + 1)]


@dataclass(frozen=True)
class PeriodInfo:
    id: int
    started_at: datetime
    ended_at: datetime | None
    reason: str
    recorded_by: str


def _info(b: TypographyBook) -> BookInfo:
    return BookInfo(b.id, b.doc_type, b.manual_series, b.first_number, b.last_number,
                    b.typography_name, b.typography_nif, b.authorization, b.validation_code,
                    b.status)


def _text(value: str, what: str, limit: int) -> str:
    return check_text(value, what, limit)


# ---- books -----------------------------------------------------------------------------

def add_book(uow: UnitOfWork, doc_type_code: str, manual_series: str, first: int, last: int,
             typography_name: str, typography_nif: str, authorization: str,
             validation_code: str | None, now: datetime, user: str) -> BookInfo:
    session = uow.session
    dtype = doc_type(doc_type_code)
    if not dtype.signed:
        raise ValidationError(f"{dtype.name} não é recuperado de impressos (não é assinado).")
    series = rules.validate_manual_series(manual_series)
    rules.check_range(first, last)
    name = _text(typography_name, "o nome da tipografia", 100)
    nif = validate_nif(typography_nif)
    auth = _text(authorization, "a autorização da tipografia", 60)
    code = validate_validation_code(validation_code) if validation_code else None
    for other in _books_of(uow, dtype.code, series):
        if rules.overlaps(first, last, other.first_number, other.last_number):
            raise ValidationError(
                f"A numeração {first}-{last} sobrepõe-se ao livro {other.id} ({other.doc_type} "
                f"{other.manual_series} {other.first_number}-{other.last_number}).")
    book = TypographyBook(doc_type=dtype.code, manual_series=series, first_number=first,
                          last_number=last, typography_name=name, typography_nif=nif,
                          authorization=auth, validation_code=code, status="stock",
                          created_at=now)
    session.add(book)
    session.flush()
    uow.audit.append(now, user, "manual_book",
                     f"book {book.id}: {dtype.code} {series} {first}-{last} ({name}, {auth})")
    return _info(book)


def _books_of(uow: UnitOfWork, doc_type_code: str, series: str) -> list[TypographyBook]:
    session = uow.session
    # AT treats series case-insensitively; a book 'ABC' and a book 'abc' are the same series.
    rows = session.scalars(select(TypographyBook).where(TypographyBook.doc_type == doc_type_code))
    return [b for b in rows if b.manual_series.upper() == series.upper()]


def books(uow: UnitOfWork) -> list[BookInfo]:
    session = uow.session
    return [_info(b) for b in session.scalars(
        select(TypographyBook).order_by(TypographyBook.doc_type, TypographyBook.manual_series,
                                        TypographyBook.first_number))]


def get_book(uow: UnitOfWork, book_id: int) -> TypographyBook:
    session = uow.session
    book = session.get(TypographyBook, book_id)
    if book is None:
        raise NotFoundError(f"Livro de impressos {book_id} não existe ('caixa manual books').")
    return book


def find_book(uow: UnitOfWork, number: int, book_id: int | None = None,
              manual_series: str | None = None, doc_type_code: str | None = None
              ) -> TypographyBook:
    """The book holding ``number``, by id or by manual series (and type when ambiguous)."""
    session = uow.session
    if book_id is not None:
        book = get_book(uow, book_id)
    else:
        if not manual_series:
            raise ValidationError("Indique o livro (--book) ou a série manual (--series).")
        series = rules.validate_manual_series(manual_series)
        q = select(TypographyBook).where(TypographyBook.first_number <= number,
                                         TypographyBook.last_number >= number)
        if doc_type_code:
            q = q.where(TypographyBook.doc_type == doc_type(doc_type_code).code)
        found = [b for b in session.scalars(q) if b.manual_series.upper() == series.upper()]
        if not found:
            raise NotFoundError(
                f"Nenhum livro registado tem a série {series} com o número {number}: registe "
                "o livro ('caixa manual book-add').")
        if len(found) > 1:
            kinds = ", ".join(sorted(b.doc_type for b in found))
            raise ValidationError(
                f"A série {series} n.º {number} existe em livros de vários tipos ({kinds}): "
                "indique o tipo (--type) ou o livro (--book).")
        book = found[0]
    if not book.first_number <= number <= book.last_number:
        raise ValidationError(
            f"O número {number} não pertence ao livro {book.id} ({book.manual_series} "
            f"{book.first_number}-{book.last_number}).")
    return book


def set_book_status(uow: UnitOfWork, book_id: int, status: str, now: datetime,
                    user: str) -> BookInfo:
    book = get_book(uow, book_id)
    if status not in rules.BOOK_STATUSES:
        raise ValidationError(f"Estado de livro desconhecido: {status} (use in_use ou closed).")
    if status == book.status:
        return _info(book)
    if status not in rules.BOOK_TRANSITIONS[book.status]:
        raise StateError(
            f"O livro {book.id} está {rules.BOOK_STATUSES[book.status]}: não pode passar a "
            f"{rules.BOOK_STATUSES[status]}.")
    uow.audit.append(now, user, "manual_book",
                     f"book {book.id}: {book.status} -> {status}")
    book.status = status
    return _info(book)


# ---- recovered and voided numbers ------------------------------------------------------

def recovered_in(uow: UnitOfWork, book: TypographyBook) -> dict[int, DocumentRow]:
    """Active (status ≠ A) recovered documents of the book, by manual number.

    The number is compared as an integer: 'abc/1' and 'abc/00001' are the same form.
    """
    session = uow.session
    marker = f"-{book.doc_type}M "
    rows = session.scalars(select(DocumentRow).where(
        DocumentRow.doc_type == book.doc_type, DocumentRow.source_billing == "M",
        DocumentRow.status != "A", DocumentRow.hash_control.contains(marker)))
    out: dict[int, DocumentRow] = {}
    for row in rows:
        parts = rules.split_manual_ref(row.manual_ref or "")
        if parts and parts[0].upper() == book.manual_series.upper() \
                and book.first_number <= parts[1] <= book.last_number:
            out.setdefault(parts[1], row)
    return out


def voided_in(uow: UnitOfWork, book: TypographyBook) -> dict[int, VoidedManualNumber]:
    session = uow.session
    return {v.number: v for v in session.scalars(
        select(VoidedManualNumber).where(VoidedManualNumber.book_id == book.id))}


def void_number(uow: UnitOfWork, number: str | int, reason: str, now: datetime, user: str,
                book_id: int | None = None, manual_series: str | None = None,
                doc_type_code: str | None = None) -> BookInfo:
    """A form spoiled or cancelled on paper: it will never be recovered."""
    session = uow.session
    _text_number, n = rules.parse_manual_number(number)
    reason = _text(reason, "o motivo", MAX_VOID_REASON)
    book = find_book(uow, n, book_id, manual_series, doc_type_code)
    if n in voided_in(uow, book):
        raise StateError(f"O impresso {book.manual_series}/{n} já está inutilizado.")
    active = recovered_in(uow, book).get(n)
    if active is not None:
        raise StateError(
            f"O impresso {book.manual_series}/{n} foi recuperado em {active.document_no}: "
            "anule esse documento antes de o inutilizar.")
    session.add(VoidedManualNumber(book_id=book.id, number=n, reason=reason, at=now,
                                   user_login=user))
    uow.audit.append(now, user, "manual_void",
                     f"book {book.id}: {book.doc_type} {book.manual_series}/{n}: {reason}")
    return _info(book)


def report(uow: UnitOfWork, book_id: int) -> BookReport:
    book = get_book(uow, book_id)
    recovered = {n: row.document_no for n, row in recovered_in(uow, book).items()}
    voided = {n: v.reason for n, v in voided_in(uow, book).items()}
    missing = rules.missing_ranges(book.first_number, book.last_number,
                                   set(recovered) | set(voided))
    return BookReport(_info(book), dict(sorted(recovered.items())),
                      dict(sorted(voided.items())), missing)


# ---- inoperability periods -------------------------------------------------------------

def start_period(uow: UnitOfWork, started_at: datetime, reason: str, now: datetime,
                 user: str, ended_at: datetime | None = None) -> PeriodInfo:
    """Entered afterwards as a rule: the till was dead when it started."""
    session = uow.session
    reason = _text(reason, "o motivo da inoperacionalidade", MAX_PERIOD_REASON)
    if started_at > now:
        raise ValidationError("O início da inoperacionalidade não pode ser futuro.")
    _check_end(started_at, ended_at, now)
    for other in session.scalars(select(InoperabilityPeriod)):
        if other.ended_at is None and ended_at is None:
            raise StateError(
                f"Já há um período de inoperacionalidade em aberto (n.º {other.id}, desde "
                f"{other.started_at:%Y-%m-%d %H:%M}): feche-o com 'caixa manual up'.")
        if _intersects(started_at, ended_at or now, other.started_at, other.ended_at or now):
            raise ValidationError(
                f"O período sobrepõe-se ao período n.º {other.id} "
                f"({other.started_at:%Y-%m-%d %H:%M}).")
    row = InoperabilityPeriod(started_at=started_at, ended_at=ended_at, reason=reason,
                              recorded_by=user, recorded_at=now)
    session.add(row)
    session.flush()
    uow.audit.append(now, user, "inoperability_start",
                     f"period {row.id} from {started_at:%Y-%m-%dT%H:%M:%S}: {reason}")
    if ended_at is not None:
        uow.audit.append(now, user, "inoperability_end",
                         f"period {row.id} until {ended_at:%Y-%m-%dT%H:%M:%S}")
    return _period(row)


def end_period(uow: UnitOfWork, ended_at: datetime, now: datetime, user: str,
               period_id: int | None = None) -> PeriodInfo:
    session = uow.session
    if period_id is None:
        row = session.scalars(select(InoperabilityPeriod).where(
            InoperabilityPeriod.ended_at.is_(None))).first()
        if row is None:
            raise NotFoundError("Não há nenhum período de inoperacionalidade em aberto.")
    else:
        row = session.get(InoperabilityPeriod, period_id)
        if row is None:
            raise NotFoundError(f"O período de inoperacionalidade {period_id} não existe.")
    if row.ended_at is not None:
        raise StateError(f"O período {row.id} já terminou ({row.ended_at:%Y-%m-%d %H:%M}).")
    _check_end(row.started_at, ended_at, now)
    row.ended_at = ended_at
    uow.audit.append(now, user, "inoperability_end",
                     f"period {row.id} until {ended_at:%Y-%m-%dT%H:%M:%S}")
    return _period(row)


def periods(uow: UnitOfWork) -> list[PeriodInfo]:
    session = uow.session
    return [_period(p) for p in session.scalars(
        select(InoperabilityPeriod).order_by(InoperabilityPeriod.started_at))]


def _check_end(started_at: datetime, ended_at: datetime | None, now: datetime) -> None:
    if ended_at is None:
        return
    if ended_at < started_at:
        raise ValidationError("O fim da inoperacionalidade é anterior ao início.")
    if ended_at > now:
        raise ValidationError("O fim da inoperacionalidade não pode ser futuro.")


def _intersects(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> bool:
    return a0 < b1 and b0 < a1


def _period(p: InoperabilityPeriod) -> PeriodInfo:
    return PeriodInfo(p.id, p.started_at, p.ended_at, p.reason, p.recorded_by)
