"""What a store replicates: one entry per kind of record a till sends up, and the tables of
master data each till pulls down.

Upward, an entry names the local table whose change records it, how the record is known on
every database (``key``), what travels with it and where it lands centrally. From this one
list come the till's SQLite triggers that write the outbox row in the same transaction as
the change (local.py), the payload built when the row is sent (outgoing.py) and the rules
the central database applies it with (central.py writes them into ``store_entries``).
A new append-only table joins the store with one more ``Entry``.

Sealed rows never change (pos.persistence.guards): a document, its lines and payments, its
chain of events (a cancellation and AT's code are appended ``document_events``), the journal
and the seal keys each go up once, as inserts. The few rows that do change after they are
made (a series' state, a session's closing, an AT duty done) are *captured* by the trigger
at the moment of the change, so a record sent twice is always the same text; the rest is
read when the record is sent. ``id`` and ``till_id`` never travel: the central database
numbers its own rows and stamps the sender's till.

What stays on the till: parked carts (a cart put aside is never a fiscal record, and voiding
one is journaled, which does go up), the till's own settings and integrity flag (the sealed
reports and acknowledgements that matter are journal entries), the paper-form books and
inoperability periods (each till's own stock of forms; the documents recovered from them
are documents and do go up), and outbox rows of AT duties still pending (what AT
acknowledged goes up as ``at_status``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A random (version 4) UUID in SQLite's SQL: the key of events that have no row of their own.
RANDOM_KEY = (
    "(SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-'"
    " || substr(h, 21, 12)) FROM (SELECT hex(randomblob(16)) AS h))")


@dataclass(frozen=True)
class Child:
    """Rows sent inside their parent's record (a document's lines), without their own key."""

    table: str
    fk: str                                  # their column holding the parent's id
    order: str = "id"


@dataclass(frozen=True)
class Entry:
    """``key`` may name ``{till}``: the till's number in the store (keys of rows that are
    not the till's alone, such as the store's signing key, must differ between tills)."""

    name: str
    table: str                               # the local table whose change records it
    on: str = "insert"                       # insert | update (the local change)
    op: str = "insert"                       # insert | update (what the central one does)
    target: str = ""                         # central table (default: the same table)
    key: str = "NEW.uuid"                    # SQL over NEW: the record's identity
    pk: str = "id"                           # how the row is found again when it is sent
    send: tuple[str, ...] | None = None      # columns read when sent (None: all of them)
    capture: dict[str, str] = field(default_factory=dict)   # column: SQL over NEW
    constants: dict[str, object] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)      # column: parent table
    children: tuple[Child, ...] = ()
    when: str = ""                           # SQL condition on OLD/NEW (update entries)
    match: str = "uuid"                      # op update: the central row's identity column
    backfill: str = ""                       # update entries: rows whose state is sent at attach
    stamp: tuple[str, ...] = ()              # central columns set to the time it is applied
    # A row every till sends its own copy of (the store's signing key): (its identity,
    # columns that must be equal); the first copy is kept, a different one is refused.
    shared: tuple[str, tuple[str, ...]] | None = None

    @property
    def central_table(self) -> str:
        return self.target or self.table

    @property
    def columns_read(self) -> tuple[str, ...] | None:
        if self.send is not None:
            return self.send
        return None if self.on == "insert" else ()


def _new(*cols: str) -> dict[str, str]:
    return {c: f"NEW.{c}" for c in cols}


AS_OPENED = {"status": "'open'", "closed_at": "NULL", "closed_by": "NULL", "z_number": "NULL"}
SERIES_HEAD = {"last_number": "NEW.first_number - 1", "last_hash": "''",
               "last_invoice_date": "NULL", "last_system_entry": "NULL"}

# Parents come before children: this is also the order of the backfill at attach.
ENTRIES: tuple[Entry, ...] = (
    # Public half only: every till of a store signs with the store's key (one version, one
    # key); a till offering another key under a known version is refused there.
    Entry("signing_key", "signing_keys", key="'signing_key:{till}:' || NEW.version",
          pk="version", send=("version", "public_pem"),
          constants={"private_pem": "\\x", "active": False}, stamp=("created_at",),
          shared=("version", ("public_pem",))),
    # Each till seals its chains with its own Ed25519 key: the public half goes up, kept per
    # till (a till's versions are numbered from 1), and the store checks its chains with it.
    Entry("seal_key", "seal_keys", target="store_seal_keys", pk="version",
          send=("version", "uuid", "public_pem", "fingerprint", "created_at")),
    Entry("series", "series", capture={**_new("status", "validation_code"), **SERIES_HEAD}),
    Entry("series_state", "series", on="update", op="update", key=RANDOM_KEY,
          when="OLD.status IS NOT NEW.status OR OLD.validation_code IS NOT NEW.validation_code",
          capture=_new("status", "validation_code")),
    Entry("customers", "customers"),
    Entry("products", "products", pk="code"),
    Entry("cash_sessions", "cash_sessions", capture=AS_OPENED),
    Entry("documents", "documents", refs={"series_pk": "series", "ref_document_id": "documents"},
          children=(Child("document_lines", "document_id", "line_no"),
                    Child("document_payments", "document_id"))),
    # The document chain: each document's sealed content, its cancellation, AT's code.
    Entry("document_events", "document_events", refs={"document_id": "documents"}),
    Entry("cash_movements", "cash_movements", refs={"session_id": "cash_sessions"}),
    Entry("cash_closure", "cash_sessions", on="update", op="update",
          key="NEW.uuid || ':closed'",
          when="NEW.status = 'closed' AND OLD.status IS NOT 'closed'",
          capture=_new("status", "closed_at", "closed_by", "z_number"),
          children=(Child("cash_counts", "session_id"),), backfill="NEW.status = 'closed'"),
    Entry("reprints", "reprints", refs={"document_id": "documents"}),
    # The journal: every sensitive action, closures (Z, day, month, year) and their grand
    # totals, integrity reports and acknowledgements.
    Entry("audit_events", "audit_events"),
    # What AT acknowledged: the till's own duties, so the store sees every till's AT status.
    Entry("at_status", "outbox", on="update", target="store_at_status", key=RANDOM_KEY,
          send=("kind", "document_id", "series_pk"), capture=_new("done_at", "result"),
          refs={"document_id": "documents", "series_pk": "series"},
          when="NEW.status = 'done' AND OLD.status IS NOT 'done' AND NEW.kind <> 'store'",
          backfill="NEW.status = 'done' AND NEW.kind <> 'store'"),
)
BY_NAME = {e.name: e for e in ENTRIES}
NEVER_SENT = ("id", "till_id")


@dataclass(frozen=True)
class Master:
    """A table of master data: the columns that name a row on every database (local ids
    differ), the columns that stay each database's own (never sent down, never overwritten:
    a user's wrong-PIN count and lock-out are the till's), and key patterns (SQL LIKE) of
    rows that are never master data (settings that belong to one database)."""

    table: str
    key: tuple[str, ...]
    local: tuple[str, ...] = ()
    own_rows: tuple[str, ...] = ()

    def key_text(self, row) -> str:
        return "|".join(str(row[c]) for c in self.key)


# Downward: master data managed centrally, in the order a till applies it.
MASTER: tuple[Master, ...] = (
    Master("company", ("id",)),
    # shop_uuid names this database's key store entry; AT's credentials are encrypted with
    # this database's passphrase; store_*: the store's own bookkeeping.
    Master("settings", ("key",), own_rows=("shop\\_uuid", "at\\_%", "store\\_%")),
    Master("establishments", ("code",)),
    Master("users", ("login",), local=("failed_pins", "locked_until")),
    Master("role_permissions", ("role", "action")),
    Master("categories", ("name",)),
    Master("products", ("code",)),
    Master("customers", ("uuid",)),
)
MASTER_BY_TABLE = {m.table: m for m in MASTER}
# Master data a till may create while offline: it goes up as a new record, never as an
# overwrite, and comes back down like any other row.
CREATED_AT_TILLS = ("customers", "products")
