"""The sale screen: find products (tap, search, scan), build the cart, see the total."""

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from pos.domain.documents import ProductSnapshot, price_lines
from pos.domain.errors import PosError

from ..widgets.confirm import MessageLine
from ..widgets.status import ElidedLabel
from ..widgets.touch import Notice, button, eur
from .after_sale import AfterSale
from .barcodes import parse
from .cart import Cart
from .cart_view import CartView
from .doctype import Decision, decide, doc_reason
from .lookups import first_product, product_or_search
from .page import Page
from .product_grid import ProductGrid
from .scanner import ScanField

SEARCH_LIMIT = 48
MULTIPLIER = re.compile(r"^(\d{1,4}(?:[.,]\d{1,3})?)\s*[*xX]\s*(.*)$")
translate = QCoreApplication.translate
SEARCH_DELAY_MS = 200


class SalePage(Page):
    pay = Signal()
    customer = Signal()
    edit_line = Signal(int, str)        # index, 'qty' | 'discount' | 'price'
    weigh = Signal(object)              # a product sold by weight: ask how much
    reprint = Signal()
    credit_note = Signal()
    parked_list = Signal()
    cash_menu = Signal()
    x_report = Signal()
    close_session = Signal()
    sign_out = Signal()
    drawer = Signal()
    print_again = Signal(object, bool)  # the last sale's Document, as a copy?
    gift_receipt = Signal(object)       # the last sale's Document
    email_document = Signal(object)     # the last sale's Document
    printer_help = Signal()
    cart_changed = Signal()             # the customer's display follows the cart

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.cart = Cart()
        self.decision: Decision | None = None
        self._grid_asked = 0                  # the newest grid load asked for
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(8)
        main = QHBoxLayout()
        main.setSpacing(12)
        outer.addLayout(main, 1)

        # ---- left: search, categories, products, messages, functions ----------------
        left = QVBoxLayout()
        left.setSpacing(6)
        self.search = ScanField()
        self.search.setPlaceholderText(self.tr("Procurar artigo ou ler código de barras (F2)"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.typed_enter)
        left.addWidget(self.search)
        self.grid = ProductGrid()
        self.grid.chosen.connect(self.add_product)
        self.grid.category_changed.connect(self.show_category)
        left.addWidget(self.grid, 1)
        self.notice = Notice()
        self.message = MessageLine(self.notice)
        left.addWidget(self.message)
        funcs = QHBoxLayout()
        funcs.setSpacing(6)
        self.functions = {}
        for key, text, shortcut, signal in (
                ("reprint", self.tr("Reimprimir"), "F5", self.reprint),
                ("credit", self.tr("Devolução"), "F6", self.credit_note),
                ("parked", self.tr("Suspensas"), "", self.parked_list),
                ("cash", self.tr("Caixa…"), "", self.cash_menu),
                ("out", self.tr("Sair"), "F12", self.sign_out)):
            b = button(f"{text}\n{shortcut}" if shortcut else text, "function",
                       shortcut=shortcut or None)
            b.clicked.connect(signal)
            funcs.addWidget(b, 1)
            self.functions[key] = b
        left.addLayout(funcs)
        main.addLayout(left, 5)

        # ---- right: customer, cart (or the last sale), line actions, total, pay -------
        right = QVBoxLayout()
        right.setSpacing(6)
        top = QHBoxLayout()
        self.customer_label = ElidedLabel()
        self.customer_label.setObjectName("subtitle")
        top.addWidget(self.customer_label, 1)
        self.void = button(self.tr("Anular venda"), "danger", min_h=48)
        self.void.setProperty("compact", True)
        self.void.clicked.connect(self.void_sale)
        top.addWidget(self.void)
        right.addLayout(top)
        self.doc_label = ElidedLabel()
        self.doc_label.setObjectName("docType")
        right.addWidget(self.doc_label)
        self.cart_stack = QStackedWidget()
        self.cart_view = CartView()
        self.after = AfterSale()
        self.after.print_again.connect(lambda copy: self.print_again.emit(self.after.doc, copy))
        self.after.gift.connect(lambda: self.gift_receipt.emit(self.after.doc))
        self.after.email.connect(lambda: self.email_document.emit(self.after.doc))
        self.after.printer_help.connect(self.printer_help)
        self.cart_stack.addWidget(self.cart_view)
        self.cart_stack.addWidget(self.after)
        right.addWidget(self.cart_stack, 1)
        lines = QHBoxLayout()
        self.minus = button("−", "pad", min_w=56, min_h=52, shortcut="F9")
        self.plus = button("+", "pad", min_w=56, min_h=52, shortcut="F10")
        self.qty_button = button(self.tr("Qtd."), "function", min_h=52)
        self.remove = button(self.tr("Remover"), "danger", min_h=52, shortcut="Ctrl+Del")
        for b in (self.minus, self.plus, self.qty_button, self.remove):
            b.setProperty("compact", True)          # 48 px: room for one more cart line
            lines.addWidget(b)
        right.addLayout(lines)
        sup = QHBoxLayout()
        self.discount = button(self.tr("Desconto"), "function", min_h=52)
        self.price = button(self.tr("Alterar preço"), "function", min_h=52)
        for b in (self.discount, self.price):
            b.setProperty("compact", True)
            sup.addWidget(b)
        right.addLayout(sup)
        totals = QHBoxLayout()
        caption = QLabel(self.tr("Total"))
        caption.setObjectName("totalCaption")
        self.items_label = QLabel()
        self.items_label.setObjectName("totalCaption")
        self.total = QLabel(eur(0))
        self.total.setObjectName("total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        capbox = QVBoxLayout()
        capbox.setSpacing(0)
        capbox.addWidget(caption)
        capbox.addWidget(self.items_label)
        totals.addLayout(capbox)
        totals.addWidget(self.total, 1)
        right.addLayout(totals)
        actions = QHBoxLayout()
        self.park = button(self.tr("Suspender"), "function", min_h=64)
        self.park.clicked.connect(self.park_sale)
        self.customer_button = button(self.tr("Cliente / NIF\nF3"), "primary", min_h=64,
                                      shortcut="F3")
        self.pay_button = button(self.tr("PAGAR\nF4"), "pay", min_h=64, shortcut="F4")
        actions.addWidget(self.park, 2)
        actions.addWidget(self.customer_button, 3)
        actions.addWidget(self.pay_button, 4)
        right.addLayout(actions)
        main.addLayout(right, 4)

        self.minus.clicked.connect(lambda: self.step(-1))
        self.plus.clicked.connect(lambda: self.step(1))
        self.remove.clicked.connect(self.remove_line)
        self.qty_button.clicked.connect(lambda: self._edit("qty"))
        self.discount.clicked.connect(lambda: self._edit("discount"))
        self.price.clicked.connect(lambda: self._edit("price"))
        self.customer_button.clicked.connect(self.customer)
        self.pay_button.clicked.connect(self.try_pay)
        self.cart_view.itemSelectionChanged.connect(self._line_buttons)
        self.key("F2", self.focus_search)
        self.key("Esc", self.escape)
        # Keys of the functions behind 'Caixa…' (one meaning each, on this page only).
        self.key("F7", self.x_report)
        self.key("F8", self.close_session)
        self.key("F11", self.drawer)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.run_search(self.search.text()))
        self.search.scanned.connect(self.scan)
        self.refresh()

    # ---- showing ------------------------------------------------------------------------
    def apply_role(self, user) -> None:
        """Discounts and price changes: direct for supervisors, with approval otherwise."""
        lock = "" if user.is_supervisor else "…"
        self.discount.setText(self.tr("Desconto") + lock)
        self.price.setText(self.tr("Alterar preço") + lock)

    def set_scale(self, factor: float) -> None:
        self.grid.set_scale(factor)
        self.cart_view.set_scale(factor)

    def entered(self) -> None:
        self.refresh()
        self.focus_search()

    def escape(self) -> None:
        """Esc: a question on the page is answered 'no'; else the search is cleared."""
        if self.message.asking:
            self.message.cancel()
        else:
            self.clear_search()

    def show_last_sale(self, doc, qr_payload: str) -> None:
        """The sale just issued, in the cart's place until the next item."""
        self.after.show_sale(doc, qr_payload)
        self.refresh()

    def forget_last_sale(self) -> None:
        """A new cashier or session: nothing of the previous one stays on screen."""
        self.after.doc = None
        self.message.cancel()
        self.notice.clear()
        self.refresh()

    # ---- the product grid (loaded in the background) -------------------------------
    def load_catalogue(self) -> None:
        self.run(self.ctx.app.categories, on_done=self._categories)

    def _categories(self, cats: list[str]) -> None:
        self.grid.set_categories(cats)
        if cats:
            self.grid.select_category(cats[0])

    def _load_grid(self, fn, *args, caption=None) -> None:
        """Fill the grid from ``fn(*args)``; a load superseded by a newer one (the cashier
        kept typing, or tapped a tab) is dropped when it comes back."""
        self._grid_asked += 1
        asked = self._grid_asked

        def show(products) -> None:
            if asked == self._grid_asked:
                self.grid.show_products(products, caption(products) if caption else "")

        self.run(fn, *args, on_done=show)

    def show_category(self, name: str) -> None:
        self._load_grid(self.ctx.app.category_products, name)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_search(self) -> None:
        self.search.clear()
        self._search_timer.stop()
        self.run_search("")

    def run_search(self, text: str) -> None:
        text = text.strip()
        if len(text) < 2:
            if self.grid.category() is not None:
                self.show_category(self.grid.category())
            return
        self._load_grid(self.ctx.app.search_products, text, SEARCH_LIMIT,
                        caption=lambda found: self._caption(text, found))

    def _caption(self, text: str, found: list) -> str:
        caption = self.tr("%n artigo(s) para “%1”", "", len(found)).replace("%1", text)
        if len(found) == SEARCH_LIMIT:
            caption += self.tr(" — mostra os primeiros; escreva mais para afinar")
        return caption

    # ---- adding -------------------------------------------------------------------------
    def add_product(self, product: ProductSnapshot, quantity=None, unit_price=None,
                    weighed: bool = False) -> None:
        """Add ``product``; one sold by weight (kg, litre…) with no quantity given (a tap,
        a plain code) asks for the weight first: it is never 1 kg by default."""
        if quantity is None:
            if product.unit != "UN" and unit_price is None:
                self.weigh.emit(product)
                return
            quantity = 1
        try:
            index = self.cart.add(product, quantity, unit_price, weighed)
        except PosError as exc:
            self.notice.error(self.message(exc))
            return
        self.notice.clear()
        self.refresh(select=index)

    def _multiplier(self, text: str) -> tuple[object, str]:
        """'3*' typed before a scan (or '3*PAS01' typed whole) sells 3: the usual till way."""
        m = MULTIPLIER.match(text)
        if not m:
            return 1, text
        return m.group(1).replace(",", "."), m.group(2)

    def scan(self, raw: str) -> None:
        """A scanned (or typed) code: plain, or a scale label with weight/price inside.
        Looked up in the background; scans come back in the order they were read (one
        counter lane), so the cart fills in scan order."""
        self._search_timer.stop()
        quantity, _ = self._multiplier(self.search.text().strip() + raw)
        if quantity != 1:
            self.search.clear()
        scan = parse(raw)

        def scanned(product) -> None:
            if product is None:
                self.notice.error(self.tr("Código desconhecido: %1").replace("%1", raw))
            elif scan.weight is not None:
                self.add_product(product, scan.weight, weighed=True)
            elif scan.price is not None:
                self.add_product(product, 1, scan.price, weighed=True)
            else:
                self.add_product(product, None if quantity == 1 else quantity)

        self.run(first_product, self.ctx.app, scan.candidates, on_done=scanned)

    def typed_enter(self) -> None:
        """Enter typed by a person: a whole code adds it, else a single result adds it."""
        quantity, text = self._multiplier(self.search.text().strip())
        if not text:
            return
        self._search_timer.stop()
        self._grid_asked += 1                 # a search still on its way is now stale
        asked, typed = self._grid_asked, self.search.text()

        def found(answer) -> None:
            product, results = answer
            if product is None and asked == self._grid_asked:
                self.grid.show_products(results, self._caption(text, results))
                if len(results) == 1:
                    product = results[0]
            if product is None:
                return
            if self.search.text() == typed:   # not what the cashier typed since
                self.search.clear()
            self.add_product(product, None if quantity == 1 else quantity)
            self.run_search(self.search.text())

        self.run(product_or_search, self.ctx.app, text, SEARCH_LIMIT, on_done=found)

    # ---- the cart -----------------------------------------------------------------------
    def current_line(self) -> int | None:
        index = self.cart_view.selected()
        if index is None and self.cart.lines:
            index = len(self.cart.lines) - 1
        return index

    def step(self, delta: int) -> None:
        index = self.current_line()
        if index is None:
            return
        try:
            self.cart.step(index, delta)
        except PosError as exc:
            self.notice.error(self.message(exc))
        self.refresh(select=index)

    def remove_line(self) -> None:
        index = self.current_line()
        if index is None:
            return
        line = self.cart.remove(index)
        # A voided line is never a fiscal document, always a journal entry.
        self.run(self.ctx.app.record_line_voided, self.ctx.login, line.product.code,
                 line.product.name, line.quantity, line.amount)
        self.refresh(select=min(index, len(self.cart.lines) - 1))

    def _edit(self, mode: str) -> None:
        index = self.current_line()
        if index is not None:
            self.edit_line.emit(index, mode)

    def try_pay(self) -> None:
        if not self.cart.lines:
            self.notice.error(self.tr("O carrinho está vazio."))
            return
        self.pay.emit()

    def void_sale(self) -> None:
        """Drop the whole cart before payment, after asking (audited: a till's classic
        leak). The cart goes only once the record is made."""
        if not self.cart.lines or self.busy:
            return
        question = self.tr("Anular a venda toda (%n artigo(s), %1)?", "",
                           int(self.cart.items)).replace("%1", eur(self.cart.total))
        self.message.ask(question, self.tr("Sim, anular"), self._void_confirmed)

    def _void_confirmed(self) -> None:
        def voided(_none) -> None:
            self.new_sale()
            self.notice.info(self.tr("Venda anulada antes do pagamento."))

        self.run(self.ctx.app.record_event, self.ctx.login, "cart_voided",
                 f"{len(self.cart.lines)} lines, {self.cart.total} EUR",
                 hold=(self.void, self.pay_button, self.park), on_done=voided)

    def park_sale(self) -> None:
        """Put the cart aside for later (not a document); the counter is free at once."""
        if not self.cart.lines or self.busy:
            return
        c = self.cart.customer
        note = "" if c.is_final_consumer else (c.name if c.name != "Cliente" else c.nif)
        total = self.cart.total

        def parked(info) -> None:
            self.new_sale()
            self.notice.info(self.tr("Venda suspensa (%1): retome-a em Suspensas.")
                             .replace("%1", eur(total)))
            self.parked_changed()

        self.run(self.ctx.app.park_cart, self.ctx.login, self.cart.parked(note[:100]),
                 hold=(self.park, self.void, self.pay_button), on_done=parked)

    def parked_changed(self) -> None:
        """Count the parked sales on their button (read in the background)."""
        def shown(waiting) -> None:
            n = len(waiting)
            self.functions["parked"].setText(self.tr("Suspensas (%1)").replace("%1", str(n))
                                             if n else self.tr("Suspensas"))

        self.run(self.ctx.app.parked_carts, on_done=shown)

    def resume(self, cart) -> None:
        self.cart.restore(cart)
        self.after.doc = None
        self.refresh(select=len(self.cart.lines) - 1)
        self.notice.info(self.tr("Venda retomada."))

    def new_sale(self) -> None:
        self.cart.clear()
        self.message.cancel()
        self.refresh()
        self.focus_search()

    def refresh(self, select: int | None = None) -> None:
        cart = self.cart
        self.cart_view.show_cart(cart, select)
        showing_last = not cart.lines and self.after.doc is not None
        self.cart_stack.setCurrentWidget(self.after if showing_last else self.cart_view)
        if cart.lines:
            self.after.doc = None                 # the next customer: the last sale is gone
        self.total.setText(eur(self.due()))
        self.items_label.setText(self.tr("%n artigo(s)", "", int(cart.items)))
        c = cart.customer
        if c.is_final_consumer:
            who = self.tr("Consumidor final")
        else:
            who = f"NIF {c.nif}" if c.name == "Cliente" else f"{c.name} · NIF {c.nif}"
            if c.country != "PT":
                who += f" ({c.country})"
        if cart.exemption:
            who += " · " + self.tr("isenta de IVA (%1)").replace("%1", cart.exemption)
        self.customer_label.setText(self.tr("Cliente: %1").replace("%1", who))
        self.decision = self.decide()
        self.doc_label.setText(doc_reason(self.decision) if self.decision else "")
        self.pay_button.setEnabled(bool(cart.lines))
        self.void.setEnabled(bool(cart.lines))
        self.park.setEnabled(bool(cart.lines))
        self._line_buttons()
        self.cart_changed.emit()

    def decide(self) -> Decision | None:
        if not self.cart.lines:
            return None
        try:
            lines, totals = price_lines(list(self.cart.cart_lines()),
                                        self.ctx.issuer.tax_region, date.today())
        except PosError:
            return None
        return decide(totals.gross, lines, self.cart.customer, self.cart.wanted)

    def due(self) -> Decimal:
        """What the customer pays: without VAT when the sale is exempt (a line the
        exemption does not cover is told on the customer page; the total stands till)."""
        try:
            return self.cart.due(self.ctx.issuer.tax_region, date.today())
        except PosError:
            return self.cart.total

    def _line_buttons(self) -> None:
        has = bool(self.cart.lines)
        for b in (self.minus, self.plus, self.qty_button, self.remove, self.discount,
                  self.price):
            b.setEnabled(has)
