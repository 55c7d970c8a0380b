"""Checks across documents: what credit and debit notes cite, and what may still be cited.

- every NC/ND line has References with a Reference and a Reason (P302 4.1.4.19.10), and the
  Reference has the form 'TYPE SERIES/N' of a sales document;
- a document recovered from paper (HashControl '<key>-<type>M <series>/<n>') or from a lost
  duplicate ('<key>-<type>D <number>') is cited by that paper number, never by its recovery
  number (D8632 §2.4.6, §2.5.7);
- credits never exceed what was sold, whatever issued them (the program, or paper notes
  recovered later; D8632 §3.2.7): per document and product, the quantity of active NC lines
  citing it is at most what it sold, and their amount at most its NetTotal; a product it did
  not sell cannot be credited;
- an active NC/ND does not cite a cancelled document (D8632 §3.3.7-3.3.8).

Notes and recovered documents are few, so they are kept from the main pass; what the cited
documents sold is read in a second pass over the file that keeps only those documents, so
memory does not grow with the number of invoices.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from pos.domain.money import ZERO, fmt2

REFERENCE_RE = re.compile(r"^([A-Z]{2}) ([^/^ ]+)/([0-9]+)$")
RECOVERED_RE = re.compile(r"^[0-9]+-([A-Z]{2})([MD]) (.+)$")
# InvoiceType values a note can cite (XSD SAFTPTInvoiceType).
SALES_TYPES = frozenset({"FT", "FS", "FR", "ND", "NC", "VD", "TV", "TD", "AA", "DA", "RP",
                         "RE", "CS", "LD", "RA"})
NOTES = ("NC", "ND")


@dataclass(frozen=True)
class _Citation:
    note: str          # the NC/ND's InvoiceNo
    note_type: str
    cited: str         # its Reference as written
    product: str
    quantity: Decimal
    amount: Decimal


@dataclass
class _Sold:
    status: str
    net: Decimal
    quantities: dict


def paper_number(doc_type: str, hash_control: str) -> str | None:
    """The number a recovered document is cited by: 'FT abc/00005' for '1-FTM abc/00005',
    the original 'FS A2026/2' for '1-FSD FS A2026/2'; None for any other document."""
    m = RECOVERED_RE.match(hash_control or "")
    if m is None:
        return None
    kind, ref = m.group(2), m.group(3)
    return f"{doc_type} {ref}" if kind == "M" else ref


class Relations:
    def __init__(self, flag, ns: str):
        self.flag = flag
        self.ns = ns
        self.citations: list[_Citation] = []
        self.paper: dict[str, str] = {}        # paper (or original) number -> InvoiceNo
        self.recovered: dict[str, str] = {}    # InvoiceNo of a recovered doc -> paper number

    # ---- the main pass -----------------------------------------------------------------
    def document(self, no: str, doc_type: str, hash_control: str) -> None:
        paper = paper_number(doc_type, hash_control)
        if paper is not None:
            self.paper[paper] = no
            self.recovered[no] = paper

    def note_line(self, no: str, doc_type: str, active: bool, line: dict) -> None:
        """One line of an NC/ND (``line``: child tag -> element)."""
        number = _text(line.get("LineNumber")) or "?"
        refs = line.get("References")
        ref = reason = None
        if refs is not None:
            sub = {ch.tag.rpartition("}")[2]: ch.text for ch in refs}
            ref, reason = (sub.get("Reference") or "").strip(), (sub.get("Reason") or "").strip()
        if not ref:
            self.flag(no, f"linha {number}: sem References/Reference ao documento corrigido")
            return
        if not reason:
            self.flag(no, f"linha {number}: a referência a {ref} não tem Reason (motivo)")
        m = REFERENCE_RE.match(ref)
        if m is None or m.group(1) not in SALES_TYPES:
            self.flag(no, f"linha {number}: referência {ref!r} fora da forma 'TIPO SÉRIE/N' "
                          "de um documento de venda")
            return
        if active:
            self.citations.append(_Citation(
                no, doc_type, ref, _text(line.get("ProductCode")) or "",
                _dec(_text(line.get("Quantity"))),
                _dec(_text(line.get("DebitAmount")) or _text(line.get("CreditAmount")))))

    # ---- after the main pass -------------------------------------------------------------
    def finish(self, path) -> None:
        if not self.citations:
            return
        said: set[tuple[str, str]] = set()

        def once(where: str, what: str) -> None:   # a note cites per line: say it once
            if (where, what) not in said:
                said.add((where, what))
                self.flag(where, what)

        targets: dict[str, str] = {}
        for c in self.citations:
            if c.cited in self.recovered:
                once(c.note, f"cita {c.cited}, número de recuperação: deve citar o "
                                  f"documento original {self.recovered[c.cited]} "
                                  "(D8632 §2.4.6)")
            targets[c.cited] = self.paper.get(c.cited, c.cited)
        sold = self._sold(path, set(targets.values()))
        credited: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        amounts: dict[str, Decimal] = defaultdict(Decimal)
        notes: dict[str, set[str]] = defaultdict(set)
        for c in self.citations:
            target = targets[c.cited]
            doc = sold.get(target)
            if doc is None:
                continue      # from an earlier period: not in this file
            if doc.status == "A":
                once(target, f"anulado, mas a {c.note} (ativa) ainda o corrige "
                                  "(D8632 §3.3.8)")
            if c.note_type != "NC":
                continue
            if c.product not in doc.quantities:
                once(c.note, f"credita o produto {c.product}, que não consta de {c.cited}")
                continue
            credited[target][c.product] += c.quantity
            amounts[target] += c.amount
            notes[target].add(c.note)
        for target, products in credited.items():
            doc = sold[target]
            who = ", ".join(sorted(notes[target]))
            for product, qty in products.items():
                if qty > doc.quantities[product]:
                    self.flag(target, f"creditado {qty.normalize()} de {product}, mais do que "
                                      f"{doc.quantities[product].normalize()} faturado(s) "
                                      f"(notas {who})")
            if amounts[target] > doc.net:
                self.flag(target, f"notas de crédito ({fmt2(amounts[target])}) acima do "
                                  f"NetTotal ({fmt2(doc.net)}) (notas {who})")

    def _sold(self, path, wanted: set[str]) -> dict[str, _Sold]:
        """Status, NetTotal and quantity per product of the wanted invoices (second pass)."""
        out: dict[str, _Sold] = {}
        q = f"{{{self.ns}}}"
        records = [q + t for t in ("Customer", "Product", "Invoice", "StockMovement",
                                   "WorkDocument", "Payment")]
        for _ev, el in etree.iterparse(str(path), events=("end",), tag=records):
            if el.tag != q + "Invoice":
                if el.getparent().tag == q + "DocumentTotals":
                    continue          # an invoice's Payment: cleared with its invoice
            elif (no := el.findtext(q + "InvoiceNo")) in wanted:
                qty: dict[str, Decimal] = defaultdict(Decimal)
                for ln in el.iterfind(q + "Line"):
                    qty[ln.findtext(q + "ProductCode") or ""] += \
                        _dec(ln.findtext(q + "Quantity"))
                out[no] = _Sold(el.findtext(f"{q}DocumentStatus/{q}InvoiceStatus") or "",
                                _dec(el.findtext(f"{q}DocumentTotals/{q}NetTotal")), qty)
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del el.getparent()[0]
        return out


def _text(el) -> str | None:
    return el.text if el is not None else None


def _dec(text: str | None) -> Decimal:
    try:
        return Decimal(text) if text else ZERO
    except ArithmeticError:
        return ZERO
