"""The base of every page in the till's stack."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from pos.domain.errors import PosError

from .context import Context


def message(exc: BaseException) -> str:
    """A sentence for the cashier: a PosError's message is written for people; anything
    else is a bug (the worker logged its traceback), told in one generic sentence."""
    if isinstance(exc, PosError):
        return str(exc)
    return QCoreApplication.translate(
        "Page", "Erro inesperado do programa (os detalhes ficaram no registo). Tente de "
                "novo; se repetir, chame o suporte.")


class Page(QWidget):
    """A full-screen page. Pages never open modal dialogs (a queue of customers must never
    wait on a hidden ``exec()``); they show messages in their own ``Notice`` and emit
    signals that the window turns into navigation. Every page has a ``notice``."""

    leave = Signal()          # back to the sale screen (or to sign-in when signed out)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._held: dict[int, list] = {}    # id(button) -> [button, jobs, enabled before]

    def entered(self) -> None:
        """Called each time the page is shown."""

    def key(self, sequence: str, slot) -> QShortcut:
        """A keyboard shortcut active only while this page is the one shown."""
        sc = QShortcut(QKeySequence(sequence), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)
        return sc

    message = staticmethod(message)

    def show_error(self, exc: BaseException) -> None:
        self.notice.error(self.message(exc))

    # ---- use cases, off the UI thread ---------------------------------------------------
    @property
    def busy(self) -> bool:
        """A job started by this page (with ``hold``) has not answered yet."""
        return bool(self._held)

    def _hold(self, buttons) -> None:
        for b in buttons:
            entry = self._held.setdefault(id(b), [b, 0, b.isEnabled()])
            entry[1] += 1
            b.setEnabled(False)

    def _release(self, buttons) -> None:
        """A button held by several jobs gets its state back when the last one answers."""
        for b in buttons:
            entry = self._held[id(b)]
            entry[1] -= 1
            if entry[1] == 0:
                del self._held[id(b)]
                b.setEnabled(entry[2])

    def run(self, fn: Callable, *args, hold=(), on_done: Callable | None = None,
            on_error: Callable | None = None, lane: str = "counter", **kwargs) -> int:
        """Run ``fn(*args, **kwargs)`` (a use case of the facade) through the background
        helper. The ``hold`` buttons stay disabled until it answers, so a double tap cannot
        issue twice; then ``on_done(result)``, or ``on_error(exc)`` (by default the
        sentence in this page's notice)."""
        held = list(hold)
        self._hold(held)

        def release() -> None:
            self._release(held)

        def done(value) -> None:
            release()
            if on_done is not None:
                on_done(value)

        def failed(exc) -> None:
            release()
            (on_error or self.show_error)(exc)

        return self.ctx.worker.submit(fn, *args, lane=lane, on_done=done, on_error=failed,
                                      name=getattr(fn, "__name__", "job"), **kwargs)
