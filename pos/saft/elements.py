"""The XML of one SourceDocuments record (Invoice, StockMovement, WorkDocument, Payment).

Records are formatted as text, every character datum escaped by text.esc and every other
value produced by our own formatters (numbers, dates, codes the core constrains), and the
writer appends them inside the lxml xmlfile envelope. Why text: building ~55 lxml elements
per document one SubElement at a time costs more than everything else in the export
together (benchmarks/saft_export.py measures that "lxml floor"); formatting is ~5x cheaper.
Tests parse and schema-validate whole exports, including text with markup characters.
Element order follows the XSD sequences exactly.
"""

from functools import lru_cache

from pos.domain.complements import complements_of
from pos.domain.transport import Place, transport_of

from .masterfiles import UNKNOWN, exemption_reason
from .text import day, esc, money, percentage, quantity, settlement, stamp, unit_price

MG = "MovementOfGoods"


def _status(doc, tag: str, date_tag: str, source_tag: str) -> str:
    reason = f"<Reason>{esc(doc.status_reason, 50)}</Reason>" if doc.status_reason else ""
    return (f"<DocumentStatus><{tag}>{doc.status}</{tag}>"
            f"<{date_tag}>{stamp(doc.status_date)}</{date_tag}>{reason}"
            f"<SourceID>{esc(doc.status_user or doc.user_login, 30)}</SourceID>"
            f"<{source_tag}>{doc.source_billing or 'P'}</{source_tag}></DocumentStatus>")


def _signature(doc) -> str:
    return (f"<Hash>{doc.hash or '0'}</Hash><HashControl>{esc(doc.hash_control or '0', 70)}"
            f"</HashControl><Period>{int(day(doc.invoice_date)[5:7])}</Period>")


@lru_cache(maxsize=1024)
def _tax_xml(region: str, code: str, stored_pct: str, exemption: str | None,
             stored_reason: str | None) -> str:
    # Cached: a file has a handful of (region, rate, exemption) combinations.
    pct, zero = percentage(stored_pct)
    out = (f"<Tax><TaxType>IVA</TaxType><TaxCountryRegion>{region}</TaxCountryRegion>"
           f"<TaxCode>{code}</TaxCode><TaxPercentage>{pct}</TaxPercentage></Tax>")
    if zero:
        # XSD assert: 0 % needs TaxExemptionReason, and reason and code go together.
        reason = exemption_reason(exemption, stored_reason)
        if reason:
            out += (f"<TaxExemptionReason>{esc(reason, 60)}</TaxExemptionReason>"
                    f"<TaxExemptionCode>{exemption}</TaxExemptionCode>")
    return out


def _tax(region: str, ln) -> str:
    return _tax_xml(region, ln.tax_code, ln.tax_percentage, ln.exemption_code,
                    ln.exemption_reason)


@lru_cache(maxsize=8192)
def _product(code: str, description: str) -> tuple[str, str]:
    """(ProductCode + ProductDescription, Description) of a line, escaped once per product."""
    text = esc(description)
    return (f"<ProductCode>{esc(code, 60)}</ProductCode>"
            f"<ProductDescription>{text}</ProductDescription>",
            f"<Description>{text}</Description>")


def _line(ln, point: str, side: str, region: str, references: bool,
          contract: str = "") -> str:
    """One Line; ``point`` is the TaxPointDate element ('' in MovementOfGoods);
    ``contract`` the OrderReferences of an invoice for a service on contract."""
    # A plain row (see queries.LINE_COLS): unpacking beats attribute access on this path.
    (_, line_no, code, desc, qty, unit, net, tax_code, pct, exemption, reason, ref_no,
     ref_reason, discount) = ln[:14]
    product, description = _product(code, desc)
    refs, order = "", contract
    if ref_no and references:
        why = f"<Reason>{esc(ref_reason, 50)}</Reason>" if ref_reason else ""
        refs = f"<References><Reference>{esc(ref_no, 60)}</Reference>{why}</References>"
    elif ref_no and not point:
        # A guide's line taken from an invoice names it (P302 4.2.3.21.2 OrderReferences).
        order = (f"<OrderReferences><OriginatingON>{esc(ref_no, 60)}</OriginatingON>"
                 "</OrderReferences>")
    return (f"<Line><LineNumber>{line_no}</LineNumber>{order}{product}"
            f"<Quantity>{quantity(qty)}</Quantity><UnitOfMeasure>{esc(unit, 20)}"
            f"</UnitOfMeasure><UnitPrice>{unit_price(net, qty)}</UnitPrice>{point}{refs}"
            f"{description}<{side}>{money(net)}</{side}>"
            f"{_tax_xml(region, tax_code, pct, exemption, reason)}"
            f"{settlement(discount, pct)}</Line>")


