"""The sale screen: find products (tap, search, scan), build the cart, see the total."""

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.domain.documents import ProductSnapshot, price_lines
from pos.domain.errors import NotFoundError, PosError

from ..widgets.touch import Notice, button, eur
from .barcodes import parse
from .cart import Cart
from .cart_view import CartView
from .doctype import Decision, decide
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
    reprint = Signal()
    credit_note = Signal()
    x_report = Signal()
    close_session = Signal()
    sign_out = Signal()
    drawer = Signal()

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

        # ---- left: search, categories, products ------------------------------------
        left = QVBoxLayout()
        left.setSpacing(6)
        row = QHBoxLayout()
        self.search = ScanField()
        self.search.setPlaceholderText(self.tr("Procurar artigo ou ler código de barras (F2)"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.typed_enter)
        row.addWidget(self.search, 1)
        left.addLayout(row)
        self.grid = ProductGrid()
        self.grid.chosen.connect(self.add_product)
        self.grid.category_changed.connect(self.show_category)
        left.addWidget(self.grid, 1)
        self.notice = Notice(keep_space=True)
        left.addWidget(self.notice)
        main.addLayout(left, 3)

        # ---- right: customer, cart, line actions, total, pay -----------------------
        right = QVBoxLayout()
        right.setSpacing(6)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("subtitle")
        self.doc_label = QLabel()
        self.doc_label.setObjectName("docType")
        self.doc_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.customer_label, 1)
        self.void = button(self.tr("Anular venda"), "danger", min_h=48)
        self.void.clicked.connect(self.void_sale)
        top.addWidget(self.void)
        right.addLayout(top)
        right.addWidget(self.doc_label)
        self.cart_view = CartView()
        right.addWidget(self.cart_view, 1)
        lines = QHBoxLayout()
        self.minus = button("−", "pad", shortcut="F9")
        self.plus = button("+", "pad", shortcut="F10")
        self.qty_button = button(self.tr("Qtd."), "function")
        self.remove = button(self.tr("Remover"), "danger", shortcut="Ctrl+Del")
        for b in (self.minus, self.plus, self.qty_button, self.remove):
            lines.addWidget(b)
        right.addLayout(lines)
        sup = QHBoxLayout()
        self.discount = button(self.tr("Desconto"), "function")
        self.price = button(self.tr("Alterar preço"), "function")
        sup.addWidget(self.discount)
        sup.addWidget(self.price)
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
        capbox.addWidget(caption)
        capbox.addWidget(self.items_label)
        totals.addLayout(capbox)
        totals.addWidget(self.total, 1)
        right.addLayout(totals)
        actions = QHBoxLayout()
        self.customer_button = button(self.tr("Cliente / NIF\nF3"), "primary", min_h=72)
        self.pay_button = button(self.tr("PAGAR\nF4"), "pay", min_h=72)
        actions.addWidget(self.customer_button, 2)
        actions.addWidget(self.pay_button, 3)
        right.addLayout(actions)
        main.addLayout(right, 2)

        # ---- under the products: the functions (two-line labels fit 1024 px) -------
        funcs = QHBoxLayout()
        funcs.setSpacing(6)
        self.functions = {}
        for key, text, shortcut, signal in (
                ("reprint", self.tr("Reimprimir"), "F5", self.reprint),
                ("credit", self.tr("Devolução"), "F6", self.credit_note),
                ("x", self.tr("Relatório X"), "F7", self.x_report),
                ("close", self.tr("Fechar caixa"), "F8", self.close_session),
                ("drawer", self.tr("Gaveta"), "F11", self.drawer),
                ("out", self.tr("Sair"), "F12", self.sign_out)):
            b = button(f"{text}\n{shortcut}", "function", shortcut=shortcut)
            b.clicked.connect(signal)
            funcs.addWidget(b, 1)
            self.functions[key] = b
        left.addLayout(funcs)

        self.minus.clicked.connect(lambda: self.step(-1))
        self.plus.clicked.connect(lambda: self.step(1))
        self.remove.clicked.connect(self.remove_line)
        self.qty_button.clicked.connect(lambda: self._edit("qty"))
        self.discount.clicked.connect(lambda: self._edit("discount"))
        self.price.clicked.connect(lambda: self._edit("price"))
        self.customer_button.clicked.connect(self.customer)
        self.customer_button.setShortcut("F3")
        self.pay_button.clicked.connect(self.try_pay)
        self.pay_button.setShortcut("F4")
        self.cart_view.itemSelectionChanged.connect(self._line_buttons)
        self.key("F2", self.focus_search)
        self.key("Esc", self.clear_search)

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
    def add_product(self, product: ProductSnapshot, quantity=1, unit_price=None,
                    weighed: bool = False) -> None:
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
                self.add_product(product, quantity)

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
            self.add_product(product, quantity)
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
        """Drop the whole cart before payment (audited: a till's classic leak). The cart
        goes only once the record is made."""
        if not self.cart.lines or self.busy:
            return

        def voided(_none) -> None:
            self.new_sale()
            self.notice.info(self.tr("Venda anulada antes do pagamento."))

        self.run(self.ctx.app.record_event, self.ctx.login, "cart_voided",
                 f"{len(self.cart.lines)} lines, {self.cart.total} EUR",
                 hold=(self.void, self.pay_button), on_done=voided)

    def new_sale(self) -> None:
        self.cart.clear()
        self.refresh()
        self.focus_search()

    def refresh(self, select: int | None = None) -> None:
        cart = self.cart
        self.cart_view.show_cart(cart, select)
        self.total.setText(eur(cart.total))
        self.items_label.setText(self.tr("%n artigo(s)", "", int(cart.items)))
        c = cart.customer
        if c.is_final_consumer:
            who = self.tr("Consumidor final")
        else:
            who = f"NIF {c.nif}" if c.name == "Cliente" else f"{c.name} · NIF {c.nif}"
        self.customer_label.setText(self.tr("Cliente: %1").replace("%1", who))
        self.decision = self.decide()
        self.doc_label.setText(doc_reason(self.decision) if self.decision else "")
        self.pay_button.setEnabled(bool(cart.lines))
        self.void.setEnabled(bool(cart.lines))
        self._line_buttons()

    def decide(self) -> Decision | None:
        if not self.cart.lines:
            return None
        try:
            lines, totals = price_lines(list(self.cart.cart_lines()),
                                        self.ctx.issuer.tax_region, date.today())
        except PosError:
            return None
        return decide(totals.gross, lines, self.cart.customer, self.cart.wanted_type)

    def _line_buttons(self) -> None:
        has = bool(self.cart.lines)
        for b in (self.minus, self.plus, self.qty_button, self.remove, self.discount,
                  self.price):
            b.setEnabled(has)


