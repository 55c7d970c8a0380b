"""The customer: found in the file by name, NIF or phone, or NIF typed on a numeric pad with
instant validation; name and address when the document needs them; the document type with
the reason. A foreign customer: their country (the NIF then takes letters, from the
keyboard) and the sale's exemption from Portuguese VAT (pos.domain.exemptions)."""

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
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
from pos.domain.exemptions import EU_MEMBERS, SALE_EXEMPTIONS, check_sale_exemption, exempt_lines
from pos.domain.nif import CONSUMIDOR_FINAL_NIF, is_valid_nif
from pos.domain.tax_ids import split_tax_id

from ..widgets.numpad import NumPad
from ..widgets.touch import TOUCH, Notice, button, title
from .doctype import decide, doc_reason
from .page import Page

TYPES = ("FS", "FR", "FT")
PT_NIF = r"\d{0,9}"
FOREIGN_TAX_ID = r"[A-Za-z0-9]{0,20}"
POSTAL_PT = "9999-999;_"


def countries() -> list[str]:
    """Portugal, then the other EU member states (an intra-community supply), then the
    rest of the world, each group in alphabetical order."""
    from pos.domain.country import COUNTRIES

    eu = sorted(EU_MEMBERS - {"PT"})
    return ["PT", *eu, *sorted(COUNTRIES - EU_MEMBERS)]


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
        self.nif.setValidator(QRegularExpressionValidator(PT_NIF))
        self.nif.setProperty("osk", False)        # the keyboard only for a foreign number
        self.nif.textChanged.connect(self.check_nif)
        self.nif.returnPressed.connect(self.confirm)
        nif_row.addWidget(self.nif, 1)
        nif_row.addWidget(QLabel(self.tr("País")))
        self.country = QComboBox()
        self.country.setMinimumHeight(TOUCH)
        self.country.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.country.addItems(countries())
        self.country.view().setMinimumWidth(90)
        self.country.currentTextChanged.connect(self.country_changed)
        nif_row.addWidget(self.country)
        left.addLayout(nif_row)
        # Beside what the NIF is, the sale's exemption: only for a foreign customer (in
        # the same row, so the page still fits 1024×768 with name and address).
        state_row = QHBoxLayout()
        self.nif_state = QLabel()
        self.nif_state.setWordWrap(True)
        state_row.addWidget(self.nif_state, 1)
        self.exemption = QComboBox()
        self.exemption.setMinimumHeight(TOUCH)
        self.exemption.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exemption.setToolTip(self.tr("Isenção de IVA"))
        names = {"M16": self.tr("Entrega intracomunitária de bens"),
                 "M05": self.tr("Exportação de bens"),
                 "M40": self.tr("Serviços a empresa estrangeira (autoliquidação)")}
        self.exemption.addItem(self.tr("Sem isenção: IVA português"), None)
        for code in SALE_EXEMPTIONS:
            self.exemption.addItem(f"{code} · {names[code]}", code)
        self.exemption.currentIndexChanged.connect(lambda _i: self.update_type())
        self.exemption.hide()
        state_row.addWidget(self.exemption, 2)
        left.addLayout(state_row)

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
        self.postal.setProperty("osk", False)      # the keyboard only for a foreign one
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
        self.country.setCurrentText(c.country or "PT")
        self.country_changed(self.country.currentText())
        self.exemption.setCurrentIndex(max(0, self.exemption.findData(cart.exemption)))
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
        self.country.setCurrentText(c.country or "PT")
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
        elif self.foreign:
            try:
                split_tax_id(text, self.country.currentText())
                msg, state = self.tr("Número fiscal de %1.").replace(
                    "%1", self.country.currentText()), "true"
            except PosError as exc:
                msg, state = self.message(exc), "false"
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

    @property
    def foreign(self) -> bool:
        return self.country.currentText() != "PT"

    def country_changed(self, code: str) -> None:
        """A foreign customer's number takes letters (typed on the keyboard) and their postal
        code any form; a sale to them may be exempt."""
        foreign = code != "PT"
        self.nif.setValidator(QRegularExpressionValidator(
            FOREIGN_TAX_ID if foreign else PT_NIF, self.nif))
        self.nif.setMaxLength(20 if foreign else 9)
        if not foreign and not self.nif.hasAcceptableInput():
            self.nif.clear()
        self.nif.setProperty("osk", foreign)
        postal = self.postal.text() if self.postal.text().strip("-_ ") else ""
        self.postal.setInputMask("" if foreign else POSTAL_PT)
        self.postal.setText(postal if foreign or postal[:1].isdigit() else "")
        self.postal.setMaxLength(20 if foreign else 8)
        self.postal.setProperty("osk", foreign)
        self.exemption.setVisible(foreign)
        if not foreign:
            self.exemption.setCurrentIndex(0)
        self.check_nif(self.nif.text())

    def want(self, code: str) -> None:
        self.wanted = code
        self.update_type()

    def customer(self):
        postal = self.postal.text().strip() if self.postal.text().strip("-_ ") else ""
        return make_customer(self.nif.text() or None, self.name.text().strip() or None,
                             self.address.text().strip(), self.city.text().strip(), postal,
                             self.country.currentText())

    def wanted_type(self) -> str | None:
        """The type asked for: an exempt sale is invoiced (FR unless FT was chosen)."""
        if self.exemption.currentData() and self.wanted not in ("FR", "FT"):
            return "FR"
        return self.wanted

    def decision(self):
        try:
            customer = self.customer()
        except PosError:         # half-typed data: decide as for a final consumer
            customer = FINAL_CONSUMER
        region = self.ctx.issuer.tax_region
        lines, totals = price_lines(list(self.cart.cart_lines()), region, date.today())
        return decide(totals.gross, lines, customer, self.wanted_type())

    def update_type(self) -> None:
        if self.cart is None or not self.cart.lines:
            return
        d = self.decision()
        self.type_buttons[d.doc_type].setChecked(True)
        self.type_buttons["FS"].setEnabled(d.fs_allowed and not self.exemption.currentData())
        self.reason.setText(doc_reason(d))
        self.details.setVisible(d.needs_name_address or bool(self.name.text()))

    # ---- leaving --------------------------------------------------------------------
    def final_consumer(self) -> None:
        for field in (self.nif, self.name, self.address, self.postal, self.city, self.phone):
            field.clear()
        self.country.setCurrentText("PT")
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
        code = self.exemption.currentData()
        if code:
            try:
                # Refused now, with the reason, rather than at payment.
                check_sale_exemption(code, d.doc_type, customer)
                exempt_lines(self.cart.cart_lines(), code, self.ctx.issuer.tax_region,
                             date.today())
            except PosError as exc:
                self.notice.error(self.message(exc))
                return
        self.cart.customer = customer
        self.cart.wanted_type = self.wanted
        self.cart.exemption = code
        phone = self.phone.text().strip()
        if phone and not customer.is_final_consumer:
            # Kept for finding them next time (in the background; a refusal is told).
            self.ctx.worker.submit(self.ctx.app.remember_customer, customer, phone,
                                   self.ctx.login, lane="counter", name="remember customer")
        self.done.emit()
