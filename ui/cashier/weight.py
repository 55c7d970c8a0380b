"""A product sold by weight, tapped or typed without a scale label: how much, on the pad."""

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.errors import PosError, ValidationError
from pos.domain.money import round2, to_decimal

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, eur, title
from .page import Page

QUICK = ("0,250", "0,500", "1", "1,500", "2")


class WeightPage(Page):
    weighed = Signal(object, object)        # ProductSnapshot, quantity (Decimal)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.product = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)
        left = QVBoxLayout()
        self.heading = title("")
        self.heading.setWordWrap(True)
        left.addWidget(self.heading)
        self.info = QLabel()
        self.info.setWordWrap(True)
        left.addWidget(self.info)
        self.value = QLineEdit()
        self.value.setObjectName("display")
        self.value.setMaxLength(8)
        self.value.textChanged.connect(self._amount)
        self.value.returnPressed.connect(self.apply)
        left.addWidget(self.value)
        self.amount = QLabel()
        self.amount.setObjectName("big")
        left.addWidget(self.amount)
        quick = QHBoxLayout()
        for text in QUICK:
            b = button(text, "quick")
            b.clicked.connect(lambda _=False, t=text: self.value.setText(t))
            quick.addWidget(b)
        left.addLayout(quick)
        self.notice = Notice()
        left.addWidget(self.notice)
        left.addStretch(1)
        bottom = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.ok = button(self.tr("Adicionar"), "primary", min_w=200)
        self.ok.clicked.connect(self.apply)
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        bottom.addWidget(self.ok)
        left.addLayout(bottom)
        outer.addLayout(left, 3)
        pad_box = QVBoxLayout()
        self.pad = NumPad(key_h=72)
        self.pad.attach(self.value)
        pad_box.addWidget(self.pad, 3)
        pad_box.addStretch(1)
        outer.addLayout(pad_box, 2)

    def start(self, product) -> None:
        self.product = product
        unit = product.unit.lower()
        self.heading.setText(self.tr("Quanto pesa? — %1").replace("%1", product.name))
        self.info.setText(self.tr("%1 por %2. Escreva a quantidade em %2 (ex.: 0,350) ou "
                                  "leia a etiqueta da balança.")
                          .replace("%1", eur(product.unit_price)).replace("%2", unit))
        self.value.clear()
        self.notice.clear()
        self._amount("")
        self.value.setFocus()

    def quantity(self) -> Decimal:
        text = self.value.text().strip()
        if not text:
            raise ValidationError(self.tr("Escreva o peso."))
        qty = to_decimal(text, self.tr("peso"))
        if qty <= 0 or qty.as_tuple().exponent < -3 or qty > Decimal("999"):
            raise ValidationError(self.tr("Peso inválido: até 3 casas decimais (ex.: 0,350)."))
        return qty

    def _amount(self, _text: str) -> None:
        try:
            qty = self.quantity()
        except PosError:
            self.amount.setText("")
            return
        self.amount.setText(f"= {eur(round2(qty * self.product.unit_price))}")

    def apply(self) -> None:
        try:
            qty = self.quantity()
        except PosError as exc:
            self.notice.error(self.message(exc))
            return
        self.weighed.emit(self.product, qty)
