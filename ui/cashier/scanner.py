"""Keyboard-wedge barcode scanners: they type the code very fast and press Enter.

``ScanDetector`` watches the sale screen's entry field. A burst of at least ``min_len``
printable keys, each within ``max_gap`` seconds of the previous one, ended by Enter within
the same gap, is a scan: the scanned characters are taken back out of the field (whatever
the cashier was typing before the burst stays) and ``scanned`` is emitted. A person typing
is far slower than 40 ms per key, so a slow Enter is left to the field (a typed search or a
typed code). Buttons on the till never take the keyboard focus, so scans land here.
"""

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanDetector(QObject):
    scanned = Signal(str)

    def __init__(self, field: QLineEdit, max_gap: float = 0.04, min_len: int = 4,
                 clock=time.monotonic):
        super().__init__(field)
        self.field, self.max_gap, self.min_len, self.clock = field, max_gap, min_len, clock
        self._last = float("-inf")
        self._count = 0
        self._before = ""
        field.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is not self.field or event.type() != QEvent.Type.KeyPress:
            return False
        now = self.clock()
        fast = now - self._last <= self.max_gap
        if event.key() in ENTER:
            is_scan = fast and self._count >= self.min_len
            text = self.field.text()
            self._count, self._last = 0, float("-inf")
            if not is_scan:
                return False
            code = text[len(self._before):] if text.startswith(self._before) else text
            self.field.setText(self._before)
            self.scanned.emit(code.strip())
            return True
        if event.text() and event.text().isprintable():
            if not fast:
                self._before, self._count = self.field.text(), 0
            self._count += 1
            self._last = now
        return False
