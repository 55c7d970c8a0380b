"""A bar chart drawn with QPainter: sales by hour and by day on the dashboard.

QtCharts is not part of PySide6-Essentials (and would be a heavy dependency for two
charts): bars, a zero line, the largest value and a few labels are all a manager needs to
see when the shop sells. Values may be negative (a day of more refunds than sales): their
bars go below the zero line.
"""

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..widgets.touch import eur

BAR = QColor("#1565c0")
BAR_NEGATIVE = QColor("#c62828")
AXIS = QColor("#8e99ab")
TEXT = QColor("#1d2330")


class BarChart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.values: list[Decimal] = []
        self.setMinimumSize(240, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], values: list[Decimal], title: str | None = None
                 ) -> None:
        self.labels, self.values = list(labels), [Decimal(v) for v in values]
        if title is not None:
            self.title = title
        self.setToolTip("\n".join(f"{lab}: {eur(v)}" for lab, v in zip(
            self.labels, self.values, strict=True) if v) or self.title)
        self.update()

    def largest(self) -> Decimal:
        return max((abs(v) for v in self.values), default=Decimal(0))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())          # the style sheet's size (px), a little smaller
        if font.pixelSize() > 0:
            font.setPixelSize(max(11, round(font.pixelSize() * 0.8)))
        else:
            font.setPointSizeF(max(8.0, font.pointSizeF() * 0.8))
        p.setFont(font)
        metrics = p.fontMetrics()
        line = metrics.height()
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), QColor("#ffffff"))
        p.setPen(TEXT)
        p.drawText(QRectF(8, 4, w - 16, line), Qt.AlignmentFlag.AlignLeft, self.title)
        top, bottom = 8 + line * 2, h - line - 10
        left, right = 8, w - 8
        if not self.values or bottom - top < 20:
            p.end()
            return
        high = max((v for v in self.values), default=Decimal(0))
        low = min((v for v in self.values), default=Decimal(0))
        high, low = max(high, Decimal(0)), min(low, Decimal(0))
        span = (high - low) or Decimal(1)
        scale = (bottom - top) / float(span)
        zero = top + float(high) * scale
        n = len(self.values)
        slot = min((right - left) / n, 64.0)      # a few bars stay bars, not walls
        gap = min(6.0, slot * 0.2)
        for i, v in enumerate(self.values):
            if not v:
                continue
            x = left + i * slot + gap / 2
            height = float(v) * scale
            rect = QRectF(x, zero - height, max(1.0, slot - gap), height) if v > 0 else \
                QRectF(x, zero, max(1.0, slot - gap), -height)
            p.fillRect(rect, BAR if v > 0 else BAR_NEGATIVE)
        p.setPen(QPen(AXIS, 1))
        p.drawLine(int(left), int(zero), int(right), int(zero))
        p.setPen(TEXT)
        if high > 0:
            p.drawText(QRectF(left, top - line - 2, right - left, line),
                       Qt.AlignmentFlag.AlignRight, eur(high))
        # As many labels as fit under the bars, evenly spaced.
        widest = max((metrics.horizontalAdvance(lab) for lab in self.labels), default=10) + 8
        every = max(1, int(widest // max(slot, 1)) + 1)
        for i, lab in enumerate(self.labels):
            if i % every:
                continue
            x = left + i * slot
            p.drawText(QRectF(x - widest / 2 + slot / 2, bottom + 4, widest, line),
                       Qt.AlignmentFlag.AlignHCenter, lab)
        p.end()
