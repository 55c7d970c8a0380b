"""Documentos: find any document (number, dates, customer, amount, type), see it as it was
printed, reprint it as a marked copy, cancel it with a reason, issue a credit note on
chosen lines, save it as an A4 PDF or send it by e-mail (queued: the shop's sender delivers
it in the background). Reprinting, cancelling and crediting are refused to a
role that may not (the facade checks, in the same unit of work)."""

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.domain.doctypes import DOC_TYPES
from pos.domain.errors import ValidationError
from pos.services.document_search import DocumentQuery

from .area import Area
from .kit import action, caption, choice, heading, line, money, panel, row, scrolled, split
from .parts import DateRange, Pager, PathField, Table
from .printer_tools import document_pdf, receipt_png


class DocumentsArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.doc = None                         # the Document chosen
        today = ctx.app.clock.now().date()
        self.number = line(self.tr("N.º (ex. FS A2026/12)"), 60)
        self.customer = line(self.tr("Cliente: NIF ou nome"), 100)
        self.amount = line(self.tr("Total (€)"), 14)
        self.amount.setMaximumWidth(140)
        self.doc_type = choice([(self.tr("Todos os tipos"), None)] +
                               [(code, code) for code in DOC_TYPES])
        self.range = DateRange(today)
        self.range.preset("month")
        self.find = action(self.tr("Procurar"), "primary")
        for field in (self.number, self.customer, self.amount):
            field.returnPressed.connect(lambda: self.load(0))
        self.find.clicked.connect(lambda: self.load(0))
        self.add(row(self.number, self.customer, self.amount, self.doc_type))
        self.add(row(self.range, self.find))

        self.table = Table([self.tr("Documento"), self.tr("Data"), self.tr("Cliente"),
                            self.tr("Total")], stretch=2, numeric=(3,))
        self.table.picked.connect(self.pick)
        self.pager = Pager()
        self.pager.moved.connect(self.load)

        self.side = QStackedWidget()
        self.preview = QLabel(self.tr("Escolha um documento para o ver como foi impresso."))
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.reason = line(self.tr("Motivo (reimpressão, anulação, nota de crédito)"), 50)
        self.reprint_button = action(self.tr("Reimprimir"))
        self.cancel_button = action(self.tr("Anular"), "danger")
        self.credit_button = action(self.tr("Nota de crédito"))
        self.pdf = PathField("save", self.tr("PDF (*.pdf)"), self.tr("ficheiro PDF"))
        self.pdf_button = action(self.tr("Gravar PDF"))
        self.reprint_button.clicked.connect(self.reprint)
        self.cancel_button.clicked.connect(self.cancel)
        self.credit_button.clicked.connect(self.start_credit)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.email = line(self.tr("E-mail do cliente"), 254)
        self.email_button = action(self.tr("Enviar por e-mail"))
        self.email_button.clicked.connect(self.send_email)
        self.email.returnPressed.connect(self.send_email)
        view = panel(scrolled(self.preview), self.reason,
                     row(self.reprint_button, self.cancel_button),
                     row(self.credit_button, self.pdf_button), self.pdf,
                     row(self.email, self.email_button))
        self.side.addWidget(view)
        self.credit = CreditPanel(self)
        self.side.addWidget(self.credit)
        self.add(split(panel(self.table, self.pager), self.side, (2, 1)), 1)

    def query(self) -> DocumentQuery:
        start, end = self.range.period()
        return DocumentQuery(self.number.text(), start, end, self.customer.text(),
                             self.amount.text().strip() or None, self.doc_type.currentData())

    def refresh(self) -> None:
        self.load(self.pager.offset)

    def load(self, offset: int = 0) -> None:
        self.run(self.ctx.app.find_documents, self.query(), offset, 50, hold=(self.find,),
                 on_done=self._page)

    def _page(self, page) -> None:
        cancelled = " ✕"          # the preview says it: DOCUMENTO ANULADO
        self.table.fill([(d.document_no + (cancelled if d.cancelled else ""),
                          f"{d.system_entry_date:%d/%m %H:%M}",
                          d.customer_name, money(d.gross_total))
                         for d in page.items], [d.document_no for d in page.items])
        self.pager.show_page(page.offset, page.total)
        if not page.total:
            self.notice.info(self.tr("Nenhum documento encontrado com estes critérios."))

    def pick(self, number) -> None:
        self.side.setCurrentIndex(0)
        if number is None:
            return
        self.run(self.ctx.app.document, number, on_done=self._document)
        self.run(receipt_png, self.ctx.app, number, lane="background",
                 on_done=self._preview)

    def _document(self, doc) -> None:
        self.doc = doc
        self.cancel_button.setEnabled(doc.status != "A" and self.ctx.may("cancel"))
        self.credit_button.setEnabled(doc.doc_type in ("FS", "FR", "FT") and doc.status != "A"
                                      and self.ctx.may("credit_note"))
        self.reprint_button.setEnabled(self.ctx.may("reprint"))
        self.pdf.set_path(f"{doc.document_no.replace(' ', '_').replace('/', '-')}.pdf")
        self.email.clear()
        self.run(self.ctx.app.email_address_for, doc.document_no, lane="background",
                 on_done=lambda address: self._known_address(doc, address),
                 on_error=lambda exc: None)

    def _known_address(self, doc, address: str) -> None:
        if self.doc is doc and address and not self.email.text():
            self.email.setText(address)

    def _preview(self, png: bytes) -> None:
        image = QPixmap()
        image.loadFromData(png, "PNG")
        room = max(200, self.side.width() - 40)
        if image.width() > room:
            image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(image)

    def _chosen(self) -> str | None:
        if self.doc is None:
            self.notice.error(self.tr("Escolha um documento da lista."))
            return None
        return self.doc.document_no

    def reprint(self) -> None:
        number = self._chosen()
        if number:
            self.run(self.ctx.app.reprint_document, number, self.ctx.login, self.reason.text(),
                     lane="printer", hold=(self.reprint_button,), on_done=self._printed)

    def _printed(self, outcome) -> None:
        # Only the first print of a document is its original, whoever asks (issue 14
        # defect 5): one never printed comes out as the original.
        if outcome.ok and outcome.copy == 0:
            self.notice.ok(self.tr("Nunca tinha sido impresso: saiu o original."))
        elif outcome.ok:
            self.notice.ok(self.tr("Cópia impressa (%1).").replace("%1", outcome.label))
        else:
            self.notice.error(self.tr("Não foi impresso: %1").replace("%1",
                                                                       outcome.error or ""))

    def cancel(self) -> None:
        number = self._chosen()
        if not number:
            return
        if not self.reason.text().strip():
            self.notice.error(self.tr("Escreva o motivo da anulação."))
            return
        if not self.confirmed(self.cancel_button, self.tr(
                "Anular %1? Fica anulado para sempre e é comunicado à AT. Carregue outra vez "
                "para confirmar.").replace("%1", number)):
            return
        self.run(self.ctx.app.cancel_document, number, self.reason.text(), self.ctx.login,
                 hold=(self.cancel_button,), on_done=self._cancelled)

    def _cancelled(self, doc) -> None:
        self.notice.ok(self.tr("%1 anulado.").replace("%1", doc.document_no))
        self.load(self.pager.offset)
        self._document(doc)

    def start_credit(self) -> None:
        if self._chosen():
            self.credit.start(self.doc, self.reason.text())
            self.side.setCurrentIndex(1)

    def save_pdf(self) -> None:
        number = self._chosen()
        if number:
            self.run(document_pdf, self.ctx.app, number, self.pdf.path(), lane="background",
                     hold=(self.pdf_button,),
                     on_done=lambda path: self.notice.ok(self.tr("PDF gravado em %1.")
                                                         .replace("%1", path)))


    def send_email(self) -> None:
        number = self._chosen()
        if number:
            to = self.email.text().strip()
            self.run(self.ctx.app.email_document, number, to, user=self.ctx.login,
                     hold=(self.email_button,),
                     on_done=lambda _row: self.notice.ok(
                         self.tr("%1 na fila de envio por e-mail para %2.")
                         .replace("%1", number).replace("%2", to)))


