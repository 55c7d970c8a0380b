"""The AT outbox: what a worker may take, and what happened to it.

Rows are written in the same transaction as what creates the duty (issuing, cancellations,
manual transport, series changes). A worker outside ``pos`` claims due rows, sends them and
reports each outcome here. Statuses: ``pending`` → ``sending`` (claimed) → ``done``, back to
``pending`` with a later ``next_attempt_at`` (retry), or ``parked`` for a manager.

A claim is a lease per row, not a lock: ``sending`` lasts until ``next_attempt_at``, and the
row names its holder (``claimed_by``, a token from ``claims``). The sender renews a row's
lease just before it sends it and keeps renewing it while the request is in flight
(``renew``); a row whose lease ran out and was claimed by another sender is no longer its
own, so it is skipped, never sent twice. Outcomes are recorded only on rows the sender still
holds, except "AT has it", which is true whoever asked. A sender killed mid-send leaves its
rows marked ``sending``: a till of the same machine takes them back at once when it sees the
holding process is gone (``claim``), and otherwise they are due when their lease runs out;
a resend of what AT already had is answered "already registered" and reconciled, never
registered twice.
"""

from __future__ import annotations

import calendar
import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from pos.domain.company import Issuer
from pos.domain.documents import Document
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.seal import AT_CODE
from pos.persistence import mapping
from pos.persistence.models import Company, DocumentRow, OutboxRow, Series
from pos.persistence.uow import UnitOfWork

from . import claims

PENDING, SENDING, DONE, PARKED = "pending", "sending", "done", "parked"
OPEN = (PENDING, SENDING, PARKED)
FATCORE_KINDS = ("invoice", "invoice_status", "work", "work_status")
TRANSPORT_KINDS = ("transport", "transport_status", "transport_paper", "transport_phoned")
SERIES_KINDS = ("series_register", "series_finalize", "series_cancel")
KINDS = FATCORE_KINDS + TRANSPORT_KINDS + SERIES_KINDS
CHANNELS = ("webservice", "saft")
STOP_KEY = "at_queue_stopped"
MAX_ERROR = 2000


@dataclass(frozen=True)
class QueuePolicy:
    """How the queue behaves; read from the ``[queue]`` section of the config file.

    ``invoice_channel="saft"``: invoices and working documents reach AT in the monthly
    SAF-T upload instead of the webservice, so their rows are never sent, only tracked
    against the deadline until ``confirm_saft`` closes the month.
    """

    invoice_channel: str = "webservice"
    retry_base_seconds: float = 30.0
    retry_max_seconds: float = 3600.0
    lease_seconds: float = 300.0
    invoice_warn_days: int = 3
    transport_warn_minutes: int = 60

    def __post_init__(self) -> None:
        if self.invoice_channel not in CHANNELS:
            raise ValidationError(f"Canal de comunicação de faturas desconhecido: "
                                  f"{self.invoice_channel!r} (use webservice ou saft).")
        if not 0 < self.retry_base_seconds <= self.retry_max_seconds:
            raise ValidationError("Intervalos de nova tentativa inválidos (0 < base ≤ máximo).")
        if self.lease_seconds <= 0:
            raise ValidationError("A reserva de um envio (lease_seconds) tem de ser positiva.")

    @property
    def sendable(self) -> tuple[str, ...]:
        if self.invoice_channel == "saft":
            return TRANSPORT_KINDS + SERIES_KINDS
        return KINDS


@dataclass(frozen=True)
class SeriesRef:
    pk: int
    series_id: str
    doc_type: str
    kind: str
    status: str
    validation_code: str | None
    first_number: int
    last_number: int
    start_date: date | None


@dataclass(frozen=True)
class Duty:
    """One claimed row with everything needed to build its request (no ORM objects)."""

    id: int
    kind: str
    attempts: int
    created_at: datetime
    deadline: datetime | None
    payload: str | None
    document: Document | None = None
    extra: dict | None = None
    issuer: Issuer | None = None
    series: SeriesRef | None = None
    claim: str = ""                 # the claim token this sender holds the row with

    @property
    def label(self) -> str:
        if self.document is not None:
            return self.document.document_no
        if self.series is not None:
            return f"série {self.series.doc_type} {self.series.series_id}"
        return f"envio {self.id}"


@dataclass(frozen=True)
class StopInfo:
    at: datetime
    message: str
    code: str | None = None


# ---- claiming ----------------------------------------------------------------------------

