"""Opening the cash session with a float, the X/Z report view, and the blind count."""

from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import PosError, ValidationError
from pos.domain.money import to_decimal

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, eur, keep_place, title
from .methods import method_name
from .page import Page
from .reports import report_lines, report_title

FLOATS = ("0", "50", "100", "150", "200")


def amount_field(placeholder: str = "0,00") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName("display")
    field.setPlaceholderText(placeholder)
    field.setMaxLength(10)
    return field


def _left_aligned(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


class OpenSessionPage(Page):
    """Open the session with a float; or, when the till's session was opened by someone
    else, say whose it is before this cashier sells in it (never silently)."""

    opened = Signal(object)          # SessionInfo just opened
    continued = Signal(object)       # SessionInfo of someone else, continued in
    sign_out = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.other = None            # the session of someone else, offered to continue
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(32)
        left = QVBoxLayout()
        self.heading = title(self.tr("Abrir a caixa"))
        left.addWidget(self.heading)
        self.text = QLabel()
        self.text.setWordWrap(True)
        left.addWidget(self.text)
        self.amount = amount_field()
        self.amount.returnPressed.connect(self.submit)
        left.addWidget(self.amount)
        self.quick = QWidget()
        quick = QHBoxLayout(self.quick)
        quick.setContentsMargins(0, 0, 0, 0)
        for value in FLOATS:
            b = button(f"{value} €", "quick")
            b.clicked.connect(lambda _=False, v=value: self.amount.setText(v))
            quick.addWidget(b)
        left.addWidget(self.quick)
        self.notice = Notice()
        left.addWidget(self.notice)
        left.addStretch(1)
        self.back = button(self.tr("Sair"), min_w=160)
        self.back.clicked.connect(self.sign_out)
        left.addLayout(_left_aligned(self.back))
        outer.addLayout(left, 3)
        right = QVBoxLayout()
        self.pad = NumPad(key_h=72)
        self.pad.attach(self.amount)
        right.addWidget(self.pad, 3)
        self.open_button = button(self.tr("Abrir caixa"), "primary", min_h=72)
        self.open_button.clicked.connect(self.submit)
        right.addWidget(self.open_button)
        right.addStretch(1)
        outer.addLayout(right, 2)

    def entered(self) -> None:
        self.amount.clear()
        self.notice.clear()
        self.amount.setFocus()
        self._mode()

    def offer(self, session) -> None:
        """Someone else's session is open on this till (the rule: one per till)."""
        self.other = session
        self._mode()

    def _mode(self) -> None:
        other = self.other
        for w in (self.amount, self.quick, self.pad):
            keep_place(w).setVisible(other is None)
        if other is None:
            self.heading.setText(self.tr("Abrir a caixa"))
            self.text.setText(self.tr("Conte o fundo de caixa (o dinheiro na gaveta para "
                                      "trocos) e indique o valor."))
            self.open_button.setText(self.tr("Abrir caixa"))
            return
        self.heading.setText(self.tr("A caixa já está aberta"))
        self.text.setText(self.tr(
            "A sessão %1 foi aberta por %2 às %3 com %4 de fundo. O que vender conta nesta "
            "sessão, e no fecho dela (Z), com o seu nome em cada documento.")
            .replace("%1", str(other.id)).replace("%2", self.ctx.name(other.user))
            .replace("%3", f"{other.opened_at:%H:%M}")
            .replace("%4", eur(other.opening_float)))
        self.open_button.setText(self.tr("Continuar nesta sessão"))

    def submit(self) -> None:
        if self.busy:
            return
        if self.other is not None:
            session, self.other = self.other, None
            self.continued.emit(session)
            return
        self.run(self.ctx.app.open_session, self.ctx.login, self.amount.text() or "0",
                 hold=(self.open_button, self.back), on_done=self.opened.emit)


class ReportPage(Page):
    """Shows an X report (back to selling) or a Z report (then the till is closed)."""

    finished = Signal(bool)          # True after a Z: sign out

    def __init__(self, ctx, devices, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.devices = devices
        self.report = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = title("")
        outer.addWidget(self.heading)
        self.summary = QLabel()
        self.summary.setObjectName("big")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        outer.addWidget(self.counts)
        self.text = QPlainTextEdit()
        self.text.setObjectName("report")
        self.text.setReadOnly(True)
        outer.addWidget(self.text, 1)
        self.notice = Notice()
        outer.addWidget(self.notice)
        row = QHBoxLayout()
        self.print_button = button(self.tr("Imprimir"), min_w=200)
        self.print_button.clicked.connect(self.print_report)
        self.done = button(self.tr("Voltar"), "primary", min_w=240, shortcut="Esc")
        self.done.clicked.connect(lambda: self.finished.emit(self.report.z_number is not None))
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.done)
        outer.addLayout(row)

    def show_report(self, report) -> None:
        self.report = report
        z = report.z_number is not None
        supervisor = bool(self.ctx.user and self.ctx.user.is_supervisor)
        self.lines = report_lines(report, show_expected=z or supervisor)
        self.heading.setText(report_title(report))
        self.text.setPlainText("\n".join(self.lines))
        self.done.setText(self.tr("Terminar") if z else self.tr("Voltar"))
        self.notice.clear()
        if z:
            rows = []
            for c in report.counts:
                sign = "+" if c.difference > 0 else ""
                rows.append(self.tr("%1: esperado %2 · contado %3 · diferença %4")
                            .replace("%1", method_name(c.method)).replace("%2", eur(c.expected))
                            .replace("%3", eur(c.counted))
                            .replace("%4", sign + eur(c.difference)))
            cash = next((c for c in report.counts if c.method == "NU"), None)
            diff = cash.difference if cash else Decimal(0)
            head = self.tr("Numerário certo: sem diferenças.") if diff == 0 else \
                self.tr("Diferença em numerário: %1").replace(
                    "%1", ("+" if diff > 0 else "") + eur(diff))
            self.summary.setText(head)
            self.counts.setText("\n".join(rows))
            self.summary.show()
            self.counts.show()
            self.print_report()          # the Z always goes to paper
        else:
            self.summary.hide()
            self.counts.hide()

    def print_report(self) -> None:
        """Print, then say what the printer really answered."""
        shown = self.report
        self.notice.info(self.tr("A imprimir…"))

        def answered(outcome) -> None:
            if self.report is not shown:
                return
            if outcome.ok:
                self.notice.ok(self.tr("Impresso."))
            else:
                self.notice.error(self.tr("Não impresso: %1. Toque em Imprimir para tentar "
                                          "de novo.").replace("%1", self.devices.describe(
                                              outcome)))

        self.devices.print_text(report_title(self.report), self.lines, on_outcome=answered)


class ClosePage(Page):
    """Blind count: the cashier types what is there; expected figures come after."""

    closed = Signal(object)          # the Z CashReport

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)
        left = QVBoxLayout()
        left.addWidget(title(self.tr("Fechar a caixa — contagem cega")))
        text = QLabel(self.tr("Conte o dinheiro da gaveta e os totais dos talões de cada "
                              "meio de pagamento. As diferenças aparecem depois de "
                              "confirmar."))
        text.setWordWrap(True)
        left.addWidget(text)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        left.addLayout(self.grid)
        self.notice = Notice()
        left.addWidget(self.notice)
        left.addStretch(1)
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        left.addLayout(_left_aligned(self.back))
        outer.addLayout(left, 3)
        right = QVBoxLayout()
        self.pad = NumPad(key_h=72)
        right.addWidget(self.pad, 3)
        self.confirm = button(self.tr("Confirmar fecho"), "primary", min_h=72)
        self.confirm.clicked.connect(self.submit)
        right.addWidget(self.confirm)
        right.addStretch(1)
        outer.addLayout(right, 2)
        self.fields: dict[str, QLineEdit] = {}
        self.pending: dict[str, Decimal] | None = None   # a count with a difference, said

    def entered(self) -> None:
        """The methods to count are those of the session (read in the background: until
        they come, there is nothing to confirm)."""
        self.notice.clear()
        self.pending = None
        self.confirm.setText(self.tr("Confirmar fecho"))
        self.show_methods(())
        self.run(self.ctx.app.x_report, self.ctx.session.id, on_done=self._loaded)

    def _loaded(self, report) -> None:
        self.show_methods(report.count_methods)
        if report.parked:
            self.notice.info(self.tr("%n venda(s) suspensa(s) ficam para depois do fecho "
                                     "(não contam nesta sessão).", "", report.parked))

    def show_methods(self, methods: tuple[str, ...]) -> None:
        self.pad.attach(None)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.fields.clear()
        self.confirm.setEnabled(bool(methods))
        for i, method in enumerate(methods):
            label = QLabel(method_name(method))
            field = amount_field()
            field.installEventFilter(self)
            field.textChanged.connect(self._edited)
            self.grid.addWidget(label, i, 0)
            self.grid.addWidget(field, i, 1)
            self.fields[method] = field
        if methods:
            self.select(methods[0])

    def _edited(self, _text: str) -> None:
        if self.pending is not None:          # a new count: checked again
            self.pending = None
            self.confirm.setText(self.tr("Confirmar fecho"))

    def select(self, method: str) -> None:
        self.pad.attach(self.fields[method])
        self.fields[method].setFocus()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn and isinstance(obj, QLineEdit):
            self.pad.attach(obj)
        return False

    def counted(self) -> dict[str, Decimal]:
        """What was counted, per method; a field left blank is refused (nothing is 0,
        typed): a count nobody made must never close the till."""
        out = {}
        for method, field in self.fields.items():
            text = field.text().strip()
            if not text:
                self.select(method)
                raise ValidationError(self.tr("Conte %1 e escreva o valor (0 se não há "
                                              "nada).").replace("%1", method_name(method)))
            out[method] = to_decimal(text, self.tr("contagem"))
        return out

    def submit(self) -> None:
        """Check the count against the session first: a difference is said (which method,
        not how much: the count stays blind) and closing then needs a second tap."""
        if self.busy or not self.fields:
            return
        try:
            counted = self.counted()
        except PosError as exc:
            self.notice.error(self.message(exc))
            return
        if self.pending == counted:
            self._close(counted)
            return
        self.run(self.ctx.app.x_report, self.ctx.session.id, hold=(self.confirm, self.back),
                 on_done=lambda report: self._checked(report, counted))

    def _checked(self, report, counted: dict[str, Decimal]) -> None:
        wrong = [m for m in dict.fromkeys((*report.count_methods, *counted))
                 if counted.get(m, Decimal(0)) != report.expected(m)]
        if not wrong:
            self._close(counted)
            return
        self.pending = counted
        self.notice.error(self.tr("A contagem não bate certo em: %1. Conte outra vez; se "
                                  "estiver certa, confirme o fecho com a diferença.")
                          .replace("%1", ", ".join(method_name(m) for m in wrong)))
        self.confirm.setText(self.tr("Fechar com diferença"))

    def _close(self, counted: dict[str, Decimal]) -> None:
        self.run(self.ctx.app.close_session, self.ctx.session.id, self.ctx.login, counted,
                 hold=(self.confirm, self.back), on_done=self.closed.emit)
