"""The AT link (``sync.link.OutboxLink``): the application's sender, against the sandbox.

It is built by ``open_app(at_link=...)`` the way the CLI and the till build it, reads its
configuration once on first use, and says why nothing is sent instead of failing a sale.
"""

from __future__ import annotations

import os

import pytest

from pos.domain.errors import PosError
from sync.config_file import CaixaConfig, load
from sync.errors import ConfigurationError
from sync.link import OutboxLink
from tests.conftest import SECURE_ENV

from .conftest import eventually


@pytest.fixture(autouse=True)
def _no_caixa_environment(monkeypatch):
    """``CAIXA_AT_*`` variables would complete or override the configuration under test
    (the test's key store and anchor folders stay)."""
    for var in [v for v in os.environ if v.startswith("CAIXA_") and v not in SECURE_ENV]:
        monkeypatch.delenv(var)


@pytest.fixture
def open_linked(live_app, demo_db, live_clock):
    """``open_linked(loader, background=False)``: a second application on the live till's
    database whose AT link reads its configuration through ``loader``; closed at the end."""
    from pos.bootstrap import open_app

    opened = []

    def _open(loader, background=False):
        app = open_app(str(demo_db), clock=live_clock,
                       at_link=lambda a: OutboxLink(a, background=background,
                                                    config_loader=loader))
        opened.append(app)
        return app, app.at_link

    yield _open
    for app in opened:
        app.close()


def _counting(make):
    """A configuration loader that records each time it is asked."""
    calls = []

    def loader():
        calls.append(1)
        return make()
    return loader, calls


def _sandbox_config(sandbox, **at):
    return CaixaConfig(at={**sandbox.config_mapping(), **at})


def test_the_configuration_is_read_on_first_use_and_only_once(open_linked, sandbox):
    loader, calls = _counting(lambda: _sandbox_config(sandbox))
    app, link = open_linked(loader)
    assert calls == [] and link.worker is None          # opening the till costs nothing
    assert link.problem() == ""
    assert calls == [1] and link.worker is not None
    app.sell_items([("PAO01", 1)], "FS")                # the sale kicks the link
    link.policy()
    link.online()
    app.drain_queue()
    assert calls == [1]


def test_without_at_settings_sales_wait_and_drain_says_why(open_linked, tmp_path):
    path = tmp_path / "caixa.toml"
    path.write_text('[queue]\ninvoice_channel = "webservice"\n', encoding="utf-8")
    app, link = open_linked(lambda: load(path))
    problem = link.problem()
    assert "não está configurada" in problem and "[at]" in problem and str(path) in problem
    doc = app.sell_items([("PAO01", 1)], "FS")          # kick() must not fail the sale
    link.kick()
    with pytest.raises(PosError) as refused:
        app.drain_queue()
    assert str(refused.value) == problem
    assert app.queue_status().pending == 1 and app.queue_stopped() is None
    assert app.document(doc.document_no).status == "N"
    assert link.online() is None
    assert app.at_snapshot().detail.startswith(problem)


def test_an_unreadable_configuration_file_is_the_problem_not_a_crash(open_linked, tmp_path):
    path = tmp_path / "caixa.toml"
    path.write_text("[at\nusername = 1\n", encoding="utf-8")
    app, link = open_linked(lambda: load(path))
    problem = link.problem()
    assert problem.startswith(f"Não foi possível ler {path}")
    app.sell_items([("PAO01", 1)], "FS")
    with pytest.raises(PosError) as refused:
        app.drain_queue()
    assert str(refused.value) == problem
    assert app.queue_status().pending == 1


def test_drain_sends_in_the_calling_thread_and_online_follows_at(open_linked, sandbox,
                                                                 live_clock):
    app, link = open_linked(lambda: _sandbox_config(sandbox))
    first = app.sell_items([("PAO01", 1)], "FS")
    assert link.online() is None                        # nothing tried yet
    report = app.drain_queue()
    assert (report.done, report.retried, report.parked) == (1, 0, 0)
    assert sandbox.accepted_count("invoices", first.document_no) == 1
    assert link.online() is True and not link.worker.is_alive()   # no thread asked for
    assert app.at_snapshot().online is True

    second = app.sell_items([("PAO02", 1)], "FS")
    sandbox.inject("http500", service="invoices", status=503)
    assert app.drain_queue().retried == 1
    assert link.online() is False and app.at_snapshot().online is False
    live_clock.advance(seconds=31)
    assert app.drain_queue().done == 1 and link.online() is True
    assert sandbox.accepted_count("invoices", second.document_no) == 1


def test_a_stopped_queue_makes_drain_refuse_until_resumed(open_linked, sandbox):
    app, link = open_linked(lambda: _sandbox_config(sandbox, password="errada"))
    app.sell_items([("PAO01", 1)], "FS")
    report = app.drain_queue()
    assert report.stopped and "autenticação" in report.stopped
    assert link.online() is False
    with pytest.raises(ConfigurationError) as refused:
        app.drain_queue()
    message = str(refused.value)
    assert message.startswith("Envios parados desde ") and report.stopped in message
    assert message.endswith("Depois de corrigir: caixa queue resume.")
    assert len(sandbox.received) == 1                   # the refusal sent nothing
    assert app.queue_resume("gerente") is True
    assert app.drain_queue().stopped                    # still the wrong password: stops again
    assert len(sandbox.received) == 2


def test_background_link_runs_a_thread_that_a_kick_wakes(open_linked, sandbox, monkeypatch):
    # An hour between passes: only a kick can make the thread send within the test.
    app, link = open_linked(
        lambda: CaixaConfig(at=sandbox.config_mapping(), interval_seconds=3600),
        background=True)
    claims = []
    real_claim = app.claim_duties

    def counted(*args, **kw):
        duties = real_claim(*args, **kw)
        claims.append(len(duties))
        return duties

    monkeypatch.setattr(app, "claim_duties", counted)
    assert link.problem() == ""                         # first use starts the thread
    worker = link.worker
    assert worker.is_alive() and worker.daemon and worker.name == "caixa-at-outbox"
    assert eventually(lambda: claims == [0], timeout=10)   # first pass: nothing to send

    doc = app.sell_items([("PAO01", 1)], "FS")          # the sale kicks the link
    assert eventually(lambda: sandbox.accepted_count("invoices", doc.document_no) == 1,
                      timeout=10)
    assert eventually(lambda: link.online() is True, timeout=10)
    assert claims[:2] == [0, 1]

    app.close()                                         # stops the thread at exit
    assert not worker.is_alive()
