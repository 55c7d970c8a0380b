"""The base of every page in the till's stack."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from pos.domain.errors import PosError

from .context import Context


class Page(QWidget):
    """A full-screen page. Pages never open modal dialogs (a queue of customers must never
    wait on a hidden ``exec()``); they show messages in their own ``Notice`` and emit
    signals that the window turns into navigation."""

    leave = Signal()          # back to the sale screen (or to sign-in when signed out)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def entered(self) -> None:
        """Called each time the page is shown."""

    def key(self, sequence: str, slot) -> QShortcut:
        """A keyboard shortcut active only while this page is the one shown."""
        sc = QShortcut(QKeySequence(sequence), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)
        return sc

    @staticmethod
    def message(exc: Exception) -> str:
        """A sentence for the cashier: PosError messages are written for people."""
        if isinstance(exc, PosError):
            return str(exc)
        return f"{type(exc).__name__}: {exc}"
