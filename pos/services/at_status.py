"""What the AT queue looks like: counts, ages, next attempt, last error, deadline warnings.

Deadlines (FISCAL-PT §6): invoices and working documents by day 5 of the following month
(the row's ``deadline``, set at issue); transport documents before the transport starts;
guides written on paper by the 5th working day after the phone call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from pos.domain.store import STORE_KIND
from pos.persistence.models import DocumentRow, OutboxRow, Series
from pos.persistence.uow import UnitOfWork

from . import claims
from .outbox import (
    DONE,
    FATCORE_KINDS,
    OPEN,
    PARKED,
    PENDING,
    SENDING,
    SERIES_KINDS,
    QueuePolicy,
    StopInfo,
    stopped,
)

URGENT, WARN, INFO = "urgent", "warn", "info"
KIND_NAMES = {
    "invoice": "fatura", "invoice_status": "anulação de fatura",
    "work": "documento de conferência", "work_status": "anulação de documento de conferência",
    "transport": "guia de transporte", "transport_status": "anulação de guia",
    "transport_paper": "guia em papel", "transport_phoned": "guia comunicada por telefone",
    "series_register": "registo de série", "series_finalize": "finalização de série",
    "series_cancel": "anulação de série",
}


@dataclass(frozen=True)
class Warning:
    level: str          # urgent | warn | info
    text: str


@dataclass(frozen=True)
class RowInfo:
    id: int
    kind: str
    status: str
    subject: str        # document number or series
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    deadline: datetime | None
    last_error: str | None
    holder: str | None = None       # while sending: which process holds it (its claim)
    holder_gone: bool = False       # ... and that process is no longer running here

    @property
    def interrupted(self) -> bool:
        """Marked as being sent by a sender that stopped (killed, crashed): due at once."""
        return self.status == SENDING and self.holder_gone


@dataclass(frozen=True)
class QueueStatus:
    pending: int
    sending: int
    parked: int
    done: int
    oldest_pending: datetime | None
    next_attempt: datetime | None
    last_error: str | None
    stopped: StopInfo | None
    channel: str
    warnings: tuple[Warning, ...]
    now: datetime
    interrupted: int = 0    # of ``sending``: held by a sender that is gone or whose lease ran out

    @property
    def oldest_age(self) -> timedelta | None:
        return None if self.oldest_pending is None else self.now - self.oldest_pending


def _subjects():
    doc = select(DocumentRow.document_no).where(DocumentRow.id == OutboxRow.document_id)
    ser = select(Series.doc_type + " " + Series.series_id).where(
        Series.id == OutboxRow.series_pk)
    return doc.scalar_subquery(), ser.scalar_subquery()


def _holder(status: str, token: str | None, lease: datetime, now: datetime | None
            ) -> tuple[str | None, bool]:
    if status != SENDING:
        return None, False
    who = claims.parse(token)
    gone = claims.process_gone(token) or (now is not None and lease <= now)
    return (who.describe() if who else "um processo anterior"), gone


def rows(uow: UnitOfWork, statuses=OPEN, limit: int = 200, now: datetime | None = None
         ) -> list[RowInfo]:
    session = uow.session
    doc, ser = _subjects()
    q = (select(OutboxRow.id, OutboxRow.kind, OutboxRow.status, doc, ser, OutboxRow.attempts,
                OutboxRow.created_at, OutboxRow.next_attempt_at, OutboxRow.deadline,
                OutboxRow.last_error, OutboxRow.claimed_by)
         .where(OutboxRow.till_id == uow.till.id, OutboxRow.status.in_(statuses),
                OutboxRow.kind != STORE_KIND)
         .order_by(OutboxRow.id.desc()).limit(limit))
    return [RowInfo(r[0], r[1], r[2], r[3] or (f"série {r[4]}" if r[4] else "-"), *r[5:10],
                    *_holder(r[2], r[10], r[7], now))
            for r in session.execute(q)][::-1]


def interrupted(uow: UnitOfWork, now: datetime) -> int:
    """Rows marked as being sent whose sender stopped: its process is gone from this
    machine, or its lease ran out. The next pass of any sender takes them back."""
    count = 0
    for token, lease, n in uow.session.execute(
            select(OutboxRow.claimed_by, OutboxRow.next_attempt_at, func.count())
            .where(OutboxRow.till_id == uow.till.id, OutboxRow.status == SENDING)
            .group_by(OutboxRow.claimed_by, OutboxRow.next_attempt_at)):
        if lease <= now or claims.process_gone(token):
            count += n
    return count


def _when(d: datetime) -> str:
    return f"{d:%Y-%m-%d %H:%M}"


def _deadline_warnings(uow: UnitOfWork, now: datetime, policy: QueuePolicy) -> list[Warning]:
    session = uow.session
    out: list[Warning] = []
    saft = policy.invoice_channel == "saft"
    # Invoices: grouped by deadline, one sentence per month.
    for deadline, count in session.execute(
            select(OutboxRow.deadline, func.count())
            .outerjoin(DocumentRow, DocumentRow.id == OutboxRow.document_id).where(
                OutboxRow.till_id == uow.till.id, OutboxRow.kind.in_(FATCORE_KINDS),
                OutboxRow.status.in_(OPEN), OutboxRow.deadline.is_not(None),
                DocumentRow.movement_start.is_(None))
            .group_by(OutboxRow.deadline).order_by(OutboxRow.deadline)):
        how = "no SAF-T mensal" if saft else "por webservice"
        if deadline < now:
            out.append(Warning(URGENT, f"{count} documento(s) com prazo de comunicação à AT "
                                       f"ultrapassado ({deadline:%Y-%m-%d}); envie-os {how} já."))
        elif deadline - now <= timedelta(days=policy.invoice_warn_days) or saft:
            level = WARN if deadline - now <= timedelta(days=policy.invoice_warn_days) else INFO
            out.append(Warning(level, f"{count} documento(s) a comunicar à AT {how} até "
                                      f"{deadline:%Y-%m-%d}."))
    # Transport: each guide (or invoice serving as one) by name, the goods must not move
    # before AT has it.
    soon = now + timedelta(minutes=policy.transport_warn_minutes)
    for kind, number, deadline in session.execute(
            select(OutboxRow.kind, DocumentRow.document_no, OutboxRow.deadline)
            .join(DocumentRow, DocumentRow.id == OutboxRow.document_id)
            .where(OutboxRow.till_id == uow.till.id,
                   OutboxRow.kind.in_(("transport", "transport_paper", "transport_phoned"))
                   | ((OutboxRow.kind == "invoice") & DocumentRow.movement_start.is_not(None)),
                   OutboxRow.status.in_(OPEN), OutboxRow.deadline.is_not(None),
                   OutboxRow.deadline <= soon)
            .order_by(OutboxRow.deadline)):
        if kind in ("transport_paper", "transport_phoned"):
            level = URGENT if deadline < now else WARN
            what = "guia em papel" if kind == "transport_paper" else "guia comunicada por " \
                "telefone"
            out.append(Warning(level, f"{number}: {what}, dados completos a enviar à AT até "
                                      f"{_when(deadline)}."))
        elif kind == "invoice" and deadline < now:
            out.append(Warning(URGENT, f"{number}: a fatura serve de documento de transporte "
                                       f"e o transporte começava às {_when(deadline)} sem a AT "
                                       "a ter recebido."))
        elif deadline < now:
            out.append(Warning(URGENT, f"{number}: o transporte começava às {_when(deadline)} "
                                       "e a AT ainda não tem a guia. Sem ligação, comunique-a "
                                       "pelo serviço telefónico da AT antes de a mercadoria "
                                       "sair."))
        else:
            out.append(Warning(WARN, f"{number}: comunicar à AT antes de {_when(deadline)} "
                                     "(início do transporte)."))
    return out


def snapshot(uow: UnitOfWork, now: datetime, policy: QueuePolicy) -> QueueStatus:
    session = uow.session
    # The store's records share the outbox (pos.services.store): they are not AT's queue.
    mine = (OutboxRow.till_id == uow.till.id) & (OutboxRow.kind != STORE_KIND)
    counts = dict(session.execute(select(OutboxRow.status, func.count()).where(mine)
                                  .group_by(OutboxRow.status)).all())
    oldest = session.scalar(select(func.min(OutboxRow.created_at))
                            .where(mine, OutboxRow.status.in_((PENDING, SENDING))))
    nxt = session.scalar(select(func.min(OutboxRow.next_attempt_at))
                         .where(mine, OutboxRow.status.in_((PENDING, SENDING)),
                                OutboxRow.kind.in_(policy.sendable)))
    last_error = session.scalar(select(OutboxRow.last_error).where(
        mine, OutboxRow.status.in_(OPEN), OutboxRow.last_error.is_not(None))
        .order_by(OutboxRow.next_attempt_at.desc()).limit(1))
    stop = stopped(uow)
    stalled = interrupted(uow, now) if counts.get(SENDING) else 0
    warnings: list[Warning] = []
    if stop is not None:
        warnings.append(Warning(URGENT, f"Envios para a AT parados desde {_when(stop.at)}: "
                                        f"{stop.message} Depois de corrigir: caixa queue "
                                        "resume."))
    if stalled:
        warnings.append(Warning(WARN, f"{stalled} envio(s) interrompido(s) a meio (o programa "
                                      "que os enviava terminou): são retomados no próximo "
                                      "envio ('caixa queue drain' para enviar já)."))
    if counts.get(PARKED):
        warnings.append(Warning(WARN, f"{counts[PARKED]} envio(s) recusado(s) pela AT à "
                                      "espera do gerente (caixa queue list)."))
    waiting_series = session.execute(
        select(Series.doc_type, Series.series_id, OutboxRow.id, OutboxRow.status)
        .join(OutboxRow, OutboxRow.series_pk == Series.id)
        .where(mine, OutboxRow.kind == SERIES_KINDS[0], OutboxRow.status.in_(OPEN))).all()
    for doc_type, series_id, row_id, status in waiting_series:
        if status == PARKED:
            warnings.append(Warning(WARN, f"Série {series_id} ({doc_type}): registo recusado "
                                          "pela AT, ainda não pode ser usada. Veja o motivo em "
                                          f"'caixa queue list'; corrija e 'caixa queue retry "
                                          f"{row_id}'."))
        else:
            warnings.append(Warning(WARN, f"Série {series_id} ({doc_type}) à espera de registo "
                                          "na AT: ainda não pode ser usada."))
    warnings += _deadline_warnings(uow, now, policy)
    return QueueStatus(counts.get(PENDING, 0), counts.get(SENDING, 0), counts.get(PARKED, 0),
                       counts.get(DONE, 0), oldest, nxt, last_error, stop,
                       policy.invoice_channel, tuple(warnings), now, stalled)
