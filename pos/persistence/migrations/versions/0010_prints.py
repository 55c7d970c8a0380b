"""Prints recorded, and the real last number of a series closed after a loss of data.

- ``document_prints``: every print of a document, claimed before anything is sent and
  finished after it (printed, failed, uncertain), so that only the first print is the
  original (D8632 §2.2.15) whatever printed it, in any process or till
  (pos.services.prints). Append-only (guarded), with a ``uuid`` for the store.
- ``series.final_number``: the last number a series really reached when it was finalised
  after a loss of data (D8632 §2.5.1), read from the paper duplicates; documents lost
  beyond the database's last number are re-entered up to it, never beyond.
- ``settings.prints_recorded_after``: documents up to this id were issued before prints
  were recorded; their original is taken as printed (a later print is a copy).

Revision ID: 0010_prints
Revises: 0009_store
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_prints"
down_revision = "0009_store"
branch_labels = None
depends_on = None

MESSAGE = "Caixa: signed fiscal data is append-only"     # frozen copy of guards.MESSAGE


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    op.create_table(
        "document_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("copy_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_login", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["claim_id"], ["document_prints.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("claim_id"))
    op.create_index("ix_document_prints_document_id", "document_prints", ["document_id"])
    op.add_column("series", sa.Column("final_number", sa.Integer(), nullable=True))
    op.execute("INSERT INTO settings (key, value) SELECT 'prints_recorded_after', "
               "CAST(COALESCE(MAX(id), 0) AS VARCHAR(20)) FROM documents")
    if _sqlite():
        raise_ = f"SELECT RAISE(ABORT, '{MESSAGE}');"
        for what in ("update", "delete"):
            op.execute(f"CREATE TRIGGER document_prints_{what} BEFORE {what.upper()} ON "
                       f"document_prints BEGIN {raise_} END")
    else:
        op.execute("CREATE TRIGGER document_prints_guard BEFORE UPDATE OR DELETE ON "
                   "document_prints FOR EACH ROW EXECUTE FUNCTION caixa_refuse()")


def downgrade() -> None:
    if _sqlite():
        op.execute("DROP TRIGGER IF EXISTS document_prints_update")
        op.execute("DROP TRIGGER IF EXISTS document_prints_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS document_prints_guard ON document_prints")
    op.execute("DELETE FROM settings WHERE key = 'prints_recorded_after'")
    with op.batch_alter_table("series") as batch:
        batch.drop_column("final_number")
    op.drop_index("ix_document_prints_document_id", table_name="document_prints")
    op.drop_table("document_prints")
