"""The store's tables: what the central database keeps about replication.

They exist in every database (one schema, one set of migrations) but only a store's central
PostgreSQL fills them; a till's SQLite file leaves them empty. The functions, triggers,
roles and row-level security that make them work are installed by ``caixa store init``
(pos/services/store/central_sql.py).
"""

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

# SQLite only numbers an INTEGER PRIMARY KEY by itself; PostgreSQL gets a bigserial.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class StoreEntry(Base):
    """One kind of replicated record, as the central database applies it (written by
    ``store init`` from pos/services/store/registry.py)."""

    __tablename__ = "store_entries"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    target: Mapped[str] = mapped_column(String(60))       # the central table it lands in
    op: Mapped[str] = mapped_column(String(10))           # insert | update
    match: Mapped[str | None] = mapped_column(String(60))  # update: the row's identity column
    rules: Mapped[str] = mapped_column(Text, default="{}")   # JSON: refs, children, stamp


class StoreTill(Base):
    """A till attached to the store: its database role and what it last reported."""

    __tablename__ = "store_tills"
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(63), unique=True)
    attached_at: Mapped[datetime] = mapped_column(DateTime)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    pending: Mapped[int] = mapped_column(Integer, default=0)       # records not yet sent
    oldest_pending: Mapped[datetime | None] = mapped_column(DateTime)
    parked: Mapped[int] = mapped_column(Integer, default=0)        # conflicts seen by the till
    at_pending: Mapped[int] = mapped_column(Integer, default=0)    # AT duties not yet done
    at_parked: Mapped[int] = mapped_column(Integer, default=0)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)     # master data it holds
    last_error: Mapped[str | None] = mapped_column(Text)


class StoreInbox(Base):
    """Every record a till sent, accepted once by its key (``ON CONFLICT DO NOTHING``).

    ``hash`` is computed here from the payload's text; ``applied`` says whether the record
    reached its table (``problem`` says why not; ``caixa store sync`` on the central
    database applies it again)."""

    __tablename__ = "store_inbox"
    __table_args__ = (Index("ix_store_inbox_till", "till_id", "id"),
                      Index("ix_store_inbox_unapplied", "applied", "id"))
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    entry: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    till_seq: Mapped[int] = mapped_column(BigInteger)             # the till's outbox row id
    recorded_at: Mapped[datetime] = mapped_column(DateTime)       # the till's clock
    received_at: Mapped[datetime] = mapped_column(DateTime)       # the central's clock
    applied: Mapped[bool] = mapped_column(Boolean, default=False)
    problem: Mapped[str | None] = mapped_column(Text)


class StoreConflict(Base):
    """A record offered again under a key the store already holds with other content: never
    applied, kept for a manager."""

    __tablename__ = "store_conflicts"
    __table_args__ = (UniqueConstraint("key", "offered_hash"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    entry: Mapped[str] = mapped_column(String(40))
    offered_hash: Mapped[str] = mapped_column(String(64))
    existing_hash: Mapped[str] = mapped_column(String(64))
    existing_till_id: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)


class StoreAtStatus(Base):
    """What AT acknowledged for a till's duty (done), replicated from the till's outbox."""

    __tablename__ = "store_at_status"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    series_pk: Mapped[int | None] = mapped_column(ForeignKey("series.id"))
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    result: Mapped[str | None] = mapped_column(Text)


class MasterChange(Base):
    """The central log of master data changes, numbered by a server-side sequence in commit
    order (a transaction-level lock serialises writers of master data): a till pulls what
    comes after its cursor. ``row`` is the row as JSON, or NULL when it was deleted."""

    __tablename__ = "master_changes"
    __table_args__ = (Index("ix_master_changes_key", "tbl", "key", "seq"),)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tbl: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(80))
    row: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)


class StoreSealKey(Base):
    """The public half of each till's seal keys (pos.domain.seal): the central database
    checks every till's sealed chains with them. A till's own ``seal_keys`` table numbers
    its versions from 1, so here they are kept per till; the private half never leaves the
    till."""

    __tablename__ = "store_seal_keys"
    __table_args__ = (UniqueConstraint("till_id", "version"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    version: Mapped[int] = mapped_column(Integer)
    public_pem: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class StoreAnchor(Base):
    """Each till's anchor (pos.domain.anchor) as the till last published it: the store's
    copy, outside the till's machine, of its chain heads and series numbers."""

    __tablename__ = "store_anchors"
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), primary_key=True)
    shop: Mapped[str] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(Text)          # AnchorState.to_json()
    at: Mapped[datetime] = mapped_column(DateTime)    # the central's clock when received
