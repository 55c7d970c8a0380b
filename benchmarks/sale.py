"""Issuing one sale through ``Till.sell``: cart of 3-5 lines, sign, commit (no UI, no printing).

Each size sells on a fresh copy of the cached shop (so the cache keeps exactly N documents),
with a FixedClock one second further for every sale. A run is ``per_run`` sales timed one by
one: p50, p99 and sales/s (sales over the run's wall time). Right after each run the floor
is measured in the same directory: a bare insert+commit and a bare RSA-1024 signature.
Figures are the medians over the runs.
"""

from dataclasses import dataclass
from itertools import cycle

from pos.bootstrap import open_till
from pos.services.ports import FixedClock

from . import datagen, floors
from .common import (
    Row,
    collect,
    copy_db,
    human,
    latencies,
    median,
    ms,
    percentile,
    rate,
    remove_db,
    say,
    verdict,
    work_dir,
)

CARTS = [
    [("PAO01", 2), ("CAF01", 1), ("BEB01", 3)],
    [("PAS01", 2), ("CAF02", 2), ("JOR01", 1), ("MER03", 1)],
    [("MER02", 1), ("MER01", 2), ("FRU02", "1.250"), ("HIG01", 1), ("BEB04", 6)],
    [("PAO02", 6), ("CAF01", 2), ("PAS02", 1)],
    [("BEB02", 1), ("MER05", 3), ("MER06", 2), ("SEL01", 2)],
]
P99_MS = 15.0
FLOOR_FACTOR = 3.0
GROWTH = 0.20


@dataclass(frozen=True)
class SaleFigures:
    documents: int
    p50: float
    p99: float
    per_second: float
    floor: floors.SaleFloor


def measure(n: int, runs: int, per_run: int, warmup: int = 30) -> SaleFigures:
    src = datagen.ensure(n)
    db = copy_db(src, work_dir() / "sale.db")
    clock = FixedClock(datagen.sale_clock_start(n))
    till = open_till(str(db), clock)
    carts = cycle(CARTS)

    def sale():
        clock.advance(seconds=1)
        till.sell(next(carts))

    try:
        till.keys.signer()            # decrypting the key happens once, when the till opens
        for _ in range(warmup):
            sale()
        p50s, p99s, rates, floor_runs = [], [], [], []
        for r in range(runs):
            collect()
            lat = latencies(sale, per_run)
            p50s.append(percentile(lat, 50))
            p99s.append(percentile(lat, 99))
            rates.append(per_run / sum(lat))
            floor_runs.append(floors.sale_floor(work_dir(), per_run))
            say(f"  sale @ {human(n)} run {r + 1}/{runs}: p50 {ms(p50s[-1])} "
                f"p99 {ms(p99s[-1])} {rates[-1]:.0f}/s; floor p50 {ms(floor_runs[-1].p50)}")
        report = till.verify() if n <= 20_000 else None
        assert report is None or report.ok, report.text()
    finally:
        till.db.dispose()
        remove_db(db)
    return SaleFigures(n, median(p50s), median(p99s), median(rates),
                       floors.median_floor(floor_runs))


def rows(figures: list[SaleFigures]) -> list[Row]:
    out = []
    for f in figures:
        ok_abs = f.p99 < P99_MS / 1000
        ok_floor = f.p50 <= FLOOR_FACTOR * f.floor.p50 and f.p99 <= FLOOR_FACTOR * f.floor.p99
        out.append(Row(
            "issue one sale (Till.sell, 3-5 lines)", human(f.documents),
            f"p50 {ms(f.p50)} · p99 {ms(f.p99)} · {rate(f.per_second, 'sales')}",
            f"insert+commit {ms(f.floor.commit_p50)} + sign {ms(f.floor.sign_p50)} = "
            f"{ms(f.floor.p50)} (p99 {ms(f.floor.p99)}); ×{f.p50 / f.floor.p50:.1f} / "
            f"×{f.p99 / f.floor.p99:.1f}",
            f"p99 < {P99_MS:.0f} ms; ≤ {FLOOR_FACTOR:.0f}× floor",
            verdict(ok_abs and ok_floor),
            note=("" if ok_abs else "p99 over 15 ms; ")
            + ("" if ok_floor else "more than 3× the floor")))
    base = next((f for f in figures if f.documents == 0), None)
    for f in figures:
        if base is None or f.documents == 0:
            continue
        slower50 = f.p50 / base.p50 - 1
        slower99 = f.p99 / base.p99 - 1
        out.append(Row(
            "sale slowdown vs empty", human(f.documents),
            f"p50 {slower50:+.0%} · p99 {slower99:+.0%} · sales/s "
            f"{f.per_second / base.per_second - 1:+.0%}",
            "—", f"≤ +{GROWTH:.0%}", verdict(slower50 <= GROWTH and slower99 <= GROWTH)))
    return out
