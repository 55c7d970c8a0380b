"""The till with the real AT link: the sync package's outbox worker (``OutboxLink``, as
ui/app.py plugs it) against the HTTPS AT sandbox (no internet). Online: the sale's document
reaches 'AT'. Unreachable: the sale completes at once, the status strip says offline and
how much is waiting."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from pos.domain.errors import ValidationError
from pos.services.outbox import QueuePolicy
from pos.services.ports import FixedClock
from sync.link import OutboxLink


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    from sync.sandbox import generate_pki

    return generate_pki(tmp_path_factory.mktemp("ui-at-pki"))


@pytest.fixture
def sandbox(tmp_path, pki, shared_at):
    from sync.sandbox import ATSandbox

    with ATSandbox(tmp_path / "sandbox", wsdl_dir=shared_at / "wsdl", pki=pki) as sb:
        yield sb


@pytest.fixture
def live_app(demo_db):
    """Normal (non-training) series and today's date: the sandbox checks them like AT."""
    from pos.bootstrap import open_app

    a = open_app(str(demo_db), clock=FixedClock(datetime.now()))
    a.set_training_mode(False)
    for code in ("FS", "FR", "FT", "NC"):
        a.add_series(code, "U2026", f"UI{code}CODE")
    yield a
    a.close()


def link(app, at_config) -> OutboxLink:
    """The till's AT link (sending in its own thread) with a given configuration."""
    cfg = SimpleNamespace(queue=QueuePolicy(), interval_seconds=60.0, batch=10,
                          at_config=at_config)
    return OutboxLink(app, background=True, config_loader=lambda: cfg)


def test_sale_reaches_at_through_the_outbox_worker(make_driver, live_app, sandbox):
    config = sandbox.config(connect_timeout=5.0, read_timeout=5.0)
    at = link(live_app, lambda: config)
    d = make_driver(live_app, at=at)
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    d.qtbot.waitUntil(lambda: at.last_report is not None and at.last_report.done,
                      timeout=30_000)
    d.w.devices.refresh_at()
    d.wait_idle()
    text = d.w.status.at.full_text()
    assert "online" in text and "nada por enviar" in text
    assert d.w.status.at.property("state") == "ok"
    assert live_app.at_snapshot().pending == 0


def test_at_unreachable_the_sale_completes_and_the_queue_waits(make_driver, live_app,
                                                               sandbox):
    config = sandbox.config(connect_timeout=2.0, read_timeout=2.0)
    sandbox.stop()                                 # AT is down: connection refused
    at = link(live_app, lambda: config)
    d = make_driver(live_app, at=at)
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01")
    d.pay_cash_exact()
    assert d.page() is d.w.sale and d.w.sale.cart.lines == []
    assert live_app.documents()[0].document_no == "FS U2026/1"
    d.qtbot.waitUntil(lambda: at.last_report is not None, timeout=30_000)
    d.w.devices.refresh_at()
    d.wait_idle()
    text = d.w.status.at.full_text()
    assert "offline" in text and "1 por enviar" in text, text
    assert d.w.status.at.property("state") == "bad"


def test_without_at_configuration_the_queue_is_shown(normal_app):
    def missing():
        raise ValidationError("falta a secção [at]")

    normal_app.at_link = at = link(normal_app, missing)
    normal_app.sell_items([("PAS01", 1)])
    snap = normal_app.at_snapshot()
    assert snap.online is None and snap.pending == 1 and "[at]" in snap.detail
    at.kick()                                      # nothing to wake: no error either
