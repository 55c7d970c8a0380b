"""The audit chains: one SHA-256 chain of sensitive actions per till.

Appending is ``uow.audit.append`` (pos.persistence.repositories.AuditLog), under the till's
lock; this module checks the chains.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.persistence.models import AuditEvent, TillRow
from pos.persistence.repositories import event_hash


def verify_chain(session: Session, till_id: int) -> list[str]:
    """Problems in one till's audit chain, as readable sentences (empty when intact)."""
    problems = []
    prev = ""
    for ev in session.scalars(select(AuditEvent).where(AuditEvent.till_id == till_id)
                              .order_by(AuditEvent.id)):
        if ev.prev_hash != prev or ev.hash != event_hash(prev, ev.at, ev.user_login, ev.kind,
                                                         ev.detail):
            problems.append(f"Registo de auditoria {ev.id} ({ev.kind}) foi alterado ou removido.")
        prev = ev.hash
    return problems


def verify_all(session: Session) -> dict[int, list[str]]:
    """Problems per till, for every till of the database (and events of unknown tills)."""
    tills = set(session.scalars(select(TillRow.id)))
    tills |= set(session.scalars(select(AuditEvent.till_id).distinct()))
    return {t: verify_chain(session, t) for t in sorted(tills)}