def stopped(uow: UnitOfWork) -> StopInfo | None:
    """Whether this till's queue is stopped (credentials, certificates...), and why."""
    raw = uow.till_settings.get(STOP_KEY)
    if not raw:
        return None
    data = json.loads(raw)
    return StopInfo(datetime.fromisoformat(data["at"]), data["message"], data.get("code"))


def _waiting_on_earlier():
    """True for a row whose document or series has an earlier AT duty not yet done: a
    cancellation must not overtake the registration it cancels (an e-mail of the document
    waiting for its server is not AT's business and holds nothing back)."""
    earlier = aliased(OutboxRow)
    return exists(select(earlier.id).where(
        earlier.status.in_(OPEN), earlier.id < OutboxRow.id, earlier.kind.in_(KINDS),
        or_(and_(OutboxRow.document_id.is_not(None),
                 earlier.document_id == OutboxRow.document_id),
            and_(OutboxRow.series_pk.is_not(None), earlier.series_pk == OutboxRow.series_pk))))


def reclaim_orphans(uow: UnitOfWork, now: datetime) -> int:
    """Make due at once this till's rows held by a process of this machine that is gone
    (a drain killed mid-batch, a till that crashed); how many."""
    held = uow.session.scalars(
        select(OutboxRow.claimed_by).distinct()
        .where(OutboxRow.till_id == uow.till.id, OutboxRow.status == SENDING,
               OutboxRow.next_attempt_at > now, OutboxRow.claimed_by.is_not(None))).all()
    gone = [token for token in held if claims.process_gone(token)]
    if not gone:
        return 0
    return uow.session.execute(
        update(OutboxRow).where(OutboxRow.till_id == uow.till.id, OutboxRow.status == SENDING,
                                OutboxRow.claimed_by.in_(gone))
        .values(next_attempt_at=now).execution_options(synchronize_session=False)).rowcount


def _urgency(row: OutboxRow) -> tuple:
    return (row.deadline is None, row.deadline or datetime.min, row.id)


def _due(uow: UnitOfWork, status: str, now: datetime, kinds: list[str], limit: int):
    """The first ``limit`` due rows of one status, most urgent first: one status at a time so
    that the walk follows ix_outbox_queue (till, status, no deadline, deadline, id) and
    stops after ``limit`` rows, however long the backlog. On SQLite the due time is read
    as ``+next_attempt_at`` — no index serves it — or the planner would pick ix_outbox_due
    and sort every due row."""
    due = OutboxRow.next_attempt_at
    if uow.is_sqlite:
        due = UnaryExpression(due, operator=custom_op("+"), type_=due.type)
    q = (select(OutboxRow)
         .where(OutboxRow.till_id == uow.till.id, OutboxRow.status == status, due <= now,
                OutboxRow.kind.in_(kinds), ~_waiting_on_earlier())
         .order_by(OutboxRow.deadline.is_(None), OutboxRow.deadline, OutboxRow.id)
         .limit(limit))
    return q if uow.is_sqlite else q.with_for_update(skip_locked=True)


def claim(uow: UnitOfWork, now: datetime, policy: QueuePolicy, limit: int = 10,
          kinds: Iterable[str] | None = None, token: str | None = None) -> list[int]:
    """Lease up to ``limit`` of this till's due rows (most urgent deadline first) to the
    claim ``token`` (a new one when not given); their ids."""
    if stopped(uow) is not None:
        return []
    reclaim_orphans(uow, now)
    allowed = [k for k in (kinds or policy.sendable) if k in policy.sendable]
    rows = sorted((row for status in (PENDING, SENDING)
                   for row in uow.session.scalars(_due(uow, status, now, allowed, limit))),
                  key=_urgency)[:limit]
    lease = now + timedelta(seconds=policy.lease_seconds)
    token = token or claims.new_claim()
    for row in rows:
        row.status, row.attempts, row.next_attempt_at = SENDING, row.attempts + 1, lease
        row.claimed_by = token
    return [r.id for r in rows]


def renew(uow: UnitOfWork, row_id: int, token: str, now: datetime, policy: QueuePolicy
          ) -> bool:
    """Extend the lease of a row this sender holds; False when it no longer holds it (its
    lease ran out and another sender claimed it, or its outcome is already recorded)."""
    return uow.session.execute(
        update(OutboxRow).where(OutboxRow.id == row_id, OutboxRow.status == SENDING,
                                OutboxRow.claimed_by == token)
        .values(next_attempt_at=now + timedelta(seconds=policy.lease_seconds))
        .execution_options(synchronize_session=False)).rowcount == 1


def is_done(session: Session, row_id: int) -> bool:
    return _row(session, row_id).status == DONE


