"""The unit of work: one transaction, on behalf of one till.

Every use case runs inside one of these (cosmicpython's chapter is the model). A write unit
opens the transaction at once (``BEGIN IMMEDIATE`` on SQLite, so whatever it reads is read
while it holds the write lock), exposes the repositories a use case needs, takes the row
locks it asks for (the series row, the head of the till's audit chain) on SQLite and
PostgreSQL alike, and commits when the block ends normally or rolls back on any exception.
A read unit sees one snapshot for its whole life (``snapshot=True`` asks PostgreSQL for
REPEATABLE READ; SQLite's WAL read transaction already is one), so a check that reads the
series and then the documents can never see one ahead of the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain.errors import KeyError_, ValidationError

from .db import Database
from .models import Establishment, TillRow
from .repositories import (
    AuditLog,
    DocumentChain,
    Documents,
    IntegrityStates,
    Outbox,
    SeriesRepository,
    ShopSettings,
    TillSettings,
)


@dataclass(frozen=True)
class TillRef:
    """Which till a unit of work acts for (a value: safe to pass between threads)."""

    id: int
    code: str
    name: str
    establishment_id: int
    establishment: str          # the establishment's code (SAF-T TaxEntity), e.g. 'Global'


NOT_SET_UP = "A base de dados ainda não está configurada: execute 'caixa init'."


def till_ref(session: Session, code: str | None = None) -> TillRef | None:
    """The till called ``code``; without a code, the database's only active till."""
    q = (select(TillRow.id, TillRow.code, TillRow.name, TillRow.establishment_id,
                Establishment.code)
         .join(Establishment, Establishment.id == TillRow.establishment_id)
         .where(TillRow.active).order_by(TillRow.id))
    if code:
        q = q.where(TillRow.code == code)
    rows = session.execute(q.limit(2)).all()
    if not rows:
        return None
    if len(rows) > 1 and not code:
        raise ValidationError("Esta base de dados tem várias caixas: indique qual "
                              "(--till CÓDIGO ou CAIXA_TILL).")
    return TillRef(*rows[0])


@dataclass
class Moved:
    """What a write unit appended to its till's chains and series, for the external anchor
    (pos.services.anchors) once it has committed: heads as (seq, hash, signature)."""

    documents: tuple[int, str, str | None] | None = None
    journal: tuple[int, str, str | None] | None = None
    series: dict[str, tuple[int, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.documents or self.journal or self.series)


class UnitOfWork:
    """``with UnitOfWork(db, till, write=True) as uow: ...`` — see the module docstring.

    ``sealer`` gives the seal key (pos.signing.Sealer) when the unit appends to a chain;
    decrypting it is slow, so it is only asked for then (and cached by its owner)."""

    def __init__(self, db: Database, till: TillRef | None, *, write: bool,
                 snapshot: bool = False, sealer: Callable[[], object] | None = None):
        self.db, self._till, self.write, self.snapshot = db, till, write, snapshot
        self._sealer = sealer
        self.session: Session | None = None
        self._cm = None
        self.moved = Moved()

    # ---- the transaction -------------------------------------------------------------
    def __enter__(self) -> UnitOfWork:
        if self.write:
            self._cm = self.db.write()
        else:
            self._cm = self.db.read(snapshot=self.snapshot)
        self.session = self._cm.__enter__()
        s = self.session
        if self.write and self._till is not None:
            self.lock_till()
        self.settings = ShopSettings(s)
        self.documents = Documents(s)
        self.series = SeriesRepository(s, self)
        self.audit = AuditLog(s, self)
        self.chain = DocumentChain(s, self)
        self.till_settings = TillSettings(s, self)
        self.outbox = Outbox(s, self)
        self.integrity = IntegrityStates(s, self)
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            return self._cm.__exit__(exc_type, exc, tb)
        finally:
            self.session = None

    @property
    def is_sqlite(self) -> bool:
        return self.db.is_sqlite

    def sealer(self):
        """The seal key, to seal what this unit appends."""
        if self._sealer is None:
            raise KeyError_("Não há chave de selagem disponível nesta operação.")
        return self._sealer()

    # ---- the till --------------------------------------------------------------------
    @property
    def till(self) -> TillRef:
        if self._till is None:
            raise ValidationError(NOT_SET_UP)
        return self._till

    @property
    def has_till(self) -> bool:
        return self._till is not None

    def adopt_till(self, till: TillRef) -> None:
        """Act for a till created inside this unit (set-up), from here to the commit."""
        self._till = till
        self.lock_till()

    def lock_till(self) -> None:
        """Serialise this till's writers on PostgreSQL, as BEGIN IMMEDIATE does on SQLite.

        Taken first by every write unit of a till: the head of its audit chain, its series
        and its clock's high-water mark are then read and moved on by one writer at a time,
        and locks are always taken in the same order (till, then rows), so two writers of
        one till cannot deadlock. Different tills never wait for each other."""
        if not self.is_sqlite:
            self.session.execute(select(TillRow.id).where(TillRow.id == self.till.id)
                                 .with_for_update())

    def lock(self, model, pk: int) -> None:
        """Row lock for read-check-write use cases (a book, a series) on PostgreSQL."""
        if not self.is_sqlite:
            self.session.execute(select(model.id).where(model.id == pk).with_for_update())

