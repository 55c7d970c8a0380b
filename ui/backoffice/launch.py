"""Where the back office and the first-run wizard are opened from outside ``caixa
backoffice``: from the till (a manager's button) and from ``caixa gui`` on a database with
no shop yet."""

from PySide6.QtCore import QEventLoop, QObject, Signal

from .. import i18n
from ..app import application, open_till_app
from ..workers import Worker
from .app import facts, window_for
from .wizard import Wizard


class TillEntry(QObject):
    """The till's door to the back office, on the till's own application and background
    helper (one database connection pool, one set of threads).

    The till shows a 'Back office' button to people whose role may use it
    (``app.may(login, 'back_office')``) and connects it to ``open(login)``; the back office
    then asks that person's PIN on its own sign-in page (the name already chosen) and audits
    the entry. While it is open the till stays as it was; ``closed`` says when it is gone."""

    opened = Signal(object)              # the BackOfficeWindow
    closed = Signal()

    def __init__(self, app, worker: Worker, lang: str = "pt", parent: QObject | None = None):
        super().__init__(parent)
        self.app, self.worker, self.lang = app, worker, lang
        self.window = None

    def allowed(self, login: str) -> bool:
        """Whether to show the button to ``login`` (the facade checks again at the PIN)."""
        return self.app.may(login, "back_office")

    def open(self, login: str | None = None) -> None:
        """Open the back office (its facts read on the background helper first, as every
        use case from the till); ``opened`` gives the window."""
        if self.window is not None:
            self.window.raise_()
            self.window.activateWindow()
            self.opened.emit(self.window)
            return
        self.worker.submit(facts, self.app, lane="counter", name="back office",
                           on_done=lambda known: self._show(login, known))

    def _show(self, login: str | None, known) -> None:
        if self.window is not None:
            return
        window = window_for(self.app, self.worker, self.lang, known)
        window.signin.preselect = login
        window.closed.connect(self._closed)
        self.window = window
        window.place()
        self.opened.emit(window)

    def _closed(self) -> None:
        self.window = None
        self.closed.emit()


def run_wizard(db: str, fullscreen: bool = False, lang: str = "pt") -> bool:
    """The first-run wizard on ``db`` until the shop is created (True) or the wizard is
    closed (False: nothing was written)."""
    qt = application()
    i18n.install(qt, lang)
    app = open_till_app(db)
    worker = Worker()
    wizard = Wizard(app, worker)
    loop = QEventLoop()
    created = []
    wizard.finished.connect(lambda result: (created.append(result), wizard.close()))
    wizard.closed.connect(loop.quit)
    if fullscreen:
        wizard.showFullScreen()
    else:
        wizard.place()
    try:
        loop.exec()
    finally:
        worker.shutdown()
        app.close()
    return bool(created)
