"""`python -m benchmarks [--quick] [--only ...]` (what `python3 dev.py bench` runs).

Generates (or reuses from .bench-cache/) shops with 100k and 1M signed documents, runs every
benchmark, prints the table and appends it, dated, to docs/PERFORMANCE.md.
"""

import argparse
import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime

from . import (
    at_claim,
    at_drain,
    catalogue,
    cli_start,
    datagen,
    external,
    integrity,
    receipt,
    report,
    saft,
    sale,
    store,
)
from .common import Row, human, load, say

BENCHES = ("sale", "verify", "startup", "cli", "receipt", "catalogue", "ui", "saft", "sync",
           "store")
SUITE_MIN = 15


@dataclass
class Plan:
    sale_sizes: list[int]
    verify_sizes: list[int]
    startup_sizes: list[int]
    saft_sizes: list[int]
    products: int
    sale_runs: int = 5
    sales_per_run: int = 300
    verify_runs: int = 3
    verify_budget_s: float = 240.0   # per size, floors included
    startup_runs: int = 7
    small_runs: int = 5
    small_per_run: int = 200
    pending: int = 1000
    drain_runs: int = 3
    claim_size: int = 100_000            # the history under the AT claim's backlogs
    claim_backlogs: tuple[int, ...] = at_claim.BACKLOGS
    only: set[str] = field(default_factory=lambda: set(BENCHES))


FULL = dict(sale_sizes=[0, 100_000, 1_000_000], verify_sizes=[100_000, 1_000_000],
            startup_sizes=[100_000, 1_000_000], saft_sizes=[100_000, 1_000_000],
            products=50_000)
QUICK = dict(sale_sizes=[0, 2_000, 10_000], verify_sizes=[2_000, 10_000],
             startup_sizes=[2_000, 10_000],
             saft_sizes=[2_000, 10_000], products=5_000, sale_runs=3, sales_per_run=100,
             verify_runs=3, startup_runs=5, small_runs=3, small_per_run=50, pending=100,
             claim_size=2_000, claim_backlogs=(0, 1_000))


def parse_size(text: str) -> int:
    text = text.strip().lower()
    if text in ("0", "empty"):
        return 0
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * mult)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="small sizes: a smoke run (~1-2 min)")
    p.add_argument("--only", default="", help=f"comma list of: {', '.join(BENCHES)}")
    p.add_argument("--skip", default="", help="comma list of benchmarks to leave out")
    p.add_argument("--sizes", default="",
                   help="document counts for the sale benchmark, e.g. 0,100k,1M")
    p.add_argument("--verify-sizes", default="", help="document counts for verify")
    p.add_argument("--startup-sizes", default="", help="document counts for the start-up "
                   "check")
    p.add_argument("--runs", type=int, default=0, help="repeats of every measured run")
    rec = p.add_mutually_exclusive_group()
    rec.add_argument("--record", action="store_true", help="append to docs/PERFORMANCE.md "
                     "(the default for a full run)")
    rec.add_argument("--no-record", action="store_true", help="print only")
    return p.parse_args(argv)


def make_plan(args: argparse.Namespace) -> Plan:
    plan = Plan(**(QUICK if args.quick else FULL))
    if args.sizes:
        plan.sale_sizes = [parse_size(s) for s in args.sizes.split(",")]
    if args.verify_sizes:
        plan.verify_sizes = [parse_size(s) for s in args.verify_sizes.split(",")]
    if args.startup_sizes:
        plan.startup_sizes = [parse_size(s) for s in args.startup_sizes.split(",")]
    if args.runs:
        plan.sale_runs = plan.verify_runs = plan.small_runs = plan.drain_runs = args.runs
        plan.startup_runs = max(args.runs, 3)
    only = {s.strip() for s in args.only.split(",") if s.strip()} or set(BENCHES)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = (only | skip) - set(BENCHES)
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    plan.only = only - skip
    return plan


def sizes_needed(plan: Plan) -> list[int]:
    sizes = set()
    if "sale" in plan.only:
        sizes.update(plan.sale_sizes)
    if "verify" in plan.only:
        sizes.update(plan.verify_sizes)
    if "startup" in plan.only:
        sizes.update(plan.startup_sizes)
    if "saft" in plan.only:
        sizes.update(plan.saft_sizes)
    if plan.only & {"receipt", "catalogue", "ui", "sync", "cli"}:
        sizes.add(0)
    if "sync" in plan.only:
        sizes.add(plan.claim_size)
    return sorted(sizes)


