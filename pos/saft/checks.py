"""The checks an inspector runs on a SAF-T file, in one streaming pass.

Per document: number and ATCUD well formed and consistent with the series, numbering without
gaps, the signature chain (given the public keys), HashControl against the type and source
of the document, a reason on every cancellation, lines against DocumentTotals and
Net + Tax = Gross, UnitPrice net of the line's discount (SettlementAmount), exemption rules,
payments against the total, customers and products present in MasterFiles, load and unload
places on guides. Per table: the control totals. Across documents (pos/saft/relations.py):
what credit and debit notes cite. Documents are dropped from the tree once checked, and only
a few values per series are kept, so memory stays flat.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from lxml import etree

from pos.domain.errors import ValidationError
from pos.domain.exemptions import EU_MEMBERS
from pos.domain.money import ZERO, fmt2, round2
from pos.domain.nif import CONSUMIDOR_FINAL_NIF
from pos.domain.tax_ids import split_tax_id

from .relations import NOTES, RECOVERED_RE, Relations

NS = "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"
_Q = {}
NUMBER_RE = re.compile(r"^(\S+) ([^/ ]+)/([0-9]+)$")
ATCUD_RE = re.compile(r"^([A-Z0-9]{8,})-([0-9]+)$")
KEY_VERSION_RE = re.compile(r"^([0-9]+)(\.[0-9]+)?")


def q(tag: str) -> str:
    if tag not in _Q:
        _Q[tag] = f"{{{NS}}}{tag}"
    return _Q[tag]


@dataclass(frozen=True)
class Kind:
    table: str
    number: str
    date: str
    type: str
    status: str
    signed: bool = True


KINDS = {
    "Invoice": Kind("SalesInvoices", "InvoiceNo", "InvoiceDate", "InvoiceType", "InvoiceStatus"),
    "StockMovement": Kind("MovementOfGoods", "DocumentNumber", "MovementDate", "MovementType",
                          "MovementStatus"),
    "WorkDocument": Kind("WorkingDocuments", "DocumentNumber", "WorkDate", "WorkType",
                         "WorkStatus"),
    "Payment": Kind("Payments", "PaymentRefNo", "TransactionDate", "PaymentType",
                    "PaymentStatus", signed=False),
}
TABLES = ("SalesInvoices", "MovementOfGoods", "WorkingDocuments", "Payments")
CONTROL = ("NumberOfEntries", "TotalDebit", "TotalCredit", "NumberOfMovementLines",
           "TotalQuantityIssued")
# Out of the control sums: cancelled, and in SalesInvoices also invoiced (P302 4.1.2, 4.3.2).
EXCLUDED = {"SalesInvoices": ("A", "F"), "MovementOfGoods": ("A",),
            "WorkingDocuments": ("A",), "Payments": ("A",)}


@dataclass(frozen=True)
class Problem:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class _Series:
    last: int
    code: str | None
    hash: str = ""
    seen: int = 1


@dataclass
class _Table:
    declared: dict = field(default_factory=dict)
    entries: int = 0
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    lines: int = 0
    quantity: Decimal = ZERO


_CUT = len(NS) + 2   # '{' + namespace + '}'


def _text(el) -> str | None:
    return el.text if el is not None else None


def _texts(el) -> dict[str, str | None]:
    return {ch.tag[_CUT:]: ch.text for ch in el}


def _dec(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text is not None else None
    except InvalidOperation:
        return None


class Checker:
    def __init__(self, keyring=None):
        self.keyring = keyring
        self.problems: list[Problem] = []
        self.documents = self.signatures = self.unverifiable = 0
        self.customers: set[str] = set()
        self.countries: dict[str, tuple[str, bool]] = {}   # customer: (country, has a NIF)
        self.products: set[str] = set()
        self.series: dict[tuple[str, str], _Series] = {}
        self.tables: dict[str, _Table] = {}
        self.start = self.end = None
        self.relations = Relations(self.flag, NS)

    def flag(self, where: str, what: str) -> None:
        self.problems.append(Problem(where, what))

    def run(self, path) -> None:
        if not self._is_audit_file(path):
            return
        tags = [q(t) for t in ("Header", "Customer", "Product", *CONTROL, *KINDS, *TABLES)]
        try:
            for _ev, el in etree.iterparse(str(path), events=("end",), tag=tags):
                self._element(el)
        except etree.XMLSyntaxError as exc:
            self.flag("ficheiro", f"XML mal formado: {exc.msg}")
            return
        if self.start is None:
            self.flag("ficheiro", "falta o Header (não é um SAF-T completo)")
            return
        self.relations.finish(path)

    def _is_audit_file(self, path) -> bool:
        """The root must be AuditFile in SAF-T (PT) 1.04_01's namespace: otherwise the
        streaming checks below would find nothing to check and call the file clean."""
        try:
            with open(path, "rb") as fh:
                root = next((el for _ev, el in etree.iterparse(fh, events=("start",))), None)
        except etree.XMLSyntaxError as exc:
            self.flag("ficheiro", f"XML mal formado: {exc.msg}")
            return False
        if root is not None and root.tag == q("AuditFile"):
            return True
        qname = etree.QName(root) if root is not None else None
        found = f"<{qname.localname}> no espaço de nomes {qname.namespace or '(nenhum)'}" \
            if qname else "nada"
        self.flag("ficheiro", f"não é um SAF-T (PT) 1.04_01: a raiz é {found}, e devia ser "
                              f"<AuditFile> em {NS}")
        return False

    def _element(self, el) -> None:
        local = el.tag[len(NS) + 2:]
        parent = el.getparent()
        if local == "Payment" and parent.tag != q("Payments"):
            return   # an invoice's DocumentTotals/Payment, checked with its invoice
        if local in KINDS:
            self._document(el, KINDS[local])
        elif local in TABLES:
            self._table_end(local)
            return
        elif local in CONTROL:
            ptag = parent.tag[len(NS) + 2:]
            self.tables.setdefault(ptag, _Table()).declared[local] = el.text
            return
        elif local == "Customer":
            self._customer(el)
        elif local == "Product":
            self.products.add(el.findtext(q("ProductCode")))
        elif local == "Header":
            self.start, self.end = el.findtext(q("StartDate")), el.findtext(q("EndDate"))
        # Checked records leave the tree, so memory does not grow with the file.
        el.clear(keep_tail=True)
        while el.getprevious() is not None:
            del parent[0]

    # ---- one document ----------------------------------------------------------------
    def _document(self, el, kind: Kind) -> None:
        # One pass over the children (findtext with namespaced paths costs ~5x more).
        self.documents += 1
        f, lines, methods = {}, [], []
        for ch in el:
            tag = ch.tag[_CUT:]
            if tag == "Line":
                lines.append(ch)
            elif tag == "PaymentMethod":
                methods.append(ch)
            else:
                f[tag] = ch
        text = {tag: ch.text for tag, ch in f.items()}
        no = text.get(kind.number) or "?"
        state = _texts(f["DocumentStatus"]) if "DocumentStatus" in f else {}
        status = state.get(kind.status)
        doc_type, day = text.get(kind.type), text.get(kind.date) or ""
        m = NUMBER_RE.match(no)
        if m is None:
            self.flag(no, "número mal formado (tipo série/número)")
            return
        if m.group(1) != doc_type:
            self.flag(no, f"o número não é do tipo {doc_type}")
        if self.start and self.end and not self.start <= day <= self.end:
            self.flag(no, f"data {day} fora do período {self.start} a {self.end}")
        self._numbering(no, m, text.get("ATCUD"))
        if status == "A" and not (state.get("Reason") or "").strip():
            self.flag(no, "anulado sem motivo (DocumentStatus/Reason)")
        if kind.signed:
            self._hash_control(no, doc_type, text.get("HashControl") or "",
                               state.get("SourceBilling") or "")
        if kind.table == "SalesInvoices":
            self.relations.document(no, doc_type, text.get("HashControl") or "")
        if kind.table == "MovementOfGoods":
            self._places(no, f, day, text.get("MovementStartTime"))
        totals = f.get("DocumentTotals")
        sums = _texts(totals) if totals is not None else {}
        if kind.signed:
            self._signature(text, no, m, day, sums.get("GrossTotal"))
        paid = [_texts(p).get("PaymentAmount") for p in methods] + \
            [_texts(p).get("PaymentAmount") for p in totals if p.tag[_CUT:] == "Payment"] \
            if totals is not None else []
        self._totals(lines, sums, paid, no, kind, doc_type, status)
        cid = text.get("CustomerID")
        if cid not in self.customers:
            self.flag(no, f"cliente {cid} não está em MasterFiles")
        elif kind.table == "SalesInvoices":
            self._intra_community(no, cid, lines)

    def _intra_community(self, no: str, cid: str, lines: list) -> None:
        """A supply exempt under M16 (RITI art. 14.º n.º 1 a)) is to a buyer registered for
        VAT in another EU member state: identified, and not from Portugal nor outside."""
        tag = q("TaxExemptionCode")
        if not any(ln.findtext(tag) == "M16" for ln in lines):
            return
        country, identified = self.countries.get(cid, ("", False))
        if not identified or country == "PT" or country not in EU_MEMBERS:
            who = f"de {country}" if identified else "sem número de IVA"
            self.flag(no, f"isenção M16 (transmissão intracomunitária) a um cliente {who}: "
                          "só a um sujeito passivo de outro Estado-Membro da UE (RITI art. "
                          "14.º)")

    def _customer(self, el) -> None:
        f = _texts(el)
        cid, tax_id = f.get("CustomerID"), f.get("CustomerTaxID") or ""
        self.customers.add(cid)
        country = el.findtext(f"{q('BillingAddress')}/{q('Country')}") or ""
        self.countries[cid] = (country, tax_id not in ("", CONSUMIDOR_FINAL_NIF))
        if tax_id == CONSUMIDOR_FINAL_NIF or len(country) != 2:
            return
        try:
            number, _ = split_tax_id(tax_id, country)
        except ValidationError:
            return          # another country's prefix, or not a tax number at all
        if number != tax_id:
            self.flag(f"cliente {cid}", f"CustomerTaxID {tax_id} com o prefixo do país: "
                                        f"deve ser {number}, com o país em Country (P302 "
                                        "2.2.3)")

    def _hash_control(self, no: str, doc_type: str, control: str, source: str) -> None:
        """HashControl says how the document came to be; it must agree with the document."""
        m = RECOVERED_RE.match(control)
        if m is None:
            if source == "M":
                self.flag(no, f"SourceBilling M com HashControl {control!r}: um documento "
                              "recuperado leva '<versão>-<tipo>M <série>/<n.º>' ou "
                              "'<versão>-<tipo>D <número>'")
            return
        if m.group(1) != doc_type:
            self.flag(no, f"HashControl {control} é de {m.group(1)}, mas o documento é "
                          f"{doc_type}")
        elif m.group(2) == "D" and not m.group(3).startswith(f"{doc_type} "):
            self.flag(no, f"HashControl {control}: o original perdido não é um {doc_type}")
        if source != "M":
            self.flag(no, f"HashControl {control} de documento recuperado, mas SourceBilling "
                          f"{source or 'em falta'} (devia ser M)")

    def _places(self, no: str, f: dict, day: str, start: str | None) -> None:
        """A guide names where the goods are loaded and unloaded (P302 4.2.3.16-17)."""
        for tag, what in (("ShipFrom", "carga"), ("ShipTo", "descarga")):
            el = f.get(tag)
            address = el.find(q("Address")) if el is not None else None
            detail = address.findtext(q("AddressDetail")) if address is not None else None
            if not detail or detail == "Desconhecido" or \
                    (address.findtext(q("City")) or "Desconhecido") == "Desconhecido":
                self.flag(no, f"guia sem local de {what} ({tag}/Address com morada e "
                              "localidade)")
        if start and day and start[:10] < day:
            self.flag(no, f"MovementStartTime {start} anterior à data da guia {day}")

    def _unit_price(self, no: str, lf: dict, amount: Decimal) -> None:
        """UnitPrice is net of VAT and of the line's discounts (P302 4.1.4.19.7), which go
        in SettlementAmount (4.1.4.19.18): UnitPrice × Quantity must give the line's amount,
        to the precision UnitPrice is written with."""
        price_text = _text(lf.get("UnitPrice"))
        price, qty = _dec(price_text), _dec(_text(lf.get("Quantity")))
        if not price or qty is None:
            return              # TaxBase lines carry UnitPrice 0 (XSD assertion)
        places = len(price_text.partition(".")[2])
        slack = Decimal(5).scaleb(-places - 1) * qty + Decimal("0.005")
        if abs(price * qty - amount) <= slack:
            return
        line = _text(lf.get("LineNumber"))
        discount = _dec(_text(lf.get("SettlementAmount")))
        if discount and abs(price * qty - amount - discount) <= slack:
            self.flag(no, f"linha {line}: UnitPrice {price_text} não desconta o "
                          f"SettlementAmount {fmt2(discount)} (P302 4.1.4.19.7)")
        else:
            self.flag(no, f"linha {line}: UnitPrice × Quantity ({fmt2(price * qty)}) "
                          f"diferente do valor da linha ({fmt2(amount)})")

    def _numbering(self, no: str, m, atcud: str | None) -> None:
        key, seq = (m.group(1), m.group(2)), int(m.group(3))
        am = ATCUD_RE.match(atcud or "")
        code = am.group(1) if am else None
        if am is None:
            self.flag(no, f"ATCUD mal formado: {atcud!r}")
        elif am.group(2) != m.group(3):
            self.flag(no, f"ATCUD {atcud} não corresponde ao número {m.group(3)}")
        state = self.series.get(key)
        if state is None:
            self.series[key] = _Series(seq, code)
            return
        state.seen += 1
        if seq <= state.last:
            self.flag(no, f"fora de ordem ou repetido: vem depois do n.º {state.last}")
        elif seq != state.last + 1:
            missing = f"{state.last + 1}" if seq == state.last + 2 else \
                f"{state.last + 1} a {seq - 1}"
            self.flag(no, f"numeração com falha: falta(m) o(s) n.º {missing} da série "
                          f"{key[1]}")
        if code and state.code and code != state.code:
            self.flag(no, f"ATCUD com código {code}, diferente do da série ({state.code})")
        state.last, state.code = max(seq, state.last), state.code or code

    def _signature(self, text: dict, no: str, m, day: str, gross_text: str | None) -> None:
        digest = text.get("Hash") or ""
        control = text.get("HashControl") or ""
        state = self.series[(m.group(1), m.group(2))]
        first, previous = state.seen == 1, state.hash
        state.hash = digest
        if not digest or digest == "0":
            self.flag(no, "documento sem assinatura (Hash)")
            return
        vm = KEY_VERSION_RE.match(control)
        if self.keyring is None or vm is None or vm.group(2):
            self.unverifiable += 1    # no key, or signed by another certified program
            return
        gross = _dec(gross_text) or ZERO
        message = ";".join((day, text.get("SystemEntryDate") or "", no, fmt2(gross), previous))
        version = int(vm.group(1))
        ok = self.keyring.verify(version, message, digest)
        if ok is None:
            self.flag(no, f"chave pública da versão {version} não disponível")
        elif ok:
            self.signatures += 1
        elif first and int(m.group(3)) > 1:
            # The chain starts before this file: the previous Hash is not in it.
            self.unverifiable += 1
        elif first:
            self.flag(no, "assinatura inválida (primeiro documento da série)")
        else:
            self.flag(no, "assinatura inválida: a data, o número, o total ou o Hash foram "
                          "alterados, ou a cadeia está quebrada (o Hash anterior não é o "
                          "do documento que o precede)")

    def _totals(self, lines: list, sums: dict, paid: list, no: str, kind: Kind,
                doc_type: str, status: str) -> None:
        table = self.tables.setdefault(kind.table, _Table())
        debit = credit = qty = ZERO
        bases: dict[Decimal, Decimal] = {}
        is_nc = doc_type == "NC"   # a credit note's lines are debits
        for ln in lines:
            lf = {ch.tag[_CUT:]: ch for ch in ln}
            d = _dec(_text(lf.get("DebitAmount")))
            c = _dec(_text(lf.get("CreditAmount")))
            amount = d if d is not None else c
            if amount is None:
                self.flag(no, f"linha {_text(lf.get('LineNumber'))} sem valor válido")
                continue
            debit += d or ZERO
            credit += c or ZERO
            qty += _dec(_text(lf.get("Quantity"))) or ZERO
            if kind.table != "Payments":
                self._unit_price(no, lf, amount)
            if doc_type in NOTES and kind.table == "SalesInvoices":
                self.relations.note_line(no, doc_type, status != "A", lf)
            code = _text(lf.get("ProductCode"))
            if kind.table != "Payments" and code not in self.products:
                self.flag(no, f"produto {code} não está em MasterFiles")
            tax = lf.get("Tax")
            pct = _dec(_texts(tax).get("TaxPercentage")) if tax is not None else None
            if pct is None:
                continue
            if (pct == 0) != bool(_text(lf.get("TaxExemptionReason"))):
                self.flag(no, f"linha {_text(lf.get('LineNumber'))}: taxa {pct}% "
                              + ("sem motivo de isenção" if pct == 0 else
                                 "com motivo de isenção"))
            sign = 1 if (c is not None) != is_nc else -1
            bases[pct] = bases.get(pct, ZERO) + sign * amount
        tax, net, gross = (_dec(sums.get(t)) for t in ("TaxPayable", "NetTotal", "GrossTotal"))
        if None in (tax, net, gross):
            self.flag(no, "DocumentTotals em falta ou inválido")
            return
        lines_net = abs(credit - debit)
        if lines_net != net:
            self.flag(no, f"soma das linhas ({fmt2(lines_net)}) diferente de NetTotal "
                          f"({fmt2(net)})")
        if net + tax != gross:
            self.flag(no, f"NetTotal + TaxPayable ({fmt2(net + tax)}) diferente de GrossTotal "
                          f"({fmt2(gross)})")
        # VAT is taken out of VAT-included prices per rate (receipts: per line), so each
        # rate (or line) may differ from base × rate by a cent.
        expected = abs(sum((round2(b * p / 100) for p, b in bases.items()), ZERO))
        slack = Decimal("0.01") * (len(lines) if kind.table == "Payments" else len(bases))
        if bases and abs(expected - tax) > slack:
            self.flag(no, f"TaxPayable {fmt2(tax)} não corresponde às taxas das linhas "
                          f"(≈ {fmt2(expected)})")
        amounts = [_dec(p) for p in paid]
        if amounts and None not in amounts and sum(amounts, ZERO) != gross:
            self.flag(no, f"pagamentos ({fmt2(sum(amounts, ZERO))}) diferentes de GrossTotal "
                          f"({fmt2(gross)})")
        table.entries += 1
        table.lines += len(lines)
        if status not in EXCLUDED[kind.table]:
            table.debit += debit
            table.credit += credit
            table.quantity += qty

    # ---- control totals ----------------------------------------------------------------
    def _table_end(self, name: str) -> None:
        table = self.tables.setdefault(name, _Table())
        declared = table.declared
        if name == "MovementOfGoods":
            wanted = {"NumberOfMovementLines": Decimal(table.lines),
                      "TotalQuantityIssued": table.quantity}
        else:
            wanted = {"NumberOfEntries": Decimal(table.entries), "TotalDebit": table.debit,
                      "TotalCredit": table.credit}
        for tag, value in wanted.items():
            got = _dec(declared.get(tag))
            if got != value:
                self.flag(name, f"{tag} declarado {declared.get(tag)}, mas os documentos "
                                f"dão {value.normalize() if tag.startswith('Number') else value}")