class CreditPanel(QWidget):
    """The lines of the document, the quantity given back of each, the reason; then the
    credit note (issued by the facade, which refuses more than what is still open)."""

    def __init__(self, area: DocumentsArea):
        super().__init__()
        self.area = area
        self.doc = None
        self.title = heading("")
        self.lines = Table([self.tr("Linha"), self.tr("Artigo"), self.tr("Qtd."),
                            self.tr("Devolver")], stretch=1, numeric=(0, 2, 3))
        self.lines.setEditTriggers(Table.EditTrigger.AllEditTriggers)
        self.reason = line(self.tr("Motivo da nota de crédito"), 50)
        self.all_button = action(self.tr("Tudo"))
        self.issue_button = action(self.tr("Emitir nota de crédito"), "primary")
        self.back = action(self.tr("Voltar"))
        self.all_button.clicked.connect(self.everything)
        self.issue_button.clicked.connect(self.issue)
        self.back.clicked.connect(lambda: area.side.setCurrentIndex(0))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.title, caption(self.tr("Escreva a quantidade devolvida de cada linha.")),
                  self.lines, self.reason):
            box.addWidget(w)
        box.addLayout(row(self.all_button, self.issue_button, self.back))

    def start(self, doc, reason: str) -> None:
        self.doc = doc
        self.title.setText(self.tr("Nota de crédito de %1").replace("%1", doc.document_no))
        self.reason.setText(reason)
        self.lines.fill([(ln.line_no, ln.description, f"{ln.quantity.normalize():f}", "")
                         for ln in doc.lines], [ln.line_no for ln in doc.lines])
        for r in range(self.lines.rowCount()):
            for c in range(3):
                item = self.lines.item(r, c)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def everything(self) -> None:
        for r in range(self.lines.rowCount()):
            self.lines.setItem(r, 3, QTableWidgetItem(self.lines.text(r, 2)))

    def set_quantity(self, line_no: int, qty: str) -> None:
        r = self.lines.values.index(line_no)
        self.lines.setItem(r, 3, QTableWidgetItem(qty))

    def picks(self) -> list[tuple[int, Decimal]]:
        out = []
        for r, line_no in enumerate(self.lines.values):
            text = self.lines.text(r, 3).strip().replace(",", ".")
            if not text:
                continue
            try:
                qty = Decimal(text)
            except InvalidOperation:
                raise ValidationError(f"Quantidade inválida na linha {line_no}: {text}.") \
                    from None
            if qty:
                out.append((line_no, qty))
        if not out:
            raise ValidationError("Escreva a quantidade a devolver em pelo menos uma linha.")
        return out

    def issue(self) -> None:
        try:
            picks = self.picks()
        except ValidationError as exc:
            self.area.show_error(exc)
            return
        self.area.run(self.area.ctx.app.credit_document, self.doc.document_no,
                      self.reason.text(), picks, self.area.ctx.login,
                      hold=(self.issue_button,), on_done=self.issued)

    def issued(self, note) -> None:
        self.area.notice.ok(self.tr("%1 emitida: %2.").replace("%1", note.document_no)
                            .replace("%2", money(note.totals.gross)))
        self.area.side.setCurrentIndex(0)
        self.area.load(0)
