"""An on-screen numeric pad: simpler and faster than a full virtual keyboard for PINs,
NIFs, amounts and quantities (LIBRARIES §3.5)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QSizePolicy, QWidget

from .touch import button

BACK, CLEAR = "⌫", "C"


class NumPad(QWidget):
    pressed = Signal(str)          # a digit, ',' , BACK or CLEAR

    def __init__(self, comma: bool = True, parent: QWidget | None = None, key_h: int = 64,
                 columns: int = 3):
        super().__init__(parent)
        self.target: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3",
                "," if comma else CLEAR, "0", BACK]
        if columns == 6:       # a low pad (two rows) for pages short of height
            keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
                    "," if comma else CLEAR, BACK]
        self.keys = {}
        for i, key in enumerate(keys):
            b = button(key, "pad", min_h=key_h, min_w=48 if columns > 3 else 64)
            b.clicked.connect(lambda _=False, k=key: self.press(k))
            b.setAutoRepeat(key == BACK)
            # Keys grow with the room they are given: bigger targets, no empty gaps.
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            grid.addWidget(b, i // columns, i % columns)
            self.keys[key] = b

    def attach(self, line_edit: QLineEdit | None) -> None:
        """Send the keys to ``line_edit`` (the field the cashier tapped last)."""
        self.target = line_edit

    def press(self, key: str) -> None:
        t = self.target
        if t is not None and not t.isReadOnly():
            if key == BACK:
                t.backspace()
            elif key == CLEAR:
                t.clear()
            elif key == "," and "," in t.text():
                pass
            else:
                t.insert(key)
        self.pressed.emit(key)
