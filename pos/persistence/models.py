"""SQLAlchemy 2 tables. Signed rows are append-only (triggers: pos.persistence.guards).

A document row is never updated: what happens to it afterwards (a cancellation, the code AT
gives a transport document) is an appended, sealed ``DocumentEvent``; ``DocumentRow.status``
and the properties beside it read those events.

Rows a till creates and a store replicates carry a ``uuid``: their identity on every database
(local ids differ between a till's SQLite file and the store's central PostgreSQL).
"""

import uuid as uuidlib
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    case,
    exists,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column, relationship

from .types import Dec


class Base(DeclarativeBase):
    pass


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def uuid_column() -> Mapped[str]:
    """The row's identity across a store's databases (unique, set when the row is made)."""
    return mapped_column(String(36), index=True, unique=True, default=new_uuid)


class Setting(Base):
    """Settings of the whole shop (certificate number, producer...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Establishment(Base):
    """A shop's premises as AT knows them (series are registered per establishment)."""

    __tablename__ = "establishments"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)   # SAF-T TaxEntity, 'Global'
    name: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(50), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class TillRow(Base):
    """One point of sale. Its documents, series, cash sessions, audit chain, AT duties and
    settings carry its id; a till only ever writes its own."""

    __tablename__ = "tills"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class TillSetting(Base):
    """Settings that belong to one till (training mode, the AT queue stop...)."""

    __tablename__ = "till_settings"
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Company(Base):
    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    nif: Mapped[str] = mapped_column(String(9))
    name: Mapped[str] = mapped_column(String(100))
    business_name: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(50))
    postal_code: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2), default="PT")
    tax_region: Mapped[str] = mapped_column(String(5), default="PT")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(100), default="")


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(10))  # cashier | supervisor | manager | admin
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Wrong PINs in a row, and until when the user is locked out after too many.
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


class RolePermission(Base):
    """A shop's change to what a role may do (pos.domain.roles holds the defaults)."""

    __tablename__ = "role_permissions"
    role: Mapped[str] = mapped_column(String(10), primary_key=True)
    action: Mapped[str] = mapped_column(String(20), primary_key=True)
    allowed: Mapped[bool] = mapped_column(Boolean)
    limit_value: Mapped[str | None] = mapped_column(String(40))   # e.g. a discount's max %


class Category(Base):
    """A group of the catalogue, in the order the till shows them (products name it)."""

    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Product(Base):
    __tablename__ = "products"
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Dec)            # VAT included
    tax_code: Mapped[str] = mapped_column(String(3))
    exemption_code: Mapped[str | None] = mapped_column(String(3))
    unit: Mapped[str] = mapped_column(String(5), default="UN")
    product_type: Mapped[str] = mapped_column(String(1), default="P")
    barcode: Mapped[str | None] = mapped_column(String(20), index=True)
    category: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    uuid: Mapped[str] = uuid_column()


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    nif: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(50), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(12), default="PT")
    phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    uuid: Mapped[str] = uuid_column()