def holds(session: Session, row_id: int, token: str | None) -> bool:
    """Whether the sender with claim ``token`` still holds the row (None: no claim named,
    as by a caller that recorded outcomes before claims existed)."""
    row = _row(session, row_id)
    return row.status == SENDING and (token is None or row.claimed_by == token)


def issuer(uow: UnitOfWork) -> Issuer | None:
    """The shop as this till presents it (its establishment), or None before set-up."""
    c = uow.session.get(Company, 1)
    if c is None:
        return None
    return Issuer(c.nif, c.name, c.address, c.city, c.postal_code, c.country, c.tax_region,
                  c.business_name, uow.till.establishment if uow.has_till else "Global",
                  c.phone, c.email, uow.settings.get("certificate_number"),
                  producer=uow.settings.producer())


def load(uow: UnitOfWork, ids: Iterable[int]) -> list[Duty]:
    """The claimed rows as values, in the order given."""
    session = uow.session
    issuer_ = issuer(uow)
    out = []
    for row_id in ids:
        row = session.get(OutboxRow, row_id)
        if row is None:
            continue
        doc, extra, ref = None, None, None
        if row.document_id is not None:
            drow = session.get(DocumentRow, row.document_id)
            doc = mapping.row_to_document(drow)
            extra = json.loads(drow.extra) if drow.extra else {}
        if row.series_pk is not None:
            s = session.get(Series, row.series_pk)
            ref = SeriesRef(s.id, s.series_id, s.doc_type, s.kind, s.status, s.validation_code,
                            s.first_number, s.last_number, s.start_date)
        out.append(Duty(row.id, row.kind, row.attempts, row.created_at, row.deadline,
                        row.payload, doc, extra, issuer_, ref, row.claimed_by or ""))
    return out


# ---- outcomes ----------------------------------------------------------------------------

def _row(session: Session, row_id: int) -> OutboxRow:
    row = session.get(OutboxRow, row_id)
    if row is None:
        raise NotFoundError(f"Envio {row_id} não existe na fila.")
    return row


def record_done(uow: UnitOfWork, row_id: int, now: datetime, result: dict | None = None,
                at_doc_code: str | None = None) -> None:
    """AT has it. ``at_doc_code`` (transport) becomes a sealed ``at_code`` event of the
    document (printed on the guide, exported in SAF-T); the document row never changes. A
    document keeps the first code AT gave it: a different one later is journaled."""
    row = _row(uow.session, row_id)
    row.status, row.done_at, row.last_error, row.claimed_by = DONE, now, None, None
    row.result = json.dumps(result or {}, ensure_ascii=False, default=str)
    if at_doc_code and row.document_id is not None:
        doc = uow.session.get(DocumentRow, row.document_id)
        if doc.at_doc_code is None:
            uow.chain.event(AT_CODE, doc, now, "sistema", value=at_doc_code[:200])
        elif doc.at_doc_code != at_doc_code:
            uow.audit.append(now, "sistema", "at_code_conflict",
                             f"{doc.document_no}: {doc.at_doc_code} kept, AT said "
                             f"{at_doc_code}"[:500])


def backoff(attempts: int, policy: QueuePolicy, rng: Callable[[], float] = random.random
            ) -> timedelta:
    """Exponential with "equal jitter": half the delay fixed, half random, so tills that
    lost the network together do not all come back in the same second."""
    delay = min(policy.retry_max_seconds, policy.retry_base_seconds * 2 ** max(0, attempts - 1))
    return timedelta(seconds=delay / 2 + delay / 2 * rng())


def record_retry(session: Session, row_id: int, now: datetime, error: str,
                 policy: QueuePolicy, rng: Callable[[], float] = random.random) -> datetime:
    """Try again later. A transport document is retried before its transport starts even
    when the backoff would say otherwise: after the start it is too late."""
    row = _row(session, row_id)
    when = now + backoff(row.attempts, policy, rng)
    before_start = row.kind == "transport" or (row.kind == "invoice" and _moves_goods(session,
                                                                                      row))
    if before_start and row.deadline is not None and now < row.deadline < when:
        when = max(row.deadline - timedelta(minutes=1), now + timedelta(seconds=5))
    row.status, row.next_attempt_at, row.last_error = PENDING, when, error[:MAX_ERROR]
    row.claimed_by = None
    return when


def _moves_goods(session: Session, row: OutboxRow) -> bool:
    """An invoice that serves as transport document (its deadline is the start)."""
    return row.document_id is not None and session.scalar(
        select(DocumentRow.movement_start).where(DocumentRow.id == row.document_id)) is not None


