"""Bringing a till under seal: at set-up, and once after migration 0006 for what was there.

The migration chains every existing document (and its cancellation or AT code) but cannot
sign: the key's passphrase is in the OS key store, not in the database. At the next start
the application appends an ``upgrade`` entry to each till's journal that names the heads of
that unsigned part and of the old (SHA-256 only) journal, the keys and the shop's identity,
and seals it — from then on every entry is signed as it is written.

What was altered *before* the upgrade cannot be told apart from what was issued: the upgrade
checks what the old format allowed (signatures, numbering, totals, the old journal chain)
and seals any problem it finds as a report, which blocks until an administrator confirms it.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from pos.persistence.models import AuditEvent, DocumentEvent, Series
from pos.persistence.repositories import event_hash
from pos.persistence.uow import UnitOfWork

from . import integrity

SCHEMA = "0008_sealed"


def needs_upgrade_seal(uow: UnitOfWork) -> bool:
    """This till has unsigned rows from the migration and no ``upgrade`` entry yet.

    The migration numbered the rows it carried over from 1 in each chain, so they are the
    chain's first entries: only the first entry's key is read (through the (till, seq)
    index), not every entry — this runs at every start, whatever the history's length.
    An unsigned entry anywhere else is an alteration, which verification reports."""
    s = uow.session
    till = uow.till.id
    if s.scalar(select(AuditEvent.id).where(AuditEvent.till_id == till,
                                            AuditEvent.kind == "upgrade").limit(1)):
        return False

    def first_unsigned(model) -> bool:
        first = s.execute(select(model.key_version).where(model.till_id == till)
                          .order_by(model.seq).limit(1)).first()
        return first is not None and first[0] is None

    return first_unsigned(DocumentEvent) or first_unsigned(AuditEvent)


def _old_journal(uow: UnitOfWork) -> tuple[tuple[int, str] | None, list[str]]:
    """The head of the till's pre-0006 journal, and where its SHA-256 chain was broken."""
    prev, head, problems = "", None, []
    for ev in uow.session.scalars(select(AuditEvent).where(
            AuditEvent.till_id == uow.till.id, AuditEvent.key_version.is_(None))
            .order_by(AuditEvent.seq)):
        if ev.prev_hash != prev or ev.hash != event_hash(prev, ev.at, ev.user_login, ev.kind,
                                                         ev.detail):
            problems.append(f"diário anterior à versão {SCHEMA}: registo {ev.seq} ({ev.kind}) "
                            "já estava alterado ou removido")
        prev, head = ev.hash, (ev.seq, ev.hash)
    return head, problems


def seal_upgrade(uow: UnitOfWork, now: datetime, shop: str, seal_fingerprint: str,
                 signing_fingerprints: dict[int, str], verifiers: dict) -> list[str]:
    """Append and seal the ``upgrade`` entry of this till; the problems found (sealed as a
    report too)."""
    s = uow.session
    till = uow.till
    docs = s.execute(select(DocumentEvent.seq, DocumentEvent.hash)
                     .where(DocumentEvent.till_id == till.id)
                     .order_by(DocumentEvent.seq.desc()).limit(1)).first()
    journal, problems = _old_journal(uow)
    found: list[integrity.Problem] = []
    conn = s.connection()
    for series in conn.execute(select(Series).where(Series.till_id == till.id)
                               .order_by(Series.id)).all():
        integrity._verify_series(conn, series, verifiers, found)
    problems += [str(p) for p in found]
    data = {"schema": SCHEMA, "shop": shop, "seal_key": seal_fingerprint,
            "signing_keys": {str(k): v for k, v in signing_fingerprints.items()},
            "documents": list(docs) if docs else None,
            "journal": list(journal) if journal else None, "problems": problems}
    uow.audit.append(now, "sistema", "upgrade",
                     f"data sealed on upgrade to schema {SCHEMA} shop {shop}\n"
                     + json.dumps(data, ensure_ascii=False))
    if problems:
        integrity.record_report(uow, [integrity.Problem("", None, p, till.id)
                                      for p in problems], now)
    return problems


def record_setup(uow: UnitOfWork, now: datetime, user: str, shop: str, seal_version: int,
                 seal_fingerprint: str) -> None:
    """A new till's first sealed facts: the shop it belongs to and the seal key."""
    uow.audit.append(now, user, "seal_key", f"seal key version {seal_version} fingerprint "
                                            f"{seal_fingerprint} shop {shop}")
