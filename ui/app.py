"""Composition root of the desktop app: builds the application facade once (with the
printer and the AT link), the one background helper and the till window. Nothing here runs
at import time."""

import logging
import os
import sys
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from pos.application import Application
from pos.bootstrap import open_app
from pos.services.ports import AtLink, StoreLink

from . import i18n
from .cashier.context import DEFAULT_METHODS, Context
from .cashier.window import TillWindow
from .widgets import theme
from .workers import Worker

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt) with the till style."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Caixa")
    app.setOrganizationName("Caixa")
    app.setStyle("Fusion")              # the same look on Windows and Linux
    theme.apply(app, 1.0)
    return app


def payment_methods(app: Application | None = None) -> tuple[str, ...]:
    """Methods offered at the till, in button order (SAF-T codes): ``CAIXA_PAYMENTS=NU,CD,MB``
    when set, else the shop's choice (``caixa payments``, the back office)."""
    from pos.domain.documents import PAYMENT_METHODS

    raw = os.environ.get("CAIXA_PAYMENTS", "")
    wanted = tuple(m.strip().upper() for m in raw.split(",") if m.strip())
    chosen = tuple(m for m in wanted if m in PAYMENT_METHODS)
    if "NU" in chosen:
        return chosen
    if app is not None:
        return tuple(m.code for m in app.payment_methods())
    return DEFAULT_METHODS


def outbox_link(app: Application) -> AtLink:
    """The AT link: the sync package's outbox worker, sending in its own thread (started on
    first use, off the screen's thread; without AT configuration the queue is only shown)."""
    from sync.link import OutboxLink

    return OutboxLink(app, background=True)


def store_link(app: Application) -> StoreLink:
    """The store link: replication of an attached till to its store's central database, in
    its own thread (started at once, so a restarted till sends its backlog without waiting
    for a sale); it also keeps the till's anchor at the store. A till in no store starts no
    connection: the thread only looks, now and then, whether it was attached."""
    from sync.store_link import StoreSyncLink

    return StoreSyncLink(app, background=True)


def open_till_app(db: str | None) -> Application:
    """The application as the till uses it: the printer from ``CAIXA_PRINTER`` (copies are
    recorded by the application it prints for), the AT link and the store link sending in
    the background."""
    from .adapters import check_printer_config, printer_from_environment

    return open_app(db, printer=printer_from_environment, at_link=outbox_link,
                    printer_check=check_printer_config, store_link=store_link)


@dataclass
class Built:
    qt: QApplication
    window: TillWindow
    ctx: Context
    owns_app: bool = True       # built here, so closed here at exit

    @property
    def app(self) -> Application:
        return self.ctx.app


def build(db: str | None = None, lang: str = "pt", *, app: Application | None = None,
          worker: Worker | None = None, at_delay_ms: int = 3000) -> Built:
    """Everything the till needs, wired. Tests pass their own application (built by
    ``open_app`` with their printer and AT link) and worker.

    Before the window exists, and so before there is a screen to freeze: the start-up
    integrity check (it refuses to open on altered fiscal data, DL 28/2019) and the facts
    the screens keep for the whole run (the shop as printed, training mode, the till)."""
    qt = application()
    i18n.install(qt, lang)
    owns = app is None
    app = app or open_till_app(db)
    try:
        app.quick_check()
        ctx = Context(app=app, worker=worker or Worker(), issuer=app.issuer(),
                      training=app.training_mode(), till_name=app.till_name(),
                      methods=payment_methods(app))
    except BaseException:
        if owns:
            app.close()
        raise
    window = TillWindow(ctx)
    window.start(at_delay_ms)
    return Built(qt, window, ctx, owns)


def run(db: str | None, lang: str = "pt", fullscreen: bool = False) -> int:
    built = build(db, lang)
    w = built.window
    quit_after = os.environ.get("CAIXA_GUI_QUIT_AFTER_MS")   # smoke tests and CI
    if quit_after:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(quit_after), built.qt.quit)
    w.place(fullscreen)              # the screen it is on, whatever its size
    try:
        return built.qt.exec()
    finally:
        shutdown(built)


def shutdown(built: Built) -> None:
    """Wait for the background work, then stop the AT sender and close the database."""
    built.ctx.worker.shutdown()
    if built.owns_app:
        built.app.close()
