"""Issuing a document: the hot path, in one database transaction.

Lock the series row, take the next number and previous hash from it, check the clock, sign,
insert the document with its lines, payments and AT outbox row, move the series row on,
commit. Nothing is printed or sent before the commit.
"""

import json
import uuid as uuidlib
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Protocol

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from pos.domain import rules
from pos.domain.complements import Complements
from pos.domain.complements import check as complements_check
from pos.domain.doctypes import doc_type as get_doc_type
from pos.domain.documents import (
    FINAL_CONSUMER,
    CartLine,
    Customer,
    Document,
    Payment,
    PricedLine,
    Totals,
    price_lines,
    settle,
)
from pos.domain.errors import IntegrityError, SeriesError, ValidationError
from pos.domain.exemptions import check_sale_exemption, exempt_lines
from pos.domain.series import SeriesState, atcud, document_number
from pos.domain.signature import hash_control, signature_message
from pos.domain.text import brief
from pos.domain.transport import transport_of
from pos.persistence import mapping
from pos.persistence.models import (
    Company,
    DocumentRow,
    LineRow,
    OutboxRow,
    PaymentRow,
    Series,
)
from pos.persistence.models import Customer as CustomerRow
from pos.persistence.uow import UnitOfWork

from . import clock, closures

Clock = Callable[[], datetime]

PAID_AT_ISSUE = ("FS", "FR")
REFUNDED_AT_ISSUE = ("NC",)     # a credit note may record how its money went back

# Built once: plain table statements with bound parameters compile once and stay cached.
_INSERT_DOC = insert(DocumentRow.__table__)
_INSERT_LINE = insert(LineRow.__table__)
_INSERT_PAYMENT = insert(PaymentRow.__table__)
_INSERT_OUTBOX = insert(OutboxRow.__table__)
_UPDATE_SERIES = update(Series.__table__).where(Series.__table__.c.id == bindparam("pk")) \
    .values({c: bindparam(c) for c in ("last_number", "last_hash", "last_invoice_date",
                                       "last_system_entry")})


@dataclass(frozen=True)
class IssueRequest:
    doc_type: str
    lines: tuple[CartLine, ...]
    customer: Customer = FINAL_CONSUMER
    payments: tuple[tuple[str, Decimal | None], ...] = ()
    series_id: str | None = None
    user: str = "admin"
    doc_date: date | None = None          # recovered manual documents keep their own date
    manual_ref: str | None = None         # '<manual series>/<number>' (D8632 §2.4)
    duplicate_ref: str | None = None      # original InvoiceNo of a lost duplicate (§2.5)
    ref_document_id: int | None = None
    extra: dict = field(default_factory=dict)
    movement_start: datetime | None = None
    confirm_clock: bool = False
    tax_region: str | None = None         # a credit note keeps its document's; else the shop's
    exemption: str | None = None          # the whole sale exempt (pos.domain.exemptions)
    complements: Complements | None = None   # supply date, contract, period, correction


BLOCKED = ("A verificação de integridade encontrou alterações nos dados fiscais. A emissão "
           "está bloqueada até um administrador confirmar o relatório ('caixa verify').")


class Reads(Protocol):
    """What issuing reads about its till before it writes: from a unit of work
    (``UowReads``), or from the till's state kept between sales (``pos.services.paying``)."""

    def blocked(self) -> bool: ...

    def training(self) -> bool: ...

    def series_for(self, doc_type: str, kind: str, series_id: str | None): ...

    def setting(self, key: str) -> str: ...

    def high_water(self) -> datetime | None: ...

    def first_without_z(self) -> datetime | None: ...


class UowReads:
    """Issuing's reads inside a unit of work (the series row locked on PostgreSQL)."""

    def __init__(self, uow: UnitOfWork):
        self.uow = uow

    def blocked(self) -> bool:
        return self.uow.integrity.blocked()

    def training(self) -> bool:
        return self.uow.till_settings.training

    def series_for(self, doc_type: str, kind: str, series_id: str | None):
        return self.uow.series.for_issuing(doc_type, kind, series_id)

    def setting(self, key: str) -> str:
        return self.uow.till_settings.get(key)

    def high_water(self) -> datetime | None:
        return self.uow.series.last_system_entry()

    def first_without_z(self) -> datetime | None:
        return closures.first_without_z(self.uow)


def check_not_blocked(uow: UnitOfWork) -> None:
    if uow.integrity.blocked():
        raise IntegrityError(BLOCKED)


def company_region(uow: UnitOfWork) -> str:
    return region_or_refuse(uow.session.scalar(select(Company.tax_region)
                                               .where(Company.id == 1)))


