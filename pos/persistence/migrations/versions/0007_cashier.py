"""The till through a cashier's day: parked sales, whose cash session, customers by phone.

``parked_carts`` keeps a sale put aside (JSON of the cart; never a fiscal document) until it
is resumed or voided (the PIN lock-out lives on ``users``, 0006_backoffice);
``cash_sessions.scope`` says whether a session is the till's (anyone signed in sells
in it) or one user's (the shop's rule when it was opened); ``customers.phone`` lets the till
find a customer by phone.

Revision ID: 0007_cashier
Revises: 0006_backoffice
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_cashier"
down_revision = "0006_backoffice"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parked_carts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("user_login", sa.String(length=30), nullable=False),
        sa.Column("parked_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("total", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=30), nullable=True),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_parked_carts_till_status", "parked_carts", ["till_id", "status"])
    # ADD COLUMN with a default: no table copy (SQLite), existing rows take the default.
    op.add_column("cash_sessions", sa.Column("scope", sa.String(length=5), nullable=False,
                                             server_default="till"))
    op.add_column("customers", sa.Column("phone", sa.String(length=20), nullable=False,
                                         server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("phone")
    with op.batch_alter_table("cash_sessions") as batch:
        batch.drop_column("scope")
    op.drop_index("ix_parked_carts_till_status", table_name="parked_carts")
    op.drop_table("parked_carts")
