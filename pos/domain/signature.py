"""The AT signature message and the printed hash characters (FISCAL-PT §1).

Only the message format lives here (pure); the RSA operation is in pos/signing.py.
"""

from datetime import date, datetime
from decimal import Decimal

from .money import fmt2

CERTIFIED_SENTENCE = "Processado por programa certificado n.º {cert}/AT"
RECEIPT_SENTENCE = "Emitido por programa certificado n.º {cert}/AT"


def format_date(d: date) -> str:
    return d.strftime("%Y-%m-%d")


def format_datetime(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def signature_message(invoice_date: date, system_entry: datetime, document_no: str,
                      gross_total: Decimal, previous_hash: str) -> str:
    """``InvoiceDate;SystemEntryDate;DocumentNo;GrossTotal;PreviousHash`` (empty when first)."""
    return ";".join((format_date(invoice_date), format_datetime(system_entry), document_no,
                     fmt2(gross_total), previous_hash or ""))


def printed_hash_chars(hash_b64: str) -> str:
    """Characters 1, 11, 21 and 31 of the Hash (Portaria 363/2010 art. 6.º n.º 3)."""
    if len(hash_b64) < 31:
        return "0"
    return hash_b64[0] + hash_b64[10] + hash_b64[20] + hash_b64[30]


def certification_line(hash_b64: str | None, cert_number: str) -> str:
    """'AxAx-Processado por…' for signed documents, 'Emitido por…' for receipts."""
    if not hash_b64:
        return RECEIPT_SENTENCE.format(cert=cert_number)
    return f"{printed_hash_chars(hash_b64)}-" + CERTIFIED_SENTENCE.format(cert=cert_number)


def hash_control(key_version: int, manual_ref: str | None = None,
                 duplicate_ref: str | None = None, doc_type: str = "") -> str:
    """HashControl: key version, or the recovery forms of D8632 §2.4.5 / §2.5.5."""
    if manual_ref:
        return f"{key_version}-{doc_type}M {manual_ref}"
    if duplicate_ref:
        return f"{key_version}-{doc_type}D {duplicate_ref}"
    return str(key_version)
