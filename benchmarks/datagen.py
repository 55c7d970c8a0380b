"""Shops with a history: a demo shop plus N signed documents, cached under .bench-cache/.

The history is one fiscal year (2025) of a busy till: fatura simplificada (FS) in series
A2025 and, every tenth document, a fatura (FT) to one of 500 customers in its own series,
each with 3-5 lines, a payment (FS) and an AT outbox row already sent ('done'), one
document every 30 seconds from 2 January. Every document is signed in its chain with the
till's own key (``app.keys.signer().sign(signature_message(...))``) and sealed, whole, in
the till's document chain (``uow.chain.issued_many``), so the database passes
``Application.verify`` — which is asserted once per cached database (by the integrity
benchmark when it runs in the same suite, else before the database is first handed out).
Every row belongs to the demo shop's till (CX1), as issuing would write it. The history
ends as a till running this version would leave it (``_close_history``): days and months
closed, a Z at the last document. Each cached shop keeps its key store and anchors beside
it (``common.shop_env``).

Rows are bulk-inserted with SQLAlchemy Core (one executemany per table per batch, in large
transactions) instead of going through ``Application.sell``: a million sales one by one would take
hours. Signing runs in a child process (``_sign_chain``) one batch ahead of the inserts.
Nothing signed is ever updated (the append-only triggers stay untouched); only the series
rows are moved on after each batch, as issuing does.

A larger size is built on a copy of the next smaller cached one (its documents are the same
first documents), so the 1M database costs 900k new documents when the 100k one is cached.
"""

import hashlib
import json
import multiprocessing as mp
import random
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects import sqlite

from pos.domain.documents import Customer, cart_line, price_lines
from pos.domain.nif import check_digit
from pos.domain.series import atcud, document_number
from pos.domain.signature import hash_control, signature_message
from pos.persistence import mapping
from pos.persistence.models import (
    Customer as CustomerRow,
)
from pos.persistence.models import (
    DocumentRow,
    LineRow,
    OutboxRow,
    PaymentRow,
    Series,
)
from pos.services.issuing import invoice_deadline
from pos.services.ports import FixedClock

from .common import CACHE, copy_db, human, open_shop, remove_db, say

# Bump when the generated data changes shape; schema changes are caught by MIGRATIONS_HASH.
GENERATOR_VERSION = 2
YEAR = 2025
START = datetime(YEAR, 1, 2, 8, 0, 0)
STEP = timedelta(seconds=30)           # 1M documents end on 15 December
MAX_DOCUMENTS = 1_000_000
SERIES = "A2025"
VALIDATION = {"FS": "AAJFJMVN", "FT": "AAJFJFT2"}
FT_EVERY = 10
CUSTOMERS = 500
CARTS = 257                            # distinct carts (a prime, so FS/FT mix over them)
BATCH = 20_000                         # documents per transaction
_MIGRATIONS = Path(__file__).resolve().parents[1] / "pos" / "persistence" / "migrations"


