"""The issue's "done when": sell offline, reconnect, drain; kill the worker, never duplicate."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from pos.domain.customer import make_customer
from pos.domain.documents import cart_line
from pos.persistence.models import OutboxRow
from pos.services.issuing import IssueRequest
from sync.sandbox import ATSandbox
from tests.conftest import SECURE_ENV

ROOT = Path(__file__).resolve().parents[2]
ITEMS = ["PAO01", "PAS01", "CAF01", "BEB02", "MER02", "SRV02", "SEL01", "FRU01"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sell(app, n: int) -> list[str]:
    numbers = []
    customer = make_customer("123456789", "Cliente Exemplo, Lda", "Rua Nova 5", "Porto",
                             "4000-100")
    for i in range(n):
        items = [(ITEMS[i % len(ITEMS)], 1 + i % 3), (ITEMS[(i * 3 + 1) % len(ITEMS)], 1)]
        if i % 10 == 9:
            doc = app.sell_items(items, "FT", customer)
        else:
            doc = app.sell_items(items, "FS")
        numbers.append(doc.document_no)
    return numbers


def _statuses(app) -> dict[str, int]:
    with app.unit(write=False) as uow:
        out: dict[str, int] = {}
        for status in uow.session.scalars(select(OutboxRow.status)):
            out[status] = out.get(status, 0) + 1
        return out


def test_offline_sales_reach_at_exactly_once(tmp_path, wsdl_dir, pki, live_app, live_clock,
                                             make_worker):
    sandbox = ATSandbox(tmp_path / "sb", wsdl_dir=wsdl_dir, pki=pki, port=_free_port())
    config = sandbox.config(connect_timeout=2.0, read_timeout=5.0)   # AT is down

    numbers = _sell(live_app, 200)
    start = live_clock.now() + timedelta(hours=4)
    gt = live_app.sell(IssueRequest(
        "GT", (cart_line(live_app.product("MER01"), 10),),
        make_customer("123456789", "Cliente Exemplo, Lda", "Rua Nova 5", "Porto", "4000-100"),
        movement_start=start))
    numbers.append(gt.document_no)
    assert _statuses(live_app) == {"pending": 201}

    worker = make_worker(config)
    down = worker.drain_once()
    assert (down.done, down.retried, down.stopped) == (0, 1, None)   # one probe, not 201
    assert _statuses(live_app) == {"pending": 201}

    with sandbox:
        live_clock.advance(minutes=5)
        report = worker.drain_once()
        assert (report.done, report.retried, report.parked) == (201, 0, 0)
        received = sandbox.requests_for()

    assert _statuses(live_app) == {"done": 201}
    assert len(received) == 201
    assert all(r.accepted and r.schema_errors == [] and r.auth_error is None
               and r.username == "599999993/37" for r in received)
    assert sorted(r.key for r in received) == sorted(numbers)
    assert all(sandbox.accepted_count("transport" if n.startswith("GT") else "invoices", n) == 1
               for n in numbers)
    # The transport document went first (its deadline is the transport's start).
    assert received[0].operation == "envioDocumentoTransporte"
    assert live_app.document(gt.document_no).at_doc_code


def _write_config(path: Path, sandbox: ATSandbox) -> Path:
    mapping = sandbox.config_mapping()
    lines = ["[at]"] + [f'{k} = "{v}"' for k, v in mapping.items()]
    lines += ["read_timeout = 5.0", "", "[queue]", "batch = 5"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def test_killing_the_worker_mid_drain_never_duplicates(tmp_path, sandbox, config, live_app,
                                                       live_clock, make_worker, demo_db):
    numbers = _sell(live_app, 40)
    # Slow answers, processed before they are sent: a kill lands while AT has a document
    # and the till does not know it yet.
    sandbox.inject("timeout", service="invoices", delay=0.2, process=True, times=10_000)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CAIXA_") or k in SECURE_ENV}      # the shop's key store stays
    env.update(CAIXA_DB=str(demo_db), CAIXA_CONFIG=str(_write_config(tmp_path / "c.toml",
                                                                     sandbox)))
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "queue", "drain"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while len(sandbox.requests_for("invoices")) < 8:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the drain never started"
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    sent_before = {r.key for r in sandbox.requests_for("invoices") if r.accepted}
    assert 0 < len(sent_before) < len(numbers)
    sandbox.clear_faults()

    live_clock.advance(minutes=30)       # the dead worker's leases have run out
    report = make_worker(config).drain_once()

    assert report.parked == 0 and report.retried == 0
    assert _statuses(live_app) == {"done": 40}
    assert all(sandbox.accepted_count("invoices", n) == 1 for n in numbers)
    reconciled = [o for _, _, o in report.outcomes if o.result.get("reconciled") == -10]
    assert reconciled, "the in-flight document should have come back 'already registered'"