def region_or_refuse(region: str | None) -> str:
    if region is None:
        raise ValidationError("A empresa ainda não está configurada ('caixa init').")
    return region


def _wanted_kind(training: bool, manual: bool) -> str:
    if manual:
        if training:
            raise SeriesError("Modo de formação ativo: não se recuperam documentos manuais "
                              "nem duplicados em formação.")
        return "R"
    return "F" if training else "N"


def lock_series(uow: UnitOfWork, doc_type: str, series_id: str | None = None,
                manual: bool = False) -> Series:
    """This till's series for ``doc_type`` (the one named, or the first active one of the
    kind the till is issuing in), locked until the commit."""
    return pick_series(UowReads(uow), doc_type, series_id, manual)


def pick_series(reads: Reads, doc_type: str, series_id: str | None = None,
                manual: bool = False):
    kind = _wanted_kind(reads.training(), manual)
    series = reads.series_for(doc_type, kind, series_id)
    if series is None:
        if series_id:
            raise SeriesError(f"Série {brief(series_id)} para {doc_type} não existe nesta "
                              "caixa.")
        what = {"F": "de formação", "R": "de recuperação", "N": "normal"}[kind]
        raise SeriesError(
            f"Não há série {what} ativa e comunicada à AT para {doc_type}. Registe uma "
            "série ou, sem ligação à AT, use os documentos pré-impressos.")
    if series.kind != kind:
        if kind == "F":
            raise SeriesError(f"Modo de formação ativo: a série {series.series_id} não é de "
                              "formação.")
        raise SeriesError(f"A série {series.series_id} é do tipo {series.kind}; este documento "
                          f"precisa de uma série do tipo {kind}.")
    return series


@dataclass(frozen=True)
class Slot:
    """The next number of a locked series, and the time read once the lock was held.
    ``series``: its row (an ORM ``Series``, or the till state's copy of it)."""

    series: Series
    number: int
    document_no: str
    atcud: str
    now: datetime
    doc_date: date


def next_in_series(uow: UnitOfWork, doc_type: str, series_id: str | None, now: Clock, *,
                   manual: bool = False, doc_date: date | None = None,
                   confirm_clock: bool = False, user: str | None = None) -> Slot:
    """Lock the series, read the clock, check it, and give the next number and its ATCUD.

    Every numbered document (signed or not: receipts too) takes its number here. The clock
    is read only once the series is locked: a writer that waited for the lock must not
    sign with a time taken before the document that held it.
    """
    def clock_needs_manager(at: datetime, reason: str) -> None:
        clock.confirm_or_refuse(uow, at, reason, confirm_clock, user)

    return take_slot(UowReads(uow), doc_type, series_id, now, manual=manual,
                     doc_date=doc_date, clock_needs_manager=clock_needs_manager)


def take_slot(reads: Reads, doc_type: str, series_id: str | None, now: Clock, *,
              manual: bool, doc_date: date | None,
              clock_needs_manager: Callable[[datetime, str], None]) -> Slot:
    """``next_in_series`` over any ``Reads``: ``clock_needs_manager(now, reason)`` records a
    manager's confirmation or raises."""
    if reads.blocked():
        raise IntegrityError(BLOCKED)
    series = pick_series(reads, doc_type, series_id, manual)
    at = now()
    SeriesState(series.series_id, series.doc_type, series.kind, series.status,
                series.validation_code, series.last_number, series.last_hash,
                series.last_invoice_date, series.last_system_entry).check_can_issue()
    fiscal = series.kind != "F"
    reason = clock.judge(at, reads.high_water(), reads.setting, fiscal)
    if reason is not None:
        clock_needs_manager(at, reason)
    if fiscal:
        closures.refuse_if_z_due(at, closures.z_hours(reads.setting(closures.Z_MAX_KEY)),
                                 reads.first_without_z)
    day = doc_date or at.date()
    if day > at.date():
        raise ValidationError("A data do documento não pode ser futura.")
    if not manual:
        rules.check_document_date(day, series.last_invoice_date, series.series_id)
    number = series.last_number + 1
    return Slot(series, number, document_number(doc_type, series.series_id, number),
                atcud(series.validation_code, number), at, day)


def moved_on(slot: Slot, digest: str) -> dict:
    """The series row's columns once ``slot`` is issued (its number, hash, dates)."""
    series = slot.series
    return dict(last_number=slot.number, last_hash=digest,
                last_invoice_date=max(slot.doc_date, series.last_invoice_date or slot.doc_date),
                last_system_entry=slot.now)


