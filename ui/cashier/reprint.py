"""Reprint an earlier document: marked as a copy ('2.ª via'…), with a reason, recorded."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..widgets.touch import Notice, button, eur, title
from .page import Page
from .picker import DocumentPicker


class ReprintPage(Page):
    requested = Signal(object, str)          # Document, reason

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.doc = None
        self._asked: str | None = None       # the number last chosen
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)
        left = QVBoxLayout()
        left.addWidget(title(self.tr("Reimprimir um documento")))
        self.picker = DocumentPicker(ctx)
        self.picker.picked.connect(self.choose)
        self.picker.loaded.connect(self._choose_last)
        left.addWidget(self.picker, 1)
        self.picker.problem.connect(self.show_error)
        outer.addLayout(left, 3)
        right = QVBoxLayout()
        self.chosen = QLabel(self.tr("Escolha o documento."))
        self.chosen.setObjectName("big")
        self.chosen.setWordWrap(True)
        right.addWidget(self.chosen)
        right.addWidget(QLabel(self.tr("Motivo")))
        self.group = QButtonGroup(self)
        self.reasons = {}
        for text in (self.tr("Pedido do cliente"), self.tr("Talão ilegível"),
                     self.tr("Falha na impressão"), self.tr("Talão perdido")):
            b = button(text, "function")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, t=text: self.reason.setText(t))
            self.group.addButton(b)
            self.reasons[text] = b
            right.addWidget(b)
        self.reason = QLineEdit()
        self.reason.setMaxLength(100)
        self.reason.setPlaceholderText(self.tr("ou escreva o motivo"))
        right.addWidget(self.reason)
        self.notice = Notice()
        right.addWidget(self.notice)
        right.addStretch(1)
        row = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=140, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.go = button(self.tr("Reimprimir cópia"), "primary", min_w=200)
        self.go.clicked.connect(self.submit)
        row.addWidget(self.back)
        row.addWidget(self.go, 1)
        right.addLayout(row)
        outer.addLayout(right, 2)

    def entered(self) -> None:
        self.doc = None
        self._asked = None
        self.reason.clear()
        self.notice.clear()
        self.chosen.setText(self.tr("Escolha o documento."))
        self.picker.reload()

    def _choose_last(self) -> None:
        """The last document is the usual one: chosen as soon as the list is shown."""
        if self.doc is None and self._asked is None and self.picker.list.count():
            self.picker.list.setCurrentRow(0)
            self.choose(self.picker.list.item(0).data(Qt.ItemDataRole.UserRole))

    def choose(self, number: str) -> None:
        """Read the document in the background; only the last one asked for is shown."""
        self._asked = number
        self.doc = None
        self.run(self.ctx.app.document, number, hold=(self.go,),
                 on_done=lambda doc: self._chosen(number, doc),
                 on_error=lambda exc: self._not_found(number, exc))

    def _chosen(self, number: str, doc) -> None:
        if number != self._asked:
            return
        self.doc = doc
        self.notice.clear()
        self.chosen.setText(f"{doc.document_no}\n{eur(doc.totals.gross)} · "
                            f"{doc.system_entry_date:%d/%m/%Y %H:%M}")

    def _not_found(self, number: str, exc: Exception) -> None:
        if number == self._asked:
            self.show_error(exc)

    def submit(self) -> None:
        if self.doc is None:
            self.notice.error(self.tr("Escolha o documento."))
            return
        reason = self.reason.text().strip()
        if not reason:
            self.notice.error(self.tr("Indique o motivo da reimpressão."))
            return
        self.requested.emit(self.doc, reason)
