"""The queue after a crash and over slow networks (issue 16, "The queue after a crash").

* A drain killed mid-batch leaves rows marked ``sending``: the summary counts and shows them,
  and a restarted till takes them back at once (not after the lease), sending each exactly
  once.
* Leases are per row and renewed while a row is sent: two drains with slow answers never
  send the same row.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.domain.at import DONE, RETRY, Outcome
from pos.persistence.models import OutboxRow
from pos.services import claims, outbox
from pos.services.outbox import QueuePolicy
from tests.conftest import SECURE_ENV

ROOT = Path(__file__).resolve().parents[2]
POLICY = QueuePolicy(lease_seconds=300)
ITEMS = ["PAO01", "PAS01", "CAF01", "BEB02", "MER02", "SRV02", "SEL01", "FRU01"]


def _sell(app, n: int) -> list[str]:
    return [app.sell_items([(ITEMS[i % len(ITEMS)], 1 + i % 3)], "FS").document_no
            for i in range(n)]


def _rows(app) -> list[OutboxRow]:
    with app.unit(write=False) as uow:
        return list(uow.session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


def _statuses(app) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in _rows(app):
        out[r.status] = out.get(r.status, 0) + 1
    return out


def _claim(app, token, now=None, limit=10):
    with app.unit(write=True) as uow:
        return outbox.claim(uow, now or app.clock.now(), POLICY, limit, token=token)


def _config_file(path: Path, sandbox, **queue) -> Path:
    lines = ["[at]"] + [f'{k} = "{v}"' for k, v in sandbox.config_mapping().items()]
    lines += ["read_timeout = 10.0", "", "[queue]"]
    lines += [f"{k} = {v}" for k, v in queue.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def _cli_env(demo_db, config_path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CAIXA_") or k in SECURE_ENV}      # the shop's key store stays
    env.update(CAIXA_DB=str(demo_db), CAIXA_CONFIG=str(config_path))
    return env


def _caixa(env, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# ---- the holder of a claim -------------------------------------------------------------

def test_a_claim_names_its_process_and_only_the_holder_renews_or_records(live_app,
                                                                          live_clock):
    _sell(live_app, 2)
    mine, other = claims.new_claim(), claims.new_claim()
    ids = _claim(live_app, mine)
    who = claims.parse(_rows(live_app)[0].claimed_by)
    assert (who.host, who.pid) == (claims.this_process().host, os.getpid())
    assert mine != other and not claims.process_gone(mine)   # this very process: alive

    assert live_app.claim_duties(10, policy=POLICY) == []    # both are leased
    with live_app.unit(write=True) as uow:
        assert not outbox.renew(uow, ids[0], other, live_clock.now(), POLICY)
        assert outbox.renew(uow, ids[0], mine, live_clock.now() + timedelta(seconds=200),
                            POLICY)
    assert _rows(live_app)[0].next_attempt_at == live_clock.now() + timedelta(seconds=500)

    # The second row's lease runs out while its holder is stuck; another sender takes it.
    live_clock.advance(seconds=301)
    taken = live_app.claim_duties(10, policy=POLICY)
    assert [d.id for d in taken] == [ids[1]] and taken[0].claim not in (mine, "")
    stuck = dataclasses.replace(taken[0], claim=mine)       # the first sender's view of it
    assert not live_app.renew_duty(stuck, POLICY)          # so it must not send it
    # Its late "try again" is not recorded over the new holder's claim...
    live_app.record_outcome(stuck, Outcome(RETRY, "sem rede"), POLICY)
    row = _rows(live_app)[1]
    assert (row.status, row.claimed_by) == ("sending", taken[0].claim)
    # ...the new holder's answer is, and "AT has it" from anyone never undoes "done".
    live_app.record_outcome(taken[0], Outcome(DONE, "ok", 0), POLICY)
    live_app.record_outcome(stuck, Outcome(RETRY, "sem rede"), POLICY)
    assert (_rows(live_app)[1].status, _rows(live_app)[1].claimed_by) == ("done", None)


def test_rows_of_a_process_that_is_gone_come_back_at_once(live_app, live_clock):
    _sell(live_app, 3)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        token = claims.Claimant(claims.this_process().host, sleeper.pid,
                                claims.start_time(sleeper.pid), "dead0001").token
        held = _claim(live_app, token, limit=2)
        assert live_app.queue_status().interrupted == 0
        # Alive: its rows keep their lease; only the third row is handed out.
        (third,) = {r.id for r in _rows(live_app)} - set(held)
        assert [d.id for d in live_app.claim_duties(10, policy=POLICY)] == [third]
    finally:
        sleeper.kill()
        sleeper.wait()
    assert claims.process_gone(token)
    status = live_app.queue_status()
    assert (status.sending, status.interrupted) == (3, 2)
    rows = {r.id: r for r in live_app.queue_rows()}
    assert all(rows[i].interrupted and f"processo {sleeper.pid}" in rows[i].holder
               for i in held)
    assert any("interrompido" in w.text for w in status.warnings)
    # The same clock: no lease has run out, the rows come back because their holder is gone.
    again = live_app.claim_duties(10, policy=POLICY)
    assert sorted(d.id for d in again) == sorted(held)


def test_a_reused_process_id_is_not_taken_for_the_claimant(live_app):
    me = claims.this_process()
    assert claims.process_gone(claims.Claimant(me.host, me.pid, "1", "x").token)
    assert not claims.process_gone(claims.Claimant("another-host", 1, "1", "x").token)
    assert not claims.process_gone("written by an older version")


# ---- a drain killed mid-batch ------------------------------------------------------------

def test_a_killed_drain_is_counted_shown_and_resent_at_once_exactly_once(
        tmp_path, sandbox, config, live_app, live_clock, make_worker, demo_db):
    numbers = _sell(live_app, 30)
    # Slow answers, processed before they are sent: a kill lands while AT has a document
    # and the till does not know it yet.
    sandbox.inject("timeout", service="invoices", delay=0.3, process=True, times=10_000)
    env = _cli_env(demo_db, _config_file(tmp_path / "c.toml", sandbox, batch=20))
    proc = _caixa(env, "queue", "drain")
    try:
        deadline = time.monotonic() + 90
        while len(sandbox.requests_for("invoices")) < 6:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the drain never started"
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    sandbox.clear_faults()

    held = _statuses(live_app).get("sending", 0)
    assert held > 0
    listing = _caixa(env, "queue", "list")
    text, err = listing.communicate(timeout=60)
    assert listing.returncode == 0, err
    assert f"{held} a enviar ({held} interrompido(s)" in text.splitlines()[0]
    assert "interrompido: processo" in text
    as_json = _caixa(env, "queue", "list", "--json")
    data = json.loads(as_json.communicate(timeout=60)[0])
    assert data["status"]["sending"] == held and data["status"]["interrupted"] == held

    # A till started again on the same clock (no lease has run out) sends them now.
    report = make_worker(config).drain_once()

    assert report.parked == 0 and report.retried == 0
    assert _statuses(live_app) == {"done": 30}
    assert all(sandbox.accepted_count("invoices", n) == 1 for n in numbers)
    reconciled = [o for _, _, o in report.outcomes if o.result.get("reconciled") == -10]
    assert reconciled, "the in-flight document should have come back 'already registered'"


# ---- two drains, slow answers, short leases ----------------------------------------------

@pytest.mark.slow
def test_two_drains_with_slow_answers_never_send_a_row_twice(tmp_path, sandbox, live_app,
                                                             demo_db):
    numbers = _sell(live_app, 6)
    # Every answer is slower than a lease: without renewal the second drain would take the
    # row in flight, and without a per-row lease every row still waiting in the first
    # drain's batch.
    # (Short leases keep the test short; renewals every quarter lease leave a machine
    # shared with other work three chances before a lease runs out.)
    sandbox.inject("timeout", service="invoices", delay=1.6, process=True, times=10_000)
    env = _cli_env(demo_db, _config_file(tmp_path / "c.toml", sandbox, batch=10,
                                         lease_seconds=1.2))
    first = _caixa(env, "queue", "drain")
    second = None
    try:
        deadline = time.monotonic() + 90
        while not sandbox.requests_for("invoices"):
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first drain never started"
            time.sleep(0.02)
        time.sleep(1.6)      # the rows waiting in the first drain's batch are past their lease
        second = _caixa(env, "queue", "drain")
        outputs = [p.communicate(timeout=120) for p in (first, second)]
    finally:
        for p in (first, second):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait()
    assert [p.returncode for p in (first, second)] == [0, 0], outputs

    sent = [r.key for r in sandbox.requests_for("invoices")]
    assert sorted(sent) == sorted(numbers), "a document was sent twice (or not at all)"
    assert _statuses(live_app) == {"done": 6}
    done = [int(out.split("Enviados ")[1].split(",")[0]) for out, _ in outputs]
    assert sum(done) == 6 and all(done), f"both drains should have sent some: {done}"
