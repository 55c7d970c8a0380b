"""UI tests: offscreen Qt, the real services on a fresh demo database, real worker threads,
fake printer and AT ports (see fakes.py)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from ui import qtcompat  # noqa: E402

qtcompat.protect_none()      # see ui/qtcompat.py: PySide6 6.12.0 on Python 3.11

from .fakes import FakeAt, FakePrinter  # noqa: E402


class Driver:
    """Drives the till window the way a cashier does: taps, types, scans."""

    def __init__(self, qtbot, built, printer, at):
        self.qtbot, self.built, self.printer, self.at = qtbot, built, printer, at
        self.w = built.window
        self.ctx = built.ctx
        self.till = built.ctx.till

    def tap(self, widget, pos=None) -> None:
        # Widgets added to a shown layout appear on the next event loop pass.
        self.qtbot.waitUntil(widget.isVisible, timeout=2000)
        assert widget.isEnabled(), widget
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def wait_idle(self, timeout: int = 10_000) -> None:
        self.qtbot.waitUntil(self.ctx.worker.idle, timeout=timeout)

    def key(self, key, widget=None) -> None:
        """A key on the active window; button shortcuts click after a short animation."""
        if not self.w.isActiveWindow():
            self.w.windowHandle().requestActivate()
            self.qtbot.waitUntil(self.w.isActiveWindow)
        self.qtbot.keyClick(widget or self.w.focusWidget() or self.w, key)
        self.qtbot.wait(150)

    def page(self):
        return self.w.stack.currentWidget()

    def pad(self, pad, keys: str) -> None:
        for key in keys:
            self.tap(pad.keys[key])

    def sign_in(self, login: str = "caixa1", pin: str = "1111", float_: str = "50") -> None:
        signin = self.w.signin
        assert self.page() is signin
        self.tap(signin.user_buttons[login])
        self.pad(signin.pad, pin)
        self.tap(signin.enter)
        self.qtbot.waitUntil(lambda: self.page() is not signin, timeout=10_000)
        if self.page() is self.w.open_session and float_ is not None:
            self.pad(self.w.open_session.pad, float_)
            self.tap(self.w.open_session.open_button)
        assert self.page() is self.w.sale

    def tap_product(self, category: str, code: str, times: int = 1) -> None:
        grid = self.w.sale.grid
        for i in range(grid.tabs.count()):
            if grid.tabs.tabData(i) == category:
                grid.tabs.setCurrentIndex(i)
        for _ in range(times):
            self.tap(grid.buttons[code])

    def scan(self, code: str) -> None:
        """A keyboard-wedge scanner: all keys at once, then Enter."""
        field = self.w.sale.search
        self.qtbot.keyClicks(field, code)
        self.qtbot.keyClick(field, Qt.Key.Key_Return)

    def pay_cash_exact(self) -> None:
        self.tap(self.w.sale.pay_button)
        assert self.page() is self.w.payment
        self.tap(self.w.payment.quick_buttons[0])       # 'Exato'
        self.tap(self.w.payment.confirm_button)

    def total(self) -> str:
        return self.w.sale.total.text()


def _build(qtbot, till, printer, at, size=(1024, 768), lang="pt"):
    from ui.app import build

    built = build(till=till, printer=printer, at=at, lang=lang, at_delay_ms=0)
    w = built.window
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    # The restyle for this window size is deferred; wait until the layout has followed it.
    qtbot.waitUntil(lambda: w.scale is not None and w.styled_scale == w.scale
                    and w.status.height() == w.status.sizeHint().height())
    return built


@pytest.fixture
def make_driver(qtbot):
    made = []

    def make(till, printer=None, at=None, **kw):
        from pos.services.desk import Desk

        printer = printer or FakePrinter(reprint_log=till)
        at = at or FakeAt(lambda: Desk(till.db, till.clock))
        built = _build(qtbot, till, printer, at, **kw)
        made.append(built)
        return Driver(qtbot, built, printer, at)

    yield make
    for built in made:
        built.ctx.worker.shutdown()
        built.window.close()


@pytest.fixture
def driver(make_driver, till):
    return make_driver(till)
