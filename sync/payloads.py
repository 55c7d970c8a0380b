"""Outbox duties to AT request data (FISCAL-PT §4 series, §6.1 fatcorews, §6.2 sgdtws).
Pure functions.

Keys are AT's element names, so the result goes straight to ``sync.clients``. Every value
of a document comes from the signed document, never from the clock: a resend after a lost
answer is byte-identical to the first send, which is what lets AT answer "already
registered" (-10) instead of "registered with different values" (-3). A series' start date
is the exception: AT judges it against its own calendar on the day it arrives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from pos.domain.company import Issuer
from pos.domain.documents import Document, PricedLine
from pos.domain.nif import CONSUMIDOR_FINAL_NIF
from pos.domain.signature import printed_hash_chars

CENT = Decimal("0.01")
UNKNOWN_COUNTRY = "Desconhecido"  # allowed by TaxIDCountry ("[A-Z]{2}|Desconhecido")
_POSTAL_PT = re.compile(r"^[0-9]{4}-[0-9]{3}$")


def series_start_date(planned: date | None, today: date) -> date:
    """``dataInicioPrevUtiliz`` for a registration sent ``today``.

    AT refuses a start before its current date (4049, SER-E §1.4), so the date cannot be
    fixed when the registration is queued: one queued at 23:50 and sent after midnight
    would never be accepted. A later planned start (next year's series) is kept.
    """
    return max(planned or today, today)


def _money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT)


def _choice_text(value: Decimal) -> str:
    """Text for a member of an ``xsd:choice`` (Amount, TaxPercentage): zeep silently drops
    a falsy value there, so an exempt line's 0 % would vanish and AT would refuse it."""
    return f"{_money(value):.2f}"


def tax_id_country(doc: Document) -> str:
    """ISO alpha-2 of the customer's tax id; the final consumer keeps the document's country.

    AT's own examples send ``999999990`` with ``PT``; a country we cannot name is sent as
    ``Desconhecido`` rather than guessed.
    """
    code = (doc.customer.country or "").strip().upper()
    return code if len(code) == 2 and code.isalpha() else UNKNOWN_COUNTRY


def customer_tax_id(doc: Document) -> str:
    """The NIF as recorded; ``999999990`` when none was collected (FATCORE 1.6.6)."""
    return (doc.customer.nif or "").strip() or CONSUMIDOR_FINAL_NIF


def _summary_key(ln: PricedLine) -> tuple:
    ref = ln.reference.document_no if ln.reference else None
    return (ln.tax_code, ln.tax_percentage, ln.exemption_code, ref)


def line_summaries(doc: Document) -> list[dict[str, Any]]:
    """One LineSummary per tax (type, region, code, rate), exemption code, TaxPointDate,
    Reference and debit/credit side (FATCORE 1.6.14). The TaxPointDate is the supply date
    or the end of a service's period when the document records one.

    A credit note (NC) reduces sales: its lines go on the Debit side, everything else on
    the Credit side, as in the SAF-T export. Amount is the net value of the lines.
    """
    side = "D" if doc.doc_type == "NC" else "C"
    groups: dict[tuple, list[PricedLine]] = {}
    for ln in doc.lines:
        groups.setdefault(_summary_key(ln), []).append(ln)
    more = doc.complements
    point = more.tax_point(doc.invoice_date) if more else doc.invoice_date
    out = []
    for (code, pct, exemption, ref), lines in groups.items():
        summary: dict[str, Any] = {}
        if more and more.contract:        # a service on contract (pos.domain.complements)
            summary["OrderReferences"] = [{"OriginatingON": more.contract[:60]}]
        summary["TaxPointDate"] = point
        if ref:
            summary["Reference"] = [ref]
        summary["DebitCreditIndicator"] = side
        summary["Amount"] = _choice_text(sum((ln.net_amount for ln in lines), Decimal(0)))
        summary["Tax"] = {"TaxType": "IVA", "TaxCountryRegion": doc.tax_region,
                          "TaxCode": code, "TaxPercentage": _choice_text(pct)}
        if exemption:
            summary["TaxExemptionCode"] = exemption
        out.append(summary)
    return out


def _totals(doc: Document) -> dict[str, Decimal]:
    return {"TaxPayable": _money(doc.totals.tax), "NetTotal": _money(doc.totals.net),
            "GrossTotal": _money(doc.totals.gross)}


def _hash_characters(doc: Document) -> str:
    return printed_hash_chars(doc.hash) if doc.hash else "0"


def invoice_data(doc: Document) -> dict[str, Any]:
    """``InvoiceData`` for RegisterInvoice (FT, FS, FR, NC, ND).

    The status is the one the document was born with (N at its SystemEntryDate): a later
    cancellation is its own ChangeInvoiceStatus duty, so the two never disagree.
    """
    return {
        "InvoiceNo": doc.document_no,
        "ATCUD": doc.atcud,
        "InvoiceDate": doc.invoice_date,
        "InvoiceType": doc.doc_type,
        "SelfBillingIndicator": 0,
        "CustomerTaxID": customer_tax_id(doc),
        "CustomerTaxIDCountry": tax_id_country(doc),
        "DocumentStatus": {"InvoiceStatus": "N", "InvoiceStatusDate": doc.system_entry_date},
        "HashCharacters": _hash_characters(doc),
        "CashVATSchemeIndicator": 0,
        "PaperLessIndicator": 0,
        "SystemEntryDate": doc.system_entry_date,
        "LineSummary": line_summaries(doc),
        "DocumentTotals": _totals(doc),
    }


def work_data(doc: Document) -> dict[str, Any]:
    """``WorkData`` for RegisterWork (OR, PF, CM): same summaries as an invoice."""
    return {
        "DocumentNumber": doc.document_no,
        "ATCUD": doc.atcud,
        "WorkDate": doc.invoice_date,
        "WorkType": doc.doc_type,
        "CustomerTaxID": customer_tax_id(doc),
        "CustomerTaxIDCountry": tax_id_country(doc),
        "DocumentStatus": {"WorkStatus": "N", "WorkStatusDate": doc.system_entry_date},
        "HashCharacters": _hash_characters(doc),
        "SystemEntryDate": doc.system_entry_date,
        "LineSummary": line_summaries(doc),
        "DocumentTotals": _totals(doc),
    }


def address(detail: str, city: str, postal_code: str, country: str = "PT"
            ) -> dict[str, str] | None:
    """sgdtws ``AddressStructurePT``: every field optional but non-empty, Country fixed PT
    and PostalCode ``NNNN-NNN``; whatever does not fit is left out rather than sent wrong."""
    out: dict[str, str] = {}
    if detail and detail.strip():
        out["Addressdetail"] = detail.strip()[:210]
    if city and city.strip():
        out["City"] = city.strip()[:50]
    pt = (country or "PT").strip().upper() == "PT"
    if pt and postal_code and _POSTAL_PT.match(postal_code.strip()):
        out["PostalCode"] = postal_code.strip()
    if pt and out:
        out["Country"] = "PT"
    return out or None


def _address_from(extra: Mapping[str, Any], key: str) -> dict[str, str] | None:
    a = extra.get(key)
    if not isinstance(a, Mapping):
        return None
    return address(a.get("detail", ""), a.get("city", ""), a.get("postal_code", ""),
                   a.get("country", "PT"))


def stock_movement(doc: Document, issuer: Issuer, extra: Mapping[str, Any] | None = None,
                   *, status: str = "N", at_code: str | None = None) -> dict[str, Any]:
    """``StockMovement`` for envioDocumentoTransporte (GR, GT...).

    Load and unload places come from the document's ``extra`` (``address_from`` /
    ``address_to``, as the manual-transport module stores them) when present; otherwise
    the company's address is the load place and the customer's the unload place.
    ``status="A"`` with the document's ``at_doc_code`` is how sgdtws cancels a guide;
    ``at_code`` (status N) completes a guide AT coded by phone. A line taken from an invoice
    names it (``OrderReferences``).
    """
    extra = extra or {}
    company = address(issuer.address, issuer.city, issuer.postal_code, issuer.country)
    customer = address(doc.customer.address, doc.customer.city, doc.customer.postal_code,
                       doc.customer.country)
    data: dict[str, Any] = {
        "TaxRegistrationNumber": int(issuer.nif),
        "CompanyName": issuer.name[:100],
        "CompanyAddress": company,
        "DocumentNumber": doc.document_no,
        "ATCUD": doc.atcud,
        "ATDocCodeID": at_code or (doc.at_doc_code if status != "N" else None),
        "MovementStatus": status,
        "MovementDate": doc.invoice_date,
        "MovementType": doc.doc_type,
        "CustomerTaxID": customer_tax_id(doc)[:20],
        "CustomerAddress": customer,
        "CustomerName": (doc.customer.name or "")[:100] or None,
        "AddressTo": _address_from(extra, "address_to") or customer,
        "AddressFrom": _address_from(extra, "address_from") or company,
        "MovementStartTime": doc.movement_start or doc.system_entry_date,
        "VehicleID": (str(extra.get("vehicle") or "").strip()[:32]) or None,
        "Line": [{**({"OrderReferences": [{"OriginatingON": ln.reference.document_no[:60]}]}
                     if ln.reference is not None else {}),
                  "ProductDescription": ln.description[:200],
                  "Quantity": ln.quantity,
                  "UnitOfMeasure": ln.unit[:20],
                  "UnitPrice": ln.unit_price_net} for ln in doc.lines],
    }
    return data


def paper_movement(payload: str | Mapping[str, Any]) -> dict[str, Any]:
    """A ``transport_paper`` row's stored payload, cleaned for sending.

    The manual-transport module keeps a bookkeeping key (``recovered_document``) next to
    the AT fields, and empty strings where the form left a field blank; sgdtws refuses
    empty elements (minLength 1), so both are dropped here.
    """
    data = json.loads(payload) if isinstance(payload, str) else dict(payload)
    data.pop("recovered_document", None)
    return _drop_empty(data)


def _drop_empty(value: Any) -> Any:
    if isinstance(value, Mapping):
        cleaned = {k: _drop_empty(v) for k, v in value.items()}
        cleaned = {k: v for k, v in cleaned.items() if v not in (None, "", {}, [])}
        # An address reduced to its fixed Country says nothing: drop it too.
        return {} if set(cleaned) == {"Country"} else cleaned
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value
