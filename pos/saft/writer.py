"""SAF-T (PT) 1.04_01 export for invoicing (TaxAccountingBasis F), written as a stream.

Two passes inside one read transaction, so both see the same snapshot even while the till
keeps issuing: the first is a handful of aggregate queries (control totals, products and
rates used, which must come before the documents in the file), the second streams every
document per series in number order, builds its element, writes it and lets it go. Memory
depends on the number of customers and products, never on the number of documents.
The file is written beside the target and renamed at the end: a failed export never
leaves a half file under the requested name.
"""

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from lxml import etree
from sqlalchemy import Connection, select

from pos.domain.errors import ValidationError
from pos.domain.producer import producer_from
from pos.files import output_path, temporary_beside
from pos.persistence.db import Database
from pos.persistence.models import Company, Establishment, Setting, TillRow
from pos.persistence.repositories import SHOP_DEFAULTS as DEFAULTS

from . import elements, queries
from .masterfiles import (
    add,
    customer_element,
    customer_id,
    generic_customer,
    product_element,
    tax_table,
)
from .period import Period

NS = "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"
PROGRESS_EVERY = 500            # documents between two progress calls
Progress = Callable[[str, int, int], object]     # (stage, done, total), as in catalogue_csv
_PRODUCT_ID = re.compile(r"^[^/]+/[^/]+$")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    period: Period
    entries: dict[str, int]      # documents per SAF-T table
    customers: int
    products: int

    @property
    def documents(self) -> int:
        return sum(self.entries.values())


def _ticker(progress: Progress | None, total: int) -> Callable[..., None]:
    """A ``tick()`` per document written that tells ``progress`` now and then; a False
    answer stops the export (the temporary file is removed)."""
    done = 0

    def tick(final: bool = False) -> None:
        nonlocal done
        if progress is None:
            return
        if not final:
            done += 1
        if (final or done == 1 or done % PROGRESS_EVERY == 0) and \
                progress("writing", done, total) is False:
            raise ValidationError("Exportação do SAF-T cancelada: nenhum ficheiro gravado.")

    return tick


def _money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _quantity(milli: int) -> str:
    return format(Decimal(milli).scaleb(-3), "f")


def _simple(tag: str, text: str):
    el = etree.Element(tag)
    el.text = text
    return el


def _settings(conn: Connection) -> dict[str, str]:
    return {**DEFAULTS, **dict(conn.execute(select(Setting.key, Setting.value)).all())}


def header(company, settings: dict[str, str], period: Period, today: date,
           tax_entity: str):
    h = etree.Element("Header")
    add(h, "AuditFileVersion", "1.04_01")
    add(h, "CompanyID", company.nif)
    add(h, "TaxRegistrationNumber", company.nif)
    add(h, "TaxAccountingBasis", "F")
    add(h, "CompanyName", company.name[:100])
    if company.business_name:
        add(h, "BusinessName", company.business_name[:60])
    addr = etree.SubElement(h, "CompanyAddress")
    add(addr, "AddressDetail", company.address[:210])
    add(addr, "City", company.city[:50])
    add(addr, "PostalCode", company.postal_code[:20])
    add(addr, "Country", company.country or "PT")
    add(h, "FiscalYear", str(period.fiscal_year))
    add(h, "StartDate", period.start.isoformat())
    add(h, "EndDate", period.end.isoformat())
    add(h, "CurrencyCode", "EUR")
    add(h, "DateCreated", today.isoformat())
    add(h, "TaxEntity", tax_entity[:20])
    producer = producer_from(settings)     # the software's producer, never the shop
    add(h, "ProductCompanyTaxID", producer.nif)
    cert = settings["certificate_number"]
    add(h, "SoftwareCertificateNumber", str(int(cert)) if cert.isdigit() else "0")
    product_id = settings.get("product_id") or producer.product_id
    if not _PRODUCT_ID.match(product_id):
        product_id = producer.product_id
    add(h, "ProductID", product_id)
    add(h, "ProductVersion", settings["product_version"][:30])
    if company.phone:
        add(h, "Telephone", company.phone[:20])
    if company.email:
        add(h, "Email", company.email[:254])
    return h


def _tax_entity(conn: Connection, establishment: str | None
                ) -> tuple[str, tuple[int, ...] | None]:
    """The file's TaxEntity and the tills whose documents go in it (None: every till).

    'Global' (or nothing, in a company with several establishments) is the company's one
    file with every till's documents, as AT asks of a company; an establishment's code is
    that establishment's tills only (a store's central database holds every till). A
    company with one establishment names it."""
    codes = list(conn.execute(select(Establishment.code).order_by(Establishment.id)).scalars())
    own = codes[0] if len(codes) == 1 else "Global"
    if establishment is None or establishment in (own, "Global"):
        return establishment or own, None
    if establishment not in codes:
        known = ", ".join(dict.fromkeys(["Global", *codes]))
        raise ValidationError(f"Não há o estabelecimento {establishment} nesta empresa "
                              f"(existem: {known}).")
    tills = tuple(conn.execute(
        select(TillRow.id).join(Establishment, Establishment.id == TillRow.establishment_id)
        .where(Establishment.code == establishment)).scalars())
    return establishment, tills


