"""Back-office tests: offscreen Qt, the real application facade on a real SQLite file (the
demo shop, or a shop set up for the test), real worker threads; the printer and AT link
are the till tests' recording fakes unless a test plugs in a real TCP printer."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from tests.ui.fakes import FakeAt, FakePrinter  # noqa: E402


class Office:
    """Drives the back-office window as a manager does: taps, types, waits for answers."""

    def __init__(self, qtbot, built):
        self.qtbot, self.built = qtbot, built
        self.w = built.window
        self.ctx = built.ctx
        self.app = built.app

    def settle(self, timeout: int = 30_000) -> None:
        """Until every job started has answered (long work included)."""
        self.qtbot.waitUntil(self.ctx.worker.idle, timeout=timeout)

    def tap(self, widget) -> None:
        self.qtbot.waitUntil(widget.isVisible, timeout=2000)
        assert widget.isEnabled(), widget
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.settle()

    def type(self, field, text: str) -> None:
        """Typed key by key (QTest knows ASCII keys only: the rest as a keyboard's input
        method would put them)."""
        field.clear()
        for ch in text:
            if ch.isascii():
                self.qtbot.keyClicks(field, ch)
            else:
                field.insert(ch)

    def sign_in(self, login: str = "gerente", pin: str = "2222") -> None:
        s = self.w.signin
        self.settle()
        self.tap(s.buttons[login])
        for digit in pin:
            self.tap(s.pad.keys[digit])
        self.tap(s.enter)
        assert self.ctx.user is not None, s.notice.text()

    def open(self, name: str):
        self.tap(self.w.menu[name])
        page = self.w.current()
        assert page is self.w.areas[name]
        return page

    def audit(self) -> list[tuple[str, str, str]]:
        """(kind, user, detail) of every audit event, oldest first."""
        from sqlalchemy import select

        from pos.persistence.models import AuditEvent
        with self.app.unit(False) as uow:
            return [(e.kind, e.user_login, e.detail) for e in uow.session.scalars(
                select(AuditEvent).order_by(AuditEvent.id))]


def build_office(qtbot, app, size=(1024, 768), lang="pt"):
    from ui.backoffice.app import build

    built = build(app=app, lang=lang)
    w = built.window
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.scale is not None and w.styled_scale == w.scale)
    return built


@pytest.fixture
def make_office(qtbot):
    made = []

    def make(app, printer=None, at=None, **kw) -> Office:
        app.printer = printer if printer is not None else FakePrinter(print_log=app)
        app.at_link = at if at is not None else FakeAt()
        built = build_office(qtbot, app, **kw)
        made.append(built)
        office = Office(qtbot, built)
        office.settle()
        return office

    yield make
    for built in made:
        built.ctx.worker.shutdown()
        built.window.close()
    from ui import i18n
    from ui.app import application
    i18n.install(application(), "pt")


@pytest.fixture
def office(make_office, app):
    return make_office(app)
