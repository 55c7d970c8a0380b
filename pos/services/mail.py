"""Documents owed by e-mail: the shop's SMTP settings and the outbox rows (kind ``email``).

Settings are shop settings (``mail_*``), in clear except the SMTP password, sealed like the
AT password (secret_box, under a key derived from the shop's key passphrase) and never
shown back. A request to e-mail a document is an outbox row written in the caller's
transaction; the sender claims, leases, retries and parks these rows with the AT queue's
own functions (services.outbox), but on a queue of their own: an AT stop does not hold the
e-mails back, and an e-mail waiting for its server never holds a cancellation back
(outbox._waiting_on_earlier counts AT duties only).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from pos.domain import mail
from pos.domain.company import Issuer
from pos.domain.documents import Document
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.mail import EMAIL_KIND, MailConnection, MailSettings
from pos.persistence import mapping
from pos.persistence.models import DocumentRow, OutboxRow
from pos.persistence.uow import UnitOfWork

from . import claims, outbox, secret_box
from .outbox import PARKED, PENDING, SENDING, QueuePolicy

PREFIX = "mail_"
KEYS = ("host", "port", "security", "user", "sender", "sender_name", "password")
CONTEXT = "mail_password"


@dataclass(frozen=True)
class MailDuty:
    """One claimed e-mail, as values (no ORM objects); shaped like ``outbox.Duty`` where
    the lease keeper reads it (``id``, ``claim``, ``label``)."""

    id: int
    attempts: int
    to: str
    document: Document
    issuer: Issuer
    claim: str = ""

    @property
    def label(self) -> str:
        return f"{self.document.document_no} para {self.to}"


@dataclass(frozen=True)
class MailRow:
    id: int
    status: str
    document_no: str
    to: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    last_error: str | None
    done_at: datetime | None


# ---- settings ----------------------------------------------------------------------------

def settings(uow: UnitOfWork) -> MailSettings:
    get = uow.settings.get
    sec = get(PREFIX + "security") or "starttls"
    return MailSettings(get(PREFIX + "host"), int(get(PREFIX + "port") or
                                                  mail.DEFAULT_PORTS[sec]),
                        sec, get(PREFIX + "user"), get(PREFIX + "sender"),
                        get(PREFIX + "sender_name"), bool(get(PREFIX + "password")))


def set_settings(uow: UnitOfWork, box_key: bytes | None, *, host: object, port: object = None,
                 security: object = "starttls", user: object = "", sender: object,
                 sender_name: object = "", password: str | None = None, now: datetime,
                 by: str) -> MailSettings:
    """Check everything, then write; ``password`` None keeps the one stored, '' clears it."""
    sec = mail.security(security)
    values = {
        "host": mail.host_name(host),
        "port": str(mail.port(mail.DEFAULT_PORTS[sec] if port in (None, "") else port)),
        "security": sec,
        "user": _user(user),
        "sender": mail.address(sender),
        "sender_name": mail.display_name(sender_name),
    }
    before = settings(uow)
    for key, value in values.items():
        uow.settings.put(PREFIX + key, value)
    if password is not None:
        if password and (len(password) > 200 or any(c in password for c in "\r\n\0")):
            raise ValidationError("A senha do servidor de e-mail tem de ter até 200 "
                                  "caracteres, numa linha.")
        uow.settings.put(PREFIX + "password", secret_box.seal(
            box_key, password.encode("utf-8"), CONTEXT) if password else "")
    after = settings(uow)
    diff = [f"{k}: {getattr(before, k)!s} -> {getattr(after, k)!s}"
            for k in ("host", "port", "security", "user", "sender", "sender_name")
            if getattr(before, k) != getattr(after, k)]
    if password is not None:
        diff.append("password " + ("set" if password else "cleared"))
    uow.audit.append(now, by, "mail_settings", ("; ".join(diff) or "unchanged")[:500])
    return after


def _user(value: object) -> str:
    text = str(value or "").strip()
    if len(text) > 200 or any(not c.isprintable() for c in text):
        raise ValidationError("O utilizador do servidor de e-mail tem de ter até 200 "
                              "caracteres, sem caracteres de controlo.")
    return text


def clear(uow: UnitOfWork, now: datetime, by: str) -> None:
    for key in KEYS:
        uow.settings.put(PREFIX + key, "")
    uow.audit.append(now, by, "mail_settings", "cleared")


def connection(uow: UnitOfWork, box_key: bytes | None) -> MailConnection:
    shown = settings(uow)
    if not shown.configured:
        raise ValidationError("O envio de e-mail não está configurado: indique o servidor e o "
                              "remetente (caixa mail set).")
    sealed = uow.settings.get(PREFIX + "password")
    password = secret_box.open_sealed(box_key, sealed, CONTEXT).decode("utf-8") \
        if sealed and box_key is not None else ""
    return MailConnection(shown, password)


# ---- the queue ---------------------------------------------------------------------------

def queue(uow: UnitOfWork, document_no: str, to: object, now: datetime, by: str) -> int:
    """Owe ``document_no`` by e-mail to ``to``: the outbox row's id."""
    address = mail.address(to)
    row = uow.session.scalar(select(DocumentRow).where(DocumentRow.document_no == document_no))
    if row is None or row.till_id != uow.till.id and not _shared(uow):
        raise NotFoundError(f"O documento {document_no} não existe.")
    entry = OutboxRow(till_id=uow.till.id, kind=EMAIL_KIND, document_id=row.id,
                      payload=json.dumps({"to": address, "by": by}, ensure_ascii=False),
                      status=PENDING, attempts=0, created_at=now, next_attempt_at=now)
    uow.session.add(entry)
    uow.session.flush()
    uow.audit.append(now, by, "email_queued", f"{document_no} -> {mail.masked(address)}"[:500])
    return entry.id