def _schema_hash() -> str:
    h = hashlib.sha256()
    for path in sorted(_MIGRATIONS.rglob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def cache_key() -> str:
    return f"v{GENERATOR_VERSION}-{_schema_hash()}"


def cache_path(n: int) -> Path:
    return CACHE / f"shop-{human(n)}-{cache_key()}.db"


def sale_clock_start(n: int) -> datetime:
    """A moment after the last generated document (a FixedClock for selling on top)."""
    return START + STEP * n + timedelta(minutes=5)


def nif(i: int) -> str:
    stem = f"5{i:07d}"
    return stem + str(check_digit(stem))


def customers() -> list[Customer]:
    return [Customer(nif(100 + i), f"Cliente {i:03d}, Lda.", f"Rua Comercial, {i}",
                     "Lisboa", "1100-001", "PT") for i in range(CUSTOMERS)]


@dataclass(frozen=True)
class Cart:
    lines: list[tuple]          # processed line values, without document_id
    totals: tuple               # processed (net, tax, gross)
    gross: Decimal
    payment: tuple              # processed (method, amount, tendered)
    sealed_lines: list[dict]    # the lines' values as issuing seals them
    sealed_totals: dict         # net_total, tax_payable, gross_total (Decimal)


class _Columns:
    """A compiled positional INSERT for a table and the bind processors of its columns."""

    def __init__(self, table, keys: list[str]):
        dialect = sqlite.dialect()
        compiled = insert(table).compile(dialect=dialect, column_keys=keys)
        self.sql = str(compiled)
        self.order = list(compiled.positiontup)
        self.proc = {c.name: c.type._cached_bind_processor(dialect) for c in table.columns}

    def value(self, name: str, value):
        p = self.proc.get(name)
        return value if p is None or value is None else p(value)

    def row(self, values: dict) -> tuple:
        return tuple(self.value(k, values.get(k)) for k in self.order)


DOC_KEYS = [c.name for c in DocumentRow.__table__.columns]
LINE_KEYS = [c.name for c in LineRow.__table__.columns if c.name != "id"]
PAY_KEYS = ["document_id", "method", "amount", "tendered"]
OUT_KEYS = ["till_id", "kind", "document_id", "status", "attempts", "created_at",
            "next_attempt_at", "deadline", "done_at", "result"]


def _carts(app, lcols: _Columns, dcols: _Columns, pcols: _Columns) -> list[Cart]:
    products = app.products()
    rng = random.Random(8)
    out = []
    for _ in range(CARTS):
        picks = rng.sample(products, rng.randint(3, 5))
        lines = []
        for p in picks:
            qty = rng.choice(["0.5", "1.25", "0.875"]) if p.unit == "KG" else rng.randint(1, 3)
            lines.append(cart_line(p, qty))
        priced, totals = price_lines(lines, "PT", date(YEAR, 6, 1))
        again, _ = price_lines(lines, "PT", date(YEAR, 12, 31))
        assert again == priced, "VAT rates change inside the generated year"
        rows, sealed = [], []
        for ln in priced:
            values = mapping.line_values(ln)
            rows.append(lcols.row(values)[1:])      # document_id comes first
            sealed.append(values)
        money = dict(net_total=totals.net, tax_payable=totals.tax, gross_total=totals.gross)
        out.append(Cart(
            lines=rows, totals=tuple(dcols.value(k, v) for k, v in money.items()),
            gross=totals.gross,
            payment=pcols.row(dict(method="NU", amount=totals.gross,
                                   tendered=totals.gross))[1:],
            sealed_lines=sealed, sealed_totals=money))
    return out


def _template(path: Path):
    """The demo shop, out of training mode, with the two normal series of the history."""
    clock = FixedClock(START - timedelta(hours=1))
    app = open_shop(path, clock=clock)
    app.init_demo()
    # No encrypted copy of the shop in the cache after the Z that ends each generation.
    app.set_till_setting("backup_on_z", "off")
    app.set_training_mode(False)
    for doc_type, code in VALIDATION.items():
        app.add_series(doc_type, SERIES, code)
    with app.unit(write=True) as uow:
        for c in customers():
            uow.session.add(CustomerRow(nif=c.nif, name=c.name, address=c.address,
                                        city=c.city, postal_code=c.postal_code,
                                        country=c.country))
    return app


def _sign_chain(path: str, previous: dict[str, str], conn) -> None:
    """Child process: sign batches of (doc_type, day, entry, doc_no, gross) in chain order.

    Signing is the one step that must be sequential (each message holds the previous
    hash), so it runs beside the main process, which meanwhile builds and inserts the rows
    of the batch signed before: about 1.6x faster generation when a second core is free.
    """
    app = open_shop(path)
    signer = app.keys.signer()
    app.close()
    conn.send(signer.version)
    while (jobs := conn.recv()) is not None:
        out = []
        for doc_type, day, entry, doc_no, gross in jobs:
            digest = signer.sign(signature_message(day, entry, doc_no, gross,
                                                   previous[doc_type]))
            previous[doc_type] = digest
            out.append(digest)
        conn.send(out)


def _datetime_text(moment: datetime) -> str:
    """What SQLAlchemy stores for a DateTime on SQLite (checked against it in _extend)."""
    return moment.isoformat(" ") + ".000000"


def _extend(app, target: int, progress: bool = True) -> None:
    """Append documents until the database holds ``target`` of them."""
    dcols = _Columns(DocumentRow.__table__, DOC_KEYS)
    lcols = _Columns(LineRow.__table__, LINE_KEYS)
    pcols = _Columns(PaymentRow.__table__, PAY_KEYS)
    ocols = _Columns(OutboxRow.__table__, OUT_KEYS)
    assert lcols.order[0] == pcols.order[0] == "document_id"
    assert dcols.value("system_entry_date", START) == _datetime_text(START)
    assert ocols.order == OUT_KEYS, ocols.order
    carts = _carts(app, lcols, dcols, pcols)
    people = customers()
    till_id = app.till.id
    engine = app.db.engine
    with engine.connect() as conn:
        raw = conn.connection.driver_connection    # pragmas outside any transaction
        raw.execute("PRAGMA cache_size=-262144")     # 256 MB for the index pages
        # Only this connection, only while generating: a crash leaves no meta file, and a
        # database without one is deleted and generated again.
        raw.execute("PRAGMA synchronous=OFF")
        series = {s.doc_type: s for s in conn.execute(
            select(Series).where(Series.series_id == SERIES)).all()}
        state = {t: [s.id, s.last_number, s.last_hash, s.last_invoice_date,
                     s.last_system_entry] for t, s in series.items()}
        done = conn.execute(select(func.count()).select_from(DocumentRow)).scalar_one()
        next_id = (conn.execute(select(func.max(DocumentRow.id))).scalar() or 0) + 1
        conn.rollback()          # end the reads' implicit transaction; batches have their own
        numbers = {t: st[1] for t, st in state.items()}
        rng = random.Random(done)
        deadlines: dict[date, str] = {}
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe()
        signer = ctx.Process(target=_sign_chain, daemon=True, args=(
            str(app.db.engine.url.database), {t: st[2] for t, st in state.items()}, child))
        signer.start()

        def plan(first: int, end: int) -> list[tuple]:
            out = []
            for i in range(first, end):
                doc_type = "FT" if i % FT_EVERY == FT_EVERY - 1 else "FS"
                numbers[doc_type] += 1
                entry = START + STEP * i
                out.append((i, doc_type, numbers[doc_type], entry, entry.date(),
                            document_number(doc_type, SERIES, numbers[doc_type]),
                            carts[i % CARTS]))
            return out

        def write(batch: list[tuple], digests: list[str], version: int) -> None:
            nonlocal next_id
            docs, lines, pays, outs = [], [], [], []
            at = {k: n for n, k in enumerate(dcols.order)}
            templates = {}
            for doc_type, st in state.items():     # what every document of a series shares
                t = [None] * len(dcols.order)
                for k, v in dict(till_id=till_id, series_pk=st[0], doc_type=doc_type,
                                 series_id=SERIES,
                                 series_kind="N", tax_region="PT",
                                 hash_control=hash_control(version), key_version=version,
                                 source_billing="P", user_login="caixa1").items():
                    t[at[k]] = v
                templates[doc_type] = t
            who_at = [at[k] for k in ("customer_nif", "customer_name", "customer_address",
                                      "customer_city", "customer_postal_code",
                                      "customer_country")]
            (i_id, i_uuid, i_number, i_no, i_atcud, i_day, i_entry, i_prev, i_hash,
             i_net, i_tax, i_gross) = (at[k] for k in (
                "id", "uuid", "number", "document_no", "atcud", "invoice_date",
                "system_entry_date", "previous_hash", "hash", "net_total", "tax_payable",
                "gross_total"))
            control = hash_control(version)
            sealed = []
            final = Customer()
            for (i, doc_type, number, entry, day, doc_no, cart), digest in zip(
                    batch, digests, strict=True):
                st = state[doc_type]
                who = people[(i // FT_EVERY) % CUSTOMERS] if doc_type == "FT" else final
                doc_id = next_id
                next_id += 1
                entry_s = _datetime_text(entry)
                row = templates[doc_type].copy()
                doc_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                code = atcud(VALIDATION[doc_type], number)
                row[i_id], row[i_uuid] = doc_id, doc_uuid
                row[i_number], row[i_no] = number, doc_no
                row[i_atcud] = code
                row[i_day], row[i_entry] = day.isoformat(), entry_s
                row[i_prev], row[i_hash] = st[2], digest
                row[i_net], row[i_tax], row[i_gross] = cart.totals
                for k, v in zip(who_at, (who.nif, who.name, who.address, who.city,
                                         who.postal_code, who.country), strict=True):
                    row[k] = v
                docs.append(tuple(row))
                lines.extend((doc_id, *ln) for ln in cart.lines)
                paid = []
                if doc_type == "FS":
                    pays.append((doc_id, *cart.payment))
                    paid = [dict(method="NU", amount=cart.gross, tendered=cart.gross)]
                # What issuing seals in the till's document chain, in the values it has.
                sealed.append((doc_id, dict(
                    uuid=doc_uuid, doc_type=doc_type, series_id=SERIES, series_kind="N",
                    number=number, document_no=doc_no, atcud=code, invoice_date=day,
                    system_entry_date=entry, customer_nif=who.nif, customer_name=who.name,
                    customer_address=who.address, customer_city=who.city,
                    customer_postal_code=who.postal_code, customer_country=who.country,
                    tax_region="PT", **cart.sealed_totals, previous_hash=st[2], hash=digest,
                    hash_control=control, key_version=version, source_billing="P",
                    user_login="caixa1", manual_ref=None, extra=None, movement_start=None),
                    cart.sealed_lines, paid))
                deadline = deadlines.get(day)
                if deadline is None:
                    deadline = deadlines[day] = _datetime_text(invoice_deadline(day))
                outs.append((till_id, "invoice", doc_id, "done", 1, entry_s, entry_s, deadline,
                             _datetime_text(entry + timedelta(minutes=2)), "0"))
                st[1], st[2], st[3], st[4] = number, digest, day, entry
            with conn.begin():
                conn.exec_driver_sql(dcols.sql, docs)
                conn.exec_driver_sql(lcols.sql, lines)
                if pays:
                    conn.exec_driver_sql(pcols.sql, pays)
                conn.exec_driver_sql(ocols.sql, outs)
                for st in state.values():
                    conn.execute(update(Series).where(Series.id == st[0]).values(
                        last_number=st[1], last_hash=st[2], last_invoice_date=st[3],
                        last_system_entry=st[4]))
            # Every document sealed in the till's chain, in order (one Ed25519 signature
            # each), as issuing does in its own transaction.
            with app.unit(write=True) as uow:
                uow.chain.issued_many(sealed)

        def receive():
            while not parent.poll(1.0):
                if not signer.is_alive():
                    raise RuntimeError(f"the signing process died (exit {signer.exitcode})")
            return parent.recv()

        try:
            version = receive()
            started, pos, signed = time.perf_counter(), done, None
            while pos < target or signed is not None:
                batch = plan(pos, min(target, pos + BATCH)) if pos < target else None
                if batch:
                    parent.send([(t, day, entry, doc_no, cart.gross)
                                 for _, t, _, entry, day, doc_no, cart in batch])
                if signed is not None:      # insert the previous batch while this one signs
                    write(*signed, version)
                    if progress:
                        rate_ = (pos - done) / (time.perf_counter() - started)
                        say(f"  generated {pos:>9,} / {target:,} documents ({rate_:,.0f}/s)")
                signed = (batch, receive()) if batch else None
                pos = min(target, pos + BATCH)
            parent.send(None)
        finally:
            signer.join(10)
            if signer.is_alive():
                signer.terminate()


def _close_history(app, n: int) -> None:
    """Leave the till as one that ran this version through the history would be, at its last
    document: its first start journaled and anchored, every finished day and month closed
    (months archived), and a Z at the last document — a till does not sell on a period
    older than ``z_max_hours`` without one. A larger size then continues after that Z."""
    if n:
        app.clock.at = START + STEP * (n - 1)
    app.quick_check()
    if n:
        app.z_closure("gerente")


def _meta_path(n: int) -> Path:
    return cache_path(n).with_suffix(".json")


def _meta(n: int) -> dict | None:
    path = _meta_path(n)
    if not (path.exists() and cache_path(n).exists()):
        return None
    return json.loads(path.read_text())


def mark_verified(n: int) -> None:
    meta = _meta(n)
    if meta is not None and not meta.get("verified"):
        meta["verified"] = True
        _meta_path(n).write_text(json.dumps(meta, indent=1))


def verify_cached(n: int) -> None:
    """Assert that the cached database passes the full verification, once."""
    meta = _meta(n)
    if meta is None or meta.get("verified"):
        return
    say(f"  verifying the generated {human(n)} database ...")
    app = open_shop(cache_path(n))
    try:
        report = app.verify()
    finally:
        app.close()
    assert report.ok, f"generated database does not verify:\n{report.text()}"
    assert report.documents == n, (report.documents, n)
    mark_verified(n)


def cached_sizes() -> list[int]:
    out = []
    for meta in CACHE.glob(f"shop-*-{cache_key()}.json"):
        n = json.loads(meta.read_text())["documents"]
        if cache_path(n).exists():
            out.append(n)
    return sorted(out)


# Sizes whose full verification the integrity benchmark asserts later in the same run
# (it calls mark_verified): other benchmarks need not pay for a verification first.
DEFERRED: set[int] = set()


def ensure(n: int, verify: bool | None = None) -> Path:
    """The cached database with ``n`` generated documents, building it when missing.

    Unless ``verify`` is False (or ``n`` is in DEFERRED), a database that was never verified
    is verified (and the result asserted) once before it is handed out.
    """
    if verify is None:
        verify = n not in DEFERRED
    if n > MAX_DOCUMENTS:
        raise ValueError(f"at most {MAX_DOCUMENTS:,} documents (one fiscal year at 30 s)")
    path = cache_path(n)
    if _meta(n) is None:
        _generate(n)
    if verify:
        verify_cached(n)
    return path


def _generate(n: int) -> None:
    path = cache_path(n)
    CACHE.mkdir(parents=True, exist_ok=True)
    remove_db(path)
    started = time.perf_counter()
    base = max((m for m in cached_sizes() if 0 < m < n), default=None)
    if base:
        say(f"generating {human(n)} documents on top of the cached {human(base)} ...")
        copy_db(cache_path(base), path)
        app = open_shop(path, clock=FixedClock(sale_clock_start(n)))
    else:
        say(f"generating {human(n)} documents ...")
        app = _template(path)
    try:
        _extend(app, n)
        _close_history(app, n)
        with app.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        app.close()
        remove_db(path)
        raise
    app.close()
    seconds = time.perf_counter() - started
    meta = {"documents": n, "key": cache_key(), "seconds": round(seconds, 1),
            "verified": False, "created": datetime.now().isoformat(timespec="seconds")}
    _meta_path(n).write_text(json.dumps(meta, indent=1))
    say(f"  {human(n)} generated in {seconds:.0f} s: {path.name}")
