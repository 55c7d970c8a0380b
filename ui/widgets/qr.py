"""A QR code drawn on screen (the document's AT QR code: the customer reads it with the
e-fatura app instead of taking paper)."""

import qrcode
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.payload = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_payload(self, payload: str) -> None:
        """Medium error correction, as printed on the receipt (QR spec: ECC M)."""
        self.payload = payload
        if payload:
            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
            code.add_data(payload)
            code.make(fit=True)
            self._matrix = code.get_matrix()
        else:
            self._matrix = []
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self._matrix:
            return
        painter = QPainter(self)
        n = len(self._matrix)
        side = min(self.width(), self.height())
        cell = side / n
        x0, y0 = (self.width() - side) / 2, (self.height() - side) / 2
        painter.fillRect(QRectF(x0, y0, side, side), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(x0 + c * cell, y0 + r * cell, cell + 0.5,
                                            cell + 0.5))
