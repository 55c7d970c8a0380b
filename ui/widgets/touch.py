"""Touch-first building blocks: big buttons that never steal focus, kinetic scrolling, a
notice line for messages the cashier can act on, and money/quantity formatting."""

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QScroller, QWidget

from pos.domain.money import fmt_eur

TOUCH = 56          # px: above the 48 px (≈9 mm) minimum target, with room for a finger


class TouchButton(QPushButton):
    """A button whose keyboard shortcut survives a change of its text. (Qt's ``setText``
    replaces the shortcut with the text's mnemonic: the report page's 'Voltar' lost its Esc
    the first time it said 'Terminar'.)"""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._key: QKeySequence | None = None

    def set_key(self, sequence: str) -> None:
        self._key = QKeySequence(sequence)
        self.setShortcut(self._key)
        self.setToolTip(sequence)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        if self._key is not None:
            self.setShortcut(self._key)


def button(text: str, kind: str = "", *, min_h: int = TOUCH, min_w: int = 0,
           shortcut: str | None = None, parent: QWidget | None = None) -> TouchButton:
    """A push button for touch. NoFocus keeps the keyboard (and the barcode scanner, which
    types like a keyboard) on the sale screen's entry field whatever the cashier taps."""
    b = TouchButton(text, parent)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setMinimumHeight(min_h)
    if min_w:
        b.setMinimumWidth(min_w)
    if kind:
        b.setProperty("kind", kind)
    if shortcut:
        b.set_key(shortcut)
    return b


def keep_place(widget: QWidget) -> QWidget:
    """A widget that may be hidden without the ones around it moving into its place."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    return widget


def kinetic(area: QAbstractScrollArea) -> None:
    """Drag-to-scroll with a finger (touchscreens deliver synthesized mouse events)."""
    QScroller.grabGesture(area.viewport(),
                          QScroller.ScrollerGestureType.LeftMouseButtonGesture)


class Notice(QLabel):
    """Feedback on a page: an error to act on, or a confirmation.

    It always holds the room of ``lines`` lines, shown or empty, so a message coming and
    going never moves the rest of the page (the PIN pad jumped when 'PIN errado' came). A
    longer message is cut at that height; its whole text is in the tooltip."""

    def __init__(self, parent: QWidget | None = None, lines: int = 2):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("notice")
        self.lines = lines
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._reserve()
        self.clear()

    def _reserve(self) -> None:
        m = self.contentsMargins()          # the style sheet's padding and border
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines + m.top()
                            + m.bottom())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reserve()

    def _show(self, text: str, level: str) -> None:
        if self.property("level") != level:
            self.setProperty("level", level)
            self.style().unpolish(self)
            self.style().polish(self)
        if text != self.text():
            self.setText(text)
            self.setToolTip(text)

    def error(self, text: str) -> None:
        self._show(text, "error")

    def info(self, text: str) -> None:
        self._show(text, "info")

    def ok(self, text: str) -> None:
        self._show(text, "ok")

    def clear(self) -> None:
        self._show("", "none")


def eur(value: Decimal | int) -> str:
    return fmt_eur(Decimal(value))


def qty(value: Decimal) -> str:
    """2 for units, 0,750 for weights: never '2.000'."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return f"{value.normalize():f}".replace(".", ",")


def title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("title")
    return label
