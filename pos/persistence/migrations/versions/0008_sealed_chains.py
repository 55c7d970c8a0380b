"""Sealed chains: every byte of a document, its status changes and the journal.

- ``seal_keys``: the shop's Ed25519 seal keys (encrypted like the signing key).
- ``document_events``: each till's document chain. Every document already in the database
  gets its ``issued`` entry with its full content (pos.domain.seal, format 1), and its
  cancellation and AT code become ``cancelled`` / ``at_code`` entries, in the order they
  happened; the entries are chained (hash) but unsigned: the key's passphrase is not
  reachable from a migration. At the next start the application appends an ``upgrade``
  entry to each till's journal that seals the heads (pos.services.sealing.seal_upgrade).
- ``documents`` loses ``status``, ``status_date``, ``status_reason``, ``status_user`` and
  ``at_doc_code``: the row is never updated again; those values are read from its events.
- ``audit_events`` (the journal) gets ``uuid``, ``seq``, ``key_version`` and ``signature``;
  old entries keep their SHA-256 chain, numbered 1..n per till.
- ``settings.shop_uuid``: the shop's identity for the OS key store and the external anchors.
- The guards (triggers) are recreated: ``documents`` refuses any UPDATE now, and the new
  tables are append-only (pos.persistence.guards; this file keeps a frozen copy).

Revision ID: 0008_sealed
Revises: 0007_cashier
"""

import heapq
import uuid as uuidlib

import sqlalchemy as sa
from alembic import op

from pos.domain import seal

revision = "0008_sealed"
down_revision = "0007_cashier"
branch_labels = None
depends_on = None

MESSAGE = "Caixa: signed fiscal data is append-only"
OLD_GUARDS = ("documents_signed", "documents_status", "documents_delete")
OLD_APPEND_ONLY = ("document_lines", "document_payments", "audit_events", "reprints")
APPEND_ONLY = ("documents", "document_lines", "document_payments", "document_events",
               "audit_events", "reprints", "seal_keys")
SIGNING_KEY_COLUMNS = "version, private_pem, public_pem, created_at"
STATUS_COLUMNS = ("status", "status_date", "status_reason", "status_user", "at_doc_code")
BATCH = 2000

# Frozen views of the tables as this revision reads them (typed: dates come back as dates).
_docs = sa.table(
    "documents", sa.column("id", sa.Integer), sa.column("uuid", sa.String),
    sa.column("till_id", sa.Integer), *(sa.column(c, sa.String) for c in (
        "doc_type", "series_id", "series_kind", "document_no", "atcud", "customer_nif",
        "customer_name", "customer_address", "customer_city", "customer_postal_code",
        "customer_country", "tax_region", "net_total", "tax_payable", "gross_total",
        "previous_hash", "hash", "hash_control", "source_billing", "user_login",
        "manual_ref", "extra", "status", "status_reason", "status_user", "at_doc_code")),
    sa.column("number", sa.Integer), sa.column("key_version", sa.Integer),
    sa.column("ref_document_id", sa.Integer), sa.column("invoice_date", sa.Date),
    sa.column("system_entry_date", sa.DateTime), sa.column("movement_start", sa.DateTime),
    sa.column("status_date", sa.DateTime))
_lines = sa.table("document_lines", sa.column("document_id", sa.Integer),
                  *(sa.column(c) for c in seal.LINE_FIELDS))
_pays = sa.table("document_payments", sa.column("id", sa.Integer),
                 sa.column("document_id", sa.Integer),
                 *(sa.column(c) for c in seal.PAYMENT_FIELDS))
_tills = sa.table("tills", sa.column("id", sa.Integer), sa.column("code", sa.String))
_outbox = sa.table("outbox", sa.column("document_id", sa.Integer),
                   sa.column("kind", sa.String), sa.column("done_at", sa.DateTime))
_events = sa.table(
    "document_events", *(sa.column(c) for c in (
        "uuid", "till_id", "seq", "document_id", "kind", "at", "user_login", "reason",
        "value", "sealed", "prev_hash", "hash", "key_version", "signature")))
