"""A shop as the program stored it at schema revision 0003, before tills were rows: one till
named by the ``till`` setting, training mode and the AT queue stop as shop settings, the
establishment a label on the company, one audit chain, no ``till_id`` anywhere.

The database is migrated to 0003 only, then filled through the tables as revision 0003 has
them (reflected from the database: the program's models have moved on), with what that
program wrote: a signing key, users, products, series of till ``CXA``, signed documents
chained per series (a cancelled one, a credit note citing an invoice), lines, payments, AT
duties, a closed and an open cash session, the integrity state and the audit chain.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from pos import signing
from pos.domain.documents import Customer, LineRef, ProductSnapshot, cart_line, price_lines
from pos.domain.documents import settle as settle_payments
from pos.domain.series import atcud, document_number
from pos.domain.signature import signature_message
from pos.persistence import mapping, migrate
from pos.persistence.db import Database
from pos.persistence.repositories import event_hash
from pos.services.users import hash_pin

OLD_REVISION = "0003"
TILL = "CXA"
ESTABLISHMENT = "LOJA1"
KEY = Path(__file__).resolve().parents[1] / "printing" / "data" / "test-signing-key.pem"
PRODUCTS = {
    "PAO01": ProductSnapshot("PAO01", "Pão de forma", Decimal("1.89"), "RED"),
    "CAF01": ProductSnapshot("CAF01", "Café", Decimal("0.75"), "INT"),
    "BEB02": ProductSnapshot("BEB02", "Sumo de laranja natural", Decimal("2.50"), "NOR"),
}
CODES = {"FS": "AAJFJFSX", "FT": "AAJFJFTX", "NC": "AAJFJNCX"}
CUSTOMER = Customer("123456789", "Cliente Antigo, Lda.", "Rua Velha, 3", "Porto", "4000-001")
DEADLINE = datetime(2026, 4, 5, 23, 59, 59)       # e-Fatura: day 5 of the next month
STOP = {"at": "2026-03-11T18:00:00", "message": "Credenciais recusadas pela AT.",
        "code": "401"}


@dataclass
class OldShop:
    """What the old program left, to compare with what the migration keeps."""

    documents: dict[str, str] = field(default_factory=dict)     # number -> hash
    audit_head: str = ""
    audit_events: int = 0
    rows: dict[str, int] = field(default_factory=dict)          # table -> row count


def migrate_to_0003(url: str) -> None:
    from alembic import command

    db = Database(url)
    cfg = migrate._config(db.url)
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, OLD_REVISION)
        conn.commit()
    db.dispose()


def _values(row: dict) -> dict:
    """Money as the old Dec column stored it: its exact text."""
    return {k: format(v, "f") if isinstance(v, Decimal) else v for k, v in row.items()}


class _Writer:
    def __init__(self, conn, tables: dict[str, sa.Table]):
        self.conn, self.t = conn, tables
        self.audit_prev, self.audit_count = "", 0

    def insert(self, table: str, **row) -> int | None:
        result = self.conn.execute(self.t[table].insert().values(**_values(row)))
        key = result.inserted_primary_key
        return key[0] if key else None

    def audit(self, at: datetime, user: str, kind: str, detail: str = "") -> None:
        digest = event_hash(self.audit_prev, at, user, kind, detail)
        self.insert("audit_events", at=at, user_login=user, kind=kind, detail=detail,
                    prev_hash=self.audit_prev, hash=digest)
        self.audit_prev = digest
        self.audit_count += 1


def build(url: str, passphrase: bytes) -> OldShop:
    """A shop at revision 0003 at ``url`` (an empty database); its signing key is sealed
    with ``passphrase`` (the caller provides it as the program will look for it)."""
    migrate_to_0003(url)
    db = Database(url)
    meta = sa.MetaData()
    with db.engine.connect() as conn:
        meta.reflect(conn)
    assert "till" in meta.tables["series"].c and "tills" not in meta.tables   # really 0003
    private_pem, public_pem = signing.import_private_pem(KEY.read_bytes(), None, passphrase)
    signer = signing.Signer(private_pem, passphrase, 1)
    shop = OldShop()
    start = datetime(2026, 3, 10, 9, 0, 0)
    with db.engine.begin() as conn:
        w = _Writer(conn, meta.tables)
        w.insert("company", id=1, nif="599999993", name="Loja Antiga, Lda.",
                 business_name="Loja Antiga", address="Rua da Sé, 1", city="Lisboa",
                 postal_code="1100-585", country="PT", tax_region="PT",
                 establishment=ESTABLISHMENT, phone="210000000", email="loja@example.pt")
        for key, value in (("till", TILL), ("training_mode", "off"),
                           ("at_queue_stopped", json.dumps(STOP, ensure_ascii=False)),
                           ("certificate_number", "9999")):
            w.insert("settings", key=key, value=value)
        w.audit(start, "admin", "setup", "shop created")
        w.insert("signing_keys", version=1, private_pem=private_pem, public_pem=public_pem,
                 created_at=start, active=True)
        w.audit(start, "admin", "key", "signing key version 1 imported")
        for login, name, role, pin in (("admin", "Administrador", "admin", "1234"),
                                       ("caixa1", "Ana Caixa", "cashier", "1111")):
            w.insert("users", login=login, name=name, role=role, pin_hash=hash_pin(pin),
                     active=True)
        for p in PRODUCTS.values():
            w.insert("products", code=p.code, name=p.name, price=p.unit_price,
                     tax_code=p.tax_code, exemption_code=None, unit="UN", product_type="P",
                     barcode=None, category="Loja", active=True)
        w.insert("customers", nif=CUSTOMER.nif, name=CUSTOMER.name,
                 address=CUSTOMER.address, city=CUSTOMER.city,
                 postal_code=CUSTOMER.postal_code, country=CUSTOMER.country)
        series = {}
        for doc_type, code in CODES.items():
            series[doc_type] = [w.insert(
                "series", series_id="A2026", series_key="A2026", doc_type=doc_type, kind="N",
                status="A", validation_code=code, first_number=1, last_number=0,
                last_hash="", last_invoice_date=None, last_system_entry=None,
                start_date=None, registered_by="manual", till=TILL, created_at=start), 0, ""]
            w.audit(start, "admin", "series", f"added {doc_type} A2026 kind N")
        w.audit(start, "admin", "training", "off")
        opened = start + timedelta(minutes=5)
        closed_id = w.insert("cash_sessions", till=TILL, user_login="caixa1",
                             opened_at=opened, opening_float=Decimal("50.00"), status="closed",
                             closed_at=opened + timedelta(hours=8), closed_by="caixa1",
                             z_number=1)
        w.audit(opened, "caixa1", "cash_open", f"{TILL} session {closed_id} float 50.00")

        def issue(doc_type, items, at, customer=Customer(), payments=(), ref=None):
            st = series[doc_type]
            number = st[1] + 1
            doc_no = document_number(doc_type, "A2026", number)
            lines, totals = price_lines(items, "PT", at.date())
            paid = settle_payments(totals.gross, list(payments))[0] if payments else ()
            digest = signer.sign(signature_message(at.date(), at, doc_no, totals.gross,
                                                   st[2]))
            doc_id = w.insert(
                "documents", uuid=f"00000000-0000-4000-8000-{len(shop.documents) + 1:012d}",
                series_pk=st[0], doc_type=doc_type, series_id="A2026", series_kind="N",
                number=number, document_no=doc_no, atcud=atcud(CODES[doc_type], number),
                invoice_date=at.date(), system_entry_date=at, customer_nif=customer.nif,
                customer_name=customer.name, customer_address=customer.address,
                customer_city=customer.city, customer_postal_code=customer.postal_code,
                customer_country=customer.country, tax_region="PT", net_total=totals.net,
                tax_payable=totals.tax, gross_total=totals.gross, previous_hash=st[2],
                hash=digest, hash_control="1", key_version=1, source_billing="P",
                user_login="caixa1", manual_ref=None, ref_document_id=ref, extra=None,
                movement_start=None, status="N", status_date=at, status_reason=None,
                status_user=None, at_doc_code=None)
            for ln in lines:
                w.insert("document_lines", document_id=doc_id, **mapping.line_values(ln))
            for p in paid:
                w.insert("document_payments", document_id=doc_id, method=p.method,
                         amount=p.amount, tendered=p.tendered)
            w.insert("outbox", kind="invoice", document_id=doc_id, series_pk=None,
                     payload=None, status="done" if number == 1 else "pending", attempts=1,
                     created_at=at, next_attempt_at=at, deadline=DEADLINE,
                     last_error=None, done_at=at if number == 1 else None, result=None)
            st[1], st[2] = number, digest
            conn.execute(meta.tables["series"].update().where(
                meta.tables["series"].c.id == st[0]).values(
                last_number=number, last_hash=digest, last_invoice_date=at.date(),
                last_system_entry=at))
            shop.documents[doc_no] = digest
            return doc_id, lines

        at = start + timedelta(hours=1)
        issue("FS", [cart_line(PRODUCTS["PAO01"], 2), cart_line(PRODUCTS["CAF01"], 1)], at,
              payments=(("NU", Decimal("10")),))
        issue("FS", [cart_line(PRODUCTS["BEB02"], 1)], at + timedelta(minutes=3),
              payments=(("NU", None),))
        ft_id, ft_lines = issue("FT", [cart_line(PRODUCTS["PAO01"], 3)],
                                at + timedelta(minutes=9), CUSTOMER)
        credited = ft_lines[0]
        issue("NC", [cart_line(PRODUCTS["PAO01"], 1, reference=LineRef(
            "FT A2026/1", credited.line_no, "Devolução"), rate=credited.tax_percentage)],
            at + timedelta(minutes=15), CUSTOMER, ref=ft_id)
        cancelled_at = at + timedelta(days=1)
        issue("FS", [cart_line(PRODUCTS["CAF01"], 2)], cancelled_at, payments=(("NU", None),))
        documents = meta.tables["documents"]
        conn.execute(documents.update().where(documents.c.document_no == "FS A2026/3").values(
            status="A", status_date=cancelled_at + timedelta(minutes=1),
            status_reason="Engano", status_user="admin"))
        w.audit(cancelled_at, "admin", "cancel", "FS A2026/3: Engano")
        open_id = w.insert("cash_sessions", till=TILL, user_login="caixa1",
                           opened_at=cancelled_at, opening_float=Decimal("20.00"),
                           status="open", closed_at=None, closed_by=None, z_number=None)
        w.audit(cancelled_at, "caixa1", "cash_open", f"{TILL} session {open_id} float 20.00")
        w.audit(datetime(2026, 3, 11, 18, 0, 0), "sistema", "at_queue_stopped",
                f"401: {STOP['message']}")
        w.insert("integrity_state", id=1, blocked=False, report="", detected_at=None,
                 acknowledged_by=None, acknowledged_at=None)
        shop.audit_head, shop.audit_events = w.audit_prev, w.audit_count
    with db.engine.connect() as conn:
        for table in ("documents", "document_lines", "series", "cash_sessions",
                      "audit_events", "outbox", "integrity_state", "users", "products"):
            shop.rows[table] = conn.execute(
                sa.select(sa.func.count()).select_from(meta.tables[table])).scalar_one()
    db.dispose()
    return shop