class SigningKey(Base):
    __tablename__ = "signing_keys"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    private_pem: Mapped[bytes] = mapped_column(LargeBinary)   # encrypted PKCS#8
    public_pem: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Series(Base):
    __tablename__ = "series"
    __table_args__ = (UniqueConstraint("doc_type", "series_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[str] = mapped_column(String(35))
    series_key: Mapped[str] = mapped_column(String(35))      # upper-case: AT is case-insensitive
    doc_type: Mapped[str] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(1))              # N | F | R
    status: Mapped[str] = mapped_column(String(1), default="A")
    validation_code: Mapped[str | None] = mapped_column(String(70))
    first_number: Mapped[int] = mapped_column(Integer, default=1)
    last_number: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(172), default="")
    last_invoice_date: Mapped[date | None] = mapped_column(Date)
    last_system_entry: Mapped[datetime | None] = mapped_column(DateTime)
    start_date: Mapped[date | None] = mapped_column(Date)
    registered_by: Mapped[str] = mapped_column(String(10), default="manual")  # manual | ws
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    uuid: Mapped[str] = uuid_column()
    # Finalised after a loss of data (D8632 §2.5.1): the last number it really reached, from
    # the paper duplicates (last_number stays the last one the database holds).
    final_number: Mapped[int | None] = mapped_column(Integer)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("series_pk", "number"),
                      Index("ix_documents_date", "invoice_date"),
                      Index("ix_documents_till_entry", "till_id", "system_entry_date"))
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    series_pk: Mapped[int] = mapped_column(ForeignKey("series.id"))
    doc_type: Mapped[str] = mapped_column(String(2))
    series_id: Mapped[str] = mapped_column(String(35))
    series_kind: Mapped[str] = mapped_column(String(1))
    number: Mapped[int] = mapped_column(Integer)
    document_no: Mapped[str] = mapped_column(String(60), unique=True)
    atcud: Mapped[str] = mapped_column(String(100))
    invoice_date: Mapped[date] = mapped_column(Date)
    system_entry_date: Mapped[datetime] = mapped_column(DateTime)
    customer_nif: Mapped[str] = mapped_column(String(30))
    customer_name: Mapped[str] = mapped_column(String(100))
    customer_address: Mapped[str] = mapped_column(String(200), default="")
    customer_city: Mapped[str] = mapped_column(String(50), default="")
    customer_postal_code: Mapped[str] = mapped_column(String(20), default="")
    customer_country: Mapped[str] = mapped_column(String(12), default="PT")
    tax_region: Mapped[str] = mapped_column(String(5))
    net_total: Mapped[Decimal] = mapped_column(Dec)
    tax_payable: Mapped[Decimal] = mapped_column(Dec)
    gross_total: Mapped[Decimal] = mapped_column(Dec)
    previous_hash: Mapped[str] = mapped_column(String(172))
    hash: Mapped[str] = mapped_column(String(172))
    hash_control: Mapped[str] = mapped_column(String(70))
    key_version: Mapped[int] = mapped_column(Integer)
    source_billing: Mapped[str] = mapped_column(String(1), default="P")
    user_login: Mapped[str] = mapped_column(String(30))
    manual_ref: Mapped[str | None] = mapped_column(String(60))
    ref_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    extra: Mapped[str | None] = mapped_column(Text)            # JSON: addresses, vehicle...
    movement_start: Mapped[datetime | None] = mapped_column(DateTime)

    lines: Mapped[list["LineRow"]] = relationship(
        order_by="LineRow.line_no", lazy="selectin", cascade="save-update")
    payments: Mapped[list["PaymentRow"]] = relationship(
        order_by="PaymentRow.id", lazy="selectin", cascade="save-update")
    cancellation: Mapped["DocumentEvent | None"] = relationship(
        primaryjoin="and_(DocumentEvent.document_id == DocumentRow.id, "
                    "DocumentEvent.kind == 'cancelled')",
        uselist=False, viewonly=True, lazy="selectin")
    at_code_event: Mapped["DocumentEvent | None"] = relationship(
        primaryjoin="and_(DocumentEvent.document_id == DocumentRow.id, "
                    "DocumentEvent.kind == 'at_code')",
        uselist=False, viewonly=True, lazy="selectin")

    # The document's state, as SAF-T and AT see it, read from its events.
    @property
    def status_date(self) -> datetime:
        c = self.cancellation
        return c.at if c is not None else self.system_entry_date

    @property
    def status_reason(self) -> str | None:
        c = self.cancellation
        return c.reason if c is not None else None

    @property
    def status_user(self) -> str | None:
        c = self.cancellation
        return c.user_login if c is not None else None

    @property
    def at_doc_code(self) -> str | None:
        e = self.at_code_event
        return e.value if e is not None else None