_audit = sa.table("audit_events", sa.column("id", sa.Integer),
                  sa.column("till_id", sa.Integer), sa.column("seq", sa.Integer),
                  sa.column("uuid", sa.String))


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    bind = op.get_bind()
    _drop_guards()
    op.create_table(
        "seal_keys",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("private_pem", sa.LargeBinary(), nullable=False),
        sa.Column("public_pem", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version"),
        sa.UniqueConstraint("uuid"))
    op.create_table(
        "document_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_login", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.String(length=50), nullable=True),
        sa.Column("value", sa.String(length=200), nullable=True),
        sa.Column("sealed", sa.LargeBinary(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=True),
        sa.Column("signature", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("till_id", "seq"),
        sa.UniqueConstraint("document_id", "kind"))
    _carry_documents_over(bind)
    for column in STATUS_COLUMNS:
        if _sqlite():   # in place (SQLite 3.35+): no copy of the table and its references
            op.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        else:
            op.drop_column("documents", column)
    _number_the_journal(bind)
    if bind.execute(sa.text("SELECT 1 FROM tills LIMIT 1")).first() is not None:
        bind.execute(sa.text("INSERT INTO settings (key, value) VALUES ('shop_uuid', :v)"),
                     {"v": str(uuidlib.uuid4())})
    _create_guards()


# ---- the document chain of what is already there --------------------------------------

def _carry_documents_over(bind) -> None:
    tills = dict(bind.execute(sa.select(_tills.c.id, _tills.c.code)).all())
    for till_id, code in tills.items():
        _chain_till(bind, till_id, code)


def _later_events(bind, till_id: int) -> list[tuple]:
    """Cancellations and AT codes of the till's documents: (at, order, doc id, kind, user,
    reason, value, uuid, document_no)."""
    d = _docs.c
    done = {doc: at for doc, at in bind.execute(
        sa.select(_outbox.c.document_id, sa.func.max(_outbox.c.done_at))
        .where(_outbox.c.kind.in_(("transport", "transport_status")),
               _outbox.c.done_at.is_not(None))
        .group_by(_outbox.c.document_id)).all()}
    out = []
    rows = bind.execute(sa.select(d.id, d.uuid, d.document_no, d.user_login,
                                  d.system_entry_date, d.status, d.status_date,
                                  d.status_reason, d.status_user, d.at_doc_code)
                        .where(d.till_id == till_id, sa.or_(d.status == "A",
                                                            d.at_doc_code.is_not(None))))
    for (doc_id, doc_uuid, doc_no, user, entry, status, status_date, reason, status_user,
         code) in rows:
        if code:
            at = done.get(doc_id) or entry
            out.append((at, 1, doc_id, seal.AT_CODE, "sistema", None, code, doc_uuid, doc_no))
        if status == "A":
            out.append((max(status_date or entry, entry), 2, doc_id, seal.CANCELLED,
                        status_user or user, reason, None, doc_uuid, doc_no))
    out.sort()
    return out


def _chain_till(bind, till_id: int, till_code: str) -> None:
    d = _docs.c
    ref = _docs.alias("ref")
    cols = [d.id, *(getattr(d, f) for f in seal.DOCUMENT_FIELDS
                    if f not in ("till", "ref_document"))]
    stmt = (sa.select(*cols, ref.c.uuid.label("ref_document"))
            .outerjoin(ref, ref.c.id == d.ref_document_id)
            .where(d.till_id == till_id).order_by(d.id))
    later = _later_events(bind, till_id)
    heapq.heapify(later)
    state = {"seq": 0, "prev": "", "batch": []}

    def append(kind, doc_id, at, user, reason, value, content, sealed):
        state["seq"] += 1
        digest = seal.chain_hash(state["seq"], state["prev"], content)
        state["batch"].append(dict(
            uuid=str(uuidlib.uuid4()), till_id=till_id, seq=state["seq"], document_id=doc_id,
            kind=kind, at=at, user_login=user, reason=reason, value=value, sealed=sealed,
            prev_hash=state["prev"], hash=digest, key_version=None, signature=None))
        state["prev"] = digest
        if len(state["batch"]) >= BATCH:
            flush()

    def flush():
        if state["batch"]:
            bind.execute(_events.insert(), state["batch"])
            state["batch"] = []

    def emit_later(until):
        while later and (until is None or later[0][0] <= until):
            at, _order, doc_id, kind, user, reason, value, doc_uuid, doc_no = \
                heapq.heappop(later)
            content = seal.event_content(kind, till_code, dict(
                document=doc_uuid, document_no=doc_no, at=at, user_login=user,
                reason=reason, value=value))
            append(kind, doc_id, at, user, reason, value, content, None)

    # Documents stream in id order; their lines and payments are read per batch of ids.
    result = bind.execute(stmt)
    while rows := result.fetchmany(BATCH):
        ids = [r.id for r in rows]
        lines, pays = {}, {}
        for r in bind.execute(sa.select(_lines).where(_lines.c.document_id.in_(ids))):
            lines.setdefault(r.document_id, []).append(r._mapping)
        for r in bind.execute(sa.select(_pays).where(_pays.c.document_id.in_(ids))
                              .order_by(_pays.c.id)):
            pays.setdefault(r.document_id, []).append(r._mapping)
        for r in rows:
            values = {**r._mapping, "till": till_code}
            emit_later(r.system_entry_date)
            content = seal.document_content(values, lines.get(r.id, []), pays.get(r.id, []))
            append(seal.ISSUED, r.id, r.system_entry_date, r.user_login, None, None, content,
                   seal.pack(content))
    emit_later(None)
    flush()


# ---- the journal ----------------------------------------------------------------------

def _number_the_journal(bind) -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("key_version", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("signature", sa.String(length=100), nullable=True))
    seqs: dict[int, int] = {}
    updates = []
    for row_id, till_id in bind.execute(sa.select(_audit.c.id, _audit.c.till_id)
                                        .order_by(_audit.c.id)).all():
        seqs[till_id] = seqs.get(till_id, 0) + 1
        updates.append({"pk": row_id, "seq": seqs[till_id], "uuid": str(uuidlib.uuid4())})
    if updates:
        bind.execute(_audit.update().where(_audit.c.id == sa.bindparam("pk"))
                     .values(seq=sa.bindparam("seq"), uuid=sa.bindparam("uuid")), updates)
    with op.batch_alter_table("audit_events") as batch:
        batch.alter_column("uuid", existing_type=sa.String(length=36), nullable=False)
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint("uq_audit_events_uuid", ["uuid"])
        batch.create_unique_constraint("uq_audit_events_till_id_seq", ["till_id", "seq"])
        batch.create_index("ix_audit_events_till_kind", ["till_id", "kind", "seq"])


# ---- guards -----------------------------------------------------------------------------

def _drop_guards() -> None:
    if _sqlite():
        for name in OLD_GUARDS + tuple(f"{t}_{w}" for t in OLD_APPEND_ONLY
                                       for w in ("update", "delete")):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for name in OLD_GUARDS:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON documents")
    for table in OLD_APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")


def _create_guards() -> None:
    if _sqlite():
        raise_ = f"SELECT RAISE(ABORT, '{MESSAGE}');"
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_update BEFORE UPDATE ON {table} "
                       f"BEGIN {raise_} END")
            op.execute(f"CREATE TRIGGER {table}_delete BEFORE DELETE ON {table} "
                       f"BEGIN {raise_} END")
        op.execute(f"CREATE TRIGGER signing_keys_update BEFORE UPDATE OF {SIGNING_KEY_COLUMNS} "
                   f"ON signing_keys BEGIN {raise_} END")
        op.execute(f"CREATE TRIGGER signing_keys_delete BEFORE DELETE ON signing_keys "
                   f"BEGIN {raise_} END")
        return
    op.execute(f"CREATE OR REPLACE FUNCTION caixa_refuse() RETURNS trigger AS $$ "
               f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql")
    for table in APPEND_ONLY:
        op.execute(f"CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION caixa_refuse()")
    op.execute(f"CREATE TRIGGER signing_keys_guard BEFORE UPDATE OF {SIGNING_KEY_COLUMNS} "
               "OR DELETE ON signing_keys FOR EACH ROW EXECUTE FUNCTION caixa_refuse()")


def downgrade() -> None:
    raise RuntimeError("Revision 0006 cannot be undone in place: restore the backup taken "
                       "before the upgrade.")
