"""Repositories a unit of work exposes. They know the tables; the use cases know the rules.

Those scoped to a till write and read only the till of their unit of work; the shop-wide
ones (settings, documents by number) are shared by every till of the database.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from pos.domain import seal
from pos.domain.errors import NotFoundError
from pos.domain.producer import CAIXA_PRODUCER, SETTING_FIELDS, Producer, producer_from
from pos.domain.text import brief

from .models import (
    AuditEvent,
    DocumentEvent,
    DocumentRow,
    IntegrityState,
    OutboxRow,
    Series,
    Setting,
    TillSetting,
)

if TYPE_CHECKING:
    from .uow import UnitOfWork

SHOP_DEFAULTS = {
    "certificate_number": "0000",
    # The software producer (never the shop): Caixa's unless an installation overrides it.
    **{key: getattr(CAIXA_PRODUCER, name) for key, name in SETTING_FIELDS.items()},
    "product_version": "0.1.0",
}
TILL_DEFAULTS = {
    "training_mode": "off",
    "at_queue_stopped": "",
    "z_max_hours": "24",           # selling refused this long after a sale without a Z
    "clock_window_hours": "24",    # a forward jump beyond this needs a manager
}


class ShopSettings:
    """Key/value settings of the whole shop (certificate number, producer…)."""

    def __init__(self, session: Session):
        self.session = session

    def get(self, key: str) -> str:
        value = self.session.scalar(select(Setting.value).where(Setting.key == key))
        return value if value is not None else SHOP_DEFAULTS.get(key, "")

    def producer(self) -> Producer:
        """Who produced the software (SAF-T header, training documents)."""
        return producer_from({key: self.get(key) for key in SETTING_FIELDS})

    def put(self, key: str, value: str) -> None:
        row = self.session.get(Setting, key)
        if row is None:
            self.session.add(Setting(key=key, value=value))
        else:
            row.value = value


class TillSettings:
    """Key/value settings of this till (training mode, the AT queue stop…), read once per
    unit of work (issuing reads several)."""

    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow
        self._values: dict[str, str] | None = None

    def values(self) -> dict[str, str]:
        if self._values is None:
            self._values = dict(self.session.execute(select(
                TillSetting.key, TillSetting.value).where(
                TillSetting.till_id == self.uow.till.id)).all())
        return self._values

    def get(self, key: str) -> str:
        value = self.values().get(key)
        return value if value is not None else TILL_DEFAULTS.get(key, "")

    def put(self, key: str, value: str) -> None:
        row = self.session.get(TillSetting, (self.uow.till.id, key))
        if row is None:
            self.session.add(TillSetting(till_id=self.uow.till.id, key=key, value=value))
        else:
            row.value = value
        self.values()[key] = value

    @property
    def training(self) -> bool:
        return self.get("training_mode") == "on"


event_hash = seal.legacy_journal_hash


_JOURNAL_HEAD = (select(AuditEvent.seq, AuditEvent.hash)
                 .where(AuditEvent.till_id == bindparam("till"))
                 .order_by(AuditEvent.seq.desc()).limit(1))
_INSERT_JOURNAL = insert(AuditEvent.__table__)


class AuditLog:
    """This till's journal (pos.domain.seal): each entry chained to the one before and
    sealed with Ed25519. A write unit holds the till's lock from its start, so the head read
    here is still the head at the commit: concurrent writers never fork it."""

    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow

    def append(self, at: datetime, user: str, kind: str, detail: str = "") -> int:
        """Append and seal one entry; its sequence number."""
        till = self.uow.till
        sealer = self.uow.sealer()
        self.session.flush()    # ORM rows of this unit first (their order is the journal's)
        conn = self.session.connection()
        head = conn.execute(_JOURNAL_HEAD, {"till": till.id}).first()
        seq, prev = (head[0] + 1, head[1]) if head else (1, "")
        digest = seal.chain_hash(seq, prev, seal.journal_content(till.code, at, user, kind,
                                                                 detail))
        signature = sealer.seal_hash(digest)
        conn.execute(_INSERT_JOURNAL, dict(
            uuid=str(uuidlib.uuid4()), till_id=till.id, seq=seq, at=at, user_login=user,
            kind=kind, detail=detail, prev_hash=prev, hash=digest,
            key_version=sealer.version, signature=signature))
        self.uow.moved.journal = (seq, digest, signature)
        return seq

    def last(self, kind: str) -> AuditEvent | None:
        """This till's latest entry of ``kind``."""
        return self.session.scalars(select(AuditEvent).where(
            AuditEvent.till_id == self.uow.till.id, AuditEvent.kind == kind)
            .order_by(AuditEvent.seq.desc()).limit(1)).first()


