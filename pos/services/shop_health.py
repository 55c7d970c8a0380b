"""How the shop is doing beyond its sales, for the back office: the nearest deadline owed to
AT, one AT duty with its history, a manager stopping the queue, the integrity state, the
signing keys, and when the last backup was made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.domain.errors import NotFoundError
from pos.domain.text import check_text
from pos.persistence.models import (
    AuditEvent,
    DocumentRow,
    IntegrityState,
    OutboxRow,
    Series,
    SigningKey,
)
from pos.persistence.uow import UnitOfWork

from . import outbox
from .at_status import KIND_NAMES

# Audit kinds about one AT duty, whose detail starts with the duty's id.
DUTY_EVENTS = ("at_queue_retry", "at_queue_resolve")
BACKUP_EVENT = "backup"


@dataclass(frozen=True)
class Deadline:
    at: datetime
    subject: str                # document number or series
    kind: str                   # the duty, in words


@dataclass(frozen=True)
class Step:
    at: datetime | None
    what: str


@dataclass(frozen=True)
class DutyDetail:
    """One AT duty as a manager reads it: what, for what, where it stands, what AT said."""

    id: int
    kind: str
    kind_name: str
    subject: str
    status: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    deadline: datetime | None
    last_error: str | None
    done_at: datetime | None
    answer: dict                # AT's answer as recorded when done ({} before)
    history: tuple[Step, ...]


@dataclass(frozen=True)
class IntegrityInfo:
    blocked: bool
    report: str
    detected_at: datetime | None
    acknowledged_by: str | None
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class KeyInfo:
    version: int
    created_at: datetime
    active: bool


def nearest_deadline(uow: UnitOfWork) -> Deadline | None:
    """The open duty of this till that is due first."""
    row = uow.session.execute(
        select(OutboxRow.deadline, OutboxRow.kind, DocumentRow.document_no,
               Series.doc_type, Series.series_id)
        .outerjoin(DocumentRow, DocumentRow.id == OutboxRow.document_id)
        .outerjoin(Series, Series.id == OutboxRow.series_pk)
        .where(OutboxRow.till_id == uow.till.id, OutboxRow.status.in_(outbox.OPEN),
               OutboxRow.deadline.is_not(None))
        .order_by(OutboxRow.deadline).limit(1)).first()
    if row is None:
        return None
    deadline, kind, number, doc_type, series_id = row
    subject = number or (f"série {doc_type} {series_id}" if series_id else "-")
    return Deadline(deadline, subject, KIND_NAMES.get(kind, kind))


def duty(uow: UnitOfWork, row_id: int) -> DutyDetail:
    """One duty of this till's queue with its history: created, tried, refused, retried by
    a manager, resolved, done (the steps the outbox and the audit chain recorded)."""
    session = uow.session
    row = session.get(OutboxRow, row_id)
    if row is None or row.till_id != uow.till.id:
        raise NotFoundError(f"Envio {row_id} não existe na fila desta caixa.")
    subject = "-"
    if row.document_id is not None:
        subject = session.scalar(select(DocumentRow.document_no)
                                 .where(DocumentRow.id == row.document_id)) or "-"
    elif row.series_pk is not None:
        s = session.get(Series, row.series_pk)
        subject = f"série {s.doc_type} {s.series_id}"
    answer = {}
    if row.result:
        try:
            answer = json.loads(row.result)
        except ValueError:
            answer = {"resposta": row.result}
    name = KIND_NAMES.get(row.kind, row.kind)
    steps = [Step(row.created_at, f"Criado: {name} de {subject}.")]
    if row.attempts:
        steps.append(Step(None, f"{row.attempts} tentativa(s) de envio desde o último "
                                "recomeço."))
    for at, kind, detail, user in session.execute(
            select(AuditEvent.at, AuditEvent.kind, AuditEvent.detail, AuditEvent.user_login)
            .where(AuditEvent.till_id == uow.till.id, AuditEvent.kind.in_(DUTY_EVENTS),
                   AuditEvent.detail.startswith(f"{row_id} ") |
                   AuditEvent.detail.startswith(f"{row_id}:"))
            .order_by(AuditEvent.id)):
        what = "Reenvio pedido" if kind == "at_queue_retry" else "Resolvido à mão"
        steps.append(Step(at, f"{what} por {user}: {detail.split(' ', 1)[-1]}"))
    if row.status == outbox.PARKED:
        steps.append(Step(row.next_attempt_at, f"Recusado pela AT: {row.last_error}"))
    elif row.last_error and row.status != outbox.DONE:
        steps.append(Step(None, f"Último erro: {row.last_error}"))
    if row.status == outbox.DONE:
        steps.append(Step(row.done_at, "A AT recebeu."))
    elif row.status in (outbox.PENDING, outbox.SENDING):
        steps.append(Step(row.next_attempt_at, "Próxima tentativa."))
    return DutyDetail(row.id, row.kind, name, subject, row.status, row.attempts,
                      row.created_at, row.next_attempt_at, row.deadline, row.last_error,
                      row.done_at, answer, tuple(steps))


def stop_queue(uow: UnitOfWork, now: datetime, user: str, reason: str) -> bool:
    """A manager stops this till's sending to AT (a configuration to fix first, a test
    environment...): nothing is sent until ``outbox.resume``. False when already stopped."""
    reason = check_text(reason, "o motivo", 200)
    if outbox.stopped(uow) is not None:
        return False
    uow.till_settings.put(outbox.STOP_KEY, json.dumps(
        {"at": now.isoformat(), "message": f"Parados por {user}: {reason}", "code": None},
        ensure_ascii=False))
    uow.audit.append(now, user, "at_queue_stopped", reason)
    return True


def integrity(uow: UnitOfWork) -> IntegrityInfo:
    row = uow.session.scalars(select(IntegrityState)
                              .where(IntegrityState.till_id == uow.till.id)).first()
    if row is None:
        return IntegrityInfo(False, "", None, None, None)
    return IntegrityInfo(bool(row.blocked), row.report or "", row.detected_at,
                         row.acknowledged_by, row.acknowledged_at)


def keys(uow: UnitOfWork) -> list[KeyInfo]:
    return [KeyInfo(v, at, bool(active)) for v, at, active in uow.session.execute(
        select(SigningKey.version, SigningKey.created_at, SigningKey.active)
        .order_by(SigningKey.version))]


def last_backup(uow: UnitOfWork) -> datetime | None:
    """When this till last recorded a backup (an audit event of kind 'backup')."""
    return uow.session.scalar(select(AuditEvent.at).where(
        AuditEvent.till_id == uow.till.id, AuditEvent.kind == BACKUP_EVENT)
        .order_by(AuditEvent.id.desc()).limit(1))

