"""The first-run wizard registering the series through AT's webservice (the AT sandbox, a
real HTTPS SOAP endpoint with mutual TLS): the shop is created, AT gives the series their
codes while the wizard waits, and the till can sell."""

from datetime import datetime

from pos.services.ports import FixedClock
from tests.backoffice.test_wizard import Walk, fill_until_series
from tests.sync.conftest import pki, sandbox, wsdl_dir  # noqa: F401 (fixtures)
from ui.workers import Worker


def test_series_registered_with_at_from_the_wizard(qtbot, db_path, sandbox, tmp_path,  # noqa: F811
                                                   monkeypatch):
    from pos.bootstrap import open_app
    from sync.link import OutboxLink
    from ui.backoffice.wizard import Wizard

    lines = ["[at]"] + [f'{k} = "{v}"' for k, v in sandbox.config_mapping().items()]
    config = tmp_path / "caixa.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config.chmod(0o600)
    monkeypatch.setenv("CAIXA_CONFIG", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    app = open_app(str(db_path), clock=FixedClock(datetime.now()),
                   at_link=lambda a: OutboxLink(a))
    worker = Worker()
    try:
        w = Wizard(app, worker)
        qtbot.addWidget(w)
        w.show()
        walk = Walk(qtbot, w)
        fill_until_series(walk)
        series = w.steps[6]
        series.webservice.setChecked(True)
        walk.next(7)
        walk.next(8)
        walk.settle()
        assert "A AT registou as séries" in w.notice.text(), w.notice.text()
        assert app.setup_status().able_to_sell
        year = datetime.now().year
        code = sandbox.services["series"].series[("599999993", "FS", f"CX1N{year}")][
            "codValidacaoSerie"]
        app.add_product("P1", "Pão", "1.20", "RED", user="admin")
        doc = app.sell_items([("P1", 1)], payments=(("NU", None),), user="admin")
        assert doc.atcud == f"{code}-1"
    finally:
        worker.shutdown()
        app.close()
