"""AT credentials kept by the shop (back office) reach AT: the sender builds its
configuration from them, the private key never lies on disk in clear, and the file's [at]
keys still win. Against the sandbox (HTTPS with client certificates)."""

from __future__ import annotations

import os

import pytest

from sync.config_file import CaixaConfig
from sync.link import OutboxLink


@pytest.fixture(autouse=True)
def _no_caixa_environment(monkeypatch):
    # No AT settings from the environment; the test's own key store and anchors stay.
    from tests.conftest import SECURE_ENV

    for var in [v for v in os.environ if v.startswith("CAIXA_") and v not in SECURE_ENV]:
        monkeypatch.delenv(var)


def store(app, sandbox) -> None:
    m = sandbox.config_mapping()
    app.set_at_credentials(m["username"], m["password"], "test", m["wsdl_dir"], user="admin")
    app.set_at_certificates(open(m["at_public_cert"], "rb").read(),
                            open(m["client_cert"], "rb").read(),
                            open(m["client_key"], "rb").read(), user="admin")


def endpoints_only(sandbox) -> CaixaConfig:
    """What an installer would leave in caixa.toml: where AT is and which CA to trust."""
    m = sandbox.config_mapping()
    return CaixaConfig(at={k: m[k] for k in ("series_url", "invoices_url", "transport_url",
                                             "ca_bundle")})


def test_stored_credentials_register_a_series_with_at(live_app, demo_db, live_clock,
                                                      sandbox):
    from pos.bootstrap import open_app
    store(live_app, sandbox)
    app = open_app(str(demo_db), clock=live_clock,
                   at_link=lambda a: OutboxLink(a, config_loader=lambda: endpoints_only(
                       sandbox)))
    try:
        link = app.at_link
        assert link.problem() == ""
        folder = link._stored.folder
        key = (folder / "client.key").read_bytes()
        assert b"ENCRYPTED PRIVATE KEY" in key and oct(folder.stat().st_mode)[-3:] == "700"
        row = app.request_series_registration("FT", "ST2026")
        report = app.drain_queue(("series_register",))
        assert [(rid, o.action) for rid, _, o in report.outcomes] == [(row, "done")]
        code = sandbox.services["series"].series[("599999993", "FT", "ST2026")]
        assert [s.validation_code for s in app.series() if s.series_id == "ST2026"] == [
            code["codValidacaoSerie"]]
    finally:
        app.close()
    assert not folder.exists()              # the certificates' folder goes with the sender


def test_a_wrong_stored_password_is_refused_by_at_and_stops_the_queue(live_app, demo_db,
                                                                     live_clock, sandbox):
    from pos.bootstrap import open_app
    store(live_app, sandbox)
    live_app.set_at_credentials(sandbox.config_mapping()["username"], "errada", "test",
                                user="admin")
    app = open_app(str(demo_db), clock=live_clock,
                   at_link=lambda a: OutboxLink(a, config_loader=lambda: endpoints_only(
                       sandbox)))
    try:
        app.request_series_registration("FT", "ST2027")
        report = app.drain_queue(("series_register",))
        assert report.stopped and app.queue_stopped() is not None
    finally:
        app.close()
