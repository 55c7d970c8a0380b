"""Payment: cash with quick amounts and change, card, MB WAY and the other configured
methods, split across several; confirm issues the document.

A payment is only what the cashier entered: an amount and a method (a method's key or
button with no amount takes what is still due, by that method). Enter adds an amount typed
as cash handed over, and confirms only when the total is covered; it never books money
nobody entered. The methods' keys are letters typed in the amount field (N, C, M…): no
F-key here, so a key pressed twice never means something else on this page than on the
sale screen (F4 is PAGAR there and nothing here).
"""

from decimal import ROUND_CEILING, Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import ValidationError
from pos.domain.money import ZERO, round2, to_decimal

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, eur, keep_place, title
from .methods import method_name
from .page import Page

BIG = ("NU", "CD", "MB")          # the three that get big buttons
METHOD_KEYS = {"NU": "N", "CD": "C", "MB": "M", "CC": "K", "TB": "T", "CH": "H", "OU": "O"}


class AmountField(QLineEdit):
    """The amount typed; a method's letter pays it (or what is due) by that method."""

    method_key = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        letter = event.text().upper()
        if letter.isalpha() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            for method, key in METHOD_KEYS.items():
                if key == letter:
                    self.method_key.emit(method)
            event.accept()                      # letters never go into an amount
            return
        super().keyPressEvent(event)


def quick_amounts(due: Decimal, count: int = 4) -> list[Decimal]:
    """Notes a customer is likely to hand over for ``due``: next euro, 5, 10, then notes."""
    out: list[Decimal] = []
    for step in (Decimal(1), Decimal(5), Decimal(10), Decimal(20), Decimal(50),
                 Decimal(100)):
        value = (due / step).to_integral_value(ROUND_CEILING) * step
        if value > due and value not in out:
            out.append(value)
    return out[:count]


