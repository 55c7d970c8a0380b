"""Everything the export reads, as SQLAlchemy Core statements over one connection.

Money is stored as exact decimal text. Control totals are summed in SQL as integer cents
(and quantities as integer thousandths) so nothing passes through a float sum, and so the
first pass is one aggregate query instead of a Python loop over every line.
Documents are streamed per series in number order (the (series_pk, number) unique index),
with their lines and payments read by parallel cursors in the same order and merged.
"""

from collections import namedtuple
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import (
    BigInteger,
    Connection,
    Numeric,
    String,
    and_,
    case,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import aliased

from pos.domain.doctypes import DOC_TYPES
from pos.domain.nif import CONSUMIDOR_FINAL_NIF
from pos.persistence.models import (
    Customer,
    DocumentEvent,
    DocumentRow,
    LineRow,
    PaymentRow,
    Product,
    Series,
)

from .checks import EXCLUDED
from .period import Period

BATCH = 2000
TABLES = ("SalesInvoices", "MovementOfGoods", "WorkingDocuments", "Payments")
D, L, P = DocumentRow, LineRow, PaymentRow
# A document's state is in its sealed events (the row never changes): at most one
# cancellation and one AT code each, joined in rather than probed per row.
C = aliased(DocumentEvent, name="cancellation")
T = aliased(DocumentEvent, name="at_code")
STATUS = case((C.id.is_not(None), "A"), else_="N").label("status")


def with_state(stmt):
    """``stmt`` (over documents) with the cancellation and AT-code events joined."""
    return (stmt.outerjoin(C, and_(C.document_id == D.id, C.kind == "cancelled"))
            .outerjoin(T, and_(T.document_id == D.id, T.kind == "at_code")))


def types_of(table: str) -> tuple[str, ...]:
    return tuple(code for code, t in DOC_TYPES.items() if t.saft_table == table)


def table_of(doc_type: str) -> str:
    return DOC_TYPES[doc_type].saft_table


def _scaled(col, factor: int):
    # Exact for stored decimals with at most log10(factor) places (cents, thousandths).
    return cast(func.round(cast(col, Numeric(24, 6)) * factor), BigInteger)


def in_period(period: Period, tills: tuple[int, ...] | None = None):
    """Real documents (never training series, kind F) dated inside the period; of the given
    tills only (an establishment's file), or of every till (the company's)."""
    cond = and_(D.series_kind != "F", D.invoice_date >= period.start,
                D.invoice_date <= period.end)
    return cond if tills is None else and_(cond, D.till_id.in_(tills))


@dataclass
class TableTotals:
    entries: int = 0
    debit_cents: int = 0      # excluding cancelled documents
    credit_cents: int = 0
    lines: int = 0            # including cancelled documents (Portaria 302/2016 4.2.1)
    quantity_milli: int = 0   # excluding cancelled documents (4.2.2)


@dataclass
class Census:
    tables: dict[str, TableTotals] = field(default_factory=dict)
    products: dict[str, tuple[str, str]] = field(default_factory=dict)  # code: (desc, type)
    taxes: set[tuple[str, str, str]] = field(default_factory=set)       # region, code, pct


def census(conn: Connection, period: Period, tills: tuple[int, ...] | None = None) -> Census:
    """The first pass: control totals, products used and tax rates used.

    Lines are grouped by (type, status) only: SQLite sorts every row to group them, and
    grouping by product and rate as well made this pass three times slower; products and
    rates come from a DISTINCT, which SQLite keeps in a small b-tree while it scans.
    """
    out = Census(tables={t: TableTotals() for t in TABLES})
    for doc_type, count in conn.execute(
            select(D.doc_type, func.count()).where(in_period(period, tills))
            .group_by(D.doc_type)):
        out.tables[table_of(doc_type)].entries += count
    sums = (select(D.doc_type, STATUS, func.count(), func.sum(_scaled(L.net_amount, 100)),
                   func.sum(_scaled(L.quantity, 1000)))
            .select_from(L).join(D, D.id == L.document_id)
            .outerjoin(C, and_(C.document_id == D.id, C.kind == "cancelled"))
            .where(in_period(period, tills)).group_by(D.doc_type, STATUS))
    for doc_type, status, count, cents, milli in conn.execute(sums):
        table = table_of(doc_type)
        totals = out.tables[table]
        totals.lines += count
        if status in EXCLUDED[table]:
            continue
        # int(): PostgreSQL sums a bigint into a numeric (Decimal).
        if DOC_TYPES[doc_type].is_credit:
            totals.debit_cents += int(cents or 0)
        else:
            totals.credit_cents += int(cents or 0)
        totals.quantity_milli += int(milli or 0)
    payment = D.doc_type.in_(types_of("Payments"))
    used = (select(L.product_code, L.description, L.product_type, D.tax_region, L.tax_code,
                   L.tax_percentage, case((payment, 1), else_=0))
            .join(D, D.id == L.document_id).where(in_period(period, tills)).distinct())
    for code, desc, ptype, region, tax_code, pct, is_payment in conn.execute(used):
        out.taxes.add((region, tax_code, format(pct, "f")))
        if not is_payment:   # receipt lines name invoices, not products
            out.products.setdefault(code, (desc, ptype))
    return out


def catalogue(conn: Connection, codes: list[str]) -> dict[str, tuple]:
    """Catalogue rows (code, name, type, category, barcode) of the given product codes."""
    out = {}
    for i in range(0, len(codes), 500):
        for row in conn.execute(select(Product.code, Product.name, Product.product_type,
                                       Product.category, Product.barcode)
                                .where(Product.code.in_(codes[i:i + 500]))):
            out[row.code] = row
    return out


def customers(conn: Connection, period: Period, tills: tuple[int, ...] | None = None
              ) -> Iterator[tuple]:
    """Distinct customer snapshots used in the period, each with its customer-file row
    (the file keeps the first name and the most complete address) when it has the NIF.

    Rows: 6 snapshot fields (nif, name, address, city, postal code, country), then the same
    6 from the customer file or None.
    """
    snap = (select(D.customer_nif, D.customer_name, D.customer_address, D.customer_city,
                   D.customer_postal_code, D.customer_country)
            .where(in_period(period, tills)).distinct().subquery())
    c = aliased(Customer)
    stmt = (select(*snap.c, c.nif, c.name, c.address, c.city, c.postal_code, c.country)
            .outerjoin(c, and_(c.nif == snap.c.customer_nif,
                               snap.c.customer_nif != CONSUMIDOR_FINAL_NIF))
            .order_by(*snap.c))
    return _stream(conn, stmt)


def series_of(conn: Connection, table: str, tills: tuple[int, ...] | None = None
              ) -> list[tuple[int, str, str]]:
    """(pk, doc type, series id) of the non-training series of a table (of the given tills
    only), in export order."""
    q = (select(Series.id, Series.doc_type, Series.series_id)
         .where(Series.doc_type.in_(types_of(table)), Series.kind != "F")
         .order_by(Series.doc_type, Series.series_key))
    if tills is not None:
        q = q.where(Series.till_id.in_(tills))
    return list(conn.execute(q))


def _raw(col):
    # Stored text as is (SQLite dates, money everywhere): see pos/saft/text.py.
    return type_coerce(col, String).label(col.key)


DOC_COLS = (D.id, D.doc_type, D.document_no, D.atcud, _raw(D.invoice_date),
            _raw(D.system_entry_date), D.customer_nif, D.customer_name, D.customer_address,
            D.customer_city, D.customer_postal_code, D.customer_country, D.tax_region,
            _raw(D.net_total), _raw(D.tax_payable), _raw(D.gross_total), D.hash,
            D.hash_control, D.source_billing, D.user_login, STATUS,
            _raw(func.coalesce(C.at, D.system_entry_date)).label("status_date"),
            C.reason.label("status_reason"), C.user_login.label("status_user"),
            _raw(D.movement_start), T.value.label("at_doc_code"), D.extra)
LINE_COLS = (L.document_id, L.line_no, L.product_code, L.description, _raw(L.quantity),
             L.unit, _raw(L.net_amount), L.tax_code, _raw(L.tax_percentage),
             L.exemption_code, L.exemption_reason, L.ref_document_no, L.ref_reason,
             _raw(L.discount))


# Plain named tuples: attribute access on a SQLAlchemy Row costs ~10x more, and the
# writer reads ~50 fields per document.
DocRow = namedtuple("DocRow", [c.key for c in DOC_COLS])
LineRow_ = namedtuple("LineRow_", [c.key for c in LINE_COLS])
ReceiptLine = namedtuple("ReceiptLine", [*LineRow_._fields, "invoice_date"])
PayRow = namedtuple("PayRow", "document_id method amount")


def _stream(conn: Connection, stmt, make=None) -> Iterator:
    """Rows in batches. On SQLite, plain DB-API tuples straight from the cursor (which
    steps through the result as it is read): every column these statements read is a
    string or an integer there (see _raw), and SQLAlchemy's Row would add ~10 µs per
    document. Elsewhere a server-side cursor, through SQLAlchemy (it buffers ahead)."""
    if conn.dialect.name == "sqlite":
        result = conn.execute(stmt)
        cursor = result.cursor
        try:
            while rows := cursor.fetchmany(BATCH):
                yield from (rows if make is None else map(make, rows))
        finally:
            result.close()
        return
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(stmt)
    for part in result.partitions(BATCH):
        yield from (part if make is None else map(make, part))


class _Children:
    """Child rows (first column = document id) handed out document by document.

    Both cursors use the same WHERE and ORDER BY as the documents (inside one read
    transaction), so a document's children are always next in line.
    """

    def __init__(self, rows: Iterator):
        self.rows = rows
        self.pending = next(rows, None)

    def take(self, doc_id: int) -> list:
        out = []
        while self.pending is not None and self.pending[0] == doc_id:
            out.append(self.pending)
            self.pending = next(self.rows, None)
        return out


def documents(conn: Connection, series_pk: int, period: Period, with_payments: bool,
              receipt: bool = False) -> Iterator[tuple]:
    """(document, lines, payments) of one series in number order, read in batches."""
    where = and_(D.series_pk == series_pk, in_period(period))
    docs = _stream(conn, with_state(select(*DOC_COLS).select_from(D)).where(where)
                   .order_by(D.number), DocRow._make)
    line_cols = LINE_COLS
    line_stmt = select(*line_cols)
    if receipt:
        # The settled invoice's date (SourceDocumentID/InvoiceDate) lives on its own row.
        inv = aliased(DocumentRow)
        line_stmt = select(*line_cols, _raw(inv.invoice_date)) \
            .outerjoin(inv, inv.document_no == L.ref_document_no)
    lines = _stream(conn, line_stmt.join(D, D.id == L.document_id).where(where)
                    .order_by(D.number, L.line_no),
                    ReceiptLine._make if receipt else None)
    pays = _stream(conn, select(P.document_id, P.method, _raw(P.amount))
                   .join(D, D.id == P.document_id).where(where)
                   .order_by(D.number, P.id), PayRow._make) if with_payments else None
    line_groups = _Children(lines)
    pay_groups = _Children(pays) if pays is not None else None
    for doc in docs:
        yield doc, line_groups.take(doc.id), pay_groups.take(doc.id) if pay_groups else []