_CHAIN_HEAD = (select(DocumentEvent.seq, DocumentEvent.hash)
               .where(DocumentEvent.till_id == bindparam("till"))
               .order_by(DocumentEvent.seq.desc()).limit(1))
_INSERT_EVENT = insert(DocumentEvent.__table__)
_MAX_DOCUMENT_ID = select(func.max(DocumentRow.id))
_MAX_CHAINED_ID = select(func.max(DocumentEvent.document_id))


def chain_entry(till_id: int, seq: int, prev: str, doc_id: int, kind: str, at: datetime,
                user: str, reason: str | None, value: str | None, content: bytes,
                sealed: bytes | None, sealer) -> dict:
    """The row of entry ``seq`` of a till's document chain: chained to ``prev`` and sealed
    (one Ed25519 signature); ``sealed`` is the packed copy an ``issued`` entry keeps."""
    digest = seal.chain_hash(seq, prev, content)
    return dict(uuid=str(uuidlib.uuid4()), till_id=till_id, seq=seq, document_id=doc_id,
                kind=kind, at=at, user_login=user, reason=reason, value=value, sealed=sealed,
                prev_hash=prev, hash=digest, key_version=sealer.version,
                signature=sealer.seal_hash(digest))


class DocumentChain:
    """This till's document chain (pos.domain.seal): the sealed content of each document
    issued, then each change of its state; one Ed25519 signature per entry."""

    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow

    def new_document_id(self) -> int | None:
        """The id the next document takes on SQLite: past every id a chain entry names.
        SQLite hands out the largest id plus one, so a last document deleted behind the
        program's back would otherwise lend its id — and its sealed entries — to the next
        document, and the till could not issue again once the deletion was acknowledged.
        None elsewhere (PostgreSQL's sequences never go back)."""
        conn = self.session.connection()
        if conn.dialect.name != "sqlite":
            return None
        return max(conn.execute(_MAX_DOCUMENT_ID).scalar() or 0,
                   conn.execute(_MAX_CHAINED_ID).scalar() or 0) + 1

    def issued(self, doc_id: int, values: Mapping, lines: Iterable[Mapping],
               payments: Iterable[Mapping], ref_uuid: str | None = None) -> None:
        """Seal a document just inserted (``values``: its columns as inserted)."""
        content = seal.document_content(
            {**values, "till": self.uow.till.code, "ref_document": ref_uuid}, lines, payments)
        self._append(seal.ISSUED, doc_id, values["system_entry_date"], values["user_login"],
                     None, None, content, seal.pack(content))

    def issued_many(self, docs: list[tuple[int, Mapping, list, list]]) -> None:
        """Seal many documents just inserted in bulk (benchmarks, data loads), in order:
        (id, columns, lines, payments); one executemany."""
        till, sealer = self.uow.till, self.uow.sealer()
        conn = self.session.connection()
        head = conn.execute(_CHAIN_HEAD, {"till": till.id}).first()
        seq, prev = (head[0], head[1]) if head else (0, "")
        rows = []
        for doc_id, values, lines, payments in docs:
            content = seal.document_content({**values, "till": till.code, "ref_document": None},
                                            lines, payments)
            seq += 1
            rows.append(chain_entry(till.id, seq, prev, doc_id, seal.ISSUED,
                                    values["system_entry_date"], values["user_login"], None,
                                    None, content, seal.pack(content), sealer))
            prev = rows[-1]["hash"]
        if rows:
            conn.execute(_INSERT_EVENT, rows)
            last = rows[-1]
            self.uow.moved.documents = (last["seq"], last["hash"], last["signature"])

    def event(self, kind: str, row: DocumentRow, at: datetime, user: str,
              reason: str | None = None, value: str | None = None) -> None:
        """Seal a change of ``row``'s state (the row itself never changes)."""
        content = seal.event_content(kind, self.uow.till.code, dict(
            document=row.uuid, document_no=row.document_no, at=at, user_login=user,
            reason=reason, value=value))
        self._append(kind, row.id, at, user, reason, value, content, None)

    def _append(self, kind, doc_id, at, user, reason, value, content, sealed) -> None:
        till = self.uow.till
        sealer = self.uow.sealer()
        conn = self.session.connection()
        head = conn.execute(_CHAIN_HEAD, {"till": till.id}).first()
        seq, prev = (head[0] + 1, head[1]) if head else (1, "")
        row = chain_entry(till.id, seq, prev, doc_id, kind, at, user, reason, value, content,
                          sealed, sealer)
        conn.execute(_INSERT_EVENT, row)
        self.uow.moved.documents = (seq, row["hash"], row["signature"])


