"""Tills and establishments: every till-owned row carries its till.

Until now a database held one till and nothing said which: the till's name was a setting,
training mode and the AT queue stop were global settings, and the audit chain was one chain.
This revision adds ``establishments`` and ``tills``, a ``till_id`` on documents, series, cash
sessions, audit events, outbox rows and the integrity state, and ``till_settings`` for what
belongs to one till. A database that already holds data becomes establishment 1 (the
company's old ``establishment`` label) with till 1 (the old ``till`` setting, CX1 by default)
owning everything; an empty database gets its till when it is set up.

The signed-row guards are recreated so that ``till_id`` is as immutable as the rest of a
signed document. On SQLite the new columns are added in place (``ADD COLUMN ... DEFAULT 1``:
no table copy, so the append-only triggers never see an UPDATE); ``migrate.upgrade`` runs
revisions with foreign-key enforcement off and checks the keys afterwards, as SQLite's own
procedure for schema changes asks.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copy of the columns a signed document may never change (0001's list + till_id).
SIGNED_COLUMNS = (
    "id", "uuid", "series_pk", "doc_type", "series_id", "series_kind", "number", "document_no",
    "atcud", "invoice_date", "system_entry_date", "customer_nif", "customer_name",
    "customer_address", "customer_city", "customer_postal_code", "customer_country",
    "tax_region", "net_total", "tax_payable", "gross_total", "previous_hash", "hash",
    "hash_control", "key_version", "source_billing", "user_login", "manual_ref",
    "ref_document_id", "extra", "movement_start", "till_id",
)
APPEND_ONLY = ("document_lines", "document_payments", "audit_events", "reprints")
MESSAGE = "Caixa: signed fiscal data is append-only"
TILL_OWNED = ("documents", "series", "cash_sessions", "audit_events", "outbox",
              "integrity_state")
TILL_SETTINGS = ("training_mode", "at_queue_stopped")


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "establishments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=50), nullable=False),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"))
    op.create_table(
        "tills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("establishment_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["establishment_id"], ["establishments.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"))
    op.create_table(
        "till_settings",
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"]),
        sa.PrimaryKeyConstraint("till_id", "key"))

    _carry_over_one_till(bind)
    _drop_guards()
    for table in ("documents", "audit_events", "outbox"):
        _add_till_column(table)
    with op.batch_alter_table("series") as batch:
        batch.add_column(sa.Column("till_id", sa.Integer(), nullable=False,
                                   server_default="1"))
        batch.create_foreign_key("fk_series_till_id", "tills", ["till_id"], ["id"])
        batch.create_index("ix_series_till_id", ["till_id"])
        batch.drop_column("till")
    with op.batch_alter_table("cash_sessions") as batch:
        batch.add_column(sa.Column("till_id", sa.Integer(), nullable=False,
                                   server_default="1"))
        batch.create_foreign_key("fk_cash_sessions_till_id", "tills", ["till_id"], ["id"])
        batch.create_index("ix_cash_sessions_till_id", ["till_id"])
        batch.drop_column("till")
    with op.batch_alter_table("integrity_state") as batch:
        batch.add_column(sa.Column("till_id", sa.Integer(), nullable=False,
                                   server_default="1"))
        batch.create_foreign_key("fk_integrity_state_till_id", "tills", ["till_id"], ["id"])
        batch.create_unique_constraint("uq_integrity_state_till_id", ["till_id"])
    with op.batch_alter_table("company") as batch:
        batch.drop_column("establishment")
    if not _sqlite():
        # The default only carried today's rows over; a new row must name its till.
        for table in ("series", "cash_sessions", "integrity_state"):
            op.alter_column(table, "till_id", server_default=None)
    op.create_index("ix_documents_till_entry", "documents", ["till_id", "system_entry_date"])
    op.create_index("ix_audit_events_till", "audit_events", ["till_id", "id"])
    op.create_index("ix_outbox_till_id", "outbox", ["till_id"])
    _create_guards()


def _carry_over_one_till(bind) -> None:
    """Everything already in the database belongs to one till: make it establishment 1 and
    till 1, and move the settings that belong to a till over to it."""
    has_data = any(bind.execute(sa.text(f"SELECT 1 FROM {t} LIMIT 1")).first()  # noqa: S608
                   for t in ("company",) + TILL_OWNED)
    settings = dict(bind.execute(sa.text("SELECT key, value FROM settings")).all())
    company = bind.execute(sa.text("SELECT name, address, city, postal_code, establishment "
                                   "FROM company ORDER BY id LIMIT 1")).first()
    if has_data:
        now = bind.execute(sa.text("SELECT CURRENT_TIMESTAMP")).scalar()
        name, address, city, postal, label = company or ("", "", "", "", "Global")
        bind.execute(sa.text(
            "INSERT INTO establishments (id, code, name, address, city, postal_code, "
            "created_at) VALUES (1, :code, :name, :address, :city, :postal, :now)"),
            dict(code=label or "Global", name=name, address=address, city=city,
                 postal=postal, now=now))
        bind.execute(sa.text(
            "INSERT INTO tills (id, code, name, establishment_id, active, created_at) "
            "VALUES (1, :code, :code, 1, :yes, :now)"),
            dict(code=(settings.get("till") or "CX1")[:20], yes=True, now=now))
        for key in TILL_SETTINGS:
            if key in settings:
                bind.execute(sa.text("INSERT INTO till_settings (till_id, key, value) "
                                     "VALUES (1, :key, :value)"),
                             dict(key=key, value=settings[key]))
        if bind.dialect.name == "postgresql":   # ids were given: move the sequences on
            for table in ("establishments", "tills"):
                bind.execute(sa.text(f"SELECT setval("  # noqa: S608
                                     f"pg_get_serial_sequence('{table}', 'id'),"
                                     f" (SELECT max(id) FROM {table}))"))
    bind.execute(sa.text("DELETE FROM settings WHERE key IN ('till', 'training_mode', "
                         "'at_queue_stopped')"))


def _add_till_column(table: str) -> None:
    """Add ``till_id`` in place: existing rows (one till) take 1 from the column default."""
    if _sqlite():
        op.execute(f"ALTER TABLE {table} ADD COLUMN till_id INTEGER NOT NULL DEFAULT 1 "
                   "REFERENCES tills (id)")
        return
    op.add_column(table, sa.Column("till_id", sa.Integer(), nullable=False,
                                   server_default="1"))
    op.create_foreign_key(f"fk_{table}_till_id", table, "tills", ["till_id"], ["id"])
    op.alter_column(table, "till_id", server_default=None)


def _drop_guards() -> None:
    names = ["documents_signed", "documents_status", "documents_delete"]
    if _sqlite():
        for name in names + [f"{t}_{w}" for t in APPEND_ONLY for w in ("update", "delete")]:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for name in names:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON documents")
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")


def _create_guards() -> None:
    cols = ", ".join(SIGNED_COLUMNS)
    if _sqlite():
        raise_ = f"SELECT RAISE(ABORT, '{MESSAGE}');"
        op.execute(f"CREATE TRIGGER documents_signed BEFORE UPDATE OF {cols} ON documents "
                   f"BEGIN {raise_} END")
        op.execute("CREATE TRIGGER documents_status BEFORE UPDATE OF status ON documents "
                   f"WHEN OLD.status = 'A' BEGIN {raise_} END")
        op.execute(f"CREATE TRIGGER documents_delete BEFORE DELETE ON documents "
                   f"BEGIN {raise_} END")
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_update BEFORE UPDATE ON {table} "
                       f"BEGIN {raise_} END")
            op.execute(f"CREATE TRIGGER {table}_delete BEFORE DELETE ON {table} "
                       f"BEGIN {raise_} END")
        return
    # caixa_refuse() was created by 0001 and is still there.
    op.execute(f"CREATE TRIGGER documents_signed BEFORE UPDATE OF {cols} ON documents "
               "FOR EACH ROW EXECUTE FUNCTION caixa_refuse()")
    op.execute("CREATE TRIGGER documents_status BEFORE UPDATE OF status ON documents "
               "FOR EACH ROW WHEN (OLD.status = 'A') EXECUTE FUNCTION caixa_refuse()")
    op.execute("CREATE TRIGGER documents_delete BEFORE DELETE ON documents "
               "FOR EACH ROW EXECUTE FUNCTION caixa_refuse()")
    for table in APPEND_ONLY:
        op.execute(f"CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION caixa_refuse()")


def downgrade() -> None:
    raise RuntimeError("Revision 0004 cannot be undone in place: restore the backup taken "
                       "before the upgrade.")
