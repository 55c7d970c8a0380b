"""One SourceDocuments element per document (Invoice, StockMovement, WorkDocument, Payment).

Each is built as a small detached tree, written, and dropped, so memory does not depend on
the number of documents. Element order follows the XSD sequences exactly.
"""

from decimal import Decimal

from lxml.etree import Element, SubElement

from pos.domain.money import fmt2

from .masterfiles import UNKNOWN, add, exemption_reason

_SIX = Decimal("0.000001")


def ts(value) -> str:
    return value.isoformat(timespec="seconds")


def _qty(q: Decimal) -> str:
    return format(q, "f")


def _unit_price(net: Decimal, qty: Decimal) -> str:
    """SAF-T UnitPrice: net of VAT and discounts (Portaria 302/2016 4.1.4.19.7)."""
    if qty == 1:
        return fmt2(net)
    text = format((net / qty).quantize(_SIX), "f").rstrip("0")
    head, _, tail = text.partition(".")
    return f"{head}.{tail:0<2}"


def _status(parent, doc, status_tag: str, date_tag: str, source_tag: str) -> None:
    st = SubElement(parent, "DocumentStatus")
    add(st, status_tag, doc.status)
    add(st, date_tag, ts(doc.status_date))
    if doc.status_reason:
        add(st, "Reason", doc.status_reason[:50])
    add(st, "SourceID", (doc.status_user or doc.user_login)[:30])
    add(st, source_tag, doc.source_billing or "P")


def _signature(parent, doc) -> None:
    add(parent, "Hash", doc.hash or "0")
    add(parent, "HashControl", doc.hash_control or "0")
    add(parent, "Period", str(doc.invoice_date.month))


def _tax(parent, tag_region: str, ln, pct: Decimal) -> None:
    tax = SubElement(parent, "Tax")
    add(tax, "TaxType", "IVA")
    add(tax, "TaxCountryRegion", tag_region)
    add(tax, "TaxCode", ln.tax_code)
    add(tax, "TaxPercentage", format(pct, "f"))
    if pct == 0:
        # XSD assert: 0 % needs TaxExemptionReason, and reason and code go together.
        reason = exemption_reason(ln.exemption_code, ln.exemption_reason)
        if reason:
            add(parent, "TaxExemptionReason", reason)
            add(parent, "TaxExemptionCode", ln.exemption_code)


def _line(parent, doc, ln, debit: bool, table: str) -> None:
    el = SubElement(parent, "Line")
    add(el, "LineNumber", str(ln.line_no))
    add(el, "ProductCode", ln.product_code)
    add(el, "ProductDescription", ln.description)
    add(el, "Quantity", _qty(ln.quantity))
    add(el, "UnitOfMeasure", ln.unit)
    add(el, "UnitPrice", _unit_price(ln.net_amount, ln.quantity))
    if table != "MovementOfGoods":
        add(el, "TaxPointDate", doc.invoice_date.isoformat())
    if ln.ref_document_no and table == "SalesInvoices":
        refs = SubElement(el, "References")
        add(refs, "Reference", ln.ref_document_no[:60])
        if ln.ref_reason:
            add(refs, "Reason", ln.ref_reason[:50])
    add(el, "Description", ln.description)
    add(el, "DebitAmount" if debit else "CreditAmount", fmt2(ln.net_amount))
    _tax(el, doc.tax_region, ln, ln.tax_percentage)


def _totals(parent, doc):
    tot = SubElement(parent, "DocumentTotals")
    add(tot, "TaxPayable", fmt2(doc.tax_payable))
    add(tot, "NetTotal", fmt2(doc.net_total))
    add(tot, "GrossTotal", fmt2(doc.gross_total))
    return tot


def invoice(doc, lines, pays, cid: str):
    inv = Element("Invoice")
    add(inv, "InvoiceNo", doc.document_no)
    add(inv, "ATCUD", doc.atcud)
    _status(inv, doc, "InvoiceStatus", "InvoiceStatusDate", "SourceBilling")
    _signature(inv, doc)
    add(inv, "InvoiceDate", doc.invoice_date.isoformat())
    add(inv, "InvoiceType", doc.doc_type)
    regimes = SubElement(inv, "SpecialRegimes")
    add(regimes, "SelfBillingIndicator", "0")
    add(regimes, "CashVATSchemeIndicator", "0")
    add(regimes, "ThirdPartiesBillingIndicator", "0")
    add(inv, "SourceID", doc.user_login[:30])
    add(inv, "SystemEntryDate", ts(doc.system_entry_date))
    add(inv, "CustomerID", cid)
    debit = doc.doc_type == "NC"   # a credit note reduces sales: its lines are debits
    for ln in lines:
        _line(inv, doc, ln, debit, "SalesInvoices")
    tot = _totals(inv, doc)
    for p in pays:
        pay = SubElement(tot, "Payment")
        add(pay, "PaymentMechanism", p.method)
        add(pay, "PaymentAmount", fmt2(p.amount))
        add(pay, "PaymentDate", doc.invoice_date.isoformat())
    return inv


