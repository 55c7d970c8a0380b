"""Full integrity verification (``Application.verify``) and the start-up check
(``Application.quick_check``).

Both run on the cached shop itself (they only read while the data is intact). Every full
verification run must come back clean with exactly N documents: that is the assertion that
the generated history is valid. Its floor, measured after each run, is the same count of
bare RSA-1024 verifications.
"""

from dataclasses import dataclass

from pos.services.ports import FixedClock

from . import datagen, floors
from .common import Row, collect, human, load, median, ms, open_shop, rate, say, timed, verdict

VERIFY_RATE = 20_000
STARTUP_S = 0.5


@dataclass(frozen=True)
class VerifyFigures:
    documents: int
    seconds: float
    floor_seconds: float
    runs: int = 1
    load: float = float("nan")     # median 1-minute load average over the runs

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds


def measure_verify(n: int, runs: int) -> VerifyFigures:
    path = datagen.ensure(n, verify=False)
    app = open_shop(path)
    try:
        times, floor_times, loads = [], [], []
        for r in range(runs):
            collect()
            seconds, report = timed(app.verify)
            assert report.ok, f"generated database does not verify:\n{report.text()}"
            assert report.documents == n, (report.documents, n)
            datagen.mark_verified(n)
            times.append(seconds)
            floor_times.append(floors.verify_seconds(n))
            loads.append(load())
            say(f"  verify @ {human(n)} run {r + 1}/{runs}: {seconds:.2f} s "
                f"({n / seconds:,.0f} docs/s); floor {floor_times[-1]:.2f} s")
    finally:
        app.close()
    return VerifyFigures(n, median(times), median(floor_times), runs, median(loads))


def runs_within(n: int, runs: int, budget_s: float, before: list[VerifyFigures]) -> int:
    """As many runs (up to ``runs``) as fit in ``budget_s``, predicted from a smaller size:
    a full verification of 1M documents takes minutes, and the suite must stay < 15 min."""
    if not before:
        return runs
    last = before[-1]
    per_run = n * (last.seconds + last.floor_seconds) / last.documents
    return max(1, min(runs, int(budget_s // per_run)))


@dataclass(frozen=True)
class StartupFigures:
    documents: int
    quick_check: float
    open_and_check: float


def measure_startup(n: int, runs: int) -> StartupFigures:
    path = datagen.ensure(n)
    checks, opens = [], []
    for r in range(runs):
        collect()

        def open_and_check():
            # The till's clock just after its history: a later day would make this start
            # close (and archive) every period since, a one-off, not the start-up's cost.
            app = open_shop(path, clock=FixedClock(datagen.sale_clock_start(n)))
            check, _ = timed(app.quick_check)
            return app, check

        total, (app, check) = timed(open_and_check)
        app.close()
        checks.append(check)
        opens.append(total)
        say(f"  start-up @ {human(n)} run {r + 1}/{runs}: quick_check {ms(check)}, "
            f"open_app + quick_check {ms(total)}")
    return StartupFigures(n, median(checks), median(opens))


def rows(verify: list[VerifyFigures], startup: StartupFigures | None) -> list[Row]:
    out = []
    for f in verify:
        floor_rate = f.documents / f.floor_seconds
        out.append(Row(
            "full integrity verification (Application.verify)", human(f.documents),
            f"{f.seconds:.1f} s · {rate(f.per_second, 'docs')}"
            + ("" if f.runs > 1 else " (1 run: see note)"),
            f"{f.documents:,} bare RSA verifications: {f.floor_seconds:.1f} s "
            f"({rate(floor_rate, 'docs')}); ×{f.seconds / f.floor_seconds:.1f}",
            f"≥ {VERIFY_RATE:,} docs/s".replace(",", " "), verdict(f.per_second >= VERIFY_RATE),
            load=f.load,
            note="" if f.runs > 1 else "one run only: more would not fit the 15-minute "
            "suite at this verification speed (runs are budgeted from the smaller size)"))
    if startup is not None:
        out.append(Row(
            "start-up check (Application.quick_check)", human(startup.documents),
            f"{ms(startup.quick_check)} (open_app + check {ms(startup.open_and_check)})",
            "—", f"< {STARTUP_S} s", verdict(startup.quick_check < STARTUP_S)))
    return out
