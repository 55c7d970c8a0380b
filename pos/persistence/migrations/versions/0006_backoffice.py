"""The manager's back office: PIN lock-out, what each role may do, product categories.

``users`` gains a count of wrong PINs in a row and the time a lock-out ends; the new
``role_permissions`` holds a shop's changes to what each role may do (an empty table means
the defaults of ``pos.domain.roles``); ``categories`` names the catalogue's groups in the
order the till shows them, seeded from the categories the products already name; and
document lines are indexed by product code, since whether a product was ever sold decides
whether its description may still change (D8632 §3.3.5).

Revision ID: 0006_backoffice
Revises: 0005_outbox_claims
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0006_backoffice"
down_revision = "0005_outbox_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("failed_pins", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.create_table(
        "role_permissions",
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("allowed", sa.Boolean(), nullable=False),
        sa.Column("limit_value", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("role", "action"))
    categories = op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"))
    op.create_index("ix_document_lines_product_code", "document_lines", ["product_code"])
    names = sorted(n for (n,) in op.get_bind().execute(
        sa.text("SELECT DISTINCT category FROM products WHERE category <> ''")))
    now = datetime.now().replace(microsecond=0)
    if names:
        op.bulk_insert(categories, [
            {"name": n, "position": i, "active": True, "created_at": now}
            for i, n in enumerate(names, 1)])


def downgrade() -> None:
    op.drop_index("ix_document_lines_product_code", "document_lines")
    op.drop_table("categories")
    op.drop_table("role_permissions")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_pins")
