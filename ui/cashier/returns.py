"""Return goods: a credit note (NC) on chosen lines of an earlier document, with a reason
and a supervisor's approval. The money goes back the way it came (a card's share to the
card, the rest in cash), or all by one method the customer asks for; the credit note
records how (its payments), and the drawer opens only when cash goes back.

The refund shown as lines are ticked is ``Application.refund_of``: the very function that
builds the credit note's lines, so the screen and the note cannot disagree."""

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain import refunds
from pos.domain.errors import PosError
from pos.services.corrections import CREDITABLE, MAX_REASON

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, eur, qty, title
from .approval import ApprovalBox
from .methods import method_name
from .page import Page
from .picker import DocumentPicker

ON_CREDIT = ("FT", "ND")            # invoices paid later, not at the till
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
        self._asked: str | None = None     # the document number last chosen
        self._refusal = ""                 # the core's sentence on the return ticked
        self.steps.addWidget(self.picker)
        lines_box = QWidget()
        lb = QVBoxLayout(lines_box)
        lb.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Toque nas linhas a devolver; − e + mudam a quantidade."))
        hint.setObjectName("subtitle")
        lb.addWidget(hint)
        self.lines = QListWidget()
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.itemChanged.connect(lambda _i: self.update_total())
        self.lines.itemClicked.connect(self.toggle)
        lb.addWidget(self.lines, 1)
        row = QHBoxLayout()
        self.minus = button("−", "pad", min_w=64)
        self.plus = button("+", "pad", min_w=64)
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
        self.ways = QHBoxLayout()           # how the money goes back
        self.way_group = QButtonGroup(self)
        self.way_group.setExclusive(True)
        self.way_group.buttonClicked.connect(lambda _b: self.update_total())
        self.way_buttons: dict[str, object] = {}
        lb.addLayout(self.ways)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        lb.addWidget(self.plan_label)
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
        self.picker.problem.connect(self.show_error)
        self.approval.problem.connect(self.show_error)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn:
            self.pad.attach(obj)
        return False

    def entered(self) -> None:
        self.doc = None
        self.available: tuple = ()
        self.plan: tuple = ()
        self._asked = None
        self.heading.setText(self.tr("Devolução: escolha o documento"))
        self.steps.setCurrentIndex(0)
        self.reason.clear()
        self.notice.clear()
        self.approval.reset()
        self.go.setEnabled(False)
        self.picker.reload()

    def choose(self, number: str) -> None:
        """Read the document in the background; only the last one asked for is shown."""
        self._asked = number
        self.run(document_and_refundable, self.ctx.app, number, hold=(self.other,),
                 on_done=lambda answer: self._chosen(number, *answer),
                 on_error=lambda exc: self._not_found(number, exc))

    def _not_found(self, number: str, exc: Exception) -> None:
        if number == self._asked:
            self.show_error(exc)

    def _chosen(self, number: str, doc, available=()) -> None:
        if number != self._asked:
            return
        if doc.doc_type not in CREDITABLE:
            self.notice.error(self.tr("Não se faz nota de crédito sobre %1.")
                              .replace("%1", doc.doc_type))
            return
        self.doc = doc
        self.available = tuple(available)
        self._ways()
        self.heading.setText(self.tr("Devolução de %1").replace("%1", doc.document_no))
        self.lines.blockSignals(True)
        self.lines.clear()
        for ln in doc.lines:
            item = QListWidgetItem()
            # Not user-checkable: the whole line is the target (toggle), the box only shows.
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
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
        amount, _why = self.refund(ln, q)
        item.setText(f"{ln.line_no}. {ln.description}   {qty(q)} / {qty(ln.quantity)}   "
                     f"{eur(amount) if amount is not None else '—'}")

    def refund(self, line, quantity: Decimal) -> tuple[Decimal | None, str]:
        """What giving back ``quantity`` of ``line`` refunds, exactly as the credit note
        will have it (a pure function of the core: no database, so no background job);
        or None and the core's sentence when it refuses that return (the credit note
        would be refused for the same reason)."""
        try:
            return self.ctx.app.refund_of(line, quantity), ""
        except PosError as exc:
            return None, self.message(exc)

    def _ways(self) -> None:
        """'As paid' (a card's share back to the card), or all by one method."""
        for b in self.way_buttons.values():
            self.way_group.removeButton(b)
            self.ways.removeWidget(b)
            b.deleteLater()
        self.way_buttons = {}
        methods = [m for m, _a in self.available]
        if self.doc.doc_type in ON_CREDIT:        # paid later: the note lowers the debt
            options = [("none", self.tr("Abate à dívida"))]
            options += [(m, method_name(m)) for m in ("NU", "CD", "TB")]
        else:
            options = [("auto", self.tr("Como pagou"))] if len(methods) > 1 or (
                methods and methods != ["NU"]) else []
            options += [(m, method_name(m)) for m in dict.fromkeys(["NU", *methods])]
        for key, text in options:
            b = button(text, "function", min_h=48)
            b.setCheckable(True)
            self.way_group.addButton(b)
            self.ways.addWidget(b)
            self.way_buttons[key] = b
        self.way_buttons[options[0][0]].setChecked(True)

    def way(self) -> str:
        for key, b in self.way_buttons.items():
            if b.isChecked():
                return key
        return "NU"

    def toggle(self, item: QListWidgetItem) -> None:
        """A tap on the line (anywhere on it, not only its small box) marks it or not."""
        self.lines.setCurrentItem(item)
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

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
        total: Decimal | None = Decimal(0)
        refusal = ""
        for i in range(self.lines.count()):
            item = self.lines.item(i)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            amount, why = self.refund(item.data(ROLE_LINE), item.data(ROLE_QTY))
            refusal = refusal or why
            total = None if total is None or amount is None else total + amount
        self.total.setText(self.tr("A devolver: %1").replace(
            "%1", eur(total) if total is not None else "—"))
        self.go.setEnabled(bool(self.doc) and total is not None and total > 0)
        self.plan = ()
        way = self.way()
        if total is not None and total > 0 and way != "none":
            self.plan = refunds.split(self.available, total) if way == "auto" else \
                refunds.single(way, total)
        if self.plan:
            self.plan_label.setText(self.tr("Reembolso: %1").replace("%1", " · ".join(
                f"{method_name(m)} {eur(a)}" for m, a in self.plan)))
        elif way == "none" and self.doc is not None:
            self.plan_label.setText(self.tr("Sem dinheiro: a nota abate ao que o cliente "
                                            "deve."))
        else:
            self.plan_label.setText("")
        if refusal:
            self.notice.error(refusal)
        elif self._refusal and self.notice.text() == self._refusal:
            self.notice.clear()               # the figures are whole again
        self._refusal = refusal

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
        """Approval and credit note in one background job (the page held until it
        answers); the approval is put on record beside the note afterwards."""
        if self.busy or self.doc is None:
            return
        picks = self.picks()
        reason = self.reason.text().strip()[:MAX_REASON]
        if not picks:
            self.notice.error(self.tr("Marque pelo menos uma linha."))
            return
        if not reason:
            self.notice.error(self.tr("Indique o motivo."))
            return
        try:
            login, pin = self.approval.credentials()
        except PosError as exc:
            self.notice.error(self.message(exc))
            return
        self.notice.info(self.tr("A emitir…"))
        self.run(approved_credit, self.ctx.app, self.doc.document_no, reason, picks,
                 self.ctx.login, login, pin, self.plan,
                 hold=(self.go, self.back, self.other, self.minus, self.plus),
                 on_done=self._issued)

    def _issued(self, answer) -> None:
        approver, note = answer
        # Who approved, beside the note (a failure is told on the page then shown).
        self.ctx.worker.submit(self.ctx.app.record_event, self.ctx.login, "credit_note",
                               f"{note.document_no} on {self.doc.document_no} approved by "
                               f"{approver.login}", lane="counter", name="credit note record")
        self.issued.emit(note)


def approved_credit(app, document_no: str, reason: str, picks, user: str, approver: str,
                    pin: str, plan=()):
    """A supervisor's approval, then the credit note it approves with how the money goes
    back: (approver, note)."""
    who = app.approve(approver, pin, f"credit note on {document_no}")
    return who, app.credit(document_no, reason, picks, user=user, refunds=tuple(plan) or None)


def document_and_refundable(app, document_no: str):
    """The document to return goods from, and what each of its methods can still give
    back (one background job)."""
    doc = app.document(document_no)
    return doc, app.refundable(document_no) if doc.doc_type in CREDITABLE else ()
