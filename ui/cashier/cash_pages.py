"""The cash session's functions behind 'Caixa…' on the sale screen (X report, cash in and
out, the drawer, closing), and cash in or out with its reason: both go on the X and Z
reports with who did them."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.errors import PosError, ValidationError
from pos.domain.money import to_decimal

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, eur, title
from .page import Page

REASONS = {          # marked for translation here, translated when shown
    "in": (QT_TRANSLATE_NOOP("CashMovePage", "Reforço do fundo de caixa"),
           QT_TRANSLATE_NOOP("CashMovePage", "Troco trazido do banco")),
    "out": (QT_TRANSLATE_NOOP("CashMovePage", "Pagamento a fornecedor"),
            QT_TRANSLATE_NOOP("CashMovePage", "Depósito no banco"),
            QT_TRANSLATE_NOOP("CashMovePage", "Recolha para o cofre")),
}


class CashMenuPage(Page):
    chosen = Signal(str)          # x | close | drawer | cash_in | cash_out

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(title(self.tr("Caixa")))
        grid = QGridLayout()
        grid.setSpacing(12)
        self.buttons = {}
        for i, (key, text) in enumerate((
                ("x", self.tr("Relatório X\nF7")),
                ("cash_in", self.tr("Entrada de dinheiro")),
                ("cash_out", self.tr("Saída de dinheiro")),
                ("drawer", self.tr("Abrir a gaveta\nF11")),
                ("close", self.tr("Fechar a caixa (Z)\nF8")))):
            b = button(text, "primary" if key == "close" else "function", min_h=96)
            b.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            grid.addWidget(b, i // 3, i % 3)
            self.buttons[key] = b
        outer.addLayout(grid)
        self._grid = grid
        self.notice = Notice()
        outer.addWidget(self.notice)
        outer.addStretch(1)
        row = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        row.addWidget(self.back)
        row.addStretch(1)
        outer.addLayout(row)

    def add_extra(self, widget: QWidget) -> None:
        """One more key in the free place of the grid (the back office's door)."""
        widget.setMinimumHeight(96)
        self._grid.addWidget(widget, 1, 2)

    def entered(self) -> None:
        self.notice.clear()


class CashMovePage(Page):
    """Money put in or taken out of the drawer: amount, reason, then the drawer opens."""

    moved = Signal(str, object, str)          # kind, amount, reason

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.kind = "in"
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)
        left = QVBoxLayout()
        self.heading = title("")
        left.addWidget(self.heading)
        self.amount = QLineEdit()
        self.amount.setObjectName("display")
        self.amount.setPlaceholderText("0,00")
        self.amount.setMaxLength(10)
        left.addWidget(self.amount)
        left.addWidget(QLabel(self.tr("Motivo")))
        self.quick = QHBoxLayout()
        self.quick_buttons: list = []
        left.addLayout(self.quick)
        self.reason = QLineEdit()
        self.reason.setMaxLength(100)
        self.reason.setPlaceholderText(self.tr("ou escreva o motivo"))
        left.addWidget(self.reason)
        self.notice = Notice()
        left.addWidget(self.notice)
        left.addStretch(1)
        row = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.ok = button("", "primary", min_w=220)
        self.ok.clicked.connect(self.submit)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.ok)
        left.addLayout(row)
        outer.addLayout(left, 3)
        pad_box = QVBoxLayout()
        self.pad = NumPad(key_h=72)
        self.pad.attach(self.amount)
        pad_box.addWidget(self.pad, 3)
        pad_box.addStretch(1)
        outer.addLayout(pad_box, 2)

    def start(self, kind: str) -> None:
        self.kind = kind
        self.heading.setText(self.tr("Entrada de dinheiro na gaveta") if kind == "in"
                             else self.tr("Saída de dinheiro da gaveta"))
        self.ok.setText(self.tr("Registar entrada") if kind == "in"
                        else self.tr("Registar saída"))
        for b in self.quick_buttons:
            self.quick.removeWidget(b)
            b.deleteLater()
        self.quick_buttons = []
        for text in REASONS[kind]:
            label = self.tr(text)
            b = button(label, "function")
            b.clicked.connect(lambda _=False, t=label: self.reason.setText(t))
            self.quick.addWidget(b)
            self.quick_buttons.append(b)
        self.amount.clear()
        self.reason.clear()
        self.notice.clear()
        self.amount.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        try:
            amount = to_decimal(self.amount.text() or "0", self.tr("valor"))
            if amount <= 0:
                raise ValidationError(self.tr("Escreva o valor."))
            reason = self.reason.text().strip()
            if not reason:
                raise ValidationError(self.tr("Indique o motivo."))
        except PosError as exc:
            self.notice.error(self.message(exc))
            return
        self.run(self.ctx.app.cash_movement, self.ctx.session.id, self.ctx.login, self.kind,
                 amount, reason, hold=(self.ok, self.back),
                 on_done=lambda _none: self.moved.emit(self.kind, amount, reason))

    def sentence(self, kind: str, amount) -> str:
        text = self.tr("Entrada de %1 registada.") if kind == "in" else \
            self.tr("Saída de %1 registada.")
        return text.replace("%1", eur(amount))
