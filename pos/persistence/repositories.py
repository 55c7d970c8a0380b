"""Repositories a unit of work exposes. They know the tables; the use cases know the rules.

Those scoped to a till write and read only the till of their unit of work; the shop-wide
ones (settings, documents by number) are shared by every till of the database.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.domain.errors import NotFoundError
from pos.domain.producer import CAIXA_PRODUCER, SETTING_FIELDS, Producer, producer_from
from pos.domain.text import brief

from .models import (
    AuditEvent,
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
    """Key/value settings of this till (training mode, the AT queue stop…)."""

    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow

    def get(self, key: str) -> str:
        value = self.session.scalar(select(TillSetting.value).where(
            TillSetting.till_id == self.uow.till.id, TillSetting.key == key))
        return value if value is not None else TILL_DEFAULTS.get(key, "")

    def put(self, key: str, value: str) -> None:
        row = self.session.get(TillSetting, (self.uow.till.id, key))
        if row is None:
            self.session.add(TillSetting(till_id=self.uow.till.id, key=key, value=value))
        else:
            row.value = value

    @property
    def training(self) -> bool:
        return self.get("training_mode") == "on"


def event_hash(prev: str, at: datetime, user: str, kind: str, detail: str) -> str:
    text = "|".join((prev, at.strftime("%Y-%m-%dT%H:%M:%S"), user, kind, detail))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AuditLog:
    """This till's audit chain. A write unit holds the till's lock from its start, so the
    head read here is still the head at the commit: concurrent writers never fork it."""

    def __init__(self, session: Session, uow: UnitOfWork):
        self.session, self.uow = session, uow

    def append(self, at: datetime, user: str, kind: str, detail: str = "") -> None:
        till_id = self.uow.till.id
        self.session.flush()    # an event appended earlier in this unit is the head
        prev = self.session.scalar(
            select(AuditEvent.hash).where(AuditEvent.till_id == till_id)
            .order_by(AuditEvent.id.desc()).limit(1)) or ""
        self.session.add(AuditEvent(till_id=till_id, at=at, user_login=user, kind=kind,
                                    detail=detail, prev_hash=prev,
                                    hash=event_hash(prev, at, user, kind, detail)))


class Documents:
    def __init__(self, session: Session):
        self.session = session

    def by_number(self, document_no: str) -> DocumentRow:
        row = self.session.scalars(select(DocumentRow).where(
            DocumentRow.document_no == document_no)).first()
        if row is None:
            raise NotFoundError(f"Documento não encontrado: {brief(document_no)}.")
        return row


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
        """The latest SystemEntryDate this till has signed (the clock's high-water mark)."""
        return self.session.scalar(select(func.max(Series.last_system_entry))
                                   .where(Series.till_id == self.uow.till.id))


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
