"""Receipt layout: a signed Document → a list of small typed elements (pure, no escpos).

Every renderer (ESC/POS bytes, PNG preview, terminal text) draws the same elements, so what
the screen shows is what the printer prints. Each ``Text`` is one physical line already
wrapped to the paper's columns: renderers never re-wrap, which keeps golden bytes stable.

Mentions follow FISCAL-PT §1.4, §2, §3 and §10 (see ``tests/printing/test_layout.py``).
"""

import re
import textwrap
from dataclasses import dataclass
from decimal import Decimal

from pos.domain.company import Issuer
from pos.domain.doctypes import DOC_TYPES
from pos.domain.documents import PAYMENT_METHODS, Document
from pos.domain.errors import ValidationError
from pos.domain.money import round2
from pos.domain.signature import certification_line
from pos.domain.text import refused

TRAINING_MENTION = "Documento emitido para fins de Formação"
NOT_INVOICE_MENTION = "Este documento não serve de fatura"
ORIGINAL_COPY_MENTION = "Cópia do documento original"
COPY_LABELS = ("Original", "Duplicado", "Triplicado")
SUPPORTED_COLUMNS = range(32, 65)


@dataclass(frozen=True)
class Text:
    text: str
    align: str = "left"       # left | center | right
    bold: bool = False
    width: int = 1            # 1, or 2 = double width (half the columns)
    height: int = 1           # 1, or 2 = double height


@dataclass(frozen=True)
class Separator:
    char: str = "-"


@dataclass(frozen=True)
class QR:
    payload: str


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Logo:
    """Where the shop logo goes, if the printer profile has one."""


@dataclass(frozen=True)
class Cut:
    """End of a receipt: cut, or feed past the tear bar on printers without a cutter."""


Element = Text | Separator | QR | Feed | Logo | Cut


# ---- what data may put on paper or on a terminal ---------------------------------------
_BLANKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def visible(text: str) -> str:
    """Data as printable characters only, one for one (widths are kept).

    Documents carry text from everywhere (the cashier, a catalogue import, replication, AT's
    answers); none of it may reach a printer or a terminal as a command. Whitespace
    controls become spaces, every other control, bidi or invisible character a '?'.
    Every renderer calls this where data text enters its output.
    """
    if text.isprintable():
        return text
    return "".join((" " if ch in _BLANKS else "?") if refused(ch) else ch for ch in text)


# ---- formatting helpers (also used by the A4 PDF) ------------------------------------
def money(value: Decimal) -> str:
    """1234,50 (Portuguese decimal comma, no thousands separator, no sign games)."""
    return f"{round2(value):.2f}".replace(".", ",")


def unit_price(value: Decimal) -> str:
    """A unit price with 2 to 4 decimals (a price without VAT rarely ends in cents):
    1,2264; 1,30."""
    text = format(value.quantize(Decimal("0.0001")), "f").rstrip("0")
    whole, _, cents = text.partition(".")
    return f"{whole},{cents.ljust(2, '0')}"


