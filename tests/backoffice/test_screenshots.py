"""Every area of the back office (and the first-run wizard) at 1024×768 and 1920×1080, on a
shop with two weeks of sales. Always drawn (a layout that breaks fails here: every area's
main buttons must be inside the window); written to docs/img/bo-*.png when CAIXA_UI_SHOTS=1:

    CAIXA_UI_SHOTS=1 QT_QPA_PLATFORM=offscreen pytest tests/backoffice/test_screenshots.py
"""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect

from tests.backoffice.shop_data import seed

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(1024, 768), (1920, 1080)]


def folder(tmp_path) -> Path:
    out = ROOT / "docs" / "img" if os.environ.get("CAIXA_UI_SHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    return out


def shoot(window, name: str, size, tmp_path) -> None:
    image = window.grab()
    assert (image.width(), image.height()) == size
    assert image.save(str(folder(tmp_path) / f"bo-{name}-{size[0]}x{size[1]}.png"), "PNG")


def inside(window, *widgets) -> None:
    frame = QRect(QPoint(0, 0), window.size())
    for w in widgets:
        assert w.isVisible(), w
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        assert frame.contains(rect), (w, rect, frame)


def visit(office, name: str, size, tmp_path, widgets=None, prepare=(), shot=None):
    """Open the area, get it ready (each step once the last one's answers came), check
    ``widgets(area)`` are inside the window, grab it as ``shot`` (the area's name)."""
    area = office.open(name)
    office.settle()
    for step in prepare:
        step(area)
        office.settle()
    office.qtbot.wait(50)
    if widgets is not None:
        inside(office.w, *widgets(area))
    shoot(office.w, shot or name, size, tmp_path)
    return area


def read_whole(dashboard) -> None:
    """Every tile's figure is drawn whole in its tile (a sum like '1542,90 €' in five tiles
    side by side at 1024×768 was cut short), and the period chooser shows its choice."""
    from PySide6.QtGui import QFontMetrics
    for card in dashboard.cards.values():
        label = card.value
        assert label.text() != "—"
        width = QFontMetrics(label.font()).horizontalAdvance(label.text())
        assert width <= label.contentsRect().width(), (label.text(), width, label.width())
    quick = dashboard.range.quick
    width = QFontMetrics(quick.font()).horizontalAdvance(quick.currentText())
    assert width < quick.width() - 20, (quick.currentText(), width, quick.width())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_area(make_office, app, clock, size, tmp_path):
    seed(app, clock)
    office = make_office(app, size=size)
    s = office.w.signin
    office.tap(s.buttons["admin"])
    s.pin.setText("12")
    office.qtbot.wait(50)
    inside(office.w, s.enter, s.pad.keys["9"], s.pad.keys["⌫"])
    shoot(office.w, "signin", size, tmp_path)
    s.pin.setText("1234")
    office.tap(s.enter)
    assert office.ctx.user is not None

    dashboard = visit(office, "dashboard", size, tmp_path,
                      lambda a: (a.update_button, a.by_hour, a.by_day, a.warnings,
                                 a.sessions), [lambda a: a.range.preset("week")])
    read_whole(dashboard)
    visit(office, "catalogue", size, tmp_path,
          lambda a: (a.products.save_button, a.products.remove_button, a.products.pager),
          [lambda a: a.products.table.choose(2)])
    visit(office, "customers", size, tmp_path, lambda a: (a.save_button, a.remove_button),
          [lambda a: a.table.choose(1)])
    visit(office, "staff", size, tmp_path,
          lambda a: (a.people.save_button, a.people.unlock_button),
          [lambda a: a.people.table.choose(0)])
    visit(office, "documents", size, tmp_path,
          lambda a: (a.find, a.reprint_button, a.cancel_button, a.credit_button,
                     a.pdf_button), [lambda a: a.table.choose(4)])
    visit(office, "series", size, tmp_path,
          lambda a: (a.series.register_button, a.series.cancel_button, a.series.plan_button))
    visit(office, "series", size, tmp_path,
          lambda a: (a.queue.stop_button, a.queue.retry_button, a.queue.resolve_button),
          [lambda a: a.tabs.setCurrentWidget(a.queue), lambda a: a.queue.table.choose(0)],
          shot="at-queue")
    visit(office, "manual", size, tmp_path, lambda a: (a.recover.go,),
          [lambda a: a.tabs.setCurrentWidget(a.recover)])
    visit(office, "reports", size, tmp_path,
          lambda a: (a.sales.exports.print_button, a.sales.exports.pdf_button))
    visit(office, "saft", size, tmp_path,
          lambda a: (a.export_button, a.validate_button, a.open_button))
    visit(office, "settings", size, tmp_path, lambda a: (a.company.save_button,))
    visit(office, "settings", size, tmp_path,
          lambda a: (a.printer.test_button, a.printer.preview_button),
          [lambda a: a.tabs.setCurrentWidget(a.printer),
           lambda a: a.printer.connection.setText("tcp:192.168.1.50:9100"),
           lambda a: a.printer.preview()], shot="settings-printer")
    visit(office, "integrity", size, tmp_path, lambda a: (a.verify_button, a.ack_button),
          [lambda a: a.verify()])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_wizard(qtbot, db_path, size, tmp_path):
    from datetime import datetime

    from pos.bootstrap import open_app
    from pos.services.ports import FixedClock
    from ui.backoffice.wizard import Wizard
    from ui.workers import Worker

    app = open_app(str(db_path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
    worker = Worker()
    try:
        w = Wizard(app, worker)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        company = w.steps[0]
        for field, text in ((company.nif, "599999993"), (company.name, "Mercearia Exemplo"),
                            (company.address, "Rua Direita, 10"), (company.city, "Coimbra"),
                            (company.postal, "3000-150")):
            field.setText(text)
        qtbot.wait(100)
        inside(w, w.next, w.back, w.quit, company.email)
        image = w.grab()
        assert image.save(str(folder(tmp_path) / f"bo-wizard-{size[0]}x{size[1]}.png"))
    finally:
        worker.shutdown()
        app.close()