class Documents:
    def __init__(self, session: Session):
        self.session = session

    def by_number(self, document_no: str) -> DocumentRow:
        row = self.session.scalars(select(DocumentRow).where(
            DocumentRow.document_no == document_no)).first()
        if row is None:
            raise NotFoundError(f"Documento não encontrado: {brief(document_no)}.")
        return row


_LAST_ENTRY = select(func.max(Series.last_system_entry)).where(
    Series.till_id == bindparam("till"), Series.status == "A")


class SeriesRepository:
    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow

    def find(self, doc_type: str, series_id: str) -> Series | None:
        """A series by type and name, whichever till owns it (AT's names are shop-wide)."""
        return self.session.scalars(select(Series).where(
            Series.doc_type == doc_type.upper(), Series.series_key == series_id.upper())
        ).first()

    def for_issuing(self, doc_type: str, kind: str, series_id: str | None) -> Series | None:
        """This till's series to issue ``doc_type`` in, locked until the commit (SQLite:
        the transaction's write lock already; PostgreSQL: SELECT … FOR UPDATE)."""
        q = select(Series).where(Series.doc_type == doc_type, Series.till_id == self.uow.till.id)
        if series_id:
            q = q.where(Series.series_key == series_id.upper())
        else:
            q = q.where(Series.kind == kind, Series.status == "A",
                        Series.validation_code.is_not(None)).order_by(Series.id)
        if not self.uow.is_sqlite:
            q = q.with_for_update()
        return self.session.scalars(q).first()

    def last_system_entry(self) -> datetime | None:
        """The latest SystemEntryDate this till has signed in a series still in use (the
        clock's high-water mark; series closed by the clock recovery no longer hold it)."""
        return self.session.connection().execute(
            _LAST_ENTRY, {"till": self.uow.till.id}).scalar()


class Outbox:
    """Duties owed to AT, written in the same transaction as what creates them."""

    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow

    def add(self, kind: str, now: datetime, *, document_id: int | None = None,
            series_pk: int | None = None, payload: dict | str | None = None,
            deadline: datetime | None = None) -> int:
        if isinstance(payload, dict):
            payload = json.dumps(payload, ensure_ascii=False)
        row = OutboxRow(till_id=self.uow.till.id, kind=kind, document_id=document_id,
                        series_pk=series_pk, payload=payload, status="pending", attempts=0,
                        created_at=now, next_attempt_at=now, deadline=deadline)
        self.session.add(row)
        self.session.flush()
        return row.id


class IntegrityStates:
    """Whether issuing is blocked on this till after a failed verification."""

    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow

    def _row(self, till_id: int | None = None) -> IntegrityState | None:
        return self.session.scalars(select(IntegrityState).where(
            IntegrityState.till_id == (till_id or self.uow.till.id))).first()

    def blocked(self) -> bool:
        return bool(self.session.scalar(select(IntegrityState.blocked).where(
            IntegrityState.till_id == self.uow.till.id)))

    def block(self, report: str, now: datetime, till_id: int | None = None) -> None:
        """Block issuing on this till (or on ``till_id``, another till the findings name)."""
        till_id = till_id or self.uow.till.id
        row = self._row(till_id) or IntegrityState(till_id=till_id)
        row.blocked, row.report, row.detected_at = True, report, now
        row.acknowledged_by = row.acknowledged_at = None
        self.session.add(row)

    def acknowledge(self, user: str, now: datetime) -> bool:
        row = self._row()
        if row is None or not row.blocked:
            return False
        row.blocked, row.acknowledged_by, row.acknowledged_at = False, user, now
        return True
