"""CSV import of a 50,000-product catalogue through the facade, as the back office runs it.

`python -m benchmarks.catalogue_import [--products 50000] [--runs 3] [--record]`

On a fresh copy of the empty generated shop (`datagen.ensure(0)`), for each run:

- preview: `Application.preview_product_import(path)` (read, check every row, weigh it
  against the catalogue; nothing written);
- import: `Application.import_products(path)` of 50,000 new products, and inside it how
  long the write unit holds the database (from the last 'checking' call, made in the read
  unit that checks every row first, to the end: a cheap re-check and the bulk writes) —
  the time a till sharing the file would wait;
- re-import: the same file again (every row unchanged: checked, nothing written);
- price change: a file with every price changed (50,000 updates);
- export: `Application.export_products(path)`.

Beside each, the longest gap between two progress calls: what a progress bar on the
screen sees (the work runs on the back office's worker thread, so the window never waits
for it; the gap is how smooth the bar is). `--record` appends the table, dated, to
docs/PERFORMANCE.md between the catalogue-import markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from pathlib import Path

from pos.bootstrap import open_app
from pos.services.demo import ean13

from . import datagen
from .common import copy_db, load, median, record_entry, remove_db, say, work_dir

WORDS = ("Arroz Azeite Leite Queijo Fiambre Iogurte Bolacha Café Chá Sumo Água Vinho Cerveja "
         "Pão Manteiga Atum Sardinha Bacalhau Frango Massa Feijão Grão Tomate Cebola Alho "
         "Batata Maçã Pêra Laranja Banana Detergente Sabonete Champô Papel Pilhas").split()
SIZES = ("200 g", "500 g", "1 kg", "75 cl", "1 L", "6 un")
MARK_START, MARK_END = "<!-- catalogue-import:start -->", "<!-- catalogue-import:end -->"


def make_csv(path: Path, n: int, price_shift: int = 0) -> Path:
    rng = random.Random(17)
    lines = ["code;name;price;vat;exemption;unit;type;barcode;category;active"]
    for i in range(n):
        cents = rng.randint(19, 2999) + price_shift
        unit = "KG" if i % 20 == 0 else "UN"
        lines.append(f"B{i:06d};{rng.choice(WORDS)} {rng.choice(SIZES)} #{i};"
                     f"{cents // 100},{cents % 100:02d};{rng.choice(('RED', 'INT', 'NOR'))};;"
                     f"{unit};P;{ean13(f'5607{i:08d}')};{rng.choice(WORDS)};sim")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Watch:
    """A progress callback that keeps when it was called."""

    def __init__(self):
        self.calls: list[tuple[float, str]] = []

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.calls.append((time.perf_counter(), stage))

    def max_gap(self, start: float) -> float:
        times = [start] + [t for t, _ in self.calls]
        return max((b - a for a, b in zip(times, times[1:], strict=False)), default=0.0)

    def last(self, stage: str) -> float | None:
        return next((t for t, s in reversed(self.calls) if s == stage), None)


def timed(fn, *args, **kwargs) -> tuple[float, float, Watch, float, object]:
    watch = Watch()
    start = time.perf_counter()
    result = fn(*args, progress=watch, **kwargs)
    end = time.perf_counter()
    return end - start, watch.max_gap(start), watch, end, result


def one_run(n: int, folder: Path) -> dict[str, tuple[float, float]]:
    db = folder / "shop.db"
    remove_db(db)
    copy_db(datagen.ensure(0), db)
    first = make_csv(folder / "catalogue.csv", n)
    changed = make_csv(folder / "prices.csv", n, price_shift=7)
    app = open_app(str(db))
    out: dict[str, tuple[float, float]] = {}
    try:
        before = app.product_page(include_inactive=True, limit=1).total
        secs, gap, _, _, pv = timed(app.preview_product_import, str(first))
        assert pv.new == n and not pv.problems, pv.problems[:3]
        out["preview"] = (secs, gap)
        secs, gap, watch, end, result = timed(app.import_products, str(first))
        assert result.new == n
        out["import"] = (secs, gap)
        # The write unit opens right after the checks made in a read unit.
        out["lock"] = (end - (watch.last("checking") or end), 0.0)
        secs, gap, _, _, result = timed(app.import_products, str(first))
        assert result.unchanged == n
        out["re-import"] = (secs, gap)
        secs, gap, _, _, result = timed(app.import_products, str(changed))
        assert result.changed == n
        out["prices"] = (secs, gap)
        secs, gap, _, _, count = timed(app.export_products, str(folder / "export.csv"))
        assert count == n + before
        out["export"] = (secs, gap)
    finally:
        app.close()
        remove_db(db)
    return out


LABELS = {
    "preview": "preview (read + check, nothing written)",
    "import": "import of new products (parse, check, write)",
    "lock": "… of which the write unit holds the database",
    "re-import": "same file again (all unchanged)",
    "prices": "every price changed (updates)",
    "export": "export to CSV",
}


def table(n: int, runs: list[dict], loads: list[float]) -> str:
    rows = ["| what | figure (median of runs) | longest gap between progress calls |",
            "|---|---|---|"]
    for key, label in LABELS.items():
        secs = median(r[key][0] for r in runs)
        gap = median(r[key][1] for r in runs)
        per = f" ({n / secs:,.0f} rows/s)" if key != "lock" else ""
        rows.append(f"| {label} | {secs:.2f} s{per} | "
                    + (f"{gap * 1000:.0f} ms" if key != "lock" else "—") + " |")
    head = (f"{n:,} products, {len(runs)} run(s); {platform.machine()}, {os.cpu_count()} "
            f"cores, Python {platform.python_version()}, SQLite file; load average "
            f"{median(loads):.2f}.")
    return head + "\n\n" + "\n".join(rows)


def record(text: str, argv: list[str]) -> None:
    record_entry(MARK_END, " ".join(["python -m benchmarks.catalogue_import", *argv]), text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = argparse.ArgumentParser(prog="python -m benchmarks.catalogue_import")
    p.add_argument("--products", type=int, default=50_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--record", action="store_true")
    args = p.parse_args(argv)
    folder = work_dir() / "catalogue-import"
    folder.mkdir(parents=True, exist_ok=True)
    runs, loads = [], []
    for i in range(args.runs):
        loads.append(load())
        say(f"catalogue import run {i + 1}/{args.runs} ({args.products:,} products) ...")
        runs.append(one_run(args.products, folder))
    text = table(args.products, runs, loads)
    print(text)
    if args.record:
        record(text, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
