"""The base of every area of the back office: the till's page (use cases through the
background helper, buttons held while a job runs, a notice line for sentences) with what a
manager's screens add: long work with a progress panel, and a second press to confirm what
cannot be undone (no modal dialog: the notice says what the second press will do)."""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..cashier.page import Page
from ..widgets.touch import Notice
from .context import Office
from .parts import ProgressPanel

CONFIRM_MS = 8000               # a confirmation waits this long for its second press


class Area(Page):
    """One area of the back office (an entry of the window's menu)."""

    def __init__(self, ctx: Office, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(16, 12, 16, 8)
        self.box.setSpacing(8)
        self.notice = Notice()
        self.box.addWidget(self.notice)
        self._armed: QPushButton | None = None
        self._armed_text = ""
        self._disarm_timer = QTimer(self)
        self._disarm_timer.setSingleShot(True)
        self._disarm_timer.timeout.connect(self.disarm)

    def add(self, item, stretch: int = 0) -> None:
        """Put ``item`` (a widget or a layout) above the notice line."""
        at = self.box.indexOf(self.notice)
        if isinstance(item, QWidget):
            self.box.insertWidget(at, item, stretch)
        else:
            self.box.insertLayout(at, item, stretch)

    def entered(self) -> None:
        self.notice.clear()
        self.refresh()

    def run(self, fn: Callable, *args, hold=(), on_done: Callable | None = None,
            on_error: Callable | None = None, lane: str = "counter",
            on_progress: Callable | None = None, **kwargs) -> int:
        """The till page's ``run``, with the use case's own keyword arguments bound first:
        the facade's ``name=`` (a product's, a customer's) never meets the helper's."""
        job = fn
        if kwargs:
            job = partial(fn, **kwargs)
            job.__name__ = getattr(fn, "__name__", "job")
        extra = {"on_progress": on_progress} if on_progress is not None else {}
        return super().run(job, *args, hold=hold, on_done=on_done, on_error=on_error,
                           lane=lane, **extra)

    def refresh(self) -> None:
        """Read again what the area shows (each time it is shown); an area of tabs reads
        its tab shown."""
        tabs = getattr(self, "tabs", None)
        if tabs is not None:
            tabs.currentWidget().refresh()

    def tabbed(self, *tabs: tuple[QWidget, str]) -> QTabWidget:
        """The area as tabs (each a widget with ``refresh``), read when shown."""
        self.tabs = QTabWidget()
        for tab, label in tabs:
            self.tabs.addTab(tab, label)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.add(self.tabs, 1)
        return self.tabs

    # ---- long work ----------------------------------------------------------------------
    def long(self, fn: Callable, *args, panel: ProgressPanel, text: str = "",
             on_done: Callable | None = None, hold=(), **kwargs) -> int:
        """``fn`` on the background helper's long lane with ``progress=``; the panel shows
        how far it got and can stop it. The window keeps answering meanwhile."""
        panel.start(self.ctx.worker, None, text)

        def done(value) -> None:
            panel.finish()
            if on_done is not None:
                on_done(value)

        def failed(exc) -> None:
            panel.finish()
            self.show_error(exc)

        job = self.run(fn, *args, lane="long", hold=hold, on_progress=panel.update,
                       on_done=done, on_error=failed, **kwargs)
        if panel.isVisible():
            panel.job = job
        return job

    # ---- two presses for what cannot be undone ------------------------------------------
    def confirmed(self, button: QPushButton, question: str) -> bool:
        """True on the second press of ``button`` within ``CONFIRM_MS``; the first press
        only says ``question`` and turns the button into 'Confirmar'."""
        if self._armed is button:
            self.disarm()
            return True
        self.disarm()
        self._armed, self._armed_text = button, button.text()
        button.setText(self.tr("Confirmar: %1").replace("%1", self._armed_text))
        self.notice.info(question)
        self._disarm_timer.start(CONFIRM_MS)
        return False

    def disarm(self) -> None:
        if self._armed is not None:
            self._armed.setText(self._armed_text)
            self._armed = None
        self._disarm_timer.stop()
