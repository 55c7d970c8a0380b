"""Composition root of the back office: the application facade (with the till's printer and
AT sender, as ``ui.app`` builds them), the background helper and the window. Opened by
``caixa backoffice`` in its own process, or from the till (``ui.backoffice.launch``) in the
till's, on the till's application and helper.
"""

import logging
import os
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from pos.application import Application
from pos.domain.errors import IntegrityError

from .. import i18n
from ..app import application, open_till_app
from ..workers import Worker
from .context import Office
from .window import BackOfficeWindow

log = logging.getLogger(__name__)


@dataclass
class BuiltOffice:
    qt: QApplication
    window: BackOfficeWindow
    ctx: Office
    owns_app: bool = True

    @property
    def app(self) -> Application:
        return self.ctx.app


@dataclass(frozen=True)
class Facts:
    """What the window shows from the start (read once, off the screen's thread when the
    till opens it)."""

    shop: str
    training: bool


def facts(app: Application) -> Facts:
    """The start-up check and the shop's name. The back office opens even on a till whose
    data failed the integrity check: acknowledging the report is done there."""
    try:
        app.quick_check()
    except IntegrityError as exc:
        log.warning("back office opened on a blocked till: %s", exc)
    issuer = app.issuer()
    return Facts(issuer.business_name or issuer.name, app.training_mode())


def window_for(app: Application, worker: Worker, lang: str = "pt",
               known: Facts | None = None) -> BackOfficeWindow:
    """The back-office window on ``app`` (``known``: the facts already read)."""
    known = known or facts(app)
    return BackOfficeWindow(Office(app=app, worker=worker, lang=lang),
                            training=known.training, shop=known.shop)


def build(db: str | None = None, lang: str | None = None, *, app: Application | None = None,
          worker: Worker | None = None) -> BuiltOffice:
    """Everything the back office needs, wired (tests pass their own application and
    helper). The language: ``lang``, or the shop's own (``set_language``)."""
    qt = application()
    owns = app is None
    app = app or open_till_app(db)
    try:
        lang = lang or app.language()
        i18n.install(qt, lang)
        window = window_for(app, worker or Worker(), lang)
    except BaseException:
        if owns:
            app.close()
        raise
    return BuiltOffice(qt, window, window.ctx, owns)


def run(db: str | None, lang: str | None = None, fullscreen: bool = False) -> int:
    built = build(db, lang)
    quit_after = os.environ.get("CAIXA_GUI_QUIT_AFTER_MS")      # smoke tests and CI
    if quit_after:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(quit_after), built.qt.quit)
    built.window.place(fullscreen)
    try:
        return built.qt.exec()
    finally:
        built.ctx.worker.shutdown()
        if built.owns_app:
            built.app.close()
