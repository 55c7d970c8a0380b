"""Keyboard-wedge barcode scanners: they type the code very fast and press Enter.

``ScanField`` is the sale screen's entry field. A burst of at least ``min_len`` printable
keys, each within ``max_gap`` seconds of the previous one, ended by Enter within the same
gap, is a scan: the scanned characters are taken back out of the field (whatever the cashier
was typing before the burst stays) and ``scanned`` is emitted. A person typing is far slower
than 40 ms per key, so a slow Enter is left to the field (a typed search or a typed code).
Buttons on the till never take the keyboard focus, so scans land here.

The timing is done in ``keyPressEvent`` rather than in an event filter: a filter would run
Python for every event the field receives (paints, focus…), this runs only for keys.
"""

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanField(QLineEdit):
    scanned = Signal(str)

    def __init__(self, parent=None, max_gap: float = 0.04, min_len: int = 4,
                 clock=time.monotonic):
        super().__init__(parent)
        self.max_gap, self.min_len, self.clock = max_gap, min_len, clock
        self._last = float("-inf")
        self._count = 0
        self._before = ""

    def pause(self) -> None:
        """Forget the current burst (the next key starts a new one)."""
        self._last, self._count = float("-inf"), 0

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        now = self.clock()
        fast = now - self._last <= self.max_gap
        if event.key() in ENTER:
            is_scan = fast and self._count >= self.min_len
            text = self.text()
            self.pause()
            if is_scan:
                code = text[len(self._before):] if text.startswith(self._before) else text
                self.setText(self._before)
                self.scanned.emit(code.strip())
                event.accept()
                return
        elif event.text() and event.text().isprintable():
            if not fast:
                self._before, self._count = self.text(), 0
            self._count += 1
            self._last = now
        super().keyPressEvent(event)
