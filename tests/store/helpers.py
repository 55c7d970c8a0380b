"""Building a store for tests: a central database, a first till made from the demo shop,
and more tills joining it empty (they get the company, catalogue and users from the store,
import the store's signing key and register their own series)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from tests.conftest import clone_shop

DOC_TYPES = ("FS", "FT", "FR", "NC", "RG")


def store_link(**kw):
    from sync.store_link import StoreSyncLink

    def make(app):
        return StoreSyncLink(app, **kw)
    return make


def open_central(url: str, clock=None):
    from pos.bootstrap import open_app
    return open_app(url, till="", clock=clock)


def open_till(path: Path, clock=None, **link):
    from pos.bootstrap import open_app
    return open_app(str(path), clock=clock, store_link=store_link(**link))


def store_key_pem(app) -> bytes:
    """The shop's signing key, decrypted (the key file an installer imports on every till
    of the store)."""
    from pos.persistence.models import SigningKey

    with app.unit(write=False) as uow:
        pem = uow.session.scalar(select(SigningKey.private_pem).where(SigningKey.version == 1))
    key = serialization.load_pem_private_key(pem, password=app.keys._passphrase())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def own_series(app, code: str, year: int = 2026) -> None:
    """This till's normal series, one per document type, named after the till."""
    for doc_type in DOC_TYPES:
        app.add_series(doc_type, f"{code}{year}", f"ATC{doc_type}{code}X")


def first_till(template: Path, path: Path, clock=None, code: str = "CX1", **link):
    """The demo shop (till CX1) as a real till: out of training, with its own series."""
    clone_shop(template, path)
    app = open_till(path, clock, **link)
    app.set_training_mode(False)
    own_series(app, code)
    return app


def copy_db(src: Path, dst: Path) -> None:
    """A consistent copy of a till's database (SQLite's backup API), connections closed."""
    import sqlite3

    source, target = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def join(app, central, admin_url: str, code: str, **kw):
    return app.attach_to_store(central, admin_url, code, **kw)


def new_till(path: Path, central, admin_url: str, code: str, key_pem: bytes, clock=None,
             **link):
    """An empty database joining the store as ``code``, ready to sell."""
    app = open_till(path, clock, **link)
    join(app, central, admin_url, code)
    report = app.store_sync()
    assert report.ok, report.error
    app.import_key(key_pem, None)
    own_series(app, code)
    return app


SAFT_NS = {"s": "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"}


def saft_totals(path: Path) -> dict[str, tuple]:
    """(entries, debit, credit) per SAF-T table, and the set of document numbers."""
    from decimal import Decimal

    from lxml import etree
    root = etree.parse(str(path)).getroot()
    out = {}
    for table in ("SalesInvoices", "WorkingDocuments", "Payments"):
        el = root.find(f"s:SourceDocuments/s:{table}", SAFT_NS)
        if el is None:
            continue
        out[table] = (int(el.findtext("s:NumberOfEntries", namespaces=SAFT_NS)),
                      Decimal(el.findtext("s:TotalDebit", namespaces=SAFT_NS)),
                      Decimal(el.findtext("s:TotalCredit", namespaces=SAFT_NS)))
    numbers = {e.text for e in root.iterfind(".//s:InvoiceNo", SAFT_NS)}
    numbers |= {e.text for e in root.iterfind(".//s:PaymentRefNo", SAFT_NS)}
    out["numbers"] = numbers
    out["entity"] = root.findtext("s:Header/s:TaxEntity", namespaces=SAFT_NS)
    return out


def summed(totals: list[dict]) -> dict[str, tuple]:
    out: dict = {}
    for t in totals:
        for table, value in t.items():
            if table in ("numbers", "entity"):
                continue
            have = out.get(table, (0, 0, 0))
            out[table] = tuple(a + b for a, b in zip(have, value, strict=True))
    return out


def validate_saft(app, path: Path):
    """AT's own XSD 1.1 (the reference files), the signatures and the totals."""
    from pos import reference
    from pos.saft.validator import KeyRing, validate

    xsd = reference.require() / "SAFTPT1.04_01.xsd"
    return validate(path, xsd, xsd11=True, keyring=KeyRing(app.verifiers()))