class LineRow(Base):
    __tablename__ = "document_lines"
    __table_args__ = (UniqueConstraint("document_id", "line_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_code: Mapped[str] = mapped_column(String(60), index=True)
    description: Mapped[str] = mapped_column(String(200))
    product_type: Mapped[str] = mapped_column(String(1), default="P")
    quantity: Mapped[Decimal] = mapped_column(Dec)
    unit: Mapped[str] = mapped_column(String(5))
    unit_price: Mapped[Decimal] = mapped_column(Dec)
    discount: Mapped[Decimal] = mapped_column(Dec)
    gross_amount: Mapped[Decimal] = mapped_column(Dec)
    net_amount: Mapped[Decimal] = mapped_column(Dec)
    tax_amount: Mapped[Decimal] = mapped_column(Dec)
    tax_code: Mapped[str] = mapped_column(String(3))
    tax_percentage: Mapped[Decimal] = mapped_column(Dec)
    exemption_code: Mapped[str | None] = mapped_column(String(3))
    exemption_reason: Mapped[str | None] = mapped_column(String(60))
    ref_document_no: Mapped[str | None] = mapped_column(String(60), index=True)
    ref_line_no: Mapped[int | None] = mapped_column(Integer)
    ref_reason: Mapped[str | None] = mapped_column(String(50))


class PaymentRow(Base):
    __tablename__ = "document_payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    method: Mapped[str] = mapped_column(String(2))
    amount: Mapped[Decimal] = mapped_column(Dec)
    tendered: Mapped[Decimal] = mapped_column(Dec)


class OutboxRow(Base):
    """A duty owed to AT, or a record owed to the store's central database (kind 'store'),
    written in the same transaction as what creates it."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_kind_status", "kind", "status", "id"),
        # The claim's order within one till and status (migration 0010): a claim walks it
        # and stops after its rows, whatever the backlog (pos.services.outbox.claim).
        Index("ix_outbox_queue", "till_id", "status", text("(deadline IS NULL)"), "deadline",
              "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))     # invoice | invoice_status | work | ...
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    series_pk: Mapped[int | None] = mapped_column(ForeignKey("series.id"), index=True)
    payload: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending|done|parked|...
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    deadline: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    result: Mapped[str | None] = mapped_column(Text)
    # While ``sending``: the claim token of the sender holding the row (services/claims.py).
    claimed_by: Mapped[str | None] = mapped_column(String(120))


class DocumentEvent(Base):
    """The till's document chain (pos.domain.seal): the sealed content of each document as
    issued, then each change of its state. Append-only; each row's ``hash`` commits to the
    one before it, and ``signature`` is the till's Ed25519 seal of it (rows carried over by
    migration 0006 are unsigned: the journal's ``upgrade`` entry seals their head)."""

    __tablename__ = "document_events"
    __table_args__ = (UniqueConstraint("till_id", "seq"),
                      UniqueConstraint("document_id", "kind"))
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    seq: Mapped[int] = mapped_column(Integer)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    kind: Mapped[str] = mapped_column(String(12))           # issued | cancelled | at_code
    at: Mapped[datetime] = mapped_column(DateTime)
    user_login: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(String(50))
    value: Mapped[str | None] = mapped_column(String(200))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    key_version: Mapped[int | None] = mapped_column(Integer)
    signature: Mapped[str | None] = mapped_column(String(100))


DocumentRow.status = column_property(case(
    (exists(select(DocumentEvent.id).where(DocumentEvent.document_id == DocumentRow.id,
                                           DocumentEvent.kind == "cancelled")), "A"),
    else_="N"))


class SealKey(Base):
    """Ed25519 keys that seal the tills' chains, kept like the signing key (encrypted PKCS#8,
    passphrase in the OS key store). Append-only: the newest version seals."""

    __tablename__ = "seal_keys"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    private_pem: Mapped[bytes] = mapped_column(LargeBinary)
    public_pem: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEvent(Base):
    """The till's journal: sensitive actions and closures, in a chain per till, each entry
    sealed with Ed25519 (pos.domain.seal). Entries older than migration 0006 keep their
    SHA-256 chain (no key_version); the ``upgrade`` entry seals its head."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_till", "till_id", "id"),
                      UniqueConstraint("till_id", "seq"),
                      Index("ix_audit_events_till_kind", "till_id", "kind", "seq"))
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_login: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    key_version: Mapped[int | None] = mapped_column(Integer)
    signature: Mapped[str | None] = mapped_column(String(100))


class IntegrityState(Base):
    """Set when verification finds tampering; issuing stays blocked until acknowledged."""

    __tablename__ = "integrity_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), unique=True)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    report: Mapped[str] = mapped_column(Text, default="")
    detected_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(30))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)


class Reprint(Base):
    """Every copy printed after the original, with who and why (append-only)."""

    __tablename__ = "reprints"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_login: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(String(100), default="")
    copy_number: Mapped[int] = mapped_column(Integer)
    uuid: Mapped[str] = uuid_column()


class DocumentPrint(Base):
    """Every print of a document (pos.services.prints): a ``claim`` written before anything
    is sent, with the copy number it carries (0: the original), then its outcome —
    ``printed``, ``failed`` (nothing reached the printer) or ``uncertain`` — naming the claim.
    Append-only; the uuid is for the store."""

    __tablename__ = "document_prints"
    __table_args__ = (UniqueConstraint("claim_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    copy_number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))      # claim | printed | failed | uncertain
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("document_prints.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    user_login: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")


class CashSession(Base):
    __tablename__ = "cash_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"), index=True)
    user_login: Mapped[str] = mapped_column(String(30))
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    opening_float: Mapped[Decimal] = mapped_column(Dec)
    status: Mapped[str] = mapped_column(String(6), default="open")   # open | closed
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(30))
    z_number: Mapped[int | None] = mapped_column(Integer)
    # 'till': the till's one session, whoever sells; 'user': this user's own session and
    # documents (the till setting session_rule when it was opened).
    scope: Mapped[str] = mapped_column(String(5), default="till", server_default="till")
    uuid: Mapped[str] = uuid_column()


class CashCount(Base):
    """The blind count per payment method when a session closes."""

    __tablename__ = "cash_counts"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    method: Mapped[str] = mapped_column(String(2))
    expected: Mapped[Decimal] = mapped_column(Dec)
    counted: Mapped[Decimal] = mapped_column(Dec)


class CashMovement(Base):
    """Cash in/out and drawer openings without a sale."""

    __tablename__ = "cash_movements"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_login: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(10))       # in | out | drawer
    amount: Mapped[Decimal] = mapped_column(Dec)
    reason: Mapped[str] = mapped_column(String(100), default="")
    uuid: Mapped[str] = uuid_column()


class ParkedCartRow(Base):
    """A sale put aside (never a fiscal document): the cart as JSON until it is resumed or
    voided (a voided one is audited)."""

    __tablename__ = "parked_carts"
    __table_args__ = (Index("ix_parked_carts_till_status", "till_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    till_id: Mapped[int] = mapped_column(ForeignKey("tills.id"))
    user_login: Mapped[str] = mapped_column(String(30))
    parked_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(String(100), default="")
    lines: Mapped[int] = mapped_column(Integer)
    total: Mapped[Decimal] = mapped_column(Dec)
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default="parked")  # parked|resumed|voided
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(30))


class TypographyBook(Base):
    """A book of pre-printed forms from an authorised typography (D8632 §2.4)."""

    __tablename__ = "typography_books"
    __table_args__ = (UniqueConstraint("doc_type", "manual_series", "first_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(2))
    manual_series: Mapped[str] = mapped_column(String(35))
    first_number: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer)
    typography_name: Mapped[str] = mapped_column(String(100))
    typography_nif: Mapped[str] = mapped_column(String(9))
    authorization: Mapped[str] = mapped_column(String(60))
    validation_code: Mapped[str | None] = mapped_column(String(70))
    status: Mapped[str] = mapped_column(String(10), default="stock")  # stock | in_use | closed
    created_at: Mapped[datetime] = mapped_column(DateTime)


class VoidedManualNumber(Base):
    """A form voided on paper: it will never be recovered."""

    __tablename__ = "voided_manual_numbers"
    __table_args__ = (UniqueConstraint("book_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("typography_books.id"))
    number: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime)
    user_login: Mapped[str] = mapped_column(String(30))


class InoperabilityPeriod(Base):
    """When the program could not be used, and why."""

    __tablename__ = "inoperability_periods"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(200))
    recorded_by: Mapped[str] = mapped_column(String(30))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


# The store's own tables (central database; empty on a till): see store_models.py.
from . import store_models  # noqa: E402,F401
