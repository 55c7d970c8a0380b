"""The PIN column both doors share (the till's sign-in and the back office's): a hidden
field of at most 8 digits, the number pad typing into it, and the button that submits."""

from collections.abc import Callable

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout

from .numpad import NumPad


def pin_column(caption: str, enter: QPushButton, submit: Callable[[], None],
               key_h: int) -> tuple[QVBoxLayout, QLineEdit, NumPad]:
    """(the column, the PIN field, its pad); Enter on a keyboard submits as ``enter`` does.
    The caller adds what goes below (a notice) and the stretch."""
    column = QVBoxLayout()
    column.addWidget(QLabel(caption))
    pin = QLineEdit()
    pin.setObjectName("display")
    pin.setEchoMode(QLineEdit.EchoMode.Password)
    pin.setMaxLength(8)
    pin.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
    pin.returnPressed.connect(submit)
    column.addWidget(pin)
    pad = NumPad(comma=False, key_h=key_h)
    pad.attach(pin)
    column.addWidget(pad, 3)
    enter.clicked.connect(submit)
    column.addWidget(enter)
    return column, pin, pad
