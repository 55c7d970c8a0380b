"""The first-run wizard on an empty database, end to end: every step checked as it goes
(a wrong NIF, a weak PIN, a missing series code refused in one sentence), a test page on a
real TCP printer, the shop created in one go at the end and able to sell; closed half way,
it leaves no shop."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from pos.persistence.models import Base
from pos.services.ports import FixedClock
from tests.printing.conftest import FakePrinter as TcpPrinter
from tests.ui.fakes import FakeAt
from ui.workers import Worker


@pytest.fixture
def empty(db_path):
    from pos.bootstrap import open_app
    a = open_app(str(db_path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)),
                 at_link=lambda app: FakeAt())
    yield a
    a.close()


@pytest.fixture
def wizard(qtbot, empty):
    from ui.backoffice.wizard import Wizard
    worker = Worker()
    w = Wizard(empty, worker)
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    worker.shutdown()


class Walk:
    def __init__(self, qtbot, w):
        self.qtbot, self.w = qtbot, w

    def settle(self):
        self.qtbot.waitUntil(self.w.ctx.worker.idle, timeout=20_000)

    def type(self, field, text: str) -> None:
        field.clear()
        field.insert(text)

    def next(self, expect_step: int | None = None) -> None:
        self.w.next.click()
        self.settle()
        if expect_step is not None:
            assert self.w.index == expect_step, self.w.notice.text()


def rows(app) -> int:
    with app.unit(write=False) as uow:
        return sum(uow.session.scalar(select(func.count()).select_from(t))
                   for t in Base.metadata.sorted_tables if t.name != "alembic_version")


def test_the_wizard_walks_every_step_and_creates_a_shop_that_sells(qtbot, wizard, empty):
    walk, w = Walk(qtbot, wizard), wizard
    company = w.steps[0]
    walk.type(company.nif, "123456780")
    walk.type(company.name, "Mercearia Exemplo, Lda.")
    walk.type(company.address, "Rua Direita, 10")
    walk.type(company.city, "Coimbra")
    walk.type(company.postal, "3000-150")
    walk.type(company.certificate, "1234")
    walk.next(0)
    assert "dígito de controlo" in w.notice.text()
    walk.type(company.nif, "599999993")
    walk.next(1)
    place = w.steps[1]
    walk.type(place.name, "Loja da Baixa")
    walk.next(2)
    admin = w.steps[2]
    walk.type(admin.login, "maria")
    walk.type(admin.name, "Maria Gerente")
    walk.type(admin.pin, "1234")
    walk.type(admin.again, "1234")
    walk.next(2)
    assert "fácil de adivinhar" in w.notice.text()
    walk.type(admin.pin, "4826")
    walk.type(admin.again, "4826")
    walk.next(3)
    walk.next(4)                                      # a new signing key
    w.steps[4].choose(["NU", "MB"])
    walk.next(5)
    printer = TcpPrinter()
    try:
        p = w.steps[5]
        p.some.setChecked(True)
        walk.type(p.connection, printer.spec)
        p.test_button.click()
        walk.settle()
        printer.wait()
        assert "Página de teste enviada" in w.notice.text() and printer.jobs
        walk.next(6)
    finally:
        printer.close()
    series = w.steps[6]
    assert series.series_id.text() == "CX1N2026"
    walk.type(series.codes["FS"], "AAJFJ2KC")
    walk.next(6)
    assert "Falta o código de validação da série FR" in w.notice.text()
    for i, t in enumerate(("FR", "FT", "NC"), 3):
        walk.type(series.codes[t], f"AAJFJ{i}KC")
    walk.next(7)
    summary = w.steps[7].text.text()
    assert "Mercearia Exemplo" in summary and "CX1N2026" in summary and "maria" in summary
    assert not empty.is_configured()                  # nothing written until now
    walk.next(8)
    assert "Loja criada" in w.notice.text(), w.notice.text()
    assert "A caixa pode vender" in w.done_page.text.text()
    assert empty.is_configured() and empty.setup_status().able_to_sell
    assert empty.company().name == "Mercearia Exemplo, Lda."
    assert [m.code for m in empty.payment_methods()] == ["NU", "MB"]
    assert empty.printer_settings().connection.startswith("tcp:127.0.0.1:")
    assert empty.sign_in("maria", "4826").role == "admin"
    empty.add_product("P1", "Pão", "1.20", "RED", user="maria")
    doc = empty.sell_items([("P1", 2)], payments=(("NU", None),), user="maria")
    assert doc.document_no == "FS CX1N2026/1" and doc.atcud == "AAJFJ2KC-1"
    done = []
    w.finished.connect(done.append)
    w.next.click()
    assert done and done[0].till.code == "CX1"


def test_a_wizard_closed_half_way_leaves_no_shop(qtbot, wizard, empty):
    walk, w = Walk(qtbot, wizard), wizard
    before = rows(empty)
    company = w.steps[0]
    walk.type(company.nif, "599999993")
    walk.type(company.name, "Loja")
    walk.type(company.address, "Rua")
    walk.type(company.city, "Porto")
    walk.type(company.postal, "4000-001")
    walk.next(1)
    walk.next(2)
    w.back.click()
    assert w.index == 1
    w.close()
    assert not empty.is_configured() and rows(empty) == before


def fill_until_series(walk) -> None:
    """The steps before the series, with good values."""
    w = walk.w
    c = w.steps[0]
    for field, text in ((c.nif, "599999993"), (c.name, "Loja"), (c.address, "Rua"),
                        (c.city, "Porto"), (c.postal, "4000-001")):
        walk.type(field, text)
    walk.next(1)
    walk.next(2)
    a = w.steps[2]
    for field, text in ((a.name, "Maria"), (a.pin, "4826"), (a.again, "4826")):
        walk.type(field, text)
    for step in (3, 4, 5, 6):
        walk.next(step)


@pytest.fixture
def no_at(tmp_path, monkeypatch):
    """No AT configuration anywhere this process could read one."""
    for var in ("CAIXA_CONFIG", "CAIXA_AT_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def test_webservice_series_need_at_configured(qtbot, db_path, no_at):
    from pos.bootstrap import open_app
    from sync.link import OutboxLink
    from ui.backoffice.wizard import Wizard
    app = open_app(str(db_path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)),
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
        assert not series.codes["FS"].isEnabled()
        walk.next(6)
        assert w.notice.property("level") == "error" and "AT" in w.notice.text()
        assert not app.is_configured()
    finally:
        worker.shutdown()
        app.close()
