"""What every benchmark shares: paths, timing, percentiles, the result row, the machine load."""

import gc
import os
import shutil
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# BENCH_CACHE=/elsewhere for a cold run that leaves the shared cache alone.
CACHE = Path(os.environ.get("BENCH_CACHE") or ROOT / ".bench-cache")
WORK = CACHE / "work"


def work_dir() -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    return WORK


def load() -> float:
    """The one-minute load average (the machine is shared; every figure carries it)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(pct / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds one call takes (garbage collection left on: the till runs with it)."""
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def latencies(fn: Callable[[], object], count: int) -> list[float]:
    """``count`` calls of ``fn``, each timed on its own; sorted seconds."""
    out = []
    clock = time.perf_counter
    for _ in range(count):
        start = clock()
        fn()
        out.append(clock() - start)
    out.sort()
    return out


def collect() -> None:
    """Start each measured run from the same place: no garbage left over from the last."""
    gc.collect()


# What a copy of a shop takes with it (its key store and anchors), and what it does not
# (archives and backups it makes).
CARRIED = ("CAIXA_VAULT_DIR", "CAIXA_ANCHOR_DIR")


def shop_env(db: Path | str) -> dict[str, str]:
    """The OS key store, anchor, archive and backup folders of the shop in ``db``: beside
    the file. A cached shop keeps its passphrase with it, and every copy anchors and
    archives on its own (copies share the shop's identity: one anchor for all would see
    each copy as a database gone back)."""
    return {"CAIXA_VAULT_DIR": f"{db}.vault", "CAIXA_ANCHOR_DIR": f"{db}.anchors",
            "CAIXA_ARCHIVE_DIR": f"{db}.archives", "CAIXA_BACKUP_DIR": f"{db}.backups"}


def open_shop(db: Path | str, **kw):
    """``open_app`` on ``db`` with its own key store and anchors (``shop_env``); set in
    this process's environment, which child processes started afterwards inherit."""
    from pos.bootstrap import open_app

    os.environ.update(shop_env(db))
    return open_app(str(db), **kw)


def child_env(db: Path | str, **extra: str) -> dict[str, str]:
    """The environment of a child process that opens the shop in ``db``."""
    return {**os.environ, **shop_env(db), **extra}


def copy_db(src: Path, dst: Path) -> Path:
    """Copy a cached database (normally checkpointed: one file), its WAL if any, its key
    store and anchors."""
    for suffix in ("-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    if Path(f"{src}-wal").exists():
        shutil.copyfile(f"{src}-wal", f"{dst}-wal")
    theirs, mine = shop_env(src), shop_env(dst)
    for name in mine:
        shutil.rmtree(mine[name], ignore_errors=True)
        if name in CARRIED and Path(theirs[name]).exists():
            shutil.copytree(theirs[name], mine[name])
    # Write the copy out now: otherwise the first fsync the till does (a WAL checkpoint,
    # every ~70 sales) pays for flushing the whole copied file, a 0.1-1 s stall at 1M
    # documents that no shop ever sees.
    for path in (dst, Path(f"{dst}-wal")):
        if path.exists():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    return dst


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    for folder in shop_env(path).values():
        shutil.rmtree(folder, ignore_errors=True)


def human(n: int) -> str:
    """1000000 -> '1M', 100000 -> '100k', 0 -> 'empty'."""
    if n == 0:
        return "empty"
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def ms(seconds: float) -> str:
    if seconds != seconds:   # NaN
        return "—"
    value = seconds * 1000
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def rate(per_second: float, unit: str) -> str:
    if per_second != per_second:
        return "—"
    if per_second >= 100:
        return f"{per_second:,.0f} {unit}/s".replace(",", " ")
    return f"{per_second:.1f} {unit}/s"


@dataclass
class Row:
    """One line of the results table."""

    what: str
    size: str
    figure: str
    floor: str = "—"
    target: str = "—"
    verdict: str = ""            # met | MISSED | n/a | pending
    load: float = field(default_factory=load)
    note: str = ""

    def cells(self) -> list[str]:
        return [self.what, self.size, self.figure, self.floor, self.target, self.verdict,
                f"{self.load:.2f}"]


HEADERS = ["what", "size", "figure (median of runs)", "floor (same run)", "target", "verdict",
           "load"]


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def say(text: str) -> None:
    print(text, flush=True)


def record_entry(end_marker: str, command: str, text: str) -> None:
    """Append ``text``, dated and headed by ``command``, to docs/PERFORMANCE.md just before
    ``end_marker`` (each benchmark keeps its own entries between its markers)."""
    from datetime import datetime

    doc = ROOT / "docs" / "PERFORMANCE.md"
    content = doc.read_text(encoding="utf-8")
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    entry = f"\n### {stamp} — `{command}`\n\n{text}\n"
    head, sep, tail = content.partition(end_marker)
    if not sep:
        raise SystemExit(f"docs/PERFORMANCE.md has no {end_marker}")
    doc.write_text(head.rstrip("\n") + "\n" + entry + "\n" + sep + tail, encoding="utf-8")
