"""The till's window: one stack of pages between the training banner and the status strip.

Navigation lives here, and so does the end of a sale: issue (one local transaction, in the
background helper, the payment page held until it answers), then hand printing and the
drawer to the printer lane and show the next sale at once.
"""

import importlib

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import PosError
from pos.services.issuing import IssueRequest

from ..widgets import theme
from ..widgets.status import StatusStrip, TrainingBanner
from ..widgets.touch import eur
from .context import Context
from .devices import Devices
from .sale import SalePage
from .session_pages import OpenSessionPage
from .signin import SignInPage

AT_REFRESH_MS = 15_000
# Pages built the first time they are needed: the till opens faster (their modules are not
# even imported until then) and a shop that never returns goods never pays for that page.
LAZY = {
    "payment": ("payment", "PaymentPage"), "customer": ("customer", "CustomerPage"),
    "line": ("line_page", "LinePage"), "reprint": ("reprint", "ReprintPage"),
    "credit": ("returns", "CreditNotePage"), "report": ("session_pages", "ReportPage"),
    "close_page": ("session_pages", "ClosePage"),
}


def _lazy(name: str) -> property:
    return property(lambda self: self.page(name))


class TillWindow(QMainWindow):
    sale_completed = Signal(object)         # the issued Document
    payment = _lazy("payment")
    customer = _lazy("customer")
    line = _lazy("line")
    reprint = _lazy("reprint")
    credit = _lazy("credit")
    report = _lazy("report")
    close_page = _lazy("close_page")

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Caixa")
        self.setMinimumSize(1024, 700)
        self.devices = Devices(ctx, self)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.banner = TrainingBanner()
        box.addWidget(self.banner)
        self.stack = QStackedWidget()
        box.addWidget(self.stack, 1)
        self.status = StatusStrip()
        box.addWidget(self.status)
        self.setCentralWidget(central)

        self._pages: dict[str, QWidget] = {}
        self.signin = SignInPage(ctx)
        self.open_session = OpenSessionPage(ctx)
        self.sale = SalePage(ctx)
        for page in (self.signin, self.open_session, self.sale):
            self.stack.addWidget(page)
            page.leave.connect(self.back_to_sale)
        self.last_doc = None
        self.scale: float | None = None      # set by the first resize
        self.styled_scale: float | None = None
        self._wire()
        self.devices.printer_changed.connect(self.status.set_printer)
        self.devices.at_changed.connect(self.status.set_at)
        self.devices.at_failed.connect(self.status.set_at_error)
        self.status.set_printer(None, self.tr("Impressora: %1").replace(
            "%1", ctx.app.printer.description or self.tr("não configurada")))
        # Jobs started without their own error handler (audit records after the fact)
        # tell the cashier on whatever page is shown.
        ctx.worker.failed.connect(self._job_failed)
        self._at_timer = QTimer(self)
        self._at_timer.setInterval(AT_REFRESH_MS)
        self._at_timer.timeout.connect(self.devices.refresh_at)

    def _wire(self) -> None:
        s = self.sale
        self.signin.signed_in.connect(self.on_signed_in)
        self.open_session.opened.connect(self.on_session_opened)
        self.open_session.sign_out.connect(self.sign_out)
        s.pay.connect(self.start_payment)
        s.customer.connect(self.edit_customer)
        s.edit_line.connect(self.edit_line)
        s.reprint.connect(lambda: self.go(self.reprint))
        s.credit_note.connect(lambda: self.go(self.credit))
        s.x_report.connect(self.x_report)
        s.close_session.connect(lambda: self.go(self.close_page))
        s.sign_out.connect(self.sign_out)
        s.drawer.connect(self.open_drawer)

    def page(self, name: str):
        """The page ``name``, built (and wired) on first use."""
        page = self._pages.get(name)
        if page is None:
            module, cls = LAZY[name]
            klass = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
            page = klass(self.ctx, self.devices) if name == "report" else klass(self.ctx)
            self._pages[name] = page
            self.stack.addWidget(page)
            page.leave.connect(self.back_to_sale)
            wiring = {
                "customer": lambda p: p.done.connect(self.back_to_sale),
                "line": lambda p: p.done.connect(
                    lambda i: (self.back_to_sale(), self.sale.refresh(select=i))),
                "payment": lambda p: p.confirmed.connect(self.complete_sale),
                "reprint": lambda p: p.requested.connect(self.do_reprint),
                "credit": lambda p: p.issued.connect(self.on_credit_note),
                "close_page": lambda p: p.closed.connect(self.on_closed),
                "report": lambda p: p.finished.connect(
                    lambda z: self.sign_out() if z else self.back_to_sale()),
            }
            wiring[name](page)
        return page

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

    def on_signed_in(self, user, session) -> None:
        self.ctx.user = user
        self.ctx.session = session
        self.status.set_user(user)
        self.status.set_session(self.ctx.till_name, session)
        self.sale.apply_role(user)
        self.back_to_sale()

    def on_session_opened(self, info) -> None:
        self.ctx.session = info
        self.status.set_session(self.ctx.till_name, info)
        self.devices.open_drawer()          # the float goes in
        self.back_to_sale()

    def sign_out(self) -> None:
        if self.sale.cart.lines and self.ctx.session is not None:
            self.back_to_sale()
            self.sale.notice.error(self.tr("Termine ou anule a venda antes de sair."))
            return
        if self.ctx.user is not None:
            # On record in the background; a failure is told on the sign-in page.
            self.ctx.worker.submit(self.ctx.app.record_event, self.ctx.user.login, "logout",
                                   lane="counter", name="logout")
        self.ctx.user = None
        self.status.set_user(None)
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
        self.payment.start(self.sale.cart.total, d.takes_payment, d.doc_type)

    def complete_sale(self, payments: tuple) -> None:
        """Issue the document in the background; the payment page is held (a second tap
        cannot issue twice) and shows the refusal, if any, with the cart untouched."""
        ctx, cart, page = self.ctx, self.sale.cart, self.payment
        d = self.sale.decide()
        try:
            request = IssueRequest(doc_type=d.doc_type, lines=cart.cart_lines(),
                                   customer=cart.customer, payments=payments,
                                   user=ctx.user.login)
        except PosError as exc:
            page.notice.error(page.message(exc))
            return
        page.notice.info(self.tr("A emitir…"))
        page.run(ctx.app.sell, request, hold=page.held(), on_done=self.on_sold)

    def on_sold(self, doc) -> None:
        # Committed: from here on nothing may hold the next customer back.
        cash = any(p.method == "NU" for p in doc.payments)
        self.devices.print_document(doc, drawer=cash)
        self.devices.refresh_at()           # the facade already told the AT sender
        self.last_doc = doc
        self.sale.new_sale()
        self.go(self.sale)
        text = self.tr("%1 emitida · %2").replace("%1", doc.document_no) \
            .replace("%2", eur(doc.totals.gross))
        if doc.change:
            text += " · " + self.tr("TROCO %1").replace("%1", eur(doc.change))
        self.sale.notice.ok(text)
        self.sale_completed.emit(doc)

    def do_reprint(self, doc, reason: str) -> None:
        self.devices.print_document(doc, copy=True, reason=reason)
        self.back_to_sale()
        self.sale.notice.info(self.tr("Cópia de %1 enviada para a impressora.")
                              .replace("%1", doc.document_no))

    def on_credit_note(self, note) -> None:
        self.devices.print_document(note, drawer=True)
        self.devices.refresh_at()
        self.back_to_sale()
        self.sale.notice.ok(self.tr("%1 emitida: devolva %2 ao cliente.")
                            .replace("%1", note.document_no)
                            .replace("%2", eur(note.totals.gross)))

    def open_drawer(self) -> None:
        """The drawer without a sale: recorded first, then opened (one job on the printer
        lane); the button waits for the answer."""
        button = self.sale.functions["drawer"]
        button.setEnabled(False)

        def answered(_outcome=None) -> None:
            button.setEnabled(True)

        def refused(exc) -> None:
            answered()
            self.sale.show_error(exc)

        self.devices.open_drawer(reason="sem venda", session_id=self.ctx.session.id,
                                 on_done=answered, on_refused=refused)

    # ---- the cash session ---------------------------------------------------------------
    def x_report(self) -> None:
        self.sale.run(self.ctx.app.x_report, self.ctx.session.id,
                      hold=(self.sale.functions["x"],), on_done=self._show_x)

    def _show_x(self, report) -> None:
        self.go(self.report)
        self.report.show_report(report)

    def on_closed(self, z) -> None:
        self.ctx.session = None
        self.status.set_session(self.ctx.till_name, None)
        self.go(self.report)
        self.report.show_report(z)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        factor = theme.factor_for(event.size().width(), event.size().height())
        if factor != self.scale:
            self.scale = factor
            # Restyle after this resize is handled, not inside it.
            QTimer.singleShot(0, self._rescale)

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
        super().closeEvent(event)
