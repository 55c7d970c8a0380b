"""The till screen with a big catalogue: launch to a ready sale screen, scan-to-cart, search.

``run(quick, runs, products, catalogue_db, cache_dir)`` is called by ``python -m benchmarks``
(every argument optional). Each measurement runs in a fresh interpreter with Qt's offscreen
platform, so the figures include what a cashier waits for and nothing of the suite runner:

- launch: from the process start (``python -m ...`` spawned) until the sale screen is shown
  and idle after signing in (split: to the sign-in screen; sign-in + session to selling).
- scan-to-cart: a keyboard-wedge scan (13 key events + Enter into the entry field) until the
  look-up came back from the background helper and the cart, total and document type are
  updated and painted; a new sale every 20 scans.
- search: the text the cashier typed → query (``Application.search_products(text, 48)``,
  in the background helper) → the grid rebuilt with the results and painted.

Without ``catalogue_db`` the catalogue is made here: the demo shop plus ``products`` items
added with ``pos.services.catalogue.add`` in one unit of work (cached in cache_dir).
Standalone: ``python -m benchmarks.ui_bench [--quick]``.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import child_env, copy_db, open_shop, remove_db, shop_env

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"launch": 2.0, "scan": 0.016, "search": 0.030}
WORDS = ("Arroz Azeite Leite Queijo Fiambre Iogurte Bolacha Café Chá Sumo Água Vinho Cerveja "
         "Pão Manteiga Atum Sardinha Bacalhau Frango Massa Feijão Tomate Batata Maçã Laranja "
         "Detergente Sabonete Champô Chocolate Bolo Farinha Açúcar Mel Cereais").split()
CATEGORIES = ("Mercearia", "Bebidas", "Frescos", "Drogaria", "Padaria", "Congelados",
              "Talho", "Peixaria", "Higiene", "Bazar", "Lacticínios", "Frutas")


# ---- the catalogue ------------------------------------------------------------------------
def barcode_of(i: int) -> str:
    from pos.services.demo import ean13

    return ean13(f"5608{i:08d}")


def make_catalogue(path: Path, n: int) -> Path:
    """Demo shop + ``n`` products through the catalogue service, one unit of work."""
    from pos.services import catalogue

    remove_db(path)
    app = open_shop(path)
    try:
        app.init_demo()
        rng = random.Random(7)
        started = time.perf_counter()
        with app.unit(write=True) as uow:
            for i in range(n):
                name = f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {i}"
                catalogue.add(uow, f"B{i:06d}", name, f"{rng.randint(19, 2999) / 100:.2f}",
                              rng.choice(("RED", "INT", "NOR")), barcode=barcode_of(i),
                              category=rng.choice(CATEGORIES))
        print(f"ui_bench: {n} products added in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)
        with app.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        app.close()
    return path


def shop_copy(source: Path, work: Path, name: str) -> Path:
    """A private copy (with its key store and anchors): the runs sign in and open sessions,
    never on the cached shop."""
    return copy_db(source, work / name)


# ---- child processes ----------------------------------------------------------------------
def _child(args: list[str], timeout: float = 600) -> dict:
    """``args[1]`` is the shop's database: the child opens it with its key store."""
    env = child_env(args[1], QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("CAIXA_PRINTER", None)
    started = time.time()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.ui_bench", *args, str(started)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"ui_bench child failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _ready_window(db: str, started: float | None = None):
    """Build the app on ``db``, sign in as the cashier, open the session: the sale screen."""
    from ui.app import build

    built = build(db)
    w = built.window
    w.resize(1024, 768)
    w.show()
    _settle(built)                                      # the cashiers' names are shown
    at_signin = time.time()
    w.signin.choose("caixa1")
    w.signin.pin.setText("1111")
    w.signin.submit()
    _settle(built)                                      # the PIN is checked in the worker
    if w.stack.currentWidget() is w.open_session:
        w.open_session.amount.setText("50")
        w.open_session.submit()
        _settle(built)                                  # the session opens in the worker
    assert w.stack.currentWidget() is w.sale
    _settle(built)
    return built, at_signin


def _settle(built, timeout: float = 30.0) -> None:
    """Until every use case handed to the background helper has come back to the screen
    and what it changed is painted (what the cashier waits for)."""
    from PySide6.QtWidgets import QApplication

    app, worker = QApplication.instance(), built.ctx.worker
    deadline = time.monotonic() + timeout
    app.processEvents()
    while not worker.idle():
        if time.monotonic() > deadline:
            raise RuntimeError("the background helper did not answer")
        app.processEvents()
        time.sleep(0.0002)
    app.processEvents()


def child_launch(db: str, started: float) -> dict:
    built, at_signin = _ready_window(db)
    ready = time.time()
    out = {"launch": ready - started, "to_signin": at_signin - started,
           "signin_to_sale": ready - at_signin, "launch_cpu": time.process_time()}
    _close(built)
    return out


def _close(built) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.app import shutdown

    built.window.close()
    QApplication.instance().processEvents()
    shutdown(built)


def child_interact(db: str, scans: int, searches: int) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from sqlalchemy import func, select

    from pos.persistence.models import Product

    shop = open_shop(db)           # what to scan, read beside the till (not on its screen)
    with shop.unit(write=False) as uow:
        count = uow.session.scalar(select(func.count()).select_from(Product))
        # Sold by the unit: a product sold by weight asks for its weight (no scale label).
        codes = [b for (b,) in uow.session.execute(select(Product.barcode).where(
            Product.barcode.is_not(None), Product.unit == "UN")
            .order_by(func.random()).limit(scans))]
    shop.close()
    built, _ = _ready_window(db)
    sale = built.window.sale
    field = sale.search
    scan_times, scan_cpu = [], []
    cpu = time.process_time
    for i, code in enumerate(codes):
        if i % 20 == 0:
            sale.new_sale()
            _settle(built)
        before = sum(ln.quantity for ln in sale.cart.lines)
        start, start_cpu = time.perf_counter(), cpu()
        QTest.keyClicks(field, code)
        QTest.keyClick(field, Qt.Key.Key_Return)
        _settle(built)                           # looked up, added, painted
        scan_times.append(time.perf_counter() - start)
        scan_cpu.append(cpu() - start_cpu)
        assert sum(ln.quantity for ln in sale.cart.lines) == before + 1, f"{code} not added"
    rng = random.Random(3)
    terms = [rng.choice(WORDS)[: rng.randint(3, 6)] for _ in range(searches)]
    search_times, search_cpu, found = [], [], []
    for term in terms:
        start, start_cpu = time.perf_counter(), cpu()
        sale.run_search(term)
        _settle(built)
        search_times.append(time.perf_counter() - start)
        search_cpu.append(cpu() - start_cpu)
        found.append(len(sale.grid.products))
    _close(built)
    return {"scan": scan_times, "search": search_times, "products": count,
            "scan_cpu": scan_cpu, "search_cpu": search_cpu,
            "found": statistics.median(found) if found else 0}


# ---- the suite's entry point -------------------------------------------------------------
def _pct(values: list[float], pct: float) -> float:
    values = sorted(values)
    return values[max(0, min(len(values) - 1, round(pct / 100 * len(values) + 0.5) - 1))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def run(quick: bool = False, runs: int | None = None, products: int | None = None,
        catalogue_db: Path | None = None, cache_dir: Path | None = None) -> list[dict]:
    products = products or (5_000 if quick else 50_000)
    runs = runs or (3 if quick else 5)
    work = Path(cache_dir or tempfile.gettempdir()) / "ui-bench"
    work.mkdir(parents=True, exist_ok=True)
    if catalogue_db is None:
        catalogue_db = work / f"catalogue-{products}.db"
        if not (catalogue_db.exists()
                and Path(shop_env(catalogue_db)["CAIXA_VAULT_DIR"]).exists()):
            make_catalogue(catalogue_db, products)     # (made before key stores: again)
    catalogue_db = Path(catalogue_db)
    size = f"{products:,} products".replace(",", " ")
    launches = []
    for i in range(runs):
        db = shop_copy(catalogue_db, work, f"launch-{i}.db")
        launches.append(_child(["launch", str(db)]))
    db = shop_copy(catalogue_db, work, "interact.db")
    got = _child(["interact", str(db), str(60 if quick else 300), str(20 if quick else 100)])
    load = os.getloadavg()[0]
    launch = statistics.median(x["launch"] for x in launches)
    launch_cpu = statistics.median(x["launch_cpu"] for x in launches)
    signin = statistics.median(x["to_signin"] for x in launches)
    scan, search = statistics.median(got["scan"]), statistics.median(got["search"])
    rows = [
        dict(what="UI: launch to ready sale screen (process start → selling)", size=size,
             figure=_ms(launch), target="< 2 s", verdict="met" if launch < 2 else "MISSED",
             note=f"to sign-in screen {_ms(signin)}; CPU {_ms(launch_cpu)} (the machine's "
                  f"load inflates wall time); median of {runs} launches", load=load),
        dict(what="UI: launch to sign-in screen", size=size, figure=_ms(signin),
             target="—", verdict="n/a", load=load),
        dict(what="UI: scan-to-cart (13 keys + Enter → cart painted)", size=size,
             figure=f"{_ms(scan)} (p95 {_ms(_pct(got['scan'], 95))})", target="< 16 ms",
             verdict="met" if scan < TARGETS["scan"] else "MISSED", load=load,
             note=f"CPU {_ms(statistics.median(got['scan_cpu']))}"),
        dict(what="UI: product search (query + grid of ≤ 48 painted)", size=size,
             figure=f"{_ms(search)} (p95 {_ms(_pct(got['search'], 95))})", target="< 30 ms",
             verdict="met" if search < TARGETS["search"] else "MISSED", load=load,
             note=f"CPU {_ms(statistics.median(got['search_cpu']))}; "
                  f"median {got['found']:.0f} results shown"),
    ]
    return rows


def main(argv: list[str]) -> int:
    if argv and argv[0] == "launch":
        print(json.dumps(child_launch(argv[1], float(argv[2]))))
        return 0
    if argv and argv[0] == "interact":
        print(json.dumps(child_interact(argv[1], int(argv[2]), int(argv[3]))))
        return 0
    for row in run(quick="--quick" in argv):
        print(f"{row['what']:<58} {row['size']:>15}  {row['figure']:<28} {row['target']:<8} "
              f"{row['verdict']}  {row.get('note', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