def _address(parent, tag: str, address: str, city: str, postal: str, country: str) -> None:
    point = SubElement(parent, tag)
    addr = SubElement(point, "Address")
    add(addr, "AddressDetail", (address or UNKNOWN)[:210])
    add(addr, "City", (city or UNKNOWN)[:50])
    add(addr, "PostalCode", (postal or UNKNOWN)[:20])
    code = (country or "").upper()
    add(addr, "Country", code if len(code) == 2 and code.isalpha() else UNKNOWN)


def stock_movement(doc, lines, cid: str, company):
    mv = Element("StockMovement")
    add(mv, "DocumentNumber", doc.document_no)
    add(mv, "ATCUD", doc.atcud)
    _status(mv, doc, "MovementStatus", "MovementStatusDate", "SourceBilling")
    _signature(mv, doc)
    add(mv, "MovementDate", doc.invoice_date.isoformat())
    add(mv, "MovementType", doc.doc_type)
    add(mv, "SystemEntryDate", ts(doc.system_entry_date))
    add(mv, "CustomerID", cid)
    add(mv, "SourceID", doc.user_login[:30])
    # Load and unload places: the core keeps none yet, so the customer's and the company's
    # addresses stand in (a transport document must name both).
    _address(mv, "ShipTo", doc.customer_address, doc.customer_city,
             doc.customer_postal_code, doc.customer_country)
    _address(mv, "ShipFrom", company.address, company.city, company.postal_code,
             company.country)
    add(mv, "MovementStartTime", ts(doc.movement_start or doc.system_entry_date))
    if doc.at_doc_code:
        add(mv, "ATDocCodeID", doc.at_doc_code[:200])
    for ln in lines:
        _line(mv, doc, ln, False, "MovementOfGoods")
    _totals(mv, doc)
    return mv


def work_document(doc, lines, cid: str):
    wd = Element("WorkDocument")
    add(wd, "DocumentNumber", doc.document_no)
    add(wd, "ATCUD", doc.atcud)
    _status(wd, doc, "WorkStatus", "WorkStatusDate", "SourceBilling")
    _signature(wd, doc)
    add(wd, "WorkDate", doc.invoice_date.isoformat())
    add(wd, "WorkType", doc.doc_type)
    add(wd, "SourceID", doc.user_login[:30])
    add(wd, "SystemEntryDate", ts(doc.system_entry_date))
    add(wd, "CustomerID", cid)
    for ln in lines:
        _line(wd, doc, ln, False, "WorkingDocuments")
    _totals(wd, doc)
    return wd


def payment(doc, lines, pays, cid: str):
    """An RG: one line per settled invoice and VAT rate (see pos/services/receipts.py)."""
    py = Element("Payment")
    add(py, "PaymentRefNo", doc.document_no)
    add(py, "ATCUD", doc.atcud)
    add(py, "Period", str(doc.invoice_date.month))
    add(py, "TransactionDate", doc.invoice_date.isoformat())
    add(py, "PaymentType", doc.doc_type)
    _status(py, doc, "PaymentStatus", "PaymentStatusDate", "SourcePayment")
    for p in pays:
        method = SubElement(py, "PaymentMethod")
        add(method, "PaymentMechanism", p.method)
        add(method, "PaymentAmount", fmt2(p.amount))
        add(method, "PaymentDate", doc.invoice_date.isoformat())
    add(py, "SourceID", doc.user_login[:30])
    add(py, "SystemEntryDate", ts(doc.system_entry_date))
    add(py, "CustomerID", cid)
    for ln in lines:
        el = SubElement(py, "Line")
        add(el, "LineNumber", str(ln.line_no))
        src = SubElement(el, "SourceDocumentID")
        add(src, "OriginatingON", (ln.ref_document_no or doc.document_no)[:60])
        add(src, "InvoiceDate", (ln.invoice_date or doc.invoice_date).isoformat())
        add(el, "CreditAmount", fmt2(ln.net_amount))
        _tax(el, doc.tax_region, ln, ln.tax_percentage)
    _totals(py, doc)
    return py
