"""The back office's long work, run from its own screens as a manager runs it: the CSV
import of a 50,000-product catalogue, a full verification and the SAF-T export of a year.

`python -m benchmarks.backoffice_long_work [--products 50000] [--documents 100000]
[--runs 3] [--record]`

Offscreen Qt, the real back-office window on a copy of a generated shop
(`datagen.ensure(N)`), its real background helper. Each job is started by pressing its
button and timed until its answer is on screen. Beside the time:

- updates: how many times the progress bar moved;
- longest bar gap: the longest the bar stood still while the job ran (from the press to
  the first figure, between figures, and from the last one to the answer);
- longest stall: the longest the screen's thread did not answer — a 10 ms timer ticks
  all along on it, and this is the longest interval between two ticks. Under ~100 ms a
  person sees a window that answers; the job itself runs on the helper's long lane.

`--record` appends the table, dated, between the back-office markers of
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

from . import datagen
from .catalogue_import import make_csv
from .common import copy_db, human, load, median, record_entry, remove_db, say, work_dir

MARK_START, MARK_END = "<!-- backoffice-long-work:start -->", "<!-- backoffice-long-work:end -->"


class Probe:
    """Ticks of a 10 ms timer on the screen's thread, and the progress bar's moves."""

    def __init__(self, bar):
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.moves: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        bar.valueChanged.connect(lambda _v: self.moves.append(time.perf_counter()))

    def run(self, press, done, timeout: float = 1800.0) -> dict:
        from PySide6.QtWidgets import QApplication

        qt = QApplication.instance()
        self.ticks.clear()
        self.moves.clear()
        self.timer.start()
        start = time.perf_counter()
        self.ticks.append(start)
        press()
        while not done():
            qt.processEvents()
            time.sleep(0.002)
            if time.perf_counter() - start > timeout:
                raise SystemExit("a back-office job did not answer in time")
        end = time.perf_counter()
        self.timer.stop()
        marks = [start, *self.moves, end]
        ticks = [*self.ticks, end]
        return {"seconds": end - start, "updates": len(self.moves),
                "bar_gap": max(b - a for a, b in zip(marks, marks[1:], strict=False)),
                "stall": max(b - a for a, b in zip(ticks, ticks[1:], strict=False))}


def office(db: Path):
    """The back-office window on ``db``, signed in as the generated shop's administrator."""
    from pos.bootstrap import open_app
    from ui.backoffice.app import build

    app = open_app(str(db))
    built = build(app=app, lang="pt")
    built.window.resize(1280, 800)
    built.window.show()
    user = app.open_back_office("admin", "1234")
    built.window.on_signed_in(user, app.rights(user.login))
    return built


def idle(built) -> bool:
    return built.ctx.worker.idle()


def csv_run(n: int, folder: Path) -> dict[str, dict]:
    db = folder / "shop.db"
    remove_db(db)
    copy_db(datagen.ensure(0), db)
    path = make_csv(folder / "catalogue.csv", n)
    built = office(db)
    try:
        area = built.window.open_area("catalogue")
        area.tabs.setCurrentWidget(area.files)
        files = area.files
        files.source.set_path(str(path))
        probe = Probe(files.progress.bar)
        out = {"preview": probe.run(files.preview_button.click, lambda: idle(built))}
        assert f"{n} novos" in files.summary.text(), files.summary.text()
        out["import"] = probe.run(files.import_button.click, lambda: idle(built))
        assert f"Importado: {n} novos" in area.notice.text(), area.notice.text()
        return out
    finally:
        built.ctx.worker.shutdown()
        built.app.close()
        remove_db(db)


def shop_run(documents: int, folder: Path) -> dict[str, dict]:
    db = folder / "shop.db"
    remove_db(db)
    copy_db(datagen.ensure(documents), db)
    built = office(db)
    try:
        area = built.window.open_area("integrity")
        probe = Probe(area.progress.bar)
        out = {"verify": probe.run(area.verify_button.click, lambda: idle(built))}
        assert "sem problemas" in area.report.toPlainText(), area.report.toPlainText()[:300]
        saft = built.window.open_area("saft")
        saft.by_year.setChecked(True)
        saft.year.setValue(2025)
        saft.folder.set_path(str(folder))
        probe = Probe(saft.progress.bar)
        out["saft"] = probe.run(saft.export_button.click, lambda: idle(built))
        assert "gravado" in saft.result.toPlainText(), saft.notice.text()
        Path(saft.target()).unlink(missing_ok=True)
        return out
    finally:
        built.ctx.worker.shutdown()
        built.app.close()
        remove_db(db)


LABELS = {"preview": "CSV preview, {products} products (read and check every row)",
          "import": "CSV import, {products} new products",
          "verify": "full verification, {documents} documents",
          "saft": "SAF-T export of the year, {documents} documents"}


def table(products: int, documents: int, runs: list[dict], loads: list[float]) -> str:
    rows = ["| job (pressed on its screen) | time to the answer | bar updates | longest bar "
            "gap | longest stall of the screen's thread |", "|---|---|---|---|---|"]
    for key, label in LABELS.items():
        done = [r[key] for r in runs if key in r]
        if not done:
            continue
        text = label.format(products=f"{products:,}", documents=human(documents))
        rows.append(f"| {text} | {median(d['seconds'] for d in done):.2f} s | "
                    f"{median(d['updates'] for d in done):.0f} | "
                    f"{median(d['bar_gap'] for d in done) * 1000:.0f} ms | "
                    f"{median(d['stall'] for d in done) * 1000:.0f} ms |")
    head = (f"{len(runs)} run(s), medians; offscreen Qt, the back-office window at 1280×800; "
            f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, SQLite file; load average {median(loads):.2f}.")
    return head + "\n\n" + "\n".join(rows)


def record(text: str, argv: list[str]) -> None:
    record_entry(MARK_END, " ".join(["python -m benchmarks.backoffice_long_work", *argv]), text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = argparse.ArgumentParser(prog="python -m benchmarks.backoffice_long_work")
    p.add_argument("--products", type=int, default=50_000)
    p.add_argument("--documents", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--record", action="store_true")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application

    application()
    folder = work_dir() / "backoffice"
    folder.mkdir(parents=True, exist_ok=True)
    runs, loads = [], []
    for i in range(args.runs):
        loads.append(load())
        say(f"back office run {i + 1}/{args.runs}: CSV import of {args.products:,} ...")
        run = csv_run(args.products, folder)
        say(f"back office run {i + 1}/{args.runs}: verify and SAF-T of "
            f"{human(args.documents)} documents ...")
        run.update(shop_run(args.documents, folder))
        runs.append(run)
    text = table(args.products, args.documents, runs, loads)
    print(text)
    if args.record:
        record(text, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