def run_benches(plan: Plan, quick: bool) -> tuple[list[Row], bool]:
    rows: list[Row] = []
    failed = False

    def step(name: str, fn):
        nonlocal failed
        if name not in plan.only:
            return
        say(f"[{name}] load {load():.2f}")
        try:
            rows.extend(fn())
        except Exception as exc:
            failed = True
            traceback.print_exc()
            rows.append(Row(name, "—", f"failed: {type(exc).__name__}: {exc}"[:200],
                            verdict="error"))

    step("sale", lambda: sale.rows(sale.measure_all(plan.sale_sizes, plan.sale_runs,
                                                     plan.sales_per_run)))
    verified: list[integrity.VerifyFigures] = []

    def verify_rows():
        for n in sorted(plan.verify_sizes):
            runs = integrity.runs_within(n, plan.verify_runs, plan.verify_budget_s, verified)
            verified.append(integrity.measure_verify(n, runs))
        return integrity.rows(verified, [])

    step("verify", verify_rows)
    step("startup", lambda: integrity.rows([], [
        integrity.measure_startup(n, plan.startup_runs) for n in plan.startup_sizes]))
    step("cli", lambda: cli_start.rows(cli_start.measure()))
    step("receipt", lambda: receipt.rows(receipt.measure(plan.small_runs, plan.small_per_run)))
    step("catalogue", lambda: catalogue.rows(catalogue.measure(
        plan.products, plan.small_runs, plan.small_per_run)))

    def ui_rows():
        got = external.call("ui_bench", "UI", [plan.products], {
            "quick": quick, "runs": plan.small_runs, "products": plan.products,
            "catalogue_db": catalogue.ensure(plan.products), "cache_dir": datagen.CACHE})
        if got is not None:
            return got
        return [Row("app launch to ready sale screen; scan-to-cart; search (UI)",
                    f"{human(plan.products)} products", "not yet measurable",
                    "—", "< 2 s; < 16 ms; < 30 ms", "pending",
                    note="benchmarks/ui_bench.py does not exist yet (ui/ has no sale "
                         "screen); the core parts are measured above")]

    step("ui", ui_rows)
    step("saft", lambda: saft.rows(plan.saft_sizes, quick, plan.verify_runs))
    step("sync", lambda: at_drain.rows(plan.pending, plan.drain_runs))
    step("sync", lambda: at_claim.rows(plan.claim_size, plan.claim_backlogs))
    step("store", lambda: store.measure_all(quick))
    return rows, failed


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    plan = make_plan(args)
    started, t0, load_start = datetime.now(), time.perf_counter(), load()
    say(f"Caixa benchmarks ({'quick' if args.quick else 'full'}): "
        f"{', '.join(b for b in BENCHES if b in plan.only)}; load {load_start:.2f}")
    if "verify" in plan.only:
        datagen.DEFERRED.update(plan.verify_sizes)
    for n in sizes_needed(plan):
        datagen.ensure(n, verify=False)
    rows, failed = run_benches(plan, args.quick)
    seconds = time.perf_counter() - t0
    if not args.quick and plan.only == set(BENCHES):
        rows.append(Row("whole suite (generation included when not cached)",
                        human(max(sizes_needed(plan))), f"{seconds / 60:.1f} min", "—",
                        f"< {SUITE_MIN} min", "met" if seconds < SUITE_MIN * 60 else "MISSED"))
    say("")
    say(report.text_table(rows))
    for r in rows:
        if r.note:
            say(f"  note — {r.what} ({r.size}): {r.note}")
    say(f"\nsuite: {seconds / 60:.1f} min, load {load_start:.2f} -> {load():.2f}")
    if args.record or (not args.quick and not args.no_record):
        command = "python3 dev.py bench" + ("" if not argv and len(sys.argv) < 2 else
                                            " " + " ".join(sys.argv[1:] if argv is None
                                                           else argv))
        path = report.record(rows, command, started, seconds, load_start, load())
        say(f"recorded in {os.path.relpath(path)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