def record_park(session: Session, row_id: int, now: datetime, code: str | int | None,
                message: str) -> None:
    """AT refused this one duty for a business reason: keep it for a manager."""
    row = _row(session, row_id)
    row.status, row.next_attempt_at, row.claimed_by = PARKED, now, None
    row.last_error = (f"[{code}] {message}" if code is not None else message)[:MAX_ERROR]


def release(session: Session, ids: Iterable[int], now: datetime,
            token: str | None = None) -> None:
    """Give back claimed rows that were not tried (the pass stopped early); with ``token``,
    only those the sender still holds."""
    for row_id in ids:
        row = session.get(OutboxRow, row_id)
        if row is not None and row.status == SENDING and token in (None, row.claimed_by):
            row.status, row.attempts = PENDING, max(0, row.attempts - 1)
            row.next_attempt_at, row.claimed_by = now, None


def record_stop(uow: UnitOfWork, now: datetime, message: str, code: str | int | None = None,
                row_id: int | None = None, token: str | None = None) -> None:
    """Every request would fail the same way (credentials, certificate, configuration):
    stop this till's queue, raise the alert and leave the row as it was, not its fault."""
    session = uow.session
    if row_id is not None:
        release(session, [row_id], now, token)
        _row(session, row_id).last_error = message[:MAX_ERROR]
    first = stopped(uow) is None
    uow.till_settings.put(STOP_KEY, json.dumps(
        {"at": now.isoformat(), "message": message, "code": None if code is None else str(code)},
        ensure_ascii=False))
    if first:
        uow.audit.append(now, "sistema", "at_queue_stopped",
                         f"{code if code is not None else '-'}: {message}"[:500])


def resume(uow: UnitOfWork, now: datetime, user: str) -> bool:
    """A manager fixed the configuration: this till's queue may send again."""
    if stopped(uow) is None:
        return False
    uow.till_settings.put(STOP_KEY, "")
    uow.audit.append(now, user, "at_queue_resumed", "")
    return True


def _own_row(uow: UnitOfWork, row_id: int) -> OutboxRow:
    """A row of this till's queue (another till's duties are its own business)."""
    row = _row(uow.session, row_id)
    if row.till_id != uow.till.id:
        raise NotFoundError(f"Envio {row_id} não existe na fila desta caixa.")
    return row


def retry_parked(uow: UnitOfWork, row_id: int, now: datetime, user: str) -> None:
    """A manager corrected what AT refused (or wants one more try): send it again."""
    row = _own_row(uow, row_id)
    if row.status != PARKED:
        raise StateError(f"O envio {row_id} não está retido (estado {row.status}).")
    row.status, row.next_attempt_at, row.attempts = PENDING, now, 0
    uow.audit.append(now, user, "at_queue_retry",
                     f"{row_id} {row.kind}: {row.last_error}"[:500])


def resolve_transport(uow: UnitOfWork, row_id: int, at_code: str, now: datetime,
                      user: str) -> None:
    """AT already had a guide whose answer was lost; sgdtws cannot be asked for its code,
    so a manager copies it from the Portal das Finanças and the duty is closed with it."""
    row = _own_row(uow, row_id)
    code = (at_code or "").strip()
    if row.kind != "transport" or row.status not in (PARKED, PENDING):
        raise StateError(f"O envio {row_id} não é uma guia por resolver.")
    if not code or len(code) > 200:
        raise ValidationError("Indique o código AT da guia (até 200 caracteres).")
    record_done(uow, row_id, now, {"resolved_by": user, "ATDocCodeID": code}, code)
    uow.audit.append(now, user, "at_queue_resolve", f"{row_id}: ATDocCodeID {code}")


def confirm_saft(uow: UnitOfWork, year: int, month: int, now: datetime, user: str) -> int:
    """The SAF-T of ``year-month`` was uploaded: close this till's invoice duties of that
    month."""
    session = uow.session
    if not 1 <= month <= 12:
        raise ValidationError("Mês inválido.")
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])   # 9999-12 has no next month
    rows = session.scalars(
        select(OutboxRow).join(DocumentRow, DocumentRow.id == OutboxRow.document_id)
        .where(OutboxRow.till_id == uow.till.id, OutboxRow.kind.in_(FATCORE_KINDS),
               OutboxRow.status.in_(OPEN), DocumentRow.invoice_date >= first,
               DocumentRow.invoice_date <= last)).all()
    for row in rows:
        record_done(uow, row.id, now, {"channel": "saft", "period": f"{year}-{month:02d}",
                                        "by": user})
    uow.audit.append(now, user, "at_saft_confirmed", f"{year}-{month:02d}: {len(rows)}")
    return len(rows)
