"""Fixtures for sync tests: one throwaway PKI per session, a fresh AT sandbox per test."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from sync.clients import ATClients
from sync.sandbox import ATSandbox, generate_pki


@pytest.fixture(scope="session")
def wsdl_dir(shared_at) -> Path:
    """AT's WSDLs where the program finds them (pos.reference)."""
    return shared_at / "wsdl"


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    return generate_pki(tmp_path_factory.mktemp("at-pki"))


@pytest.fixture(scope="session")
def rogue_client_cert(tmp_path_factory):
    """A client certificate with the right CN but signed by another CA."""
    from sync.sandbox.pki import issue, make_ca
    d = tmp_path_factory.mktemp("rogue")
    issue(make_ca("Some other CA"), "599999993", client=True).write(d / "c.pem", d / "c.key")
    return d / "c.pem", d / "c.key"


@pytest.fixture
def sandbox(tmp_path, wsdl_dir, pki):
    with ATSandbox(tmp_path / "sandbox", wsdl_dir=wsdl_dir, pki=pki) as sb:
        # AT's calendar stays on the day the test started, like the tills' fixed clocks:
        # a suite running past midnight must not see series refused with 4049.
        today = date.today()
        sb.services["series"].today = lambda: today
        yield sb
    assert sb.internal_errors == [], "the sandbox built an answer its own WSDL refuses"


@pytest.fixture
def config(sandbox):
    # Generous: CI machines can be loaded. Timeout tests build their own impatient client.
    return sandbox.config(connect_timeout=5.0, read_timeout=5.0)


@pytest.fixture
def clients(config):
    with ATClients(config) as c:
        yield c


def eventually(predicate, timeout: float = 2.0) -> bool:
    """Server threads record after the client has its answer; give them a moment."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


# ---- a till that sells in normal series, and a worker for its outbox ---------------------

LIVE_TYPES = ("FS", "FT", "FR", "NC", "ND", "GT", "OR")


@pytest.fixture
def live_clock():
    """Today's real time, settable: the sandbox (like AT) refuses series starting before
    today, and deadlines are judged against it."""
    from datetime import datetime

    from pos.services.ports import FixedClock
    return FixedClock(datetime.now())


@pytest.fixture
def live_app(demo_db, live_clock):
    """The demo shop in normal mode with a registered series per document type."""
    from pos.bootstrap import open_app
    a = open_app(str(demo_db), clock=live_clock)
    a.set_training_mode(False)
    for code in LIVE_TYPES:
        a.add_series(code, "L2026", f"LIVE{code}CODE")
    yield a
    a.close()


@pytest.fixture
def other_till(live_app, live_clock, demo_db):
    """A second till (CX2) on the live till's database, selling in its own FS series."""
    from pos.bootstrap import open_app
    from pos.services import tills

    with live_app.unit(write=True) as uow:
        tills.create(uow, "CX2", "Caixa 2", live_app.till.establishment, live_clock.now())
    other = open_app(str(demo_db), till="CX2", clock=live_clock)
    other.set_training_mode(False)
    other.add_series("FS", "M2026", "OTHERFSCODE")
    yield other
    other.close()


@pytest.fixture
def make_worker(live_app):
    """``make_worker(config, **kw)``: an OutboxWorker on the live till, not started."""
    from pos.services.outbox import QueuePolicy
    from sync.worker import OutboxWorker

    made = []

    def _make(config, policy=None, **kw):
        kw.setdefault("rng", lambda: 1.0)  # full delay: deterministic backoff in tests
        w = OutboxWorker(live_app, lambda: ATClients(config),
                         policy=policy or QueuePolicy(), **kw)
        made.append(w)
        return w

    yield _make
    for w in made:
        w.stop()


# ---- the CLI in-process, on the live till ------------------------------------------------

@pytest.fixture
def caixa(live_app, tmp_path, monkeypatch, capsys, demo_db):
    """Run ``caixa ARGS`` on the live till's database; returns (exit code, stdout, stderr).
    The shop's key store and anchors (this test's folders) stay; no other CAIXA_ setting."""
    from tests.conftest import SECURE_ENV

    for var in [v for v in os.environ if v.startswith("CAIXA_") and v not in SECURE_ENV]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("CAIXA_DB", str(demo_db))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    from ui.cli import main

    def run(*args):
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def configured(caixa, sandbox, tmp_path, monkeypatch):
    lines = ["[at]"] + [f'{k} = "{v}"' for k, v in sandbox.config_mapping().items()]
    path = tmp_path / "caixa.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    monkeypatch.setenv("CAIXA_CONFIG", str(path))
    return caixa