def doc_reason(d: Decision) -> str:
    """The sentence telling the cashier which document this is and why."""
    limit = eur(d.limit)
    kind = translate("DocType", "com serviços") if d.services else translate("DocType", "bens")
    names = {"FS": translate("DocType", "Fatura simplificada"),
             "FR": translate("DocType", "Fatura-recibo"),
             "FT": translate("DocType", "Fatura (a pagar depois)")}
    why = {
        "default": translate("DocType", "consumidor final, até %1 (%2)."),
        "nif": translate("DocType", "com o NIF do cliente, até %1 (%2)."),
        "customer": translate("DocType", "o cliente deu nome e morada."),
        "over_limit": translate("DocType", "obrigatória: o total passa %1, o limite da fatura "
                              "simplificada (%2). Nome e morada do cliente são precisos."),
        "chosen": translate("DocType", "pedida pelo cliente: nome e morada são precisos."),
    }[d.reason]
    return f"{d.doc_type} · {names[d.doc_type]}: " + why.replace("%1", limit).replace("%2", kind)


# ---- look-ups run by the background helper ---------------------------------------------------
def first_product(app, codes: tuple[str, ...]) -> ProductSnapshot | None:
    """The first of ``codes`` that is a product (a scale label has two), or None."""
    for code in codes:
        try:
            return app.product(code)
        except NotFoundError:
            continue
    return None


def product_or_search(app, text: str, limit: int
                      ) -> tuple[ProductSnapshot | None, list[ProductSnapshot]]:
    """What Enter in the search field means: the product whose code is ``text``, else the
    products found by searching for it."""
    try:
        return app.product(text), []
    except NotFoundError:
        return None, app.search_products(text, limit)
