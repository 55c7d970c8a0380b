"""Append an event to the audit log's own SHA-256 hash chain."""

import hashlib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.persistence.models import AuditEvent


def event_hash(prev: str, at: datetime, user: str, kind: str, detail: str) -> str:
    text = "|".join((prev, at.strftime("%Y-%m-%dT%H:%M:%S"), user, kind, detail))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(session: Session, at: datetime, user: str, kind: str, detail: str = "") -> None:
    prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or ""
    session.add(AuditEvent(at=at, user_login=user, kind=kind, detail=detail, prev_hash=prev,
                           hash=event_hash(prev, at, user, kind, detail)))


def verify_chain(session: Session) -> list[str]:
    """Problems in the audit chain, as readable sentences (empty when intact)."""
    problems = []
    prev = ""
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        if ev.prev_hash != prev or ev.hash != event_hash(prev, ev.at, ev.user_login, ev.kind,
                                                         ev.detail):
            problems.append(f"Registo de auditoria {ev.id} ({ev.kind}) foi alterado ou removido.")
        prev = ev.hash
    return problems
