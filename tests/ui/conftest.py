"""UI tests: offscreen Qt, the real application facade on a fresh demo database, real
worker threads, fake printer and AT ports (see fakes.py)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from .fakes import FakeAt, FakePrinter  # noqa: E402


class Driver:
    """Drives the till window the way a cashier does: taps, types, scans. After each
    action it waits for the counter lane of the background helper (what the tap started:
    a look-up, a sign-in, a sale) the way a cashier waits for the screen to answer."""

    def __init__(self, qtbot, built, printer, at):
        self.qtbot, self.built, self.printer, self.at = qtbot, built, printer, at
        self.w = built.window
        self.ctx = built.ctx
        self.app = built.app

    def settle(self, timeout: int = 10_000) -> None:
        """Wait until the cashier's jobs have answered (printing and AT may still run)."""
        self.qtbot.waitUntil(lambda: self.ctx.worker.idle("counter"), timeout=timeout)

    def tap(self, widget, pos=None) -> None:
        # Widgets added to a shown layout appear on the next event loop pass.
        self.qtbot.waitUntil(widget.isVisible, timeout=2000)
        assert widget.isEnabled(), widget
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        self.settle()

    def wait_idle(self, timeout: int = 10_000) -> None:
        """Wait for every job, printing and AT included."""
        self.qtbot.waitUntil(self.ctx.worker.idle, timeout=timeout)

    def key(self, key, widget=None) -> None:
        """A key on the active window; button shortcuts click after a short animation."""
        if not self.w.isActiveWindow():
            self.w.windowHandle().requestActivate()
            self.qtbot.waitUntil(self.w.isActiveWindow)
        self.qtbot.keyClick(widget or self.w.focusWidget() or self.w, key)
        self.qtbot.wait(150)
        self.settle()

    def page(self):
        return self.w.stack.currentWidget()

    def pad(self, pad, keys: str) -> None:
        for key in keys:
            self.tap(pad.keys[key])

    def sign_in(self, login: str = "caixa1", pin: str = "1111", float_: str = "50") -> None:
        signin = self.w.signin
        assert self.page() is signin
        self.settle()                                   # the names are listed
        self.tap(signin.user_buttons[login])
        self.pad(signin.pad, pin)
        self.tap(signin.enter)
        assert self.page() is not signin, signin.notice.text()
        opening = self.w.open_session
        if self.page() is opening and opening.other is not None:
            self.tap(opening.open_button)               # someone else's: continue in it
        elif self.page() is opening and float_ is not None:
            self.pad(opening.pad, float_)
            self.tap(opening.open_button)
        assert self.page() is self.w.sale

    def tap_product(self, category: str, code: str, times: int = 1) -> None:
        grid = self.w.sale.grid
        self.settle()
        if grid.category() != category or code not in grid.buttons:
            self.tap(grid.category_buttons[category])   # the category's products
        for _ in range(times):
            self.tap(grid.buttons[code])

    def weigh(self, kilos: str) -> None:
        """A product sold by weight was tapped: the weight on the pad, then Adicionar."""
        page = self.w.weight
        assert self.page() is page
        self.pad(page.pad, kilos)
        self.tap(page.ok)

    def function(self, key: str) -> None:
        """A function of the sale screen: its own button, or one behind 'Caixa…'."""
        sale = self.w.sale
        if key in sale.functions:
            self.tap(sale.functions[key])
        else:
            self.tap(sale.functions["cash"])
            self.tap(self.w.cash_menu.buttons[key])

    def scan(self, code: str) -> None:
        """A keyboard-wedge scanner: all keys at once, then Enter."""
        field = self.w.sale.search
        self.qtbot.keyClicks(field, code)
        self.qtbot.keyClick(field, Qt.Key.Key_Return)
        self.settle()

    def pay_cash_exact(self) -> None:
        self.tap(self.w.sale.pay_button)
        assert self.page() is self.w.payment
        self.tap(self.w.payment.quick_buttons[0])       # 'Exato'
        self.tap(self.w.payment.confirm_button)

    def total(self) -> str:
        return self.w.sale.total.text()

    def documents(self):
        return self.app.documents()

    def last_document(self):
        return self.app.document(self.app.documents()[0].document_no)

    def audit(self) -> list[tuple[str, str]]:
        """(kind, user) of every audit event, oldest first."""
        from sqlalchemy import select

        from pos.persistence.models import AuditEvent
        with self.app.unit(False) as uow:
            return [(e.kind, e.user_login) for e in uow.session.scalars(
                select(AuditEvent).order_by(AuditEvent.id))]

    def reprints(self) -> list[tuple[int, str, str]]:
        """(copy number, user, reason) of every reprint recorded."""
        from sqlalchemy import select

        from pos.persistence.models import Reprint
        with self.app.unit(False) as uow:
            return [(r.copy_number, r.user_login, r.reason) for r in uow.session.scalars(
                select(Reprint).order_by(Reprint.id))]


def _build(qtbot, app, size=(1024, 768), lang="pt"):
    from ui.app import build

    built = build(app=app, lang=lang, at_delay_ms=0)
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

    def make(app, printer=None, at=None, **kw):
        """The till on ``app`` with ``printer`` and ``at`` plugged in as ``open_app`` plugs
        the ones it is given (default: a working fake printer recording copies in ``app``,
        an online fake AT link)."""
        printer = printer if printer is not None else FakePrinter(print_log=app)
        at = at if at is not None else FakeAt()
        app.printer, app.at_link = printer, at
        built = _build(qtbot, app, **kw)
        made.append(built)
        driver = Driver(qtbot, built, printer, at)
        driver.settle()
        return driver

    yield make
    for built in made:
        built.ctx.worker.shutdown()
        built.window.close()


@pytest.fixture
def driver(make_driver, app):
    return make_driver(app)