def move_on(uow: UnitOfWork, slot: Slot, digest: str) -> None:
    """The series row now ends at ``slot`` (its number, hash, dates)."""
    series = slot.series
    moved = moved_on(slot, digest)
    uow.session.connection().execute(_UPDATE_SERIES, {"pk": series.id, **moved})
    for key, value in moved.items():   # keep the session's copy of the row true
        set_committed_value(series, key, value)
    uow.moved.series[f"{series.doc_type} {series.series_id}"] = (slot.number, digest[:16])


def ref_uuid(uow: UnitOfWork, ref_document_id: int | None) -> str | None:
    """The UUID of a referenced document, as the seal names it (not the local row id)."""
    if ref_document_id is None:
        return None
    return uow.session.scalar(select(DocumentRow.uuid).where(DocumentRow.id == ref_document_id))


def invoice_deadline(day: date) -> datetime:
    """e-Fatura: day 5 of the following month (FISCAL-PT §6.1)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return datetime(year, month, min(5, monthrange(year, month)[1]), 23, 59, 59)


def outbox_for(doc_type: str, series_kind: str, day: date, now: datetime,
               movement_start: datetime | None) -> tuple[str, datetime] | None:
    """Which AT duty a new document creates, and its deadline (training: none)."""
    if series_kind == "F":
        return None
    at_class = get_doc_type(doc_type).at_class
    if at_class == "SI":
        # An invoice that serves as transport document must reach AT before the goods
        # move (RBC art. 5.º n.º 5; services/transport.py), not only by day 5.
        due = invoice_deadline(day)
        return "invoice", min(due, movement_start) if movement_start else due
    if at_class == "WD":
        return "work", invoice_deadline(day)
    if at_class == "MG":
        return "transport", movement_start or now + timedelta(minutes=5)
    return None


@dataclass
class Draft:
    """A document composed, signed and ready to insert: its columns (``values``, without
    the row id), its lines and payments (without ``document_id``), the AT duty it owes."""

    values: dict
    lines: tuple[PricedLine, ...]
    line_values: list[dict]
    pay_values: list[dict]
    duty: tuple[str, datetime] | None
    totals: Totals
    payments: tuple[Payment, ...]
    customer: Customer
    transport: object
    complements: Complements | None = None

    def line_rows(self, doc_id: int) -> list[dict]:
        return [{**ln, "document_id": doc_id} for ln in self.line_values]

    def pay_rows(self, doc_id: int) -> list[dict]:
        return [{**p, "document_id": doc_id} for p in self.pay_values]

    def outbox_row(self, doc_id: int) -> dict | None:
        if self.duty is None:
            return None
        at = self.values["system_entry_date"]
        return dict(till_id=self.values["till_id"], kind=self.duty[0], document_id=doc_id,
                    series_pk=None, payload=None, status="pending", attempts=0,
                    created_at=at, next_attempt_at=at, deadline=self.duty[1],
                    last_error=None, done_at=None, result=None)

    def document(self, doc_id: int) -> Document:
        v = self.values
        return Document(
            id=doc_id, uuid=v["uuid"], doc_type=v["doc_type"], series_id=v["series_id"],
            series_kind=v["series_kind"], number=v["number"], document_no=v["document_no"],
            atcud=v["atcud"], invoice_date=v["invoice_date"],
            system_entry_date=v["system_entry_date"], customer=self.customer,
            lines=self.lines, totals=self.totals, payments=self.payments,
            previous_hash=v["previous_hash"], hash=v["hash"], hash_control=v["hash_control"],
            key_version=v["key_version"], source_billing=v["source_billing"], status="N",
            status_date=v["system_entry_date"], status_reason=None, user=v["user_login"],
            tax_region=v["tax_region"], manual_ref=v["manual_ref"], at_doc_code=None,
            movement_start=v["movement_start"], transport=self.transport,
            complements=self.complements)


def compose(req: IssueRequest, slot: Slot, region: str, signer, till_id: int) -> Draft:
    """Price, settle and sign ``req`` in ``slot``: everything but the writing (pure but for
    the signature)."""
    dtype = get_doc_type(req.doc_type)
    manual = bool(req.manual_ref or req.duplicate_ref)
    series, number, doc_no, code = slot.series, slot.number, slot.document_no, slot.atcud
    at, doc_date = slot.now, slot.doc_date

    cart = req.lines
    if req.exemption:
        check_sale_exemption(req.exemption, req.doc_type, req.customer)
        cart = exempt_lines(cart, req.exemption, region, doc_date)
    lines, totals = price_lines(list(cart), region, doc_date)
    extra = req.extra
    complements = complements_check(req.complements, req.doc_type, doc_date) \
        if req.complements else None
    if complements:
        extra = {**extra, **complements.as_extra()}
    if dtype.is_invoice and req.doc_type in ("FS", "FT", "FR"):
        rules.check_invoice_type(req.doc_type, totals.gross, lines, req.customer)
    payments: tuple[Payment, ...] = ()
    if req.doc_type in PAID_AT_ISSUE:
        payments, _change = settle(totals.gross, list(req.payments))
    elif req.doc_type in REFUNDED_AT_ISSUE and req.payments:
        payments, change = settle(totals.gross, list(req.payments))
        if change:
            raise ValidationError("O reembolso não pode passar o valor da nota de crédito.")
    elif req.payments:
        raise ValidationError(f"{dtype.name} não regista pagamento: use FR ou FS.")

    key_version = signer.version
    previous = series.last_hash
    digest = signer.sign(signature_message(doc_date, at, doc_no, totals.gross, previous)) \
        if dtype.signed else ""
    control = hash_control(key_version, req.manual_ref, req.duplicate_ref, req.doc_type) \
        if dtype.signed else ""
    customer = req.customer
    values = dict(
        uuid=str(uuidlib.uuid4()), till_id=till_id, series_pk=series.id,
        doc_type=req.doc_type, series_id=series.series_id, series_kind=series.kind,
        number=number, document_no=doc_no, atcud=code, invoice_date=doc_date,
        system_entry_date=at, customer_nif=customer.nif, customer_name=customer.name,
        customer_address=customer.address, customer_city=customer.city,
        customer_postal_code=customer.postal_code, customer_country=customer.country,
        tax_region=region, net_total=totals.net, tax_payable=totals.tax,
        gross_total=totals.gross, previous_hash=previous, hash=digest, hash_control=control,
        key_version=key_version, source_billing="M" if manual else "P", user_login=req.user,
        manual_ref=req.manual_ref or req.duplicate_ref, ref_document_id=req.ref_document_id,
        extra=json.dumps(extra, ensure_ascii=False) if extra else None,
        movement_start=req.movement_start)
    return Draft(values, lines, [mapping.line_values(ln) for ln in lines],
                 [{"method": p.method, "amount": p.amount, "tendered": p.tendered}
                  for p in payments],
                 outbox_for(req.doc_type, series.kind, doc_date, at, req.movement_start),
                 totals, payments, customer, transport_of(req.extra), complements)


def issue(uow: UnitOfWork, req: IssueRequest, signer, now: Clock) -> Document:
    """Issue ``req`` inside the unit of work's write transaction; the signed document.

    ``now`` is a clock's ``now``: it is read only once the series is locked (next_in_series).
    The till's own sales take the same steps on its long-lived connection
    (``pos.services.paying``).
    """
    region = req.tax_region or company_region(uow)
    slot = next_in_series(uow, req.doc_type, req.series_id, now,
                          manual=bool(req.manual_ref or req.duplicate_ref),
                          doc_date=req.doc_date, confirm_clock=req.confirm_clock,
                          user=req.user)
    draft = compose(req, slot, region, signer, uow.till.id)
    values = draft.values
    # Core statements, not ORM units of work: the ORM's flush bookkeeping cost several
    # times the insert itself (docs/PERFORMANCE.md).
    conn = uow.session.connection()
    fresh = uow.chain.new_document_id()
    if fresh is not None:
        values["id"] = fresh
    doc_id = conn.execute(_INSERT_DOC, values).inserted_primary_key[0]
    line_rows = draft.line_rows(doc_id)
    conn.execute(_INSERT_LINE, line_rows)
    pay_rows = draft.pay_rows(doc_id)
    if pay_rows:
        conn.execute(_INSERT_PAYMENT, pay_rows)
    # Every byte of it sealed in the till's document chain (one Ed25519 signature).
    uow.chain.issued(doc_id, values, line_rows, pay_rows, ref_uuid(uow, req.ref_document_id))
    move_on(uow, slot, values["hash"])
    duty = draft.outbox_row(doc_id)
    if duty is not None:
        conn.execute(_INSERT_OUTBOX, duty)
    if not req.customer.is_final_consumer:
        _remember_customer(uow.session, req.customer)
    return draft.document(doc_id)


def _remember_customer(session: Session, customer: Customer) -> None:
    """Keep a customer file; never change the NIF or name of one already used (D8632 §3.3)."""
    existing = session.scalars(select(CustomerRow).where(CustomerRow.nif == customer.nif)
                               ).first()
    if existing is None:
        session.add(CustomerRow(nif=customer.nif, name=customer.name, address=customer.address,
                                city=customer.city, postal_code=customer.postal_code,
                                country=customer.country))
    elif not existing.address and customer.address:
        existing.address, existing.city = customer.address, customer.city
        existing.postal_code = customer.postal_code