class PaymentPage(Page):
    confirmed = Signal(tuple)        # ((method, amount), ...) ready for IssueRequest

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.total = ZERO
        self.payments: list[tuple[str, Decimal]] = []
        self.takes_payment = True
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)

        left = QVBoxLayout()
        left.setSpacing(6)
        self.heading = title(self.tr("Pagamento"))
        left.addWidget(self.heading)
        figures = QGridLayout()
        self.total_label, self.paid_label = QLabel(), QLabel()
        self.due_label, self.change_label = QLabel(), QLabel()
        self.total_label.setObjectName("total")
        self.due_label.setObjectName("big")
        self.paid_label.setObjectName("big")
        self.change_label.setObjectName("change")
        for row, (caption, label) in enumerate(((self.tr("Total"), self.total_label),
                                                (self.tr("Pago"), self.paid_label),
                                                (self.tr("Em falta"), self.due_label),
                                                (self.tr("Troco"), self.change_label))):
            cap = QLabel(caption)
            cap.setObjectName("totalCaption")
            figures.addWidget(cap, row, 0)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            figures.addWidget(label, row, 1)
        left.addLayout(figures)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left.addWidget(self.list, 1)
        self.remove = button(self.tr("Anular pagamento selecionado"), "danger")
        self.remove.clicked.connect(self.remove_payment)
        left.addWidget(self.remove)
        self.notice = Notice()
        left.addWidget(self.notice)
        bottom = QHBoxLayout()
        self.back = button(self.tr("Voltar  Esc"), min_w=150, min_h=72, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.confirm_button = button(self.tr("Confirmar  Enter"), "pay", min_h=72)
        self.confirm_button.clicked.connect(self.confirm)
        bottom.addWidget(self.back)
        bottom.addWidget(self.confirm_button, 1)
        left.addLayout(bottom)
        outer.addLayout(left, 1)

        right = QVBoxLayout()
        right.setSpacing(6)
        self.amount = AmountField()
        self.amount.setObjectName("display")
        self.amount.setPlaceholderText(self.tr("valor recebido"))
        self.amount.setMaxLength(10)
        self.amount.returnPressed.connect(self.enter)
        self.amount.method_key.connect(self.add)
        right.addWidget(self.amount)
        self.quick_row = QHBoxLayout()
        self.quick_buttons = []
        for _ in range(5):
            b = keep_place(button("", "quick"))      # hidden, they keep their room: the
            b.clicked.connect(lambda _=False, b=b: self.add("NU", b.property("amount")))
            self.quick_row.addWidget(b)              # pad under them never moves
            self.quick_buttons.append(b)
        right.addLayout(self.quick_row)
        self.pad = NumPad(key_h=60)
        self.pad.attach(self.amount)
        right.addWidget(self.pad)
        methods = QGridLayout()
        methods.setSpacing(6)
        self.method_buttons = {}
        big = [m for m in ctx.methods if m in BIG]
        small = [m for m in ctx.methods if m not in BIG]
        for i, method in enumerate(big + small):
            key = METHOD_KEYS.get(method, "")
            b = button(f"{method_name(method)}  {key}".strip(),
                       "method" if method in BIG else "function",
                       min_h=68 if method in BIG else 52)
            b.setToolTip(self.tr("Tecla %1").replace("%1", key))
            b.clicked.connect(lambda _=False, m=method: self.add(m))
            methods.addWidget(b, i // 3, i % 3)
            self.method_buttons[method] = b
        right.addLayout(methods)
        outer.addLayout(right, 1)

    # ---- state ----------------------------------------------------------------------
    def start(self, total: Decimal, takes_payment: bool = True, doc_type: str = "FS") -> None:
        self.total = total
        self.payments = []
        self.takes_payment = takes_payment
        self.heading.setText(self.tr("Pagamento · %1").replace("%1", doc_type) if takes_payment
                             else self.tr("Fatura a crédito: sem pagamento agora"))
        for b in self.method_buttons.values():
            b.setEnabled(takes_payment)
        self.amount.setEnabled(takes_payment)
        self.notice.clear()
        self.refresh()
        self.amount.setFocus()

    @property
    def paid(self) -> Decimal:
        return sum((a for _m, a in self.payments), ZERO)

    @property
    def due(self) -> Decimal:
        return max(ZERO, self.total - self.paid)

    @property
    def change(self) -> Decimal:
        return max(ZERO, self.paid - self.total)

    @property
    def covered(self) -> bool:
        return not self.takes_payment or self.paid >= self.total

    def refresh(self) -> None:
        self.amount.clear()
        self.total_label.setText(eur(self.total))
        self.paid_label.setText(eur(self.paid))
        self.due_label.setText(eur(self.due))
        self.due_label.setStyleSheet("color: #b71c1c;" if self.due else "color: #125c2b;")
        self.change_label.setText(eur(self.change))
        self.list.clear()
        for method, amount in self.payments:
            self.list.addItem(f"{method_name(method)}   {eur(amount)}")
        self.remove.setEnabled(bool(self.payments))
        self.confirm_button.setEnabled(self.covered)
        amounts = [self.due] + quick_amounts(self.due) if self.due and self.takes_payment \
            else []
        for i, b in enumerate(self.quick_buttons):
            if i < len(amounts):
                value = amounts[i]
                b.setText(self.tr("Exato") if i == 0 else eur(value).replace(",00", ""))
                b.setProperty("amount", value)
                b.show()
            else:
                b.hide()

    # ---- actions --------------------------------------------------------------------
    def add(self, method: str, amount: Decimal | None = None) -> bool:
        """Add a payment: the given amount, else the one typed, else what is still due."""
        if self.busy or not self.takes_payment:
            return False
        try:
            if amount is None:
                text = self.amount.text().strip()
                amount = round2(to_decimal(text, "valor")) if text else self.due
            if amount <= 0:
                raise ValidationError(self.tr("Nada em falta: confirme o pagamento."))
            if method != "NU" and amount > self.due:
                raise ValidationError(self.tr("Só o numerário pode passar o valor em falta "
                                              "(dá troco)."))
        except ValidationError as exc:
            self.notice.error(str(exc))
            return False
        self.payments.append((method, amount))
        self.notice.clear()
        self.refresh()
        return True

    def remove_payment(self) -> None:
        row = self.list.currentRow()
        if row < 0 and self.payments:
            row = len(self.payments) - 1
        if row >= 0:
            self.payments.pop(row)
            self.notice.clear()               # what it said was about the old payments
            self.refresh()

    def enter(self) -> None:
        """Keyboard: an amount typed then Enter is that cash handed over; Enter confirms
        only when the total is covered. Enter alone never adds money."""
        if self.busy:
            return
        if self.amount.text().strip():
            if not self.add("NU"):
                return
        if self.covered:
            self.confirm()
        else:
            self.notice.error(self.tr("Falta receber %1: escreva o valor e escolha o meio "
                                      "de pagamento (N numerário, C cartão, M MB WAY).")
                              .replace("%1", eur(self.due)))

    def settlement(self) -> tuple[tuple[str, Decimal], ...]:
        """Non-cash first, cash last: only cash may exceed what is due (the change)."""
        if not self.takes_payment:
            return ()
        ordered = [p for p in self.payments if p[0] != "NU"] + \
            [p for p in self.payments if p[0] == "NU"]
        return tuple(ordered)

    def held(self) -> tuple:
        """What waits while the document is being issued: nothing on this page may change
        the payments, leave, or confirm a second time."""
        return (self.confirm_button, self.back, self.remove, *self.method_buttons.values(),
                *self.quick_buttons)

    def confirm(self) -> None:
        if self.busy:
            return
        if not self.covered:
            self.notice.error(self.tr("Falta receber %1.").replace("%1", eur(self.due)))
            return
        self.confirmed.emit(self.settlement())
