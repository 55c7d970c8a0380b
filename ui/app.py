"""Composition root of the desktop app: builds the services, the adapters, the one background
helper and the till window. Nothing here runs at import time."""

import logging
import os
import sys
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from pos.bootstrap import open_till
from pos.services.cash import CashDesk
from pos.services.desk import Desk

from . import i18n, qtcompat
from .cashier.context import DEFAULT_METHODS, Context
from .cashier.window import TillWindow
from .ports import AtPort, PrinterPort
from .widgets import theme
from .workers import Worker

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt) with the till style."""
    qtcompat.protect_none()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Caixa")
    app.setOrganizationName("Caixa")
    app.setStyle("Fusion")              # the same look on Windows and Linux
    theme.apply(app, 1.0)
    return app


def payment_methods() -> tuple[str, ...]:
    """Methods offered at the till (``CAIXA_PAYMENTS=NU,CD,MB``); SAF-T codes."""
    from pos.domain.documents import PAYMENT_METHODS

    raw = os.environ.get("CAIXA_PAYMENTS", "")
    wanted = tuple(m.strip().upper() for m in raw.split(",") if m.strip())
    chosen = tuple(m for m in wanted if m in PAYMENT_METHODS)
    return chosen if "NU" in chosen else DEFAULT_METHODS


@dataclass
class Built:
    app: QApplication
    window: TillWindow
    ctx: Context


def build(db: str | None = None, lang: str = "pt", *, till=None,
          printer: PrinterPort | None = None, at: AtPort | None = None,
          worker: Worker | None = None, at_delay_ms: int = 3000) -> Built:
    """Everything the till needs, wired. Tests pass their own till, printer, AT and worker."""
    app = application()
    i18n.install(app, lang)
    till = till or open_till(db)
    till.quick_check()               # refuses to open on altered fiscal data (DL 28/2019)
    desk = Desk(till.db, till.clock)
    cash = CashDesk(till.db, till.clock)
    if printer is None:
        from .adapters import printer_from_environment

        printer = printer_from_environment(till)
    at = at or sync_port(till)
    worker = worker or Worker()
    ctx = Context(till=till, desk=desk, cash=cash, printer=printer, at=at, worker=worker,
                  methods=payment_methods())
    window = TillWindow(ctx)
    window.start(at_delay_ms)
    return Built(app, window, ctx)


def sync_port(till) -> AtPort:
    """The AT link: the outbox and the sync package's worker (started in the background on
    first use; without AT configuration the queue is only shown)."""
    from .adapters import OutboxAt

    return OutboxAt(till)


def run(db: str | None, lang: str = "pt", fullscreen: bool = False) -> int:
    built = build(db, lang)
    w = built.window
    quit_after = os.environ.get("CAIXA_GUI_QUIT_AFTER_MS")   # smoke tests and CI
    if quit_after:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(quit_after), built.app.quit)
    if fullscreen:
        w.showFullScreen()
    else:
        w.resize(1280, 800)
        w.show()
    try:
        return built.app.exec()
    finally:
        shutdown(built)


def shutdown(built: Built) -> None:
    """Wait for the background work, stop the AT sender, close the database."""
    built.ctx.worker.shutdown()
    close = getattr(built.ctx.at, "close", None)
    if close is not None:
        close()
    built.ctx.till.db.dispose()
