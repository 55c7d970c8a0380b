"""After the sale, in the cart's place until the next customer's first item: the change to
hand back, whether the receipt printed, and what a customer may ask for (the receipt again,
a gift receipt without prices, the document by e-mail, the QR code to read with a phone).
It holds nobody back: the next scan simply takes its place."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from pos.domain.documents import Document
from pos.services.ports import PrintOutcome

from ..widgets.qr import QrView
from ..widgets.touch import button, eur, keep_place, qty
from .methods import method_name

translate = QCoreApplication.translate


class AfterSale(QWidget):
    print_again = Signal(bool)        # True: a copy (the original came out); False: original
    gift = Signal()
    email = Signal()
    printer_help = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("afterSale")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.doc: Document | None = None
        self.printed: bool | None = None        # None: not answered yet
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 10, 12, 10)
        box.setSpacing(6)
        self.heading = QLabel()
        self.heading.setObjectName("subtitle")
        self.heading.setWordWrap(True)
        box.addWidget(self.heading)
        self.change = QLabel()
        self.change.setObjectName("change")
        self.change.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.change)
        self.paid = QLabel()
        self.paid.setWordWrap(True)
        self.paid.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.paid)
        self.qr = QrView()
        self.qr.hide()
        box.addWidget(self.qr, 1)
        self.print_state = QLabel()
        self.print_state.setObjectName("printState")
        self.print_state.setWordWrap(True)
        box.addWidget(self.print_state)
        box.addStretch(1)
        # Two by two: the card never widens the cart's column (the products keep theirs).
        grid = QGridLayout()
        grid.setSpacing(6)
        self.again = button("", "function", min_h=52)
        self.again.clicked.connect(lambda: self.print_again.emit(bool(self.printed)))
        self.gift_button = button(self.tr("Talão de oferta"), "function", min_h=52)
        self.gift_button.clicked.connect(self.gift)
        self.qr_button = button(self.tr("Mostrar QR"), "function", min_h=52)
        self.qr_button.setCheckable(True)
        self.qr_button.toggled.connect(self.show_qr)
        self.email_button = button(self.tr("E-mail"), "function", min_h=52)
        self.email_button.setObjectName("emailButton")
        self.email_button.clicked.connect(self.email)
        self.fix = keep_place(button(self.tr("Impressora…"), "function", min_h=52))
        self.fix.clicked.connect(self.printer_help)
        self.fix.hide()
        for i, b in enumerate((self.again, self.gift_button, self.qr_button, self.email_button,
                               self.fix)):
            grid.addWidget(b, i // 2, i % 2)
        box.addLayout(grid)

    def show_sale(self, doc: Document, qr_payload: str) -> None:
        self.doc, self.printed = doc, None
        self.heading.setText(self.tr("%1 · %2 · %n linha(s)", "", len(doc.lines))
                             .replace("%1", doc.document_no)
                             .replace("%2", eur(doc.totals.gross)))
        self.change.setText(self.tr("TROCO %1").replace("%1", eur(doc.change))
                            if doc.change else self.tr("Sem troco"))
        self.paid.setText(" · ".join(f"{method_name(p.method)} {eur(p.tendered)}"
                                     for p in doc.payments)
                          or self.tr("A pagar depois (fatura a crédito)"))
        self.qr.set_payload(qr_payload)
        self.qr_button.setChecked(False)
        self.show_qr(False)
        self.print_state.setText(self.tr("A imprimir o talão…"))
        self.print_state.setProperty("state", "unknown")
        self._restyle()
        self.again.setText(self.tr("Reimprimir"))
        self.again.setEnabled(False)            # until the printer answers
        self.fix.hide()

    def set_printed(self, outcome: PrintOutcome, sentence: str) -> None:
        """What the printer answered for this sale's receipt, in the till's words."""
        self.printed = outcome.ok
        self.print_state.setText(sentence)
        self.print_state.setProperty("state", "ok" if outcome.ok else "bad")
        self._restyle()
        self.again.setText(self.tr("Reimprimir (cópia)") if outcome.ok
                           else self.tr("Imprimir talão"))
        self.again.setEnabled(True)
        self.fix.setVisible(not outcome.ok)

    def show_qr(self, on: bool) -> None:
        self.qr.setVisible(on)
        self.change.setVisible(not on)
        self.paid.setVisible(not on)
        self.qr_button.setText(self.tr("Esconder QR") if on else self.tr("Mostrar QR"))

    def _restyle(self) -> None:
        self.print_state.style().unpolish(self.print_state)
        self.print_state.style().polish(self.print_state)


def gift_lines(doc: Document, shop: str, width: int = 42) -> list[str]:
    """A gift receipt: what was bought, without prices, and which document it belongs to
    (to exchange the goods later). It is not a fiscal document and says so."""
    sep = "-" * width
    out = [shop[:width], sep,
           translate("Gift", "Documento %1").replace("%1", doc.document_no)[:width],
           f"{doc.system_entry_date:%d/%m/%Y %H:%M}", sep]
    for ln in doc.lines:
        unit = "" if ln.unit == "UN" else f" {ln.unit.lower()}"
        text = f"{qty(ln.quantity)}{unit} x {ln.description}"
        while text:
            out.append(text[:width])
            text = "    " + text[width:] if len(text) > width else ""
    out += [sep, translate("Gift", "Talão de oferta: sem preços."),
            translate("Gift", "Não serve de fatura."),
            translate("Gift", "Para trocas, apresente este talão.")]
    return [line[:width] for line in out]
