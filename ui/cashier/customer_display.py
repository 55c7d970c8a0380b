"""The customer-facing display: a second window, on a second screen, showing what is being
rung up and the total; after the sale, the total paid, the change and the receipt's QR code.

It only draws what the sale screen hands it (no use case of its own, nothing to wait on).
``CAIXA_CUSTOMER_DISPLAY``: ``auto`` (the default: shown when the computer has a second
screen), ``on`` (always, in a window on the till's screen when there is only one) or
``off``.
"""

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..widgets.qr import QrView
from ..widgets.touch import eur, qty

SETTING = "CAIXA_CUSTOMER_DISPLAY"
SHOWN_LINES = 200


def wanted(screens: int) -> bool:
    mode = os.environ.get(SETTING, "auto").strip().lower()
    if mode == "off":
        return False
    return mode == "on" or screens > 1


class CustomerDisplay(QWidget):
    def __init__(self, shop: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Caixa — cliente"))
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        self.shop = QLabel(shop)
        self.shop.setObjectName("title")
        self.shop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.shop)
        self.stack = QStackedWidget()
        box.addWidget(self.stack, 1)
        # Selling: the lines, newest at the bottom, and the total.
        selling = QWidget()
        sv = QVBoxLayout(selling)
        sv.setContentsMargins(0, 0, 0, 0)
        self.lines = QListWidget()
        self.lines.setObjectName("customerLines")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sv.addWidget(self.lines, 1)
        row = QHBoxLayout()
        caption = QLabel(self.tr("Total"))
        caption.setObjectName("totalCaption")
        self.total = QLabel(eur(0))
        self.total.setObjectName("total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(caption)
        row.addWidget(self.total, 1)
        sv.addLayout(row)
        self.stack.addWidget(selling)
        # Paid: the total, the change, the QR code of the receipt.
        paid = QWidget()
        pv = QHBoxLayout(paid)
        texts = QVBoxLayout()
        self.paid_total = QLabel()
        self.paid_total.setObjectName("total")
        self.change = QLabel()
        self.change.setObjectName("change")
        self.thanks = QLabel(self.tr("Obrigado pela preferência!"))
        self.thanks.setObjectName("big")
        self.thanks.setWordWrap(True)
        for w in (self.paid_total, self.change, self.thanks):
            texts.addWidget(w)
        texts.addStretch(1)
        pv.addLayout(texts, 1)
        qr_box = QVBoxLayout()
        self.qr = QrView()
        qr_box.addWidget(self.qr, 1)
        self.qr_caption = QLabel(self.tr("Leia com o telemóvel (e-fatura)"))
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr_box.addWidget(self.qr_caption)
        pv.addLayout(qr_box, 1)
        self.stack.addWidget(paid)
        self.welcome()

    def place(self, avoid) -> None:
        """Full screen on a screen other than ``avoid`` (the till's); a window otherwise."""
        others = [s for s in QGuiApplication.screens() if s is not avoid]
        if others:
            screen = others[0]
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(640, 480)
            self.show()

    def welcome(self) -> None:
        self.lines.clear()
        self.total.setText(eur(0))
        self.stack.setCurrentIndex(0)

    def show_cart(self, cart, due=None) -> None:
        """The cart as it is now (called on every change); ``due``: what the customer pays
        when it is not the cart's total (a sale exempt from VAT)."""
        self.stack.setCurrentIndex(0)
        self.lines.clear()
        for line in cart.lines[-SHOWN_LINES:]:
            unit = "" if line.product.unit == "UN" else f" {line.product.unit.lower()}"
            self.lines.addItem(f"{qty(line.quantity)}{unit} × {line.product.name}   "
                               f"{eur(line.amount)}")
        if cart.order_discount:
            self.lines.addItem(self.tr("Desconto na venda   −%1")
                               .replace("%1", eur(cart.order_discount)))
        self.lines.scrollToBottom()
        self.total.setText(eur(cart.total if due is None else due))

    def show_paid(self, doc, qr_payload: str) -> None:
        self.stack.setCurrentIndex(1)
        self.paid_total.setText(self.tr("Total %1").replace("%1", eur(doc.totals.gross)))
        self.change.setText(self.tr("Troco %1").replace("%1", eur(doc.change))
                            if doc.change else "")
        self.qr.set_payload(qr_payload)