def _shared(uow: UnitOfWork) -> bool:
    """A shared database (PostgreSQL) holds every till's documents: any may be e-mailed."""
    return not uow.is_sqlite


def last_address(uow: UnitOfWork, document_no: str) -> str:
    """The address this customer's documents were last e-mailed to ('' when none; never
    for the anonymous consumer, whose NIF is everybody's)."""
    nif = uow.session.scalar(select(DocumentRow.customer_nif)
                             .where(DocumentRow.document_no == document_no))
    if not nif or nif == "999999990":
        return ""
    payload = uow.session.scalar(
        select(OutboxRow.payload).join(DocumentRow, DocumentRow.id == OutboxRow.document_id)
        .where(OutboxRow.kind == EMAIL_KIND, DocumentRow.customer_nif == nif)
        .order_by(OutboxRow.id.desc()).limit(1))
    return json.loads(payload).get("to", "") if payload else ""


def claim(uow: UnitOfWork, now: datetime, policy: QueuePolicy, limit: int = 10,
          token: str | None = None) -> list[MailDuty]:
    """Lease up to ``limit`` due e-mails of this till, oldest first (the AT queue's lease:
    ``outbox.renew``, ``record_retry``, ``release`` work on these rows too)."""
    outbox.reclaim_orphans(uow, now)
    q = (select(OutboxRow).where(OutboxRow.till_id == uow.till.id,
                                 OutboxRow.kind == EMAIL_KIND,
                                 OutboxRow.status.in_((PENDING, SENDING)),
                                 OutboxRow.next_attempt_at <= now)
         .order_by(OutboxRow.id).limit(limit))
    if not uow.is_sqlite:
        q = q.with_for_update(skip_locked=True)
    rows = list(uow.session.scalars(q))
    token = token or claims.new_claim()
    lease = now + timedelta(seconds=policy.lease_seconds)
    issuer = outbox.issuer(uow)
    out = []
    for row in rows:
        row.status, row.attempts, row.next_attempt_at = SENDING, row.attempts + 1, lease
        row.claimed_by = token
        doc = mapping.row_to_document(uow.session.get(DocumentRow, row.document_id))
        out.append(MailDuty(row.id, row.attempts, json.loads(row.payload)["to"], doc, issuer,
                            token))
    return out


def record_sent(uow: UnitOfWork, duty: MailDuty, now: datetime, server_reply: str) -> bool:
    """The server accepted it; False when this sender no longer held the row."""
    row = uow.session.get(OutboxRow, duty.id)
    if row is None or row.status != SENDING or row.claimed_by != duty.claim:
        return False
    row.status, row.done_at, row.last_error, row.claimed_by = outbox.DONE, now, None, None
    row.result = json.dumps({"to": duty.to, "server": server_reply[:200]}, ensure_ascii=False)
    return True


def rows(uow: UnitOfWork, include_done: bool = False, limit: int = 200) -> list[MailRow]:
    statuses = (PENDING, SENDING, PARKED) + ((outbox.DONE,) if include_done else ())
    q = (select(OutboxRow, DocumentRow.document_no)
         .join(DocumentRow, DocumentRow.id == OutboxRow.document_id)
         .where(OutboxRow.till_id == uow.till.id, OutboxRow.kind == EMAIL_KIND,
                OutboxRow.status.in_(statuses))
         .order_by(OutboxRow.id.desc()).limit(limit))
    return [MailRow(r.id, r.status, no, json.loads(r.payload)["to"], r.attempts, r.created_at,
                    r.next_attempt_at, r.last_error, r.done_at)
            for r, no in uow.session.execute(q)][::-1]


def retry(uow: UnitOfWork, row_id: int, now: datetime, by: str) -> None:
    """A manager corrected what the server refused: try once more."""
    row = uow.session.get(OutboxRow, row_id)
    if row is None or row.till_id != uow.till.id or row.kind != EMAIL_KIND:
        raise NotFoundError(f"O e-mail {row_id} não existe na fila desta caixa.")
    if row.status != PARKED:
        raise StateError(f"O e-mail {row_id} não está retido (estado {row.status}).")
    row.status, row.next_attempt_at, row.attempts = PENDING, now, 0
    uow.audit.append(now, by, "email_retry", f"{row_id}: {row.last_error}"[:500])
