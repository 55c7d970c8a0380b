"""The store: identities for replicated rows, and the central database's tables.

A store replicates what each till records (its SQLite file) to one central PostgreSQL
database, where local ids mean nothing: rows are matched by a UUID instead. Documents, their
chain (``document_events``), the journal (``audit_events``) and seal keys have one already
(0008_sealed); this revision gives one to every other row a till creates and the store keeps
(series, cash sessions and movements, reprints, customers and products), filling existing
rows with random ones. It adds the outbox index the store's sender reads with, and the
central database's tables (pos/persistence/store_models.py), empty on a till.

``reprints`` is append-only: its guard is lifted for the one UPDATE that fills the new column
and put back at once, exactly as pos.persistence.guards makes it. SQLite gets the column in
place (``ADD COLUMN ... NOT NULL DEFAULT ''``, no table copy); PostgreSQL fills it, then
makes it NOT NULL.

Revision ID: 0009_store
Revises: 0008_sealed
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_store"
down_revision = "0008_sealed"
branch_labels = None
depends_on = None

WITH_UUID = ("products", "customers", "series", "cash_sessions", "cash_movements", "reprints")
GUARDED = ("reprints",)
MESSAGE = "Caixa: signed fiscal data is append-only"
# A random (version 4) UUID in SQLite's SQL, one per row.
SQLITE_UUID = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)"
    " || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))")
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    for table in WITH_UUID:
        _add_uuid(table)
    op.create_index("ix_outbox_kind_status", "outbox", ["kind", "status", "id"])
    _create_store_tables()


def _add_uuid(table: str) -> None:
    guarded = table in GUARDED
    if _sqlite():
        op.execute(f"ALTER TABLE {table} ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT ''")
        if guarded:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_update")
        op.execute(f"UPDATE {table} SET uuid = {SQLITE_UUID}")  # noqa: S608
        if guarded:
            op.execute(f"CREATE TRIGGER {table}_update BEFORE UPDATE ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    else:
        op.add_column(table, sa.Column("uuid", sa.String(length=36), nullable=True))
        if guarded:
            op.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_guard")
        op.execute(f"UPDATE {table} SET uuid = gen_random_uuid()::text")  # noqa: S608
        if guarded:
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_guard")
        op.alter_column(table, "uuid", nullable=False)
    op.create_index(f"ix_{table}_uuid", table, ["uuid"], unique=True)


def _create_store_tables() -> None:
    op.create_table(
        "store_entries",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=60), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("match", sa.String(length=60), nullable=True),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name"))
    op.create_table(
        "store_tills",
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=63), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("pending", sa.Integer(), nullable=False),
        sa.Column("oldest_pending", sa.DateTime(), nullable=True),
        sa.Column("parked", sa.Integer(), nullable=False),
        sa.Column("at_pending", sa.Integer(), nullable=False),
        sa.Column("at_parked", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("till_id"),
        sa.UniqueConstraint("role"))
    op.create_table(
        "store_inbox",
        sa.Column("id", BigId, nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("entry", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("till_seq", sa.BigInteger(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"))
    op.create_index("ix_store_inbox_till", "store_inbox", ["till_id", "id"])
    op.create_index("ix_store_inbox_unapplied", "store_inbox", ["applied", "id"])
    op.create_table(
        "store_conflicts",
        sa.Column("id", BigId, nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("entry", sa.String(length=40), nullable=False),
        sa.Column("offered_hash", sa.String(length=64), nullable=False),
        sa.Column("existing_hash", sa.String(length=64), nullable=False),
        sa.Column("existing_till_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key", "offered_hash"))
    op.create_table(
        "store_at_status",
        sa.Column("id", BigId, nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("series_pk", sa.Integer(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["series_pk"], ["series.id"]),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_store_at_status_till_id", "store_at_status", ["till_id"])
    op.create_index("ix_store_at_status_document_id", "store_at_status", ["document_id"])
    op.create_table(
        "master_changes",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("row", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq"))
    op.create_index("ix_master_changes_key", "master_changes", ["tbl", "key", "seq"])
    op.create_table(
        "store_seal_keys",
        sa.Column("id", BigId, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("public_pem", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("till_id", "version"))
    op.create_table(
        "store_anchors",
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("shop", sa.String(length=36), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("till_id"))


def downgrade() -> None:
    raise RuntimeError("Revision 0009_store cannot be undone in place: restore the backup "
                       "taken before the upgrade.")