def _master_files(xf, conn: Connection, period: Period, census, company,
                  tills: tuple[int, ...] | None = None) -> tuple[int, int]:
    seen = {"CF"}
    with xf.element("MasterFiles"):
        xf.write(generic_customer())
        for row in queries.customers(conn, period, tills):
            # The ID comes from the snapshot, exactly as each document computes it.
            cid = customer_id(*row[:6])
            if cid not in seen:
                seen.add(cid)
                master = tuple(m or snap for m, snap in zip(row[6:], row[:6], strict=True))
                xf.write(customer_element(*master, cid))
        codes = sorted(census.products)
        known = queries.catalogue(conn, codes)
        for code in codes:
            row = known.get(code)
            if row is not None:
                xf.write(product_element(code, row.name, row.product_type, row.category,
                                         row.barcode))
            else:   # implicit: sold once, no longer (or never) in the catalogue
                desc, ptype = census.products[code]
                xf.write(product_element(code, desc, ptype, None, None))
        xf.write(tax_table(census.taxes, company.tax_region, period.end))
    return len(seen), len(codes)


def _cid(doc) -> str:
    return customer_id(doc.customer_nif, doc.customer_name, doc.customer_address,
                       doc.customer_city, doc.customer_postal_code, doc.customer_country)


def _table(xf, fh, conn: Connection, table: str, period: Period, totals, company,
           tick: Callable[[], None], tills: tuple[int, ...] | None = None) -> None:
    if table != "SalesInvoices" and totals.entries == 0:
        return   # optional tables are left out when empty
    with xf.element(table):
        if table == "MovementOfGoods":
            xf.write(_simple("NumberOfMovementLines", str(totals.lines)))
            xf.write(_simple("TotalQuantityIssued", _quantity(totals.quantity_milli)))
        else:
            xf.write(_simple("NumberOfEntries", str(totals.entries)))
            xf.write(_simple("TotalDebit", _money(totals.debit_cents)))
            xf.write(_simple("TotalCredit", _money(totals.credit_cents)))
        pays = table in ("SalesInvoices", "Payments")
        # Records are already serialised (see elements.py): hand lxml's pending output to
        # the file first, then append them; lxml writes the closing tag after them.
        xf.flush()
        write = fh.write
        for pk, _doc_type, _series in queries.series_of(conn, table, tills):
            for doc, lines, doc_pays in queries.documents(
                    conn, pk, period, pays, receipt=table == "Payments"):
                if table == "SalesInvoices":
                    text = elements.invoice(doc, lines, doc_pays, _cid(doc), company)
                elif table == "MovementOfGoods":
                    text = elements.stock_movement(doc, lines, _cid(doc), company)
                elif table == "WorkingDocuments":
                    text = elements.work_document(doc, lines, _cid(doc))
                else:
                    text = elements.payment(doc, lines, doc_pays, _cid(doc))
                write(text.encode("utf-8"))
                tick()


def export(db: Database, out: str | Path, period: Period, today: date,
           establishment: str | None = None, progress: Progress | None = None
           ) -> ExportResult:
    """Write the SAF-T file for ``period`` to ``out`` and say what went in.

    ``out`` is a new path or a regular file (pos.files.output_path): never a named pipe or
    a device, which a rename would replace. ``progress('writing', documents written,
    documents in the period)`` is told every ``PROGRESS_EVERY`` documents; when it answers
    False the export stops and no file is left.
    """
    out = output_path(out, "ficheiro SAF-T")
    # Both passes must see one snapshot while the till keeps issuing: a SQLite read
    # transaction is one; PostgreSQL needs REPEATABLE READ for that.
    engine = db.engine if db.is_sqlite else \
        db.engine.execution_options(isolation_level="REPEATABLE READ")
    with engine.connect() as conn, conn.begin():
        company = conn.execute(select(Company).where(Company.id == 1)).first()
        if company is None:
            raise ValidationError("A empresa ainda não está configurada ('caixa init').")
        tax_entity, tills = _tax_entity(conn, establishment)
        settings = _settings(conn)
        census = queries.census(conn, period, tills)
        tick = _ticker(progress, sum(t.entries for t in census.tables.values()))
        fd, tmp = temporary_beside(out)
        try:
            with os.fdopen(fd, "wb") as fh:
                with etree.xmlfile(fh, encoding="UTF-8") as xf:
                    xf.write_declaration()
                    with xf.element("AuditFile", nsmap={None: NS}):
                        xf.write(header(company, settings, period, today, tax_entity))
                        customers, products = _master_files(xf, conn, period, census,
                                                            company, tills)
                        with xf.element("SourceDocuments"):
                            for table in queries.TABLES:
                                _table(xf, fh, conn, table, period, census.tables[table],
                                       company, tick, tills)
                tick(final=True)
                fh.flush()
                os.fsync(fh.fileno())   # the whole file is on disk before it takes the name
            os.replace(tmp, out)
        finally:
            if tmp.exists():
                tmp.unlink()
    return ExportResult(out, period, {t: v.entries for t, v in census.tables.items()},
                        customers, products)
