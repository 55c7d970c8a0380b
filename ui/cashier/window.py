"""The till's window: one stack of pages between the training banner and the status strip.

Navigation lives here, and so does the end of a sale: issue (one local transaction, in the
background helper, the payment page held until it answers), then hand printing and the
drawer to the printer lane and show the next sale at once, with the last sale (change,
receipt, QR) in the cart's place until the next item.
"""

import importlib

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import PosError
from pos.services.issuing import IssueRequest

from .. import i18n
from ..widgets import theme
from ..widgets.keyboard import Keyboard, KeyboardHost
from ..widgets.status import StatusStrip, TrainingBanner
from ..widgets.touch import eur
from .context import Context
from .devices import Devices
from .sale import SalePage
from .session_pages import OpenSessionPage
from .signin import SignInPage
from .window_receipts import ReceiptsMixin

AT_REFRESH_MS = 15_000
MIN_SIZE = (960, 600)         # a desk's window; the till itself fills its screen
# Pages built the first time they are needed: the till opens faster (their modules are not
# even imported until then) and a shop that never returns goods never pays for that page.
LAZY = {
    "payment": ("payment", "PaymentPage"), "customer": ("customer", "CustomerPage"),
    "line": ("line_page", "LinePage"), "reprint": ("reprint", "ReprintPage"),
    "credit": ("returns", "CreditNotePage"), "report": ("session_pages", "ReportPage"),
    "close_page": ("session_pages", "ClosePage"), "weight": ("weight", "WeightPage"),
    "parked": ("parked_page", "ParkedPage"), "cash_menu": ("cash_pages", "CashMenuPage"),
    "cash_move": ("cash_pages", "CashMovePage"), "printer": ("printer_page", "PrinterPage"),
    "email": ("email_page", "EmailPage"),
}
WITH_DEVICES = ("report", "printer")


def _lazy(name: str) -> property:
    return property(lambda self: self.page(name))


def wants_keyboard(field: QLineEdit) -> bool:
    """Text fields get the on-screen keyboard; numbers (PIN, NIF, amounts: a validator, a
    mask or the big display style) have their own pad."""
    return (field.objectName() != "display" and field.validator() is None
            and not field.inputMask() and field.echoMode() == QLineEdit.EchoMode.Normal)


