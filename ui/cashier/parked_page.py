"""Parked sales on this till: resume one (the counter's cart must be empty), or give one up
after saying why (on record)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from ..widgets.confirm import MessageLine
from ..widgets.touch import Notice, button, eur, kinetic, title
from .page import Page

ROLE_ID = Qt.ItemDataRole.UserRole


class ParkedPage(Page):
    resumed = Signal(object)              # the ParkedCart taken back
    changed = Signal()                    # the list changed (the sale page counts it)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.cart_busy = False            # the counter has a cart: resuming is refused
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(title(self.tr("Vendas suspensas")))
        hint = QLabel(self.tr("Toque numa venda para a retomar. Uma venda suspensa não é um "
                              "documento: só conta quando for paga."))
        hint.setObjectName("subtitle")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kinetic(self.list)
        outer.addWidget(self.list, 1)
        self.reason = QLineEdit()
        self.reason.setMaxLength(100)
        self.reason.setPlaceholderText(self.tr("motivo para anular (ex.: cliente desistiu)"))
        outer.addWidget(self.reason)
        self.notice = Notice()
        self.message = MessageLine(self.notice)
        outer.addWidget(self.message)
        row = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.void = button(self.tr("Anular a selecionada"), "danger", min_w=220)
        self.void.clicked.connect(self.ask_void)
        self.take = button(self.tr("Retomar"), "primary", min_w=220)
        self.take.clicked.connect(self.resume)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.void)
        row.addWidget(self.take)
        outer.addLayout(row)
        self.list.itemClicked.connect(lambda _item: self._selection())
        self.list.itemSelectionChanged.connect(self._selection)

    def entered(self) -> None:
        self.notice.clear()
        self.message.cancel()
        self.reason.clear()
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self._selection()
        self.run(self.ctx.app.parked_carts, on_done=self._show)

    def _show(self, waiting) -> None:
        self.list.clear()
        for p in waiting:
            note = f" · {p.note}" if p.note else ""
            item_text = self.tr("%1  %2 · %n linha(s) · %3%4", "", p.lines) \
                .replace("%1", f"{p.parked_at:%H:%M}").replace("%2", self.ctx.name(p.user)) \
                .replace("%3", eur(p.total)).replace("%4", note)
            self.list.addItem(item_text)
            self.list.item(self.list.count() - 1).setData(ROLE_ID, p.id)
        if not waiting:
            self.notice.info(self.tr("Não há vendas suspensas nesta caixa."))
        self._selection()

    def selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ROLE_ID) if item is not None and item.isSelected() else None

    def _selection(self) -> None:
        chosen = self.selected() is not None
        self.take.setEnabled(chosen)
        self.void.setEnabled(chosen)

    def choose(self, parked_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ROLE_ID) == parked_id:
                self.list.setCurrentRow(i)

    def resume(self) -> None:
        parked_id = self.selected()
        if parked_id is None or self.busy:
            return
        if self.cart_busy:
            self.notice.error(self.tr("Há uma venda em curso: pague-a, suspenda-a ou anule-a "
                                      "antes de retomar outra."))
            return
        self.run(self.ctx.app.resume_parked, parked_id, self.ctx.login,
                 hold=(self.take, self.void, self.back),
                 on_done=lambda cart: (self.changed.emit(), self.resumed.emit(cart)))

    def ask_void(self) -> None:
        parked_id = self.selected()
        if parked_id is None or self.busy:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.notice.error(self.tr("Escreva o motivo para anular a venda suspensa."))
            self.reason.setFocus()
            return
        self.message.ask(self.tr("Anular esta venda suspensa? Fica registado quem anulou."),
                         self.tr("Sim, anular"), lambda: self._void(parked_id, reason))

    def _void(self, parked_id: int, reason: str) -> None:
        def voided(_info) -> None:
            self.reason.clear()
            self.notice.ok(self.tr("Venda suspensa anulada."))
            self.changed.emit()
            self.reload()

        self.run(self.ctx.app.void_parked, parked_id, self.ctx.login, reason,
                 hold=(self.take, self.void, self.back), on_done=voided)
