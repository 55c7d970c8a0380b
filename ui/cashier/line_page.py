"""Change a cart line: quantity (anyone), discount or price (a supervisor, or with one's
approval); or give a discount on the whole sale (the same rule: it is spread onto the lines
by the core when the sale is issued). Discounts and price overrides are audited with who
approved them."""

from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.errors import PosError
from pos.domain.money import round2, to_decimal

from ..widgets.numpad import NumPad
from ..widgets.touch import Notice, button, eur, qty, title
from .approval import ApprovalBox
from .page import Page

PERCENTS = (5, 10, 15, 20, 50)


class LinePage(Page):
    done = Signal(int)                 # the index of the line changed

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.cart, self.index, self.mode = None, 0, "qty"
        self.scope, self.percent_value = "line", None      # line | order; a % chosen
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(24)
        left = QVBoxLayout()
        self.heading = title("")
        left.addWidget(self.heading)
        self.info = QLabel()
        self.info.setWordWrap(True)
        left.addWidget(self.info)
        self.value = QLineEdit()
        self.value.setObjectName("display")
        self.value.setMaxLength(10)
        self.value.returnPressed.connect(self.apply)
        left.addWidget(self.value)
        self.value.textEdited.connect(lambda _t: setattr(self, "percent_value", None))
        self.scope_row = QWidget()
        scope = QHBoxLayout(self.scope_row)
        scope.setContentsMargins(0, 0, 0, 0)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons = {}
        for key, text in (("line", self.tr("Nesta linha")),
                          ("order", self.tr("Na venda toda"))):
            b = button(text, "function")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, k=key: self.set_scope(k))
            self.scope_group.addButton(b)
            scope.addWidget(b)
            self.scope_buttons[key] = b
        left.addWidget(self.scope_row)
        self.percent_row = QWidget()
        row = QHBoxLayout(self.percent_row)
        row.setContentsMargins(0, 0, 0, 0)
        for p in PERCENTS:
            b = button(f"{p}%", "quick")
            b.clicked.connect(lambda _=False, p=p: self.percent(p))
            row.addWidget(b)
        left.addWidget(self.percent_row)
        self.approval = ApprovalBox(ctx)
        left.addWidget(self.approval)
        self.notice = Notice()
        left.addWidget(self.notice)
        left.addStretch(1)
        bottom = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.ok = button(self.tr("Aplicar"), "primary", min_w=200)
        self.ok.clicked.connect(self.apply)
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        bottom.addWidget(self.ok)
        left.addLayout(bottom)
        outer.addLayout(left, 3)
        self.pad = NumPad(key_h=72)
        pad_box = QVBoxLayout()
        pad_box.addWidget(self.pad, 3)
        pad_box.addStretch(1)
        outer.addLayout(pad_box, 2)
        for field in (self.value, self.approval.pin):
            field.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn:
            self.pad.attach(obj)
        return False

    def start(self, cart, index: int, mode: str) -> None:
        self.cart, self.index, self.mode = cart, index, mode
        self.scope, self.percent_value = "line", None
        self.scope_buttons["line"].setChecked(True)
        self.scope_row.setVisible(mode == "discount")
        self._show_line()
        needs_approval = mode != "qty" and not (self.ctx.user and self.ctx.user.is_supervisor)
        self.approval.setVisible(needs_approval)
        if needs_approval:
            self.approval.reset()
        self.notice.clear()
        self.pad.attach(self.value)
        self.value.setFocus()

    def set_scope(self, scope: str) -> None:
        """A discount on this line, or on the whole sale."""
        self.scope, self.percent_value = scope, None
        self.scope_buttons[scope].setChecked(True)
        if scope == "line":
            self._show_line()
            return
        cart = self.cart
        self.heading.setText(self.tr("Desconto na venda toda (€ ou %)"))
        self.info.setText(self.tr("A venda vale %1 antes deste desconto; ele é repartido "
                                  "pelas linhas na fatura.").replace("%1", eur(cart.subtotal)))
        self.value.setText(f"{cart.order_discount:.2f}".replace(".", ","))
        self.value.selectAll()

    def _show_line(self) -> None:
        cart, index, mode = self.cart, self.index, self.mode
        line = cart.lines[index]
        names = {"qty": self.tr("Quantidade"), "discount": self.tr("Desconto na linha (€)"),
                 "price": self.tr("Preço unitário (€)")}
        self.heading.setText(f"{names[mode]} — {line.product.name}")
        self.info.setText(self.tr("Quantidade %1 · preço %2 · desconto %3 · valor %4")
                          .replace("%1", qty(line.quantity))
                          .replace("%2", eur(line.unit_price))
                          .replace("%3", eur(line.discount)).replace("%4", eur(line.amount)))
        current = {"qty": line.quantity, "discount": line.discount,
                   "price": line.unit_price}[mode]
        self.value.setText(qty(current) if mode == "qty" else f"{current:.2f}".replace(".", ","))
        self.value.selectAll()
        self.percent_row.setVisible(mode == "discount")

    def percent(self, p: int) -> None:
        if self.scope == "order":
            gross = self.cart.subtotal
            self.percent_value = Decimal(p)     # kept as a % if lines change afterwards
        else:
            line = self.cart.lines[self.index]
            gross = round2(line.quantity * line.unit_price)
        self.value.setText(f"{round2(gross * p / Decimal(100)):.2f}".replace(".", ","))

    def apply(self) -> None:
        """Quantity: changed at once. Discount or price: changed in the cart, then approved
        (when the cashier is not a supervisor) and put on record in one background job;
        the change is undone if either is refused."""
        if self.busy:
            return
        cart, index, mode = self.cart, self.index, self.mode
        before, order_before = cart.lines[index], cart.order
        try:
            value = to_decimal(self.value.text(), self.tr("valor"))
            credentials = self.approval.credentials() if self.approval.isVisible() else None
            if self.scope == "order":
                if self.percent_value is not None:
                    value = cart.set_order_discount(percent=self.percent_value)
                else:
                    cart.set_order_discount(amount=value)
            else:
                {"qty": cart.set_quantity, "discount": cart.set_discount,
                 "price": cart.set_price}[mode](index, value)
        except PosError as exc:
            self.notice.error(self.message(exc))
            return
        if mode == "qty":
            self.done.emit(index)
            return
        if self.scope == "order":
            pct = f" ({self.percent_value}%)" if self.percent_value is not None else ""
            what = f"order discount {value}{pct} on {cart.subtotal}"
            detail, kind = what, "order_discount"
        else:
            what = f"{before.product.code} {mode} {value}"
            detail = f"{what} (was {before.unit_price}/{before.discount})"
            kind = "discount" if mode == "discount" else "price_override"

        def refused(exc) -> None:
            cart.lines[index] = before
            cart.order = order_before
            self.notice.error(self.message(exc))

        self.run(approved_change, self.ctx.app, self.ctx.login, kind, what, detail,
                 credentials, hold=(self.ok, self.back), on_done=lambda _: self.done.emit(index),
                 on_error=refused)


def approved_change(app, user: str, kind: str, what: str, detail: str,
                    credentials: tuple[str, str] | None) -> None:
    """A supervisor's approval (``credentials``: login and PIN; None when the cashier is
    one) and the record of the change, with who approved it."""
    by = user
    if credentials is not None:
        by = app.approve(*credentials, what).login
    app.record_event(user, kind, f"{detail} approved by {by}")
