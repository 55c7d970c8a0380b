"""Return goods: a credit note (NC) on chosen lines of an earlier document, with a reason
and a supervisor's approval. The money goes back in cash (the drawer opens)."""

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.services.corrections import CREDITABLE, MAX_REASON

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, eur, qty, title
from .approval import ApprovalBox
from .page import Page
from .picker import DocumentPicker

ROLE_LINE = Qt.ItemDataRole.UserRole
ROLE_QTY = Qt.ItemDataRole.UserRole + 1


class CreditNotePage(Page):
    issued = Signal(object)            # the credit note (Document)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.doc = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)
        left = QVBoxLayout()
        self.heading = title(self.tr("Devolução: escolha o documento"))
        left.addWidget(self.heading)
        self.steps = QStackedWidget()
        self.picker = DocumentPicker(ctx, CREDITABLE)
        self.picker.picked.connect(self.choose)
        self.steps.addWidget(self.picker)
        lines_box = QWidget()
        lb = QVBoxLayout(lines_box)
        lb.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Marque as linhas a devolver; − e + mudam a quantidade."))
        hint.setObjectName("subtitle")
        lb.addWidget(hint)
        self.lines = QListWidget()
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.itemChanged.connect(lambda _i: self.update_total())
        lb.addWidget(self.lines, 1)
        row = QHBoxLayout()
        self.minus = button("−", "pad")
        self.plus = button("+", "pad")
        self.minus.clicked.connect(lambda: self.step(-1))
        self.plus.clicked.connect(lambda: self.step(1))
        self.other = button(self.tr("Outro documento"), "function")
        self.other.clicked.connect(self.entered)
        row.addWidget(self.minus)
        row.addWidget(self.plus)
        row.addStretch(1)
        row.addWidget(self.other)
        self.back = button(self.tr("Voltar"), min_w=120, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        row.addWidget(self.back)
        self.total = QLabel()
        self.total.setObjectName("big")
        lb.addWidget(self.total)
        self.steps.addWidget(lines_box)
        left.addWidget(self.steps, 1)
        left.addLayout(row)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Motivo")))
        quick = QHBoxLayout()
        for text in (self.tr("Devolução"), self.tr("Defeito"), self.tr("Engano")):
            b = button(text, "function")
            b.clicked.connect(lambda _=False, t=text: self.reason.setText(t))
            quick.addWidget(b)
        right.addLayout(quick)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("motivo da devolução"))
        right.addWidget(self.reason)
        self.approval = ApprovalBox(ctx)
        right.addWidget(self.approval)
        self.pad = NumPad(comma=False, key_h=52, columns=6)
        self.pad.attach(self.approval.pin)
        right.addWidget(self.pad)
        self.notice = Notice()
        right.addWidget(self.notice)
        right.addStretch(1)
        self.go = button(self.tr("Emitir nota de crédito"), "primary", min_h=64)
        self.go.clicked.connect(self.submit)
        right.addWidget(self.go)
        outer.addLayout(right, 2)
        self.approval.pin.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn:
            self.pad.attach(obj)
        return False

    def entered(self) -> None:
        self.doc = None
        self.heading.setText(self.tr("Devolução: escolha o documento"))
        self.steps.setCurrentIndex(0)
        self.reason.clear()
        self.notice.clear()
        self.approval.reset()
        self.go.setEnabled(False)
        self.picker.reload()

    def choose(self, number: str) -> None:
        try:
            doc = self.ctx.till.document(number)
            if doc.doc_type not in CREDITABLE:
                raise ValueError(self.tr("Não se faz nota de crédito sobre %1.")
                                 .replace("%1", doc.doc_type))
        except Exception as exc:
            self.notice.error(self.message(exc) if not isinstance(exc, ValueError)
                              else str(exc))
            return
        self.doc = doc
        self.heading.setText(self.tr("Devolução de %1").replace("%1", doc.document_no))
        self.lines.blockSignals(True)
        self.lines.clear()
        for ln in doc.lines:
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ROLE_LINE, ln)
            item.setData(ROLE_QTY, ln.quantity)
            self.lines.addItem(item)
            self._label(item)
        self.lines.blockSignals(False)
        self.steps.setCurrentIndex(1)
        self.notice.clear()
        self.update_total()

    def _label(self, item: QListWidgetItem) -> None:
        ln, q = item.data(ROLE_LINE), item.data(ROLE_QTY)
        item.setText(f"{ln.line_no}. {ln.description}   {qty(q)} / {qty(ln.quantity)}   "
                     f"{eur(self._amount(ln, q))}")

    @staticmethod
    def _amount(ln, q: Decimal) -> Decimal:
        return (ln.gross_amount * q / ln.quantity).quantize(Decimal("0.01"))

    def step(self, delta: int) -> None:
        item = self.lines.currentItem()
        if item is None:
            return
        ln, q = item.data(ROLE_LINE), item.data(ROLE_QTY)
        new = min(ln.quantity, max(Decimal(1), q + delta))
        item.setData(ROLE_QTY, new)
        item.setCheckState(Qt.CheckState.Checked)
        self._label(item)
        self.update_total()

    def picks(self) -> list[tuple[int, Decimal]]:
        out = []
        for i in range(self.lines.count()):
            item = self.lines.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((item.data(ROLE_LINE).line_no, item.data(ROLE_QTY)))
        return out

    def update_total(self) -> None:
        total = Decimal(0)
        for i in range(self.lines.count()):
            item = self.lines.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                total += self._amount(item.data(ROLE_LINE), item.data(ROLE_QTY))
        self.total.setText(self.tr("A devolver: %1").replace("%1", eur(total)))
        self.go.setEnabled(bool(self.doc) and total > 0)

    def check(self, line_no: int, quantity: Decimal | None = None) -> None:
        """Mark a line for return (touch does the same with the check box)."""
        for i in range(self.lines.count()):
            item = self.lines.item(i)
            if item.data(ROLE_LINE).line_no == line_no:
                if quantity is not None:
                    item.setData(ROLE_QTY, Decimal(quantity))
                    self._label(item)
                item.setCheckState(Qt.CheckState.Checked)

    def submit(self) -> None:
        ctx = self.ctx
        picks = self.picks()
        try:
            if not picks:
                raise ValueError(self.tr("Marque pelo menos uma linha."))
            if not self.reason.text().strip():
                raise ValueError(self.tr("Indique o motivo."))
            approver = self.approval.approve(f"credit note on {self.doc.document_no}")
            note = ctx.till.credit_note(self.doc.document_no,
                                        f"{self.reason.text().strip()}"[:MAX_REASON],
                                        picks, user=ctx.user.login)
            ctx.desk.record(ctx.user.login, "credit_note",
                            f"{note.document_no} on {self.doc.document_no} approved by "
                            f"{approver.login}")
        except Exception as exc:
            self.notice.error(str(exc) if isinstance(exc, ValueError) else self.message(exc))
            return
        self.issued.emit(note)
