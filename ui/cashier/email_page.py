"""The last sale by e-mail: the customer's address (typed on the on-screen keyboard,
prefilled when this customer had documents e-mailed before), then back to the sale at once.
The request is only recorded here; the e-mail leaves in the background (sync.mail_sender),
so the next customer never waits for the network."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..widgets.touch import Notice, button, title
from .page import Page


class EmailPage(Page):
    sent = Signal(str, str)              # document number, address

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.doc = None
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.setSpacing(10)
        self.heading = title("")
        self.heading.setWordWrap(True)
        box.addWidget(self.heading)
        hint = QLabel(self.tr("Endereço de e-mail do cliente (o documento segue em PDF)."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.address = QLineEdit()
        self.address.setObjectName("emailAddress")
        self.address.setMaxLength(254)
        self.address.setMinimumHeight(52)
        self.address.setPlaceholderText(self.tr("cliente@exemplo.pt"))
        self.address.returnPressed.connect(self.send)
        box.addWidget(self.address)
        self.notice = Notice()
        box.addWidget(self.notice)
        row = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.ok = button(self.tr("Enviar"), "primary", min_w=200)
        self.ok.clicked.connect(self.send)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.ok)
        box.addLayout(row)
        box.addStretch(1)            # the lower half is the keyboard's

    def start(self, doc) -> None:
        self.doc = doc
        self.heading.setText(self.tr("Enviar %1 por e-mail").replace("%1", doc.document_no))
        self.address.clear()
        self.notice.clear()
        number = doc.document_no

        def known(address: str) -> None:
            if self.doc is doc and address and not self.address.text():
                self.address.setText(address)

        self.run(self.ctx.app.email_address_for, number, on_done=known,
                 on_error=lambda exc: None)

    def send(self) -> None:
        if self.doc is None or self.busy:
            return
        number, to = self.doc.document_no, self.address.text().strip()
        self.run(self.ctx.app.email_document, number, to, user=self.ctx.login,
                 hold=(self.ok,), on_done=lambda _row: self.sent.emit(number, to))
