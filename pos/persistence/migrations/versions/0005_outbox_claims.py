"""Who holds an AT duty being sent: the claim token on the outbox row.

A claimed row names its holder (machine, process id and start time, and the claim itself;
see pos/services/claims.py). A sender renews a row's lease while it sends it and records its
outcome only while it still holds it, so two senders never send the same row; a till that
starts again takes back at once the rows of a process of its own machine that is gone.

Revision ID: 0005_outbox_claims
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_outbox_claims"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: no table copy.
    op.add_column("outbox", sa.Column("claimed_by", sa.String(120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("claimed_by")
