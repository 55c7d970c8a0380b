"""Touch-first building blocks: big buttons that never steal focus, kinetic scrolling, a
notice line for messages the cashier can act on, and money/quantity formatting."""

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QScroller, QWidget

from pos.domain.money import fmt_eur

TOUCH = 56          # px: above the 48 px (≈9 mm) minimum target, with room for a finger


def button(text: str, kind: str = "", *, min_h: int = TOUCH, min_w: int = 0,
           shortcut: str | None = None, parent: QWidget | None = None) -> QPushButton:
    """A push button for touch. NoFocus keeps the keyboard (and the barcode scanner, which
    types like a keyboard) on the sale screen's entry field whatever the cashier taps."""
    b = QPushButton(text, parent)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setMinimumHeight(min_h)
    if min_w:
        b.setMinimumWidth(min_w)
    if kind:
        b.setProperty("kind", kind)
    if shortcut:
        b.setShortcut(QKeySequence(shortcut))
        b.setToolTip(shortcut)
    return b


def kinetic(area: QAbstractScrollArea) -> None:
    """Drag-to-scroll with a finger (touchscreens deliver synthesized mouse events)."""
    QScroller.grabGesture(area.viewport(),
                          QScroller.ScrollerGestureType.LeftMouseButtonGesture)


class Notice(QLabel):
    """One line of feedback on a page: an error to act on, or a confirmation."""

    def __init__(self, parent: QWidget | None = None, keep_space: bool = False):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("notice")
        # keep_space: an empty notice still holds its line, so a message coming and going
        # does not re-layout the page (on the sale screen that is every scan).
        self.keep_space = keep_space
        self.clear()

    def _show(self, text: str, level: str) -> None:
        if self.property("level") != level:
            self.setProperty("level", level)
            self.style().unpolish(self)
            self.style().polish(self)
        if text != self.text():
            self.setText(text)
        self.setVisible(bool(text) or self.keep_space)

    def error(self, text: str) -> None:
        self._show(text, "error")

    def info(self, text: str) -> None:
        self._show(text, "info")

    def ok(self, text: str) -> None:
        self._show(text, "ok")

    def clear(self) -> None:
        self._show("", "none" if self.keep_space else "info")


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
