"""Index the outbox's document and series references.

Claiming a row checks for earlier duties of the same document or series; without these
indexes each claim scanned the queue, so a backlog drained in quadratic time
(docs/PERFORMANCE.md: 200 ms per claim at 1,000 pending, 7-11 ms with the indexes).

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_outbox_document_id", "outbox", ["document_id"])
    op.create_index("ix_outbox_series_pk", "outbox", ["series_pk"])


def downgrade() -> None:
    op.drop_index("ix_outbox_series_pk", "outbox")
    op.drop_index("ix_outbox_document_id", "outbox")
