"""The physical floor of this machine, measured beside each figure in the same run.

- a bare SQLite insert + commit on a file in the same directory, with the till's pragmas
  (WAL, synchronous=FULL, BEGIN IMMEDIATE): the cost of making one row durable;
- one bare RSA-1024 PKCS#1 v1.5 SHA-1 signature with ``cryptography``;
- bare RSA verifications of a given count (the floor of a full integrity verification).
"""

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .common import median, percentile

_KEY = None
_SAMPLES: list[tuple[bytes, bytes]] = []


def _key():
    global _KEY
    if _KEY is None:
        _KEY = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    return _KEY


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


def sign_latencies(count: int) -> list[float]:
    key, pad, sha1 = _key(), padding.PKCS1v15(), hashes.SHA1()
    msgs = [_message(i) for i in range(64)]
    out, clock = [], time.perf_counter
    for i in range(count):
        msg = msgs[i & 63]
        start = clock()
        key.sign(msg, pad, sha1)
        out.append(clock() - start)
    out.sort()
    return out


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


def insert_commit_latencies(directory: Path, count: int) -> list[float]:
    """One small document-sized row per transaction, committed durably."""
    path = directory / "floor.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                       "busy_timeout=15000"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, doc TEXT, total TEXT, "
                     "hash TEXT)")
        row = ("FS A2025/1", "12.34", "h" * 172)
        out, clock = [], time.perf_counter
        for _ in range(count + 20):
            start = clock()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t (doc, total, hash) VALUES (?, ?, ?)", row)
            conn.execute("COMMIT")
            out.append(clock() - start)
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    out = sorted(out[20:])    # the first commits create the WAL file
    return out


@dataclass(frozen=True)
class SaleFloor:
    commit_p50: float
    commit_p99: float
    sign_p50: float
    sign_p99: float

    @property
    def p50(self) -> float:
        return self.commit_p50 + self.sign_p50

    @property
    def p99(self) -> float:
        return self.commit_p99 + self.sign_p99


def sale_floor(directory: Path, count: int) -> SaleFloor:
    commits = insert_commit_latencies(directory, count)
    signs = sign_latencies(count)
    return SaleFloor(percentile(commits, 50), percentile(commits, 99),
                     percentile(signs, 50), percentile(signs, 99))


def median_floor(floors: list[SaleFloor]) -> SaleFloor:
    return SaleFloor(median(f.commit_p50 for f in floors), median(f.commit_p99 for f in floors),
                     median(f.sign_p50 for f in floors), median(f.sign_p99 for f in floors))
