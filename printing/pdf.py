"""A4 PDF of a document (invoices sent by e-mail), with the receipt's mentions and the QR.

reportlab's standard Helvetica uses WinAnsi, which has € and every Portuguese letter, so no
font file is shipped or embedded (LIBRARIES §6.2). The QR is drawn as vector squares from
the same symbol the printer gets (byte mode, ECC M, version ≥ 9), at least 30 mm wide.

Multi-page rules (D8632 §2.2.11, P195 art. 4.º n.º 3): every page shows the document type,
number, ATCUD and 'Página n/N'; the lines carry a running total forward ('A transportar' /
'Transporte'); totals, tax summary and QR are on the last page only, ATCUD right above it.
"""

from dataclasses import dataclass
from io import BytesIO

from pos.domain.company import Issuer
from pos.domain.documents import PAYMENT_METHODS, Document, PricedLine
from pos.domain.money import ZERO
from pos.domain.signature import certification_line

from .layout import (
    NOT_INVOICE_MENTION,
    TRAINING_MENTION,
    complement_lines,
    copy_label,
    customer_lines,
    date_lines,
    doc_type_name,
    exemption_lines,
    is_invoice,
    money,
    movement_lines,
    original_copy_mention,
    quantity,
    rate_label,
    references,
    unit_price,
)
from .qrimage import qr_symbol

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, RIGHT = 15 * MM, PAGE_W - 15 * MM
TABLE_TOP = PAGE_H - 100 * MM       # below the header and customer block
TABLE_BOTTOM = 28 * MM              # above the footer
TOTAL_ROW = 5.5 * MM
QR_GAP = 9 * MM
QR_MM = 32.0                        # symbol side; the spec asks at least 30 mm
ROW = 4.6 * MM
FONT, BOLD = "Helvetica", "Helvetica-Bold"
# (title, width mm, align) of the lines table; widths add up to 180 mm. The unit price is
# shown without VAT (CIVA art. 36.º n.º 5 c)) and with it (the shelf price).
COLUMNS = (("Código", 18, "l"), ("Descrição", 45, "l"), ("Qtd.", 15, "r"),
           ("Preço s/ IVA", 19, "r"), ("Preço c/ IVA", 19, "r"), ("Desc.", 13, "r"),
           ("IVA", 12, "r"), ("Valor s/ IVA", 19, "r"), ("Valor", 20, "r"))


@dataclass
class _Row:
    line: PricedLine
    description: list[str]

    @property
    def height(self) -> float:
        return ROW * max(1, len(self.description))


def _paginate(rows: list[_Row], totals_height: float) -> list[list[_Row]]:
    pages: list[list[_Row]] = [[]]
    room = TABLE_TOP - TABLE_BOTTOM - 2 * ROW    # header row + carried-forward row
    used = 0.0
    for row in rows:
        if used + row.height > room and pages[-1]:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += row.height
    if used + totals_height > room:
        pages.append([])            # the totals block gets a page of its own
    return pages


def _qr(c, payload: str, x: float, y: float, size: float) -> None:
    matrix = qr_symbol(payload).get_matrix()
    n = len(matrix)
    m = size / n
    path = c.beginPath()
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                path.rect(x + start * m, y + (n - 1 - r) * m, (col - start) * m, m)
            else:
                col += 1
    c.drawPath(path, stroke=0, fill=1)