def _lines(doc, lines, debit: bool, table: str) -> str:
    # The tax point: the supply date, or the end of a service's period; else the date.
    more = complements_of(doc.extra) if doc.extra and table != MG else None
    tax_point = more.tax_point(doc.invoice_date) if more else doc.invoice_date
    point = "" if table == MG else f"<TaxPointDate>{day(tax_point)}</TaxPointDate>"
    contract = (f"<OrderReferences><OriginatingON>{esc(more.contract, 60)}</OriginatingON>"
                "</OrderReferences>") if more and more.contract else ""
    side = "DebitAmount" if debit else "CreditAmount"
    refs = table == "SalesInvoices"
    region = doc.tax_region
    return "".join([_line(ln, point, side, region, refs, contract) for ln in lines])


def _totals(doc, payments: str = "") -> str:
    return (f"<DocumentTotals><TaxPayable>{money(doc.tax_payable)}</TaxPayable>"
            f"<NetTotal>{money(doc.net_total)}</NetTotal>"
            f"<GrossTotal>{money(doc.gross_total)}</GrossTotal>{payments}</DocumentTotals>")


def _head(doc, number_tag: str) -> str:
    return f"<{number_tag}>{doc.document_no}</{number_tag}><ATCUD>{doc.atcud}</ATCUD>"


def invoice(doc, lines, pays, cid: str, company=None) -> str:
    debit = doc.doc_type == "NC"   # a credit note reduces sales: its lines are debits
    date = day(doc.invoice_date)
    payments = "".join(
        f"<Payment><PaymentMechanism>{p.method}</PaymentMechanism><PaymentAmount>"
        f"{money(p.amount)}</PaymentAmount><PaymentDate>{date}</PaymentDate></Payment>"
        for p in pays)
    return (f"<Invoice>{_head(doc, 'InvoiceNo')}"
            f"{_status(doc, 'InvoiceStatus', 'InvoiceStatusDate', 'SourceBilling')}"
            f"{_signature(doc)}<InvoiceDate>{date}</InvoiceDate>"
            f"<InvoiceType>{doc.doc_type}</InvoiceType><SpecialRegimes>"
            "<SelfBillingIndicator>0</SelfBillingIndicator>"
            "<CashVATSchemeIndicator>0</CashVATSchemeIndicator>"
            "<ThirdPartiesBillingIndicator>0</ThirdPartiesBillingIndicator></SpecialRegimes>"
            f"<SourceID>{esc(doc.user_login, 30)}</SourceID>"
            f"<SystemEntryDate>{stamp(doc.system_entry_date)}</SystemEntryDate>"
            f"<CustomerID>{esc(cid, 30)}</CustomerID>{_invoice_shipping(doc, company)}"
            + _lines(doc, lines, debit, "SalesInvoices")
            + _totals(doc, payments) + "</Invoice>")


def _invoice_shipping(doc, company) -> str:
    """ShipTo, ShipFrom and MovementStartTime of an invoice that serves as transport
    document (P302 4.1.4.18: mandatory then; services/transport.py)."""
    if not doc.movement_start or company is None:
        return ""
    return _shipping(doc, company) + (f"<MovementStartTime>{stamp(doc.movement_start)}"
                                      "</MovementStartTime>")


def _address(tag: str, place: Place, delivery: str = "") -> str:
    code = (place.country or "").upper()
    code = code if len(code) == 2 and code.isalpha() else UNKNOWN
    # ShipFrom/DeliveryID: the carrier vehicle's licence plate (P302 4.2.3.17.1).
    delivery = f"<DeliveryID>{esc(delivery, 255)}</DeliveryID>" if delivery else ""
    return (f"<{tag}>{delivery}<Address><AddressDetail>{esc(place.detail or UNKNOWN, 210)}"
            f"</AddressDetail><City>{esc(place.city or UNKNOWN, 50)}</City>"
            f"<PostalCode>{esc(place.postal_code or UNKNOWN, 20)}</PostalCode>"
            f"<Country>{code}</Country></Address></{tag}>")