class TillWindow(ReceiptsMixin, QMainWindow):
    sale_completed = Signal(object)         # the issued Document
    payment = _lazy("payment")
    customer = _lazy("customer")
    line = _lazy("line")
    reprint = _lazy("reprint")
    credit = _lazy("credit")
    report = _lazy("report")
    close_page = _lazy("close_page")
    weight = _lazy("weight")
    parked = _lazy("parked")
    cash_menu = _lazy("cash_menu")
    cash_move = _lazy("cash_move")
    printer_page = _lazy("printer")

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Caixa")
        self.setMinimumSize(*MIN_SIZE)
        self.devices = Devices(ctx, self)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.banner = TrainingBanner()
        box.addWidget(self.banner)
        self.stack = QStackedWidget()
        box.addWidget(self.stack, 1)
        # The back office's door, for managers and administrators (in the "Caixa" menu);
        # imported here because the back office builds on ui.app, which imports this module.
        from .backoffice_entry import BackOfficeEntry

        self.backoffice = BackOfficeEntry(self, i18n.current())
        self.status = StatusStrip()
        box.addWidget(self.status)
        self.setCentralWidget(central)
        self.keyboard = KeyboardHost(central, Keyboard())
        self.display = None                  # the customer's screen, when there is one

        self._pages: dict[str, QWidget] = {}
        self.signin = SignInPage(ctx)
        self.open_session = OpenSessionPage(ctx)
        self.sale = SalePage(ctx)
        for page in (self.signin, self.open_session, self.sale):
            self._add(page)
        self.last_doc = None
        self.scale: float | None = None      # set by the first resize
        self.styled_scale: float | None = None
        self._wire()
        self.devices.printer_changed.connect(self.status.set_printer)
        self.devices.at_changed.connect(self.status.set_at)
        self.devices.at_failed.connect(self.status.set_at_error)
        self.status.printer.clicked.connect(lambda: self.go(self.printer_page))
        if ctx.app.printer.description:
            self.status.set_printer(None, self.tr("Impressora: %1").replace(
                "%1", ctx.app.printer.description))
        else:
            self.status.set_printer(False, self.tr("não configurada"))
        # Jobs started without their own error handler (audit records after the fact)
        # tell the cashier on whatever page is shown.
        ctx.worker.failed.connect(self._job_failed)
        self._at_timer = QTimer(self)
        self._at_timer.setInterval(AT_REFRESH_MS)
        self._at_timer.timeout.connect(self.devices.refresh_at)

    def _add(self, page) -> None:
        self.stack.addWidget(page)
        page.leave.connect(self.back_to_sale)
        for field in page.findChildren(QLineEdit):
            if wants_keyboard(field) or field.property("osk") is not None:
                self.keyboard.want(field)

    def _wire(self) -> None:
        s = self.sale
        self.signin.signed_in.connect(self.on_signed_in)
        self.open_session.opened.connect(self.on_session_opened)
        self.open_session.continued.connect(self.on_session_continued)
        self.open_session.sign_out.connect(self.sign_out)
        s.pay.connect(self.start_payment)
        s.customer.connect(self.edit_customer)
        s.edit_line.connect(self.edit_line)
        s.weigh.connect(self.ask_weight)
        s.reprint.connect(lambda: self.go(self.reprint))
        s.credit_note.connect(lambda: self.go(self.credit))
        s.parked_list.connect(self.show_parked)
        s.cash_menu.connect(lambda: self.go(self.cash_menu))
        s.x_report.connect(self.x_report)
        s.close_session.connect(lambda: self.go(self.close_page))
        s.sign_out.connect(self.sign_out)
        s.drawer.connect(self.open_drawer)
        s.print_again.connect(self.print_again)
        s.gift_receipt.connect(self.gift_receipt)
        s.email_document.connect(self.email_document)
        s.printer_help.connect(lambda: self.go(self.printer_page))
        s.cart_changed.connect(self._cart_changed)

    def page(self, name: str):
        """The page ``name``, built (and wired) on first use."""
        page = self._pages.get(name)
        if page is None:
            module, cls = LAZY[name]
            klass = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
            page = klass(self.ctx, self.devices) if name in WITH_DEVICES else klass(self.ctx)
            self._pages[name] = page
            self._add(page)
            wiring = {
                "customer": lambda p: p.done.connect(self.back_to_sale),
                "line": lambda p: p.done.connect(
                    lambda i: (self.back_to_sale(), self.sale.refresh(select=i))),
                "payment": lambda p: p.confirmed.connect(self.complete_sale),
                "reprint": lambda p: p.requested.connect(self.do_reprint),
                "credit": lambda p: p.issued.connect(
                    lambda note: self.on_credit_note(note, p.doc.doc_type if p.doc else "")),
                "close_page": lambda p: p.closed.connect(self.on_closed),
                "report": lambda p: p.finished.connect(
                    lambda z: self.sign_out() if z else self.back_to_sale()),
                "weight": lambda p: p.weighed.connect(self.on_weighed),
                "parked": lambda p: (p.resumed.connect(self.on_resumed),
                                     p.changed.connect(self.sale.parked_changed)),
                "cash_menu": lambda p: (p.chosen.connect(self.cash_function),
                                        self.backoffice.place(p.add_extra)),
                "cash_move": lambda p: p.moved.connect(self.on_cash_moved),
                "printer": lambda p: None,
                "email": lambda p: p.sent.connect(self.on_emailed),
            }
            wiring[name](page)
        return page

    # ---- the screen ---------------------------------------------------------------------
    def place(self, fullscreen: bool = False) -> None:
        """Fill the screen the till is on. Without a window manager (a kiosk, Xvfb) nobody
        else sizes the window, so its geometry is set to the screen's before it is shown;
        with one, 'maximized' then keeps it clear of panels (a desk's window)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if fullscreen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.setGeometry(screen.availableGeometry())
            self.showMaximized()
        self.start_display()

    def start_display(self) -> None:
        """The customer's display on a second screen (CAIXA_CUSTOMER_DISPLAY)."""
        from .customer_display import CustomerDisplay, wanted

        if self.display is not None or not wanted(len(QGuiApplication.screens())):
            return
        issuer = self.ctx.issuer
        self.display = CustomerDisplay(issuer.business_name or issuer.name)
        self.display.place(self.screen())

    def _cart_changed(self) -> None:
        """The customer sees the cart; after a sale, the total and change until the next
        item."""
        if self.display is not None and (self.sale.cart.lines or self.sale.after.doc is None):
            self.display.show_cart(self.sale.cart, self.sale.due())

    # ---- navigation -------------------------------------------------------------------
    def start(self, at_delay_ms: int = 3000) -> None:
        """Show sign-in, load the catalogue, start the AT status refresh.

        The first AT look waits ``at_delay_ms``: starting the sender imports the SOAP stack
        and opens connections, which would compete with the first screen for the CPU."""
        self.banner.setVisible(self.ctx.training)
        self.sale.load_catalogue()
        self.go(self.signin)
        QTimer.singleShot(at_delay_ms, self.devices.refresh_at)
        self._at_timer.start()

    def go(self, page) -> None:
        self.keyboard.hide()
        self.stack.setCurrentWidget(page)
        page.entered()

    def back_to_sale(self) -> None:
        if self.ctx.user is None:
            self.go(self.signin)
        elif self.ctx.session is None:
            self.go(self.open_session)
        else:
            self.go(self.sale)

    def _job_failed(self, _name: str, exc: Exception) -> None:
        page = self.stack.currentWidget()
        page.notice.error(page.message(exc))

    def _show_session(self) -> None:
        info = self.ctx.session
        self.status.set_session(self.ctx.till_name, info,
                                self.ctx.name(info.user) if info else "")

    def on_signed_in(self, user, session) -> None:
        """Nothing of the previous cashier stays on screen; a session someone else opened
        is offered, with whose it is, before anything is sold in it."""
        self.ctx.user = user
        self.status.set_user(user)
        self.backoffice.signed_in(user)
        self.sale.apply_role(user)
        self.sale.forget_last_sale()
        self.sale.parked_changed()
        if session is not None and session.user != user.login:
            self.ctx.session = None
            self.open_session.offer(session)
            self.go(self.open_session)
            return
        self.open_session.other = None
        self.ctx.session = session
        self._show_session()
        self.back_to_sale()

    def on_session_opened(self, info) -> None:
        self.ctx.session = info
        self._show_session()
        self.devices.open_drawer()          # the float goes in
        self.back_to_sale()

    def on_session_continued(self, info) -> None:
        self.ctx.session = info
        self._show_session()
        self.back_to_sale()

    def sign_out(self) -> None:
        if self.sale.cart.lines and self.ctx.session is not None:
            self.back_to_sale()
            self.sale.notice.error(self.tr("Termine, suspenda ou anule a venda antes de "
                                           "sair."))
            return
        if self.ctx.user is not None:
            # On record in the background; a failure is told on the sign-in page.
            self.ctx.worker.submit(self.ctx.app.record_event, self.ctx.user.login, "logout",
                                   lane="counter", name="logout")
        self.ctx.user = None
        self.status.set_user(None)
        self.backoffice.signed_in(None)
        self.sale.forget_last_sale()
        if self.display is not None:
            self.display.welcome()
        self.go(self.signin)

    # ---- selling ------------------------------------------------------------------------
    def edit_customer(self) -> None:
        if not self.sale.cart.lines:
            self.sale.notice.error(self.tr("Registe primeiro os artigos."))
            return
        self.go(self.customer)
        self.customer.start(self.sale.cart)

    def edit_line(self, index: int, mode: str) -> None:
        self.go(self.line)
        self.line.start(self.sale.cart, index, mode)

    def ask_weight(self, product) -> None:
        self.go(self.weight)
        self.weight.start(product)

    def on_weighed(self, product, quantity) -> None:
        self.back_to_sale()
        self.sale.add_product(product, quantity, weighed=True)

    def show_parked(self) -> None:
        self.parked.cart_busy = bool(self.sale.cart.lines)
        self.go(self.parked)

    def on_resumed(self, cart) -> None:
        self.back_to_sale()
        self.sale.resume(cart)

    def start_payment(self) -> None:
        d = self.sale.decide()
        c = self.sale.cart.customer
        if d is None:
            return
        if d.needs_name_address and not (c.has_address and c.name.strip()):
            self.edit_customer()
            self.customer.notice.error(self.tr("Esta venda tem de ser fatura com nome e "
                                               "morada do cliente."))
            return
        self.go(self.payment)
        self.payment.start(self.sale.due(), d.takes_payment, d.doc_type)

    def complete_sale(self, payments: tuple) -> None:
        """Issue the document in the background; the payment page is held (a second tap
        cannot issue twice) and shows the refusal, if any, with the cart untouched."""
        ctx, cart, page = self.ctx, self.sale.cart, self.payment
        d = self.sale.decide()
        try:
            request = IssueRequest(doc_type=d.doc_type, lines=cart.cart_lines(),
                                   customer=cart.customer, payments=payments,
                                   user=ctx.user.login, exemption=cart.exemption)
        except PosError as exc:
            page.notice.error(page.message(exc))
            return
        page.notice.info(self.tr("A emitir…"))
        page.run(ctx.app.sell, request, hold=page.held(), on_done=self.on_sold)

    def on_sold(self, doc) -> None:
        # Committed: from here on nothing may hold the next customer back.
        cash = any(p.method == "NU" for p in doc.payments)
        qr = self.qr_of(doc)
        self.last_doc = doc
        self.sale.new_sale()
        self.sale.show_last_sale(doc, qr)
        card = self.sale.after

        def printed(outcome) -> None:
            if card.doc is doc:
                card.set_printed(outcome, self.receipt_sentence(outcome))

        self.devices.print_document(doc, drawer=cash, on_outcome=printed)
        self.devices.refresh_at()           # the facade already told the AT sender
        self.go(self.sale)
        text = self.tr("%1 emitida · %2").replace("%1", doc.document_no) \
            .replace("%2", eur(doc.totals.gross))
        if doc.change:
            text += " · " + self.tr("TROCO %1").replace("%1", eur(doc.change))
        self.sale.notice.ok(text)
        if self.display is not None:
            self.display.show_paid(doc, qr)
        self.sale_completed.emit(doc)

    # ---- the cash session ---------------------------------------------------------------
    def cash_function(self, key: str) -> None:
        if key == "x":
            self.x_report()
        elif key == "close":
            self.go(self.close_page)
        elif key == "drawer":
            self.back_to_sale()
            self.open_drawer()
        else:
            self.go(self.cash_move)
            self.cash_move.start("in" if key == "cash_in" else "out")

    def on_cash_moved(self, kind: str, amount, reason: str) -> None:
        """Recorded: now the drawer opens for the money (the movement is its record)."""
        self.back_to_sale()
        self.sale.notice.ok(self.cash_move.sentence(kind, amount))
        self.devices.open_drawer(reason=reason)

    def x_report(self) -> None:
        if self.ctx.session is None:
            return
        self.sale.run(self.ctx.app.x_report, self.ctx.session.id, on_done=self._show_x)

    def _show_x(self, report) -> None:
        self.go(self.report)
        self.report.show_report(report)

    def on_closed(self, z) -> None:
        self.ctx.session = None
        self._show_session()
        self.sale.forget_last_sale()
        self.go(self.report)
        self.report.show_report(z)

    # ---- size and style -----------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        factor = theme.factor_for(event.size().width(), event.size().height())
        if factor != self.scale:
            self.scale = factor
            # Restyle after this resize is handled, not inside it.
            QTimer.singleShot(0, self._rescale)
        if self.keyboard.keyboard.isVisible():
            self.keyboard.hide()

    def _rescale(self) -> None:
        theme.apply(QApplication.instance(), self.scale)
        self.sale.set_scale(self.scale)
        # New fonts change size hints, but cached layouts do not all notice: redo them.
        for layout in self.findChildren(QLayout):
            layout.invalidate()
        for widget in self.findChildren(QWidget):
            widget.updateGeometry()
        self.styled_scale = self.scale

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._at_timer.stop()
        self.ctx.worker.shutdown()
        if self.display is not None:
            self.display.close()
        super().closeEvent(event)
