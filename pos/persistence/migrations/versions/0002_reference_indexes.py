"""Indexes on the references a correcting document or receipt makes to another document.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_ref_document_id", "documents", ["ref_document_id"])
    op.create_index("ix_document_lines_ref_document_no", "document_lines", ["ref_document_no"])


def downgrade() -> None:
    op.drop_index("ix_document_lines_ref_document_no", "document_lines")
    op.drop_index("ix_documents_ref_document_id", "documents")
