"""The physical floor of this machine, measured beside each figure in the same run.

- **a sale's floor**: what a sale must do, with nothing of Caixa around it — the same SQLite
  statements a sale runs (``BEGIN IMMEDIATE``; insert the document, its lines, its payment,
  its document-chain entry and its AT duty; move the series on; ``COMMIT``), through the bare
  ``sqlite3`` module with the values already bound, on a copy of the same shop (same schema,
  indexes and guards, same pragmas, same disk); one RSA-1024 PKCS#1 v1.5 SHA-1 signature, one
  Ed25519 seal and the SHA-256 of a sealed document's content (~900 bytes), with
  ``cryptography`` and ``hashlib``. Wall and CPU time of each, per sale;
- **the disk's fsync**: a 4 KiB write and ``fsync`` of a file in the same directory, which
  on this machine flips between ~0.25 ms and 4–8 ms; every p99 is shown beside it;
- bare RSA verifications of a given count, and a raw read of documents and lines (the floors
  of a full verification).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from .common import median, percentile

_KEY = None
_SEAL = None
_SAMPLES: list[tuple[bytes, bytes]] = []


def _key():
    global _KEY
    if _KEY is None:
        _KEY = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    return _KEY


def _seal_key():
    global _SEAL
    if _SEAL is None:
        _SEAL = ed25519.Ed25519PrivateKey.generate()
    return _SEAL


def _message(i: int) -> bytes:
    # The shape of a real signature message (FISCAL-PT §1): date;entry;number;total;previous
    prev = "x" * 172 if i else ""
    return f"2025-06-01;2025-06-01T10:{i % 60:02d}:00;FS A2025/{i};12.34;{prev}".encode()


def _samples() -> list[tuple[bytes, bytes]]:
    if not _SAMPLES:
        key = _key()
        for i in range(256):
            msg = _message(i)
            _SAMPLES.append((msg, key.sign(msg, padding.PKCS1v15(), hashes.SHA1())))
    return _SAMPLES


def verify_seconds(count: int) -> float:
    """Seconds for ``count`` bare verifications (distinct messages, cycled)."""
    pub, pad, sha1 = _key().public_key(), padding.PKCS1v15(), hashes.SHA1()
    samples = _samples()
    n = len(samples)
    start = time.perf_counter()
    for i in range(count):
        msg, sig = samples[i % n]
        pub.verify(sig, msg, pad, sha1)
    return time.perf_counter() - start


def raw_read_seconds(db: Path, count: int) -> float:
    """CPU seconds to read ``count`` documents and their lines with the bare ``sqlite3``
    module, every column, in id order (the reading floor of a full verification)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        start = time.process_time()
        hi = con.execute("SELECT id FROM documents ORDER BY id LIMIT 1 OFFSET ?",
                         (max(count - 1, 0),)).fetchone()
        hi = hi[0] if hi else 0
        for _row in con.execute("SELECT * FROM documents WHERE id <= ? ORDER BY id", (hi,)):
            pass
        for _row in con.execute("SELECT * FROM document_lines WHERE document_id <= ? "
                                "ORDER BY document_id, line_no", (hi,)):
            pass
        return time.process_time() - start
    finally:
        con.close()


# ---- the disk ---------------------------------------------------------------------------

def fsync_ms(directory: Path, count: int = 30) -> float:
    """Median milliseconds of a 4 KiB write + fsync in ``directory`` (the disk's state)."""
    path = directory / f"fsync-probe-{os.getpid()}"
    out = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        block = os.urandom(4096)
        for _ in range(count):
            start = time.perf_counter()
            os.pwrite(fd, block, 0)
            os.fsync(fd)
            out.append(time.perf_counter() - start)
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)
    return median(out) * 1000


def fsync_state(ms: float) -> str:
    """How a p99 should be read given the disk's fsync at the time."""
    return f"fsync {ms:.2f} ms ({'fast' if ms < 1 else 'slow'})"


# ---- a sale's floor ---------------------------------------------------------------------

_CONTENT = (b'[1,"issued",["' + b"x" * 36 + b'","CX1","FS","A2025","N",1,"FS A2025/1",'
            + b'"ABCD1234-1","2025-06-01","2025-06-01T10:00:00"' + b',"x"' * 60 + b"]]")


def _sale_rows(con: sqlite3.Connection, i: int) -> tuple:
    """Bound values of one sale (a 4-line FS paid in cash), shaped as Caixa writes them."""
    series_pk, till_id = con.execute("SELECT id, till_id FROM series ORDER BY id LIMIT 1"
                                     ).fetchone()
    number = 10_000_000 + i
    doc_id = (con.execute("SELECT max(id) FROM documents").fetchone()[0] or 0) + 1
    at = "2025-06-01 10:00:00.000000"
    doc = (doc_id, f"{i:08d}-0000-4000-8000-000000000000", series_pk, "FS", "FLOOR", "N", number,
           f"FS FLOOR/{number}", f"ABCD1234-{number}", "2025-06-01", at, "999999990",
           "Consumidor final", "", "", "", "PT", "PT", "10.57", "1.93", "12.50", "h" * 172,
           "h" * 172, "1", 1, "P", "caixa1", None, None, None, None, till_id)
    lines = [(doc_id, n, f"P{n:03d}", "Artigo de teste", "P", "2", "UN", "1.55", "0",
              "3.10", "2.52", "0.58", "NOR", "23", None, None, None, None, None)
             for n in range(1, 5)]
    payment = (doc_id, "NU", "12.50", "12.50")
    event = (f"{i:08d}-0000-4000-8000-00000000000e", till_id, 10_000_000 + i, doc_id, "issued",
             at, "caixa1", None, None, b"z" * 300, "p" * 64, "h" * 64, 1, "s" * 88)
    outbox = (till_id, "invoice", doc_id, None, None, "pending", 0, at, at, at, None, None,
              None, None)
    series = (number, "h" * 172, "2025-06-01", at, series_pk)
    return doc, lines, payment, event, outbox, series