class _Pdf:
    def __init__(self, doc: Document, issuer: Issuer, qr: str, copy: int, reprint: bool):
        from reportlab.lib.utils import simpleSplit
        from reportlab.pdfgen.canvas import Canvas

        self.doc, self.issuer, self.qr = doc, issuer, qr
        self.label = copy_label(copy, reprint)
        self.buf = BytesIO()
        self.c = Canvas(self.buf, pagesize=(PAGE_W, PAGE_H), pageCompression=1)
        self.c.setTitle(f"{doc_type_name(doc.doc_type)} {doc.document_no}")
        self.c.setAuthor(issuer.producer.name if doc.training else issuer.name)
        self.c.setCreator(f"{issuer.software} (programa certificado n.º "
                          f"{issuer.certificate_number}/AT)")
        self.split = simpleSplit

    def text(self, x, y, s, size=9, bold=False, align="l"):
        self.c.setFont(BOLD if bold else FONT, size)
        if align == "r":
            self.c.drawRightString(x, y, s)
        elif align == "c":
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)

    def _identity(self) -> tuple[str, list[str]]:
        """Title and lines of the header's identification: the shop's, or on a training
        document the software producer's instead (D8632 §1.5)."""
        i = self.issuer
        if self.doc.training:
            first, *rest = i.producer.lines()
            return first, rest
        return i.business_name or i.name, ([i.name] if i.business_name else []) + [
            i.address, " ".join(p for p in (i.postal_code, i.city) if p), f"NIF: {i.nif}",
            " · ".join(p for p in (f"Tel.: {i.phone}" if i.phone else "", i.email) if p)]

    def header(self, page: int, pages: int) -> None:
        d, i = self.doc, self.issuer
        y = PAGE_H - 18 * MM
        title, lines = self._identity()
        self.text(LEFT, y, title, 15, True)
        for k, s in enumerate(x for x in lines if x):
            self.text(LEFT, y - (6 + 4.2 * k) * MM, s, 9)
        x = RIGHT
        self.text(x, y, doc_type_name(d.doc_type), 14, True, "r")
        right = [(d.document_no, 11, True), (self.label, 10, True),
                 *((s, 9, False) for s in date_lines(d)),
                 (f"ATCUD:{d.atcud}", 10, True), (f"Página {page}/{pages}", 9, False)]
        if d.status == "A":
            right.insert(2, ("DOCUMENTO ANULADO", 10, True))
        for k, (s, size, bold) in enumerate(right):
            self.text(x, y - (6.5 + 4.6 * k) * MM, s, size, bold, "r")
        y = PAGE_H - 62 * MM
        if d.training:
            self.c.setFillGray(0.85)
            self.c.rect(LEFT, y + 1.5 * MM, RIGHT - LEFT, 6.5 * MM, stroke=0, fill=1)
            self.c.setFillGray(0)
            self.text(PAGE_W / 2, y + 3.5 * MM, f"{TRAINING_MENTION} · Software: {i.software}",
                      10, True, "c")
        mention = original_copy_mention(d)
        if mention:
            self.text(LEFT, y - 4 * MM, mention, 10, True)
        y -= 12 * MM
        moved = movement_lines(d)
        # A guide's transport data goes in a second column, beside the customer.
        width = (RIGHT - LEFT) / 2 - 4 * MM if moved else RIGHT - LEFT
        for x, column in ((LEFT, customer_lines(d) + references(d) + complement_lines(d)),
                          ((LEFT + RIGHT) / 2, moved)):
            rows = [(part, k == 0 and x == LEFT) for k, s in enumerate(column)
                    for part in self.split(s, FONT, 9, width)]
            for k, (s, bold) in enumerate(rows):
                self.text(x, y - 4.4 * MM * k, s, 9, bold=bold)

    def footer(self, page: int, pages: int) -> None:
        d = self.doc
        y = 14 * MM
        self.c.setLineWidth(0.4)
        self.c.line(LEFT, y + 6 * MM, RIGHT, y + 6 * MM)
        self.text(LEFT, y + 1.5 * MM, certification_line(d.hash,
                                                          self.issuer.certificate_number), 9)
        self.text(RIGHT, y + 1.5 * MM, f"{d.document_no} · Página {page}/{pages}", 8,
                  align="r")
        notes = [s for s, on in ((NOT_INVOICE_MENTION, not is_invoice(d.doc_type)),
                                 (TRAINING_MENTION, d.training)) if on]
        if notes:
            self.text(LEFT, y - 3.5 * MM, " · ".join(notes), 9, True)

    def table(self, rows: list[_Row], carried) -> float:
        y = TABLE_TOP
        x = LEFT
        self.c.setFillGray(0.9)
        self.c.rect(LEFT, y - 1.5 * MM, RIGHT - LEFT, ROW, stroke=0, fill=1)
        self.c.setFillGray(0)
        for title, w, align in COLUMNS:
            self.text(x + w * MM - 1 * MM if align == "r" else x + 1 * MM, y, title, 8, True,
                      align)
            x += w * MM
        y -= ROW
        if carried is not None:
            self.text(LEFT + 21 * MM, y, "Transporte", 8.5, True)
            self.text(RIGHT - 1 * MM, y, money(carried), 8.5, True, "r")
            y -= ROW
        for row in rows:
            ln = row.line
            cells = (ln.product_code, None, f"{quantity(ln.quantity)} {ln.unit}",
                     unit_price(ln.unit_price_without_vat), money(ln.unit_price),
                     money(ln.discount) if ln.discount else "",
                     rate_label(ln.tax_code, ln.tax_percentage, ln.exemption_code),
                     money(ln.net_amount), money(ln.gross_amount))
            x = LEFT
            for (_, w, align), cell in zip(COLUMNS, cells, strict=True):
                if cell is None:
                    for k, part in enumerate(row.description):
                        self.text(x + 1 * MM, y - k * ROW, part, 8.5)
                else:
                    self.text(x + w * MM - 1 * MM if align == "r" else x + 1 * MM, y, cell,
                              8.5, align=align)
                x += w * MM
            y -= row.height
        return y

    def _total_rows(self) -> list[tuple[str, str, bool]]:
        d, t = self.doc, self.doc.totals
        rows = [("Total sem IVA", money(t.net), False), ("Total IVA", money(t.tax), False),
                ("Total", f"{money(t.gross)} €", True)]
        rows += [(PAYMENT_METHODS.get(p.method, p.method), money(p.tendered), False)
                 for p in d.payments]
        if d.change:
            rows.append(("Troco", money(d.change), False))
        return rows

    def totals_height(self) -> float:
        left = (1 + len(self.doc.totals.taxes) + len(exemption_lines(self.doc))) * ROW
        right = len(self._total_rows()) * TOTAL_ROW
        return 4 * MM + max(left, right) + QR_GAP + (QR_MM + 4) * MM

    def totals(self, y: float) -> None:
        d, t = self.doc, self.doc.totals
        y -= 2 * MM
        self.c.line(LEFT, y + 3 * MM, RIGHT, y + 3 * MM)
        # Tax summary per rate on the left, totals and payments on the right.
        heads = (("Taxa", 0, "l"), ("Base", 40, "r"), ("IVA", 62, "r"), ("Total", 84, "r"))
        yy = y - 2 * MM
        for title, off, align in heads:
            self.text(LEFT + off * MM, yy, title, 8.5, True, align)
        for s in t.taxes:
            yy -= ROW
            for value, (_, off, align) in zip(
                    (rate_label(s.code, s.percentage, s.exemption_code), money(s.base),
                     money(s.tax), money(s.gross)), heads, strict=True):
                self.text(LEFT + off * MM, yy, value, 8.5, align=align)
        for line in exemption_lines(d):
            yy -= ROW
            self.text(LEFT, yy, line, 8.5)
        ry = y - 2 * MM
        for label, value, bold in self._total_rows():
            size = 12 if bold else 9.5
            self.text(RIGHT - 45 * MM, ry, label, size, bold)
            self.text(RIGHT, ry, value, size, bold, "r")
            ry -= TOTAL_ROW
        # P195 art. 4.º n.º 3: ATCUD immediately above the QR code, nothing in between.
        top = min(yy, ry + TOTAL_ROW) - QR_GAP
        self.text(LEFT, top, f"ATCUD:{d.atcud}", 10, True)
        _qr(self.c, self.qr, LEFT, top - (QR_MM + 2.5) * MM, QR_MM * MM)

    def build(self) -> bytes:
        width = COLUMNS[1][1] * MM - 2 * MM
        rows = [_Row(ln, self.split(ln.description, FONT, 8.5, width) or [""])
                for ln in self.doc.lines]
        pages = _paginate(rows, self.totals_height())
        carried = None
        for n, page_rows in enumerate(pages, start=1):
            self.header(n, len(pages))
            y = self.table(page_rows, carried)
            carried = (carried or ZERO) + sum((r.line.gross_amount for r in page_rows), ZERO)
            if n < len(pages):
                self.text(LEFT + 21 * MM, y, "A transportar", 8.5, True)
                self.text(RIGHT - 1 * MM, y, money(carried), 8.5, True, "r")
            else:
                self.totals(y)
            self.footer(n, len(pages))
            self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def document_pdf(doc: Document, issuer: Issuer, qr_payload: str, copy: int = 0,
                 reprint: bool = False) -> bytes:
    """The document as an A4 PDF (bytes)."""
    return _Pdf(doc, issuer, qr_payload, copy, reprint).build()
