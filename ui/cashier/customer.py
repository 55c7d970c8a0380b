"""The customer: found in the file by name, NIF or phone, or NIF typed on a numeric pad with
instant validation; name and address when the document needs them; the document type with
the reason."""

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.customer import make_customer
from pos.domain.documents import FINAL_CONSUMER, price_lines
from pos.domain.errors import PosError
from pos.domain.nif import CONSUMIDOR_FINAL_NIF, is_valid_nif

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, title
from .doctype import decide, doc_reason
from .page import Page

TYPES = ("FS", "FR", "FT")


class CustomerPage(Page):
    done = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.cart = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(title(self.tr("Cliente")))
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Procurar cliente: nome, NIF ou telefone"))
        self.find.setClearButtonEnabled(True)
        self.find.textEdited.connect(lambda _t: self._find_timer.start())
        head.addWidget(self.find, 1)
        left.addLayout(head)
        self.found = QListWidget()
        self.found.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.found.itemClicked.connect(self.pick)
        self.found.hide()
        left.addWidget(self.found)
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(250)
        self._find_timer.timeout.connect(self.search)
        self._matches: list = []
        nif_row = QHBoxLayout()
        nif_row.addWidget(QLabel(self.tr("NIF")))
        self.nif = QLineEdit()
        self.nif.setObjectName("display")
        self.nif.setMaxLength(9)
        self.nif.setValidator(QRegularExpressionValidator(r"\d{0,9}"))
        self.nif.textChanged.connect(self.check_nif)
        self.nif.returnPressed.connect(self.confirm)
        nif_row.addWidget(self.nif, 1)
        left.addLayout(nif_row)
        self.nif_state = QLabel()
        self.nif_state.setWordWrap(True)
        left.addWidget(self.nif_state)

        types = QHBoxLayout()
        self.type_group = QButtonGroup(self)
        self.type_buttons = {}
        labels = {"FS": self.tr("Simplificada"), "FR": self.tr("Fatura-recibo"),
                  "FT": self.tr("Fatura a crédito")}
        for code in TYPES:
            b = button(f"{code} · {labels[code]}", "function")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, c=code: self.want(c))
            self.type_group.addButton(b)
            types.addWidget(b)
            self.type_buttons[code] = b
        left.addLayout(types)
        self.reason = QLabel()
        self.reason.setObjectName("docType")
        self.reason.setWordWrap(True)
        left.addWidget(self.reason)

        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 0, 0, 0)
        self.name, self.address = QLineEdit(), QLineEdit()
        self.postal, self.city = QLineEdit(), QLineEdit()
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setValidator(QRegularExpressionValidator(r"\+?[0-9 ]{0,20}"))
        self.name.setMaxLength(100)
        self.address.setMaxLength(200)
        self.postal.setMaxLength(8)
        self.postal.setInputMask("9999-999;_")
        self.postal.setMaximumWidth(170)
        self.city.setMaxLength(50)
        for row, (label, field) in enumerate(((self.tr("Nome"), self.name),
                                              (self.tr("Morada"), self.address))):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(field, row, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Cód. postal")), 2, 0)
        grid.addWidget(self.postal, 2, 1)
        grid.setColumnStretch(1, 0)
        grid.addWidget(QLabel(self.tr("Localidade")), 2, 2)
        grid.addWidget(self.city, 2, 3)
        grid.addWidget(QLabel(self.tr("Telefone")), 3, 0)
        grid.addWidget(self.phone, 3, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        left.addWidget(self.details)
        self.notice = Notice()
        left.addWidget(self.notice)
        left.addStretch(1)
        bottom = QHBoxLayout()
        self.no_nif = button(self.tr("Sem NIF"), min_w=140)
        self.no_nif.clicked.connect(self.final_consumer)
        self.cancel = button(self.tr("Voltar"), min_w=140, shortcut="Esc")
        self.cancel.clicked.connect(self.leave)
        self.ok = button(self.tr("Confirmar"), "primary", min_w=180)
        self.ok.clicked.connect(self.confirm)
        bottom.addWidget(self.no_nif)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel)
        bottom.addWidget(self.ok)
        left.addLayout(bottom)
        outer.addLayout(left, 3)
        self.pad = NumPad(comma=False, key_h=72)
        self.pad.attach(self.nif)
        pad_box = QVBoxLayout()
        pad_box.addWidget(self.pad, 3)
        pad_box.addStretch(1)
        outer.addLayout(pad_box, 2)
        for field in (self.nif, self.postal, self.phone):
            field.installEventFilter(self)
        self.wanted: str | None = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn:
            self.pad.attach(obj)              # the pad types into the field tapped last
        return False

    # ---- showing --------------------------------------------------------------------
    def start(self, cart) -> None:
        self.cart = cart
        c = cart.customer
        self.wanted = cart.wanted_type
        self.nif.setText("" if c.is_final_consumer else c.nif)
        self.name.setText("" if c.is_final_consumer and c.name == "Consumidor final"
                          else c.name)
        self.address.setText(c.address)
        self.postal.setText(c.postal_code)
        self.city.setText(c.city)
        self.phone.clear()
        self.find.clear()
        self.found.clear()
        self.found.hide()
        self.notice.clear()
        self.check_nif(self.nif.text())
        self.nif.setFocus()

    # ---- finding a customer in the file -----------------------------------------------
    def search(self) -> None:
        text = self.find.text().strip()
        if len(text) < 2:
            self.found.hide()
            return

        def shown(matches) -> None:
            if self.find.text().strip() != text:
                return                           # typed on since: a newer search comes
            self._matches = matches
            self.found.clear()
            for m in matches:
                c = m.customer
                phone = f" · {m.phone}" if m.phone else ""
                self.found.addItem(f"{c.name} · NIF {c.nif}{phone}")
            if not matches:
                self.found.addItem(self.tr("Nenhum cliente encontrado."))
            rows = max(1, min(3, len(matches)))
            self.found.setFixedHeight(rows * 52 + 4)
            self.found.show()

        self.run(self.ctx.app.find_customers, text, 20, on_done=shown)

    def pick(self, item) -> None:
        row = self.found.row(item)
        if not 0 <= row < len(self._matches):
            return
        m = self._matches[row]
        c = m.customer
        self.nif.setText(c.nif)
        self.name.setText(c.name)
        self.address.setText(c.address)
        self.postal.setText(c.postal_code)
        self.city.setText(c.city)
        self.phone.setText(m.phone)
        self.found.hide()
        self.find.clear()
        self.check_nif(c.nif)

    def check_nif(self, text: str) -> None:
        """Instant validation as each digit is typed (a message about the NIF typed before
        goes with it)."""
        self.notice.clear()
        state = ""
        if not text:
            msg = self.tr("Sem NIF: consumidor final.")
        elif len(text) < 9:
            msg = self.tr("Faltam %n algarismo(s).", "", 9 - len(text))
        elif is_valid_nif(text) and text != CONSUMIDOR_FINAL_NIF:
            msg, state = self.tr("NIF válido."), "true"
            self.run(self.ctx.app.customer, text, on_done=lambda known: self.known(text, known))
        else:
            msg, state = self.tr("NIF inválido: confira os algarismos."), "false"
        self.nif.setProperty("valid", state)
        self.nif.style().unpolish(self.nif)
        self.nif.style().polish(self.nif)
        self.nif_state.setText(msg)
        self.update_type()

    def known(self, nif: str, customer) -> None:
        """A customer already in the file: fill name and address, unless the NIF changed
        meanwhile or the cashier already typed a name."""
        if customer is None or self.nif.text() != nif or self.name.text():
            return
        self.name.setText(customer.name)
        self.address.setText(customer.address)
        self.postal.setText(customer.postal_code)
        self.city.setText(customer.city)
        self.nif_state.setText(self.tr("NIF válido: %1.").replace("%1", customer.name))
        self.update_type()

    def want(self, code: str) -> None:
        self.wanted = code
        self.update_type()

    def customer(self):
        postal = self.postal.text() if self.postal.text().strip("-_ ") else ""
        return make_customer(self.nif.text() or None, self.name.text().strip() or None,
                             self.address.text().strip(), self.city.text().strip(), postal)

    def decision(self):
        try:
            customer = self.customer()
        except PosError:         # half-typed data: decide as for a final consumer
            customer = FINAL_CONSUMER
        region = self.ctx.issuer.tax_region
        lines, totals = price_lines(list(self.cart.cart_lines()), region, date.today())
        return decide(totals.gross, lines, customer, self.wanted)

    def update_type(self) -> None:
        if self.cart is None or not self.cart.lines:
            return
        d = self.decision()
        self.type_buttons[d.doc_type].setChecked(True)
        self.type_buttons["FS"].setEnabled(d.fs_allowed)
        self.reason.setText(doc_reason(d))
        self.details.setVisible(d.needs_name_address or bool(self.name.text()))

    # ---- leaving --------------------------------------------------------------------
    def final_consumer(self) -> None:
        for field in (self.nif, self.name, self.address, self.postal, self.city, self.phone):
            field.clear()
        self.wanted = None
        self.check_nif("")

    def confirm(self) -> None:
        try:
            customer = self.customer()
        except PosError as exc:
            self.notice.error(self.message(exc))
            return
        d = self.decision()
        if d.needs_name_address and (customer.name in ("", "Cliente", "Consumidor final")
                                     or not customer.has_address):
            self.details.show()
            self.notice.error(self.tr("Esta fatura precisa do nome e da morada do cliente."))
            (self.name if not self.name.text() else self.address).setFocus()
            return
        self.cart.customer = customer
        self.cart.wanted_type = self.wanted
        phone = self.phone.text().strip()
        if phone and not customer.is_final_consumer:
            # Kept for finding them next time (in the background; a refusal is told).
            self.ctx.worker.submit(self.ctx.app.remember_customer, customer, phone,
                                   self.ctx.login, lane="counter", name="remember customer")
        self.done.emit()
