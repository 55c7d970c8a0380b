"""AT queue drain against the sandbox: N pending documents, sent by the outbox worker.

The sandbox (``sync.sandbox.ATSandbox``: TLS with client certificates, WS-Security, the real
WSDLs) runs in a child process, as AT would be elsewhere, so the figure is the till's side:
``OutboxWorker.drain_once()`` claiming, loading, building the payload, the SOAP round trip
and recording each outcome in its own transaction. Each run sells N documents in a normal
series (each writes an 'invoice' outbox row), then drains them all; every one must come
back done. Documents/s is N over the drain's wall time; the median of the runs. Before the first
drain, one ``outbox.claim`` of 10 rows with N pending is timed (rolled back): claiming is
what grows with the backlog.
"""

import multiprocessing as mp
import time
from datetime import datetime
from itertools import cycle

from pos import reference
from pos.services.ports import FixedClock

from . import datagen
from .common import Row, copy_db, median, ms, open_shop, rate, remove_db, say, work_dir
from .sale import CARTS


def _serve(workdir: str, wsdl_dir: str, conn) -> None:
    from sync.sandbox import ATSandbox

    with ATSandbox(workdir, wsdl_dir=wsdl_dir) as sb:
        conn.send(sb.config_mapping())
        conn.recv()                       # any message: stop
        conn.send(list(sb.internal_errors))


def missing() -> str | None:
    try:
        import sync.worker  # noqa: F401
        from sync.sandbox import ATSandbox  # noqa: F401
    except ImportError as exc:
        return f"no outbox worker / sandbox yet ({exc})"
    if reference.wsdl_dir() is None:
        return "AT's WSDLs are not set up (run `caixa at-reference`)"
    return None


class _RollBack(Exception):
    """Raised to leave a unit of work without committing what it did."""


def _claim_seconds(app, now) -> float:
    """One claim of 10 due rows, rolled back (the median of 3)."""
    from pos.services import outbox

    times = []
    for _ in range(3):
        try:
            with app.unit(write=True) as uow:
                start = time.perf_counter()
                outbox.claim(uow, now, outbox.QueuePolicy(), 10)
                times.append(time.perf_counter() - start)
                raise _RollBack
        except _RollBack:
            pass
    return median(times)


def measure(pending: int, runs: int) -> tuple[list[float], float]:
    from sync.clients import ATClients
    from sync.config import ATConfig
    from sync.worker import OutboxWorker

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_serve, args=(str(work_dir() / "at-sandbox"),
                                              str(reference.wsdl_dir()),
                                              child), daemon=True)
    server.start()
    db = copy_db(datagen.ensure(0), work_dir() / "drain.db")
    app = None
    try:
        if not parent.poll(60):
            raise RuntimeError("the AT sandbox did not start")
        config = ATConfig.from_mapping({**parent.recv(), "connect_timeout": 10.0,
                                        "read_timeout": 10.0}, env={})
        clock = FixedClock(datetime.now())   # AT refuses documents dated far from today
        app = open_shop(db, clock=clock)
        carts = cycle(CARTS)
        worker = OutboxWorker(app, lambda: ATClients(config))
        rates, claim = [], float("nan")
        try:
            for r in range(runs):
                for _ in range(pending):
                    # The till's time follows the real one (AT's answers carry theirs: a
                    # clock run ahead one second a sale was 16 min off after 1,000 sales).
                    clock.at = max(datetime.now().replace(microsecond=0), clock.at)
                    app.sell_items(next(carts))
                if r == 0:
                    claim = _claim_seconds(app, clock.now())
                start = time.perf_counter()
                report = worker.drain_once()
                seconds = time.perf_counter() - start
                assert report.done == pending and not report.stopped, (
                    report.done, report.retried, report.parked, report.stopped)
                rates.append(pending / seconds)
                say(f"  AT drain run {r + 1}/{runs}: {pending} documents in {seconds:.1f} s "
                    f"({rates[-1]:.1f}/s)")
        finally:
            worker.stop()
        parent.send("stop")
        errors = parent.recv() if parent.poll(10) else []
        assert not errors, f"the sandbox built answers its own WSDL refuses: {errors[:2]}"
        return rates, claim
    finally:
        if app is not None:
            app.close()
        remove_db(db)
        server.join(10)
        if server.is_alive():
            server.terminate()


def rows(pending: int, runs: int) -> list[Row]:
    what = "AT queue drain against the sandbox (OutboxWorker.drain_once)"
    size = f"{pending:,} pending".replace(",", " ")
    why = missing()
    if why:
        return [Row(what, size, "not yet measurable", verdict="pending", note=why)]
    rates, claim = measure(pending, runs)
    return [Row(what, size, f"{rate(median(rates), 'docs')} · claim of 10 rows {ms(claim)}",
                "—", "—", "n/a",
                note="sandbox in a child process on the same 2 cores; one request per "
                     "document (fatcorews RegisterInvoice), each outcome its own commit")]
