"""The store: replication throughput, lag under continuous selling, Pay with the server down.

``python -m benchmarks.store [--quick]`` (also ``python3 dev.py bench --only store``). Each
figure runs against a real PostgreSQL server started for it (tests/pg.py: TLS and password
authentication, as a store runs it, fsync off as in the tests) on this machine, and real
till SQLite files (WAL, synchronous=FULL), each with its own key store and anchors beside it
(common.shop_env). A sale seals the document in the till's chain and writes, in the same
transaction, the store's records of the document and of its chain entry.

- throughput: a till sells N documents away from the store, then one ``store_sync()``
  sends them all (claim and build here, INSERT … ON CONFLICT DO NOTHING and apply there,
  record here); documents/s is N over that pass. The time spent inside the transport's
  ``push`` (the round trip and the central database's work) is shown beside it.
- lag: five till processes sell back to back (one sale every ``pause`` seconds each) with
  the store link in the background, as the till runs it; lag is, for every document, the
  central database's ``received_at`` minus the till's ``recorded_at`` (same machine, same
  clock): p50, p95 and max.
- Pay with the server down: one attached till with its background link sells with a built
  cart (``Application.sell``, the Pay button), 20 sales a second, while the server is up,
  then while it is stopped (the link failing and backing off), then on a till attached to
  no store: p50/p99, the three cases interleaved over the runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from itertools import cycle
from pathlib import Path

from .common import (
    ROOT,
    Row,
    child_env,
    copy_db,
    median,
    ms,
    open_shop,
    percentile,
    rate,
    remove_db,
    say,
    shop_env,
    work_dir,
)
from .sale import CARTS  # the sale benchmark's carts: a Pay here costs what a Pay costs there

TILLS = 5


def _demo_template(directory: Path) -> Path:
    """The demo shop, out of training, with CX1's normal series (a store's first till)."""
    from tests.store.helpers import own_series
    path = directory / "store-template.db"
    if not path.exists():
        app = open_shop(path)
        app.init_demo()
        app.set_training_mode(False)
        own_series(app, "CX1")
        app.close()
    return path


def _server():
    sys.path.insert(0, str(ROOT))
    from tests.pg import PostgresServer
    return PostgresServer(tls=True).start()


def _store(server, name: str):
    from tests.store import helpers
    url = server.create_database(name)
    office = work_dir() / f"store-{name}-office"
    remove_db(office)
    os.environ.update(shop_env(office))   # the store office's key store and anchors
    central = helpers.open_central(url)
    central.store_init()
    return url, central


def _open_till(path: Path, **link):
    from tests.store.helpers import store_link
    return open_shop(path, store_link=store_link(**link))


def _first_till(template: Path, path: Path, central, url: str, **link):
    from tests.store import helpers
    remove_db(path)
    copy_db(template, path)
    app = _open_till(path, **link)
    helpers.join(app, central, url, "CX1")
    assert app.store_sync().ok
    return app


def _new_till(path: Path, central, url: str, code: str, key_pem: bytes):
    from tests.store import helpers
    remove_db(path)
    app = _open_till(path)
    helpers.join(app, central, url, code)
    assert app.store_sync().ok
    app.import_key(key_pem, None)
    helpers.own_series(app, code)
    return app


def _carts(app):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest
    out = []
    for cart in CARTS:
        lines = tuple(cart_line(app.product(code), qty) for code, qty in cart)
        out.append(IssueRequest("FS", lines, payments=(("NU", None),)))
    return out


def _remove(db: Path) -> None:
    remove_db(db)
    db.with_suffix(".store-secret").unlink(missing_ok=True)


# ---- throughput ------------------------------------------------------------------------

def measure_throughput(server, template: Path, docs: int, runs: int) -> dict:
    from sync.store_transport import StoreTransport

    pushed: list[float] = []

    class Timed(StoreTransport):
        def push(self, items):
            start = time.perf_counter()
            try:
                return super().push(items)
            finally:
                pushed.append(time.perf_counter() - start)

    rates, shares = [], []
    for run in range(runs):
        url, central = _store(server, f"throughput{run}")
        path = work_dir() / f"store-throughput-{run}.db"
        till = _first_till(template, path, central, url)
        till.close()
        till = _open_till(path, transport_factory=Timed, batch=500)
        carts = cycle(_carts(till))
        for _ in range(docs):
            till.sell(next(carts))
        pushed.clear()
        start = time.perf_counter()
        report = till.store_sync()
        seconds = time.perf_counter() - start
        assert report.ok and report.conflicts == 0 and report.problems == 0, report
        assert report.sent >= docs and till.store_health().pending == 0
        rates.append(docs / seconds)
        shares.append(sum(pushed) / seconds)
        till.close()
        central.close()
        _remove(path)
    return {"per_second": median(rates), "push_share": median(shares), "runs": runs}


# ---- lag under continuous selling ------------------------------------------------------

def measure_lag(server, template: Path, seconds: float, pause: float) -> dict:
    from sqlalchemy import text

    from tests.store import helpers
    url, central = _store(server, "lag")
    dbs = [work_dir() / f"store-lag-{i}.db" for i in range(TILLS)]
    for db in dbs:
        _remove(db)
    first = _first_till(template, dbs[0], central, url)
    key_pem = helpers.store_key_pem(first)
    first.close()
    for i, db in enumerate(dbs[1:], start=2):
        _new_till(db, central, url, f"CX{i}", key_pem).close()
    with central.db.read() as s:
        before = s.execute(text("SELECT coalesce(max(id), 0) FROM store_inbox")).scalar()
    procs = [subprocess.Popen([sys.executable, "-m", "benchmarks.store_till", str(db),
                               str(seconds), str(pause)], cwd=ROOT, env=child_env(db),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for db in dbs]
    sold = 0
    for p in procs:
        out, err = p.communicate(timeout=seconds + 300)
        assert p.returncode == 0, err[-2000:]
        sold += int(out.split()[-1])
    with central.db.read() as s:
        lags = sorted(r[0] for r in s.execute(text(
            "SELECT extract(epoch FROM received_at - recorded_at) FROM store_inbox "
            "WHERE id > :b AND entry = 'documents'"), {"b": before}))
    central.close()
    assert len(lags) == sold, (len(lags), sold)
    return {"sold": sold, "seconds": seconds, "p50": float(percentile(lags, 50)),
            "p95": float(percentile(lags, 95)), "max": float(lags[-1])}


# ---- Pay with the server down ----------------------------------------------------------

def measure_pay(server, template: Path, sales: int, blocks: int) -> dict:
    """Pay on an attached till with the server up, then down, and on a till in no store,
    in ``blocks`` rounds of ``sales`` each (load drift weighs on the three alike); p50 and
    p99 over every sale of a case."""
    url, central = _store(server, "pay")
    path = work_dir() / "store-pay.db"
    _first_till(template, path, central, url).close()
    central.close()
    alone_path = work_dir() / "store-pay-alone.db"
    _remove(alone_path)
    copy_db(template, alone_path)
    attached = _open_till(path, background=True, max_backoff=2.0)
    attached.quick_check()
    alone = open_shop(alone_path)
    alone.quick_check()
    times: dict[str, list[float]] = {"up": [], "down": [], "alone": []}
    try:
        for _ in range(blocks):
            for case in ("up", "down", "alone"):
                app = alone if case == "alone" else attached
                if case == "down":
                    server.halt("fast")
                try:
                    carts = cycle(_carts(app))
                    for _ in range(sales):
                        request = next(carts)
                        start = time.perf_counter()
                        app.sell(request)
                        times[case].append(time.perf_counter() - start)
                        time.sleep(0.05)           # 20 sales a second: busier than any till
                finally:
                    if case == "down":
                        server.resume()
    finally:
        attached.close()
        alone.close()
    out = {}
    for case, values in times.items():
        values.sort()
        out[case] = (percentile(values, 50), percentile(values, 99), len(values))
    return out


def rows(throughput: dict, lag: dict, pay: dict, docs: int) -> list[Row]:
    return [
        Row("store: replication throughput (one till's backlog, one pass)", f"{docs} docs",
            rate(throughput["per_second"], "docs"),
            f"push (round trip + central apply) {throughput['push_share']:.0%} of it",
            "—", "n/a"),
        Row(f"store: lag, {TILLS} tills selling continuously", f"{lag['sold']} docs in "
            f"{lag['seconds']:.0f} s", f"p50 {ms(lag['p50'])}, p95 {ms(lag['p95'])}, "
            f"max {ms(lag['max'])}", "—", "—", "n/a"),
        # Judged on p50, as the sale benchmark judges its slowdown (p99 of a few hundred
        # sales on a shared machine moves by more than any effect measured here).
        Row("store: Pay with the central server up / down / no store",
            f"p50, {pay['up'][2]} sales each",
            f"{ms(pay['up'][0])} / {ms(pay['down'][0])} / {ms(pay['alone'][0])}", "—",
            "down ≤ up + 10 %", "met" if pay["down"][0] <= pay["up"][0] * 1.1 else
            "MISSED"),
        Row("store: Pay with the central server up / down / no store",
            f"p99, {pay['up'][2]} sales each",
            f"{ms(pay['up'][1])} / {ms(pay['down'][1])} / {ms(pay['alone'][1])}", "—",
            "—", "n/a"),
    ]


def measure_all(quick: bool = False) -> list[Row]:
    docs, runs = (300, 1) if quick else (2000, 3)
    server = _server()
    try:
        template = _demo_template(work_dir())
        say("[store] throughput")
        throughput = measure_throughput(server, template, docs, runs)
        say("[store] lag")
        lag = measure_lag(server, template, 10.0 if quick else 60.0, 0.05)
        say("[store] Pay with the server down")
        pay = measure_pay(server, template, 30, 2 if quick else 20)
    finally:
        server.stop()
    return rows(throughput, lag, pay, docs)


def main(argv: list[str] | None = None) -> int:
    from . import report
    p = argparse.ArgumentParser(prog="python -m benchmarks.store")
    p.add_argument("--quick", action="store_true")
    args = p.parse_args(argv)
    got = measure_all(args.quick)
    say(report.text_table(got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
