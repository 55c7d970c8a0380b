"""Index the outbox in the order a claim takes its rows.

A claim of 10 rows read every due row of its status and sorted them by deadline: 2.9 ms +
0.8 µs per pending row (21.7 ms with 30,000 pending). With (till, status, no deadline,
deadline, id) it walks the index in that order and stops after 10 (docs/PERFORMANCE.md).

Revision ID: 0011_outbox_queue
Revises: 0010_prints
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_outbox_queue"
down_revision = "0010_prints"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_outbox_queue", "outbox",
                    ["till_id", "status", sa.text("(deadline IS NULL)"), "deadline", "id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_queue", "outbox")