def _shipping(doc, company) -> str:
    # Load and unload places as recorded with the document; when it recorded none, the
    # company's and the customer's addresses (a transport document must name both).
    moved = transport_of(doc.extra) if doc.extra else None
    unload = moved.unload if moved and moved.unload else Place(
        doc.customer_address, doc.customer_city, doc.customer_postal_code,
        doc.customer_country)
    load = moved.load if moved and moved.load else Place(
        company.address, company.city, company.postal_code, company.country)
    return _address("ShipTo", unload) + _address("ShipFrom", load,
                                                  moved.vehicle if moved else "")


def stock_movement(doc, lines, cid: str, company) -> str:
    at_code = f"<ATDocCodeID>{esc(doc.at_doc_code)}</ATDocCodeID>" if doc.at_doc_code else ""
    return (f"<StockMovement>{_head(doc, 'DocumentNumber')}"
            f"{_status(doc, 'MovementStatus', 'MovementStatusDate', 'SourceBilling')}"
            f"{_signature(doc)}<MovementDate>{day(doc.invoice_date)}</MovementDate>"
            f"<MovementType>{doc.doc_type}</MovementType>"
            f"<SystemEntryDate>{stamp(doc.system_entry_date)}</SystemEntryDate>"
            f"<CustomerID>{esc(cid, 30)}</CustomerID>"
            f"<SourceID>{esc(doc.user_login, 30)}</SourceID>{_shipping(doc, company)}"
            f"<MovementStartTime>{stamp(doc.movement_start or doc.system_entry_date)}"
            f"</MovementStartTime>{at_code}"
            + _lines(doc, lines, False, MG)
            + _totals(doc) + "</StockMovement>")


def work_document(doc, lines, cid: str) -> str:
    return (f"<WorkDocument>{_head(doc, 'DocumentNumber')}"
            f"{_status(doc, 'WorkStatus', 'WorkStatusDate', 'SourceBilling')}"
            f"{_signature(doc)}<WorkDate>{day(doc.invoice_date)}</WorkDate>"
            f"<WorkType>{doc.doc_type}</WorkType>"
            f"<SourceID>{esc(doc.user_login, 30)}</SourceID>"
            f"<SystemEntryDate>{stamp(doc.system_entry_date)}</SystemEntryDate>"
            f"<CustomerID>{esc(cid, 30)}</CustomerID>"
            + _lines(doc, lines, False, "WorkingDocuments")
            + _totals(doc) + "</WorkDocument>")


def payment(doc, lines, pays, cid: str) -> str:
    """An RG: one line per settled invoice and VAT rate (see pos/services/receipts.py)."""
    date = day(doc.invoice_date)
    methods = "".join(
        f"<PaymentMethod><PaymentMechanism>{p.method}</PaymentMechanism><PaymentAmount>"
        f"{money(p.amount)}</PaymentAmount><PaymentDate>{date}</PaymentDate></PaymentMethod>"
        for p in pays)
    body = "".join(
        f"<Line><LineNumber>{ln.line_no}</LineNumber><SourceDocumentID><OriginatingON>"
        f"{esc(ln.ref_document_no or doc.document_no, 60)}</OriginatingON><InvoiceDate>"
        f"{day(ln.invoice_date or doc.invoice_date)}</InvoiceDate></SourceDocumentID>"
        f"<CreditAmount>{money(ln.net_amount)}</CreditAmount>{_tax(doc.tax_region, ln)}"
        "</Line>" for ln in lines)
    return (f"<Payment>{_head(doc, 'PaymentRefNo')}"
            f"<Period>{int(date[5:7])}</Period><TransactionDate>{date}</TransactionDate>"
            f"<PaymentType>{doc.doc_type}</PaymentType>"
            f"{_status(doc, 'PaymentStatus', 'PaymentStatusDate', 'SourcePayment')}"
            f"{methods}<SourceID>{esc(doc.user_login, 30)}</SourceID>"
            f"<SystemEntryDate>{stamp(doc.system_entry_date)}</SystemEntryDate>"
            f"<CustomerID>{esc(cid, 30)}</CustomerID>{body}{_totals(doc)}</Payment>")
