"""What a paper form holds, typed back into the program: the date, the customer, the lines
(catalogue code, quantity, price as written on the paper) and how it was paid. Shared by the
recovery entry form, the lost duplicates and the paper transport guides (``manual``)."""

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QGroupBox, QVBoxLayout, QWidget

from pos.domain.customer import make_customer
from pos.domain.documents import PAYMENT_METHODS, cart_line
from pos.domain.errors import ValidationError

from ..widgets.touch import TOUCH
from .kit import action, choice, form, line, pydate, qdate, row
from .parts import Table


def date_field(today: date) -> QDateEdit:
    d = QDateEdit(qdate(today))
    d.setCalendarPopup(True)
    d.setDisplayFormat("yyyy-MM-dd")
    d.setMinimumHeight(TOUCH - 8)
    return d


def datetime_field(now: datetime) -> QDateTimeEdit:
    d = QDateTimeEdit(QDateTime(qdate(now.date()), QTime(now.hour, now.minute)))
    d.setCalendarPopup(True)
    d.setDisplayFormat("yyyy-MM-dd HH:mm")
    d.setMinimumHeight(TOUCH - 8)
    return d


def py_datetime(d: QDateTimeEdit) -> datetime:
    return datetime.fromisoformat(d.dateTime().toString("yyyy-MM-ddTHH:mm:00"))


@dataclass(frozen=True)
class PaperValues:
    doc_date: date
    specs: list
    customer_fields: tuple
    payments: tuple
    date_reason: str | None = None     # why a date outside the inoperability periods

    def lines(self, app) -> tuple:
        return build_lines(app, self.specs)

    def customer(self):
        return make_customer(*self.customer_fields)


def build_lines(app, specs: list[tuple[str, str, str]]) -> tuple:
    """Catalogue lines from (code, quantity, price as on the paper or '')."""
    if not specs:
        raise ValidationError("Acrescente pelo menos um artigo.")
    return tuple(cart_line(app.product(code), qty, price or None)
                 for code, qty, price in specs)


class PaperEntry(QWidget):
    """Date, customer, lines and payment of a paper form (``payments=False``: a guide)."""

    def __init__(self, today: date, payments: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc_date = date_field(today)
        # Asked only when the date is outside every recorded inoperability period or before
        # the recovery series' last document (the refusal says so).
        self.date_reason = line(self.tr("só se a data sai dos períodos registados"), 200)
        self.nif = line(self.tr("NIF (vazio: consumidor final)"), 30)
        self.name = line(self.tr("nome"), 100)
        self.address = line(self.tr("morada"), 200)
        self.city = line(self.tr("localidade"), 50)
        self.postal = line(self.tr("código postal"), 20)
        self.code = line(self.tr("código do artigo"), 60)
        self.qty = line(self.tr("qtd."), 12)
        self.price = line(self.tr("preço no papel (opcional)"), 14)
        self.add_button = action(self.tr("Acrescentar"))
        self.remove_button = action(self.tr("Tirar"))
        self.lines = Table([self.tr("Artigo"), self.tr("Qtd."), self.tr("Preço")], stretch=0,
                           numeric=(1, 2))
        self.lines.setMinimumHeight(140)
        self.add_button.clicked.connect(self.add_line)
        self.code.returnPressed.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.method = choice([(name, code) for code, name in PAYMENT_METHODS.items()])
        self.with_payments = payments
        self.specs: list[tuple[str, str, str]] = []
        customer = QGroupBox(self.tr("Cliente"))
        QVBoxLayout(customer).addLayout(form([
            (self.tr("NIF"), self.nif), (self.tr("Nome"), self.name),
            (self.tr("Morada"), self.address), (self.tr("Localidade"), self.city),
            (self.tr("Código postal"), self.postal)]))
        items = QGroupBox(self.tr("Artigos"))
        ibox = QVBoxLayout(items)
        ibox.addLayout(row(self.code, self.qty, self.price))
        ibox.addLayout(row(self.add_button, self.remove_button, stretch=True))
        ibox.addWidget(self.lines)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form([(self.tr("Data no papel"), self.doc_date),
                            (self.tr("Motivo da data"), self.date_reason)] +
                           ([(self.tr("Pagamento"), self.method)] if payments else [])))
        box.addWidget(customer)
        box.addWidget(items)

    def add_line(self) -> None:
        code = self.code.text().strip()
        if not code:
            return
        self.specs.append((code, self.qty.text().strip() or "1", self.price.text().strip()))
        for field in (self.code, self.qty, self.price):
            field.clear()
        self._show()
        self.code.setFocus()

    def remove_line(self) -> None:
        i = self.lines.current()
        if i is not None:
            del self.specs[i]
            self._show()

    def _show(self) -> None:
        self.lines.fill([(c, q, p) for c, q, p in self.specs], list(range(len(self.specs))))

    def values(self) -> "PaperValues":
        """What was typed, as plain values (read here, on the screen's thread)."""
        return PaperValues(
            pydate(self.doc_date.date()), list(self.specs),
            (self.nif.text().strip() or None, self.name.text().strip() or None,
             self.address.text(), self.city.text(), self.postal.text()),
            ((self.method.currentData(), None),) if self.with_payments else (),
            self.date_reason.text().strip() or None)

    def clear(self) -> None:
        for field in (self.nif, self.name, self.address, self.city, self.postal,
                      self.date_reason):
            field.clear()
        self.specs = []
        self._show()