_SALE_SQL = (
    "INSERT INTO documents (id, uuid, series_pk, doc_type, series_id, series_kind, number, "
    "document_no, atcud, invoice_date, system_entry_date, customer_nif, customer_name, "
    "customer_address, customer_city, customer_postal_code, customer_country, tax_region, "
    "net_total, tax_payable, gross_total, previous_hash, hash, hash_control, key_version, "
    "source_billing, user_login, manual_ref, ref_document_id, extra, movement_start, till_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO document_lines (document_id, line_no, product_code, description, "
    "product_type, quantity, unit, unit_price, discount, gross_amount, net_amount, tax_amount, "
    "tax_code, tax_percentage, exemption_code, exemption_reason, ref_document_no, ref_line_no, "
    "ref_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO document_payments (document_id, method, amount, tendered) VALUES (?, ?, ?, ?)",
    "INSERT INTO document_events (uuid, till_id, seq, document_id, kind, at, user_login, "
    "reason, value, sealed, prev_hash, hash, key_version, signature) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO outbox (till_id, kind, document_id, series_pk, payload, status, attempts, "
    "created_at, next_attempt_at, deadline, last_error, done_at, result, claimed_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "UPDATE series SET last_number = ?, last_hash = ?, last_invoice_date = ?, "
    "last_system_entry = ? WHERE id = ?",
)


@dataclass(frozen=True)
class SaleFloor:
    """Per sale: the statements (wall p50/p99, CPU mean), the crypto (CPU mean, wall p99) and
    the disk's fsync when measured."""

    sql_p50: float
    sql_p99: float
    sql_cpu: float
    crypto_cpu: float
    crypto_p99: float
    fsync_ms: float

    @property
    def p50(self) -> float:
        return self.sql_p50 + self.crypto_cpu

    @property
    def p99(self) -> float:
        return self.sql_p99 + self.crypto_p99

    @property
    def cpu(self) -> float:
        return self.sql_cpu + self.crypto_cpu


def _crypto(count: int) -> tuple[float, float]:
    """(CPU seconds per sale, wall p99) of the signature, the seal and the content hash."""
    key, seal, pad, sha1 = _key(), _seal_key(), padding.PKCS1v15(), hashes.SHA1()
    msgs = [_message(i) for i in range(64)]
    walls, clock = [], time.perf_counter
    cpu0 = time.process_time()
    for i in range(count):
        start = clock()
        key.sign(msgs[i & 63], pad, sha1)
        digest = hashlib.sha256(b"%d|%s|" % (i, b"p" * 64) + _CONTENT).digest()
        seal.sign(digest)
        walls.append(clock() - start)
    cpu = (time.process_time() - cpu0) / count
    walls.sort()
    return cpu, percentile(walls, 99)


def sale_floor(shop: Path, directory: Path, count: int) -> SaleFloor:
    """The floor of ``count`` sales, on a copy of ``shop`` made in ``directory`` (thrown away
    afterwards; its first 20 sales are not counted: they grow the WAL file)."""
    path = directory / "floor.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(shop, path)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                       "busy_timeout=15000"):
            con.execute(f"PRAGMA {pragma}")
        rows = [_sale_rows(con, i) for i in range(count + 20)]
        first = rows[0][0][0]
        walls, cpus, clock, cpu_clock = [], [], time.perf_counter, time.process_time
        doc_sql, line_sql, pay_sql, event_sql, outbox_sql, series_sql = _SALE_SQL
        for n, (doc, lines, payment, event, outbox, series) in enumerate(rows):
            doc = (first + n, *doc[1:])
            start, cpu = clock(), cpu_clock()
            con.execute("BEGIN IMMEDIATE")
            con.execute(doc_sql, doc)
            con.executemany(line_sql, [(doc[0], *ln[1:]) for ln in lines])
            con.execute(pay_sql, (doc[0], *payment[1:]))
            con.execute(event_sql, (*event[:3], doc[0], *event[4:]))
            con.execute(outbox_sql, (*outbox[:2], doc[0], *outbox[3:]))
            con.execute(series_sql, series)
            con.execute("COMMIT")
            walls.append(clock() - start)
            cpus.append(cpu_clock() - cpu)
    finally:
        con.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    walls, cpus = sorted(walls[20:]), cpus[20:]
    crypto_cpu, crypto_p99 = _crypto(count)
    return SaleFloor(percentile(walls, 50), percentile(walls, 99), sum(cpus) / len(cpus),
                     crypto_cpu, crypto_p99, fsync_ms(directory))


def median_floor(floors: list[SaleFloor]) -> SaleFloor:
    return SaleFloor(*(median(getattr(f, name) for f in floors) for name in (
        "sql_p50", "sql_p99", "sql_cpu", "crypto_cpu", "crypto_p99", "fsync_ms")))
