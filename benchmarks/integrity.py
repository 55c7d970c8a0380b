"""Full integrity verification (``Application.verify``) and the start-up check
(``Application.quick_check``).

Both run on the cached shop itself (they only read while the data is intact). Every full
verification run must come back clean with exactly N documents: that is the assertion that
the generated history is valid. It runs in one process and in one per core (issue 20: ≥ 25k
docs/s single, ≥ 40k docs/s on this 2-core machine); its floors, measured after each run,
are the same count of bare RSA-1024 verifications and a raw read of the documents and their
lines (CPU), both single-threaded. The start-up check (from the till's sealed checkpoint:
constant in the history, ≤ 50 ms) is timed at each size given.
"""

import os
from dataclasses import dataclass

from pos.services.ports import FixedClock

from . import datagen, floors
from .common import Row, collect, human, load, median, ms, open_shop, rate, say, timed, verdict

VERIFY_RATE = 40_000            # docs/s with one process per core (2 here)
VERIFY_RATE_SINGLE = 25_000
STARTUP_S = 0.05


@dataclass(frozen=True)
class VerifyFigures:
    documents: int
    seconds: float
    floor_seconds: float
    runs: int = 1
    load: float = float("nan")     # median 1-minute load average over the runs
    single_seconds: float = float("nan")
    read_cpu_seconds: float = float("nan")
    processes: int = 1

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds


def measure_verify(n: int, runs: int) -> VerifyFigures:
    path = datagen.ensure(n, verify=False)
    app = open_shop(path)
    processes = max(2, os.cpu_count() or 1)
    try:
        times, singles, floor_times, reads, loads = [], [], [], [], []

        def check(procs: int) -> float:
            collect()
            seconds, report = timed(lambda: app.verify(processes=procs))
            assert report.ok, f"generated database does not verify:\n{report.text()}"
            assert report.documents == n, (report.documents, n)
            return seconds

        for r in range(runs):
            times.append(check(processes))
            datagen.mark_verified(n)
            singles.append(check(1))
            floor_times.append(floors.verify_seconds(n))
            reads.append(floors.raw_read_seconds(path, n))
            loads.append(load())
            say(f"  verify @ {human(n)} run {r + 1}/{runs}: {processes} processes "
                f"{times[-1]:.2f} s ({n / times[-1]:,.0f} docs/s), one {singles[-1]:.2f} s "
                f"({n / singles[-1]:,.0f} docs/s); floors: RSA {floor_times[-1]:.2f} s, raw "
                f"read {reads[-1]:.2f} s CPU")
    finally:
        app.close()
    return VerifyFigures(n, median(times), median(floor_times), runs, median(loads),
                         median(singles), median(reads), processes)


def runs_within(n: int, runs: int, budget_s: float, before: list[VerifyFigures]) -> int:
    """As many runs (up to ``runs``) as fit in ``budget_s``, predicted from a smaller size:
    a full verification of 1M documents takes minutes, and the suite must stay < 15 min."""
    if not before:
        return runs
    last = before[-1]
    per_run = n * (last.seconds + last.single_seconds + last.floor_seconds
                   + last.read_cpu_seconds) / last.documents
    return max(1, min(runs, int(budget_s // per_run)))


@dataclass(frozen=True)
class StartupFigures:
    documents: int
    quick_check: float
    open_and_check: float
    read: int = 0              # documents the check read after the checkpoint
    mode: str = ""
    load: float = float("nan")


def measure_startup(n: int, runs: int) -> StartupFigures:
    """A till's start after a clean exit: open at the till's clock after its history and
    run the start-up check (the first start checks everything and seals the checkpoint; it
    is not counted)."""
    path = datagen.ensure(n)
    checks, opens, loads, last = [], [], [], None
    for r in range(runs + 1):
        collect()

        def open_and_check():
            # The till's clock just after its history: a later day would make this start
            # close (and archive) every period since, a one-off, not the start-up's cost.
            app = open_shop(path, clock=FixedClock(datagen.sale_clock_start(n)))
            check, _ = timed(app.quick_check)
            return app, check

        total, (app, check) = timed(open_and_check)
        last = app.last_check
        app.close()
        say(f"  start-up @ {human(n)} run {r}/{runs}: quick_check {ms(check)} "
            f"({last.mode}, {last.documents} documents read), open_app + quick_check "
            f"{ms(total)}" + (" — the first start, not counted" if r == 0 else ""))
        if r:
            checks.append(check)
            opens.append(total)
            loads.append(load())
    return StartupFigures(n, median(checks), median(opens), last.documents, last.mode,
                          median(loads))


def rows(verify: list[VerifyFigures], startup: list[StartupFigures]) -> list[Row]:
    out = []
    for f in verify:
        floor_rate = f.documents / f.floor_seconds
        read_rate = f.documents / f.read_cpu_seconds
        single = f.documents / f.single_seconds
        out.append(Row(
            "full integrity verification (Application.verify)", human(f.documents),
            f"{f.processes} processes: {f.seconds:.1f} s · {rate(f.per_second, 'docs')}; "
            f"one process: {rate(single, 'docs')}"
            + ("" if f.runs > 1 else " (1 run: see note)"),
            f"RSA verify alone {rate(floor_rate, 'docs')}; raw read of documents and lines "
            f"{rate(read_rate, 'docs')} CPU (one core each)",
            f"≥ {VERIFY_RATE:,} docs/s; one process ≥ {VERIFY_RATE_SINGLE:,}".replace(",", " "),
            verdict(f.per_second >= VERIFY_RATE and single >= VERIFY_RATE_SINGLE),
            load=f.load,
            note="" if f.runs > 1 else "one run only: more would not fit the 15-minute "
            "suite at this verification speed (runs are budgeted from the smaller size)"))
    for s in startup:
        out.append(Row(
            "start-up check after a clean exit (Application.quick_check)", human(s.documents),
            f"{ms(s.quick_check)} ({s.mode}, {s.read} documents read; open_app + check "
            f"{ms(s.open_and_check)})", "—", f"≤ {STARTUP_S * 1000:.0f} ms at every size",
            verdict(s.quick_check <= STARTUP_S), load=s.load))
    return out