def quantity(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def rate_label(code: str, percentage: Decimal, exemption_code: str | None) -> str:
    """The VAT marker of a line and of its tax-summary row: '6%', '23%' or the M code."""
    if code == "ISE" or percentage == 0:
        return exemption_code or "ISE"
    return f"{quantity(percentage)}%"


def copy_label(copy: int = 0, reprint: bool = False) -> str:
    """'Original', 'Duplicado', 'Triplicado' at issue; 'N.ª via' for the N-th printing later.

    ``copy`` for a reprint is the reprint number the core recorded (1 = first reprint, which
    is the second printing, hence '2.ª via').
    """
    if copy < 0:
        raise ValidationError("Número de cópia inválido.")
    if reprint:
        return f"{max(copy, 1) + 1}.ª via"
    if copy < len(COPY_LABELS):
        return COPY_LABELS[copy]
    return f"{copy + 1}.ª via"


_RECOVERED = re.compile(r"^\d+-([A-Z]{2}[MD]) (.+)$")


def original_copy_mention(doc: Document) -> str | None:
    """D8632 §2.2.8–2.2.10: recovered manual documents and integrated documents.

    ``1-FTM abc/00001`` → 'Cópia do documento original -FTM abc/00001';
    ``1-FTD XY 2013A/00099`` → 'Cópia do documento original - FTD XY 2013A/00099'.
    """
    match = _RECOVERED.match(doc.hash_control or "")
    if match:
        kind, ref = match.groups()
        joint = "-" if kind.endswith("M") else "- "
        return f"{ORIGINAL_COPY_MENTION} {joint}{kind} {ref}"
    if doc.source_billing == "I":
        return ORIGINAL_COPY_MENTION
    return None


def doc_type_name(code: str) -> str:
    t = DOC_TYPES.get(code)
    return t.name if t else code


def is_invoice(code: str) -> bool:
    t = DOC_TYPES.get(code)
    return bool(t and t.is_invoice)


def date_lines(doc: Document) -> list[str]:
    sed = doc.system_entry_date
    if doc.invoice_date == sed.date():
        return [f"Data: {sed:%Y-%m-%d %H:%M:%S}"]
    # Recovered manual documents keep the manual document's date; say when it was entered.
    return [f"Data: {doc.invoice_date:%Y-%m-%d}", f"Registado em: {sed:%Y-%m-%d %H:%M:%S}"]


def customer_lines(doc: Document) -> list[str]:
    c = doc.customer
    out = []
    if c.is_final_consumer:
        out.append("Cliente: Consumidor final")
        if c.name and c.name.lower() != "consumidor final":
            out.append(f"Nome: {c.name}")
    else:
        prefix = "" if c.country in ("PT", "", "Desconhecido") else f"{c.country} "
        out.append(f"Cliente: {c.name}")
        out.append(f"NIF: {prefix}{c.nif}")
    if c.has_address:
        out.append(f"Morada: {c.address}")
        place = " ".join(p for p in (c.postal_code, c.city) if p)
        if place:
            out.append(place)
        if c.country not in ("PT", "", "Desconhecido"):
            out.append(f"País: {c.country}")
    return out


def movement_lines(doc: Document) -> list[str]:
    """A guide's AT code, transport start, load and unload places and vehicle."""
    out = []
    if doc.at_doc_code:
        out.append(f"Código AT: {doc.at_doc_code}")
    if doc.movement_start:
        out.append(f"Início do transporte: {doc.movement_start:%Y-%m-%d %H:%M}")
    moved = doc.transport
    if moved is None:
        return out
    for label, place in (("Carga", moved.load), ("Descarga", moved.unload)):
        if place is not None:
            where = " ".join(p for p in (place.postal_code, place.city) if p)
            country = "" if place.country in ("PT", "") else f" ({place.country})"
            out.append(f"{label}: {', '.join(p for p in (place.detail, where) if p)}"
                       f"{country}")
    if moved.vehicle:
        out.append(f"Viatura: {moved.vehicle}")
    return out


def references(doc: Document) -> list[str]:
    """Credit/debit notes: the documents corrected and the reasons, each said once."""
    docs, reasons = [], []
    for ln in doc.lines:
        if ln.reference:
            if ln.reference.document_no not in docs:
                docs.append(ln.reference.document_no)
            if ln.reference.reason and ln.reference.reason not in reasons:
                reasons.append(ln.reference.reason)
    out = [f"Ref.: {d}" for d in docs]
    out += [f"Motivo: {r}" for r in reasons]
    return out


def complement_lines(doc: Document) -> list[str]:
    """Supply date, contract, service period, a correction's purpose and coded reason."""
    more = doc.complements
    return [f"{label}: {value}" for label, value in more.printed()] if more else []


def exemption_lines(doc: Document) -> list[str]:
    seen: dict[str, str] = {}
    for ln in doc.lines:
        if ln.exemption_code and ln.exemption_code not in seen:
            seen[ln.exemption_code] = ln.exemption_reason or ""
    return [f"{code}: {reason}" for code, reason in seen.items()]


# ---- the receipt ---------------------------------------------------------------------
class _Builder:
    def __init__(self, columns: int):
        self.columns = columns
        self.out: list[Element] = []

    def text(self, text: str, align: str = "left", bold: bool = False, width: int = 1,
             height: int = 1, indent: str = "") -> None:
        room = self.columns // width
        lines = textwrap.wrap(text, room, initial_indent="", subsequent_indent=indent,
                              break_on_hyphens=False) or [""]
        for line in lines:
            # A no-break space keeps words together when wrapping ('n.º 9999/AT').
            self.out.append(Text(line.replace("\xa0", " "), align, bold, width, height))

    def pair(self, left: str, right: str, bold: bool = False, width: int = 1,
             height: int = 1) -> None:
        """Label on the left, amount on the right; the label wraps if it must."""
        room = self.columns // width
        if len(left) + 1 + len(right) > room:
            self.text(left, bold=bold, width=width, height=height)
            left = ""
        self.out.append(Text(f"{left}{right:>{room - len(left)}}", "left", bold, width, height))

    def add(self, element: Element) -> None:
        self.out.append(element)


def _widths(columns: int) -> tuple[int, int, int]:
    """(left, amount, marker) widths of an article row: left + amount + 1 + marker."""
    amount, marker = 10, 4
    return columns - amount - 1 - marker, amount, marker


def _header(b: _Builder, doc: Document, issuer: Issuer) -> None:
    if doc.training:
        # D8632 §1.5: the software producer's identification *instead of* the shop's (no
        # shop name, NIF or logo), and the expression.
        for k, line in enumerate(issuer.producer.lines()):
            b.text(line, "center", bold=k == 0)
        b.add(Separator("="))
        b.text(TRAINING_MENTION, "center", bold=True)
        b.text(f"Software: {issuer.software}", "center")
        b.add(Separator("="))
        return
    b.add(Logo())
    if issuer.business_name:
        b.text(issuer.business_name, "center", bold=True, height=2)
    b.text(issuer.name, "center", bold=not issuer.business_name)
    if issuer.address:
        b.text(issuer.address, "center")
    place = " ".join(p for p in (issuer.postal_code, issuer.city) if p)
    if place:
        b.text(place, "center")
    b.text(f"NIF: {issuer.nif}", "center")
    if issuer.phone:
        b.text(f"Tel.: {issuer.phone}", "center")
    b.add(Separator())


def _document_block(b: _Builder, doc: Document, copy: int, reprint: bool) -> None:
    b.text(doc_type_name(doc.doc_type), bold=True)
    b.text(doc.document_no, bold=True, height=2)
    b.text(copy_label(copy, reprint), bold=True)
    if doc.status == "A":
        b.text("DOCUMENTO ANULADO", bold=True)
    mention = original_copy_mention(doc)
    if mention:
        b.text(mention, bold=True)
    for line in date_lines(doc):
        b.text(line)
    for line in movement_lines(doc):
        b.text(line, indent="  ")
    b.add(Separator())
    for line in customer_lines(doc):
        b.text(line, indent="  ")
    for line in references(doc) + complement_lines(doc):
        b.text(line, indent="  ")
    b.add(Separator())


def _articles(b: _Builder, doc: Document) -> None:
    left, amount_w, marker_w = _widths(b.columns)
    b.out.append(Text(f"{'Qtd x Preço':<{left}}{'Valor':>{amount_w}} IVA", bold=True))
    for ln in doc.lines:
        b.text(ln.description, indent="  ")
        unit = "" if ln.unit == "UN" else f" {ln.unit}"
        detail = f"  {quantity(ln.quantity)}{unit} x {money(ln.unit_price)}"
        disc = f" desc. {money(ln.discount)}" if ln.discount else ""
        if len(detail + disc) <= left:
            detail, disc = detail + disc, ""
        marker = rate_label(ln.tax_code, ln.tax_percentage, ln.exemption_code)
        if len(detail) > left:
            b.text(detail)
            detail = ""
        b.out.append(Text(f"{detail:<{left}}{money(ln.gross_amount):>{amount_w}} "
                          f"{marker:<{marker_w}}".rstrip()))
        if disc:
            b.text(f"  Desconto: {money(ln.discount)}")
    b.add(Separator())


def _totals(b: _Builder, doc: Document) -> None:
    t = doc.totals
    b.pair("Total sem IVA", money(t.net))
    b.pair("Total IVA", money(t.tax))
    total = f"{money(t.gross)} €"
    wide = len("TOTAL") + 1 + len(total) <= b.columns // 2
    b.pair("TOTAL", total, bold=True, width=2 if wide else 1, height=2)
    b.add(Separator())
    # Tax summary per rate (CIVA art. 36.º n.º 5 d): base, rate and VAT per rate.
    w = 9 if b.columns < 40 else (11 if b.columns < 46 else 12)
    first = b.columns - 3 * w
    b.out.append(Text(f"{'Taxa':<{first}}{'Base':>{w}}{'IVA':>{w}}{'Total':>{w}}", bold=True))
    for s in t.taxes:
        label = rate_label(s.code, s.percentage, s.exemption_code)
        b.out.append(Text(f"{label:<{first}}{money(s.base):>{w}}{money(s.tax):>{w}}"
                          f"{money(s.gross):>{w}}"))
    exemptions = exemption_lines(doc)
    if exemptions:
        b.text("Motivos de isenção:", bold=True)
        for line in exemptions:
            b.text(line, indent="     ")
    if doc.payments:
        b.add(Separator())
        for p in doc.payments:
            b.pair(PAYMENT_METHODS.get(p.method, p.method), money(p.tendered))
        if doc.change:
            b.pair("Troco", money(doc.change), bold=True)


def _footer(b: _Builder, doc: Document, issuer: Issuer, qr_payload: str) -> None:
    b.add(Separator())
    if not is_invoice(doc.doc_type):
        b.text(NOT_INVOICE_MENTION, "center", bold=True)
    # Hash characters + certificate; receipts (no hash) say 'Emitido por…'. D8632 §2.2.2.
    b.text(certification_line(doc.hash, issuer.certificate_number).replace("n.º ", "n.º\xa0"),
           "center")
    if doc.user:
        b.text(f"Operador: {doc.user}", "center")
    if doc.training:
        b.text(TRAINING_MENTION, "center", bold=True)
    b.add(Feed(1))
    # P195 art. 4.º n.º 3: ATCUD immediately above the QR code, nothing in between.
    b.text(f"ATCUD:{doc.atcud}", "center", bold=True)
    b.add(QR(qr_payload))
    b.add(Cut())


def receipt_lines(doc: Document, issuer: Issuer, qr_payload: str, columns: int = 42,
                  copy: int = 0, reprint: bool = False) -> list[Element]:
    """The receipt of a signed document for a printer with ``columns`` characters a line.

    ``copy``: 0 original, 1 duplicado, 2 triplicado (printed at issue); with ``reprint``,
    the reprint number recorded by the core (printed as '2.ª via', '3.ª via', …).
    """
    if columns not in SUPPORTED_COLUMNS:
        raise ValidationError(f"Colunas de impressão não suportadas: {columns} (32 a 64).")
    b = _Builder(columns)
    _header(b, doc, issuer)
    _document_block(b, doc, copy, reprint)
    _articles(b, doc)
    _totals(b, doc)
    _footer(b, doc, issuer, qr_payload)
    return b.out


def elements_text(elements: list[Element], columns: int) -> str:
    """Plain text of elements, as a terminal shows it (QR as its payload)."""
    out = []
    for el in elements:
        if isinstance(el, Text):
            room = columns // el.width
            text = visible(el.text)
            if el.align == "center":
                line = text.center(room).rstrip()
            elif el.align == "right":
                line = text.rjust(room)
            else:
                line = text
            if el.width == 2:
                line = line.upper()   # a hint, in plain text, that the printer makes it big
            out.append(line)
        elif isinstance(el, Separator):
            out.append(visible(el.char * columns))
        elif isinstance(el, QR):
            out.append(visible(el.payload))
        elif isinstance(el, Feed):
            out.extend([""] * el.lines)
    return "\n".join(out) + "\n"


def receipt_text(doc: Document, issuer: Issuer, qr_payload: str, columns: int = 42,
                 copy: int = 0, reprint: bool = False) -> str:
    """The receipt as plain text for a terminal; the QR code is shown as its payload."""
    return elements_text(receipt_lines(doc, issuer, qr_payload, columns, copy, reprint),
                         columns)
