"""The till window's receipts, copies, gift receipts, credit notes and the drawer: each goes
to the printer lane, and each says afterwards what the printer really answered."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from pos.domain.qr import document_qr

from ..widgets.touch import eur
from .after_sale import gift_lines
from .methods import method_name

# The window's own context: these strings belong to the till window, whichever class holds
# the code (lupdate and Qt must agree on it).
translate = QCoreApplication.translate


class ReceiptsMixin(QMainWindow):
    def qr_of(self, doc) -> str:
        issuer = self.ctx.issuer
        return document_qr(doc, issuer.nif, issuer.certificate_number)

    def receipt_sentence(self, outcome) -> str:
        if outcome.ok:
            return translate("TillWindow", "Talão impresso.")
        if outcome.not_configured:
            return translate("TillWindow", "Talão não impresso: não há impressora "
                             "configurada. Mostre o QR ao cliente, ou imprima depois de a "
                             "configurar.")
        return translate("TillWindow", "Talão não impresso: %1").replace(
            "%1", self.devices.describe(outcome))

    def print_again(self, doc, copy: bool) -> None:
        """The last sale's receipt again: a copy (recorded) when the original came out, the
        original when it never did."""
        card = self.sale.after

        def printed(outcome) -> None:
            if card.doc is doc:
                card.set_printed(outcome, self.receipt_sentence(outcome) if not copy else (
                    translate("TillWindow", "Cópia impressa.") if outcome.ok else
                    translate("TillWindow", "Cópia não impressa: %1").replace(
                        "%1", self.devices.describe(outcome))))

        card.print_state.setText(translate("TillWindow", "A imprimir…"))
        reason = translate("TillWindow", "Pedido do cliente")
        self.devices.print_document(doc, copy=copy, reason=reason, on_outcome=printed)

    def gift_receipt(self, doc) -> None:
        issuer = self.ctx.issuer

        def printed(outcome) -> None:
            if outcome.ok:
                self.sale.notice.ok(translate("TillWindow", "Talão de oferta impresso."))
            else:
                self.sale.notice.error(translate(
                    "TillWindow", "Talão de oferta não impresso: %1").replace(
                    "%1", self.devices.describe(outcome)))

        self.sale.notice.info(translate("TillWindow", "A imprimir o talão de oferta…"))
        self.devices.print_text(translate("TillWindow", "TALÃO DE OFERTA"),
                                gift_lines(doc, issuer.business_name or issuer.name),
                                on_outcome=printed)

    def email_document(self, doc) -> None:
        """The last sale by e-mail: its address page, with the keyboard up."""
        if doc is None:
            return
        page = self.page("email")
        self.go(page)
        page.start(doc)
        self.keyboard.show_for(page.address)

    def on_emailed(self, number: str, address: str) -> None:
        self.back_to_sale()
        self.sale.notice.ok(translate("TillWindow", "%1 segue por e-mail para %2.")
                            .replace("%1", number).replace("%2", address))

    def do_reprint(self, doc, reason: str) -> None:
        number = doc.document_no

        def printed(outcome) -> None:
            if outcome.ok:
                self.sale.notice.ok(translate("TillWindow", "Cópia de %1 impressa (%2).")
                                    .replace("%1", number).replace("%2", outcome.label))
            else:
                self.sale.notice.error(translate("TillWindow", "Cópia de %1 não impressa: %2")
                                       .replace("%1", number)
                                       .replace("%2", self.devices.describe(outcome)))

        self.devices.print_document(doc, copy=True, reason=reason, on_outcome=printed)
        self.back_to_sale()
        self.sale.notice.info(translate("TillWindow", "A imprimir a cópia de %1…")
                              .replace("%1", number))

    def on_credit_note(self, note, credited_type: str = "FS") -> None:
        """Printed (the drawer opens when cash goes back) and said: how much goes back and
        how, or that the note lowers what the customer owes."""
        back = note.payments or ()
        on_credit = not back and credited_type in ("FT", "ND")
        cash = not on_credit and (not back or any(p.method == "NU" for p in back))
        self.devices.print_document(note, drawer=cash)
        self.devices.refresh_at()
        self.back_to_sale()
        if on_credit:
            self.sale.notice.ok(translate("TillWindow", "%1 emitida: abate %2 ao que o "
                                          "cliente deve.").replace("%1", note.document_no)
                                .replace("%2", eur(note.totals.gross)))
            return
        how = " · ".join(f"{method_name(p.method)} {eur(p.amount)}" for p in back) \
            or translate("TillWindow", "%1 em numerário").replace("%1", eur(note.totals.gross))
        self.sale.notice.ok(translate("TillWindow", "%1 emitida: devolva %2 ao cliente (%3).")
                            .replace("%1", note.document_no)
                            .replace("%2", eur(note.totals.gross)).replace("%3", how))

    def open_drawer(self) -> None:
        """The drawer without a sale: recorded first, then opened (one job on the printer
        lane); the till says whether it opened."""
        if self.ctx.session is None:
            return

        def answered(outcome=None) -> None:
            page = self.stack.currentWidget()
            if outcome is not None and outcome.ok:
                page.notice.ok(translate("TillWindow", "Gaveta aberta."))
            elif outcome is not None:
                page.notice.error(translate(
                    "TillWindow", "A gaveta não abriu (abre-se pela impressora): %1")
                    .replace("%1", self.devices.describe(outcome)))

        def refused(exc) -> None:
            self.stack.currentWidget().show_error(exc)

        self.devices.open_drawer(reason="sem venda", session_id=self.ctx.session.id,
                                 on_done=answered, on_refused=refused)
