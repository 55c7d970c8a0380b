"""The AT QR-code payload (Portaria 195/2020; "Especificações Técnicas Código QR" v1.0).

Fields are ``code:value`` joined by ``*`` in table order; money with 2 decimals; optional
fields are left out when there is nothing to say (FISCAL-PT §3).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .money import fmt2

REGION_ORDER = ("PT", "PT-AC", "PT-MA")


@dataclass(frozen=True)
class TaxSpace:
    region: str
    exempt_base: Decimal | None = None
    reduced: tuple[Decimal, Decimal] | None = None       # (base, VAT)
    intermediate: tuple[Decimal, Decimal] | None = None
    normal: tuple[Decimal, Decimal] | None = None


@dataclass(frozen=True)
class QrData:
    issuer_nif: str
    customer_nif: str
    customer_country: str
    doc_type: str
    status: str
    doc_date: date
    document_no: str
    atcud: str
    tax_spaces: tuple[TaxSpace, ...]   # empty -> I1:0 (documents without VAT)
    tax_payable: Decimal
    gross_total: Decimal
    hash_chars: str
    cert_number: str
    not_subject: Decimal | None = None   # L
    stamp_duty: Decimal | None = None    # M
    withholding: Decimal | None = None   # P
    other_info: str | None = None        # S
    extra: dict = field(default_factory=dict)


def build_qr(d: QrData) -> str:
    parts = [
        f"A:{d.issuer_nif}", f"B:{d.customer_nif}", f"C:{d.customer_country}",
        f"D:{d.doc_type}", f"E:{d.status}", f"F:{d.doc_date.strftime('%Y%m%d')}",
        f"G:{d.document_no}", f"H:{d.atcud}",
    ]
    if not d.tax_spaces:
        parts.append("I1:0")
    for letter, space in zip("IJK", d.tax_spaces, strict=False):
        parts.append(f"{letter}1:{space.region}")
        if space.exempt_base is not None:
            parts.append(f"{letter}2:{fmt2(space.exempt_base)}")
        for idx, pair in ((3, space.reduced), (5, space.intermediate), (7, space.normal)):
            if pair is not None:
                parts.append(f"{letter}{idx}:{fmt2(pair[0])}")
                parts.append(f"{letter}{idx + 1}:{fmt2(pair[1])}")
    if d.not_subject is not None:
        parts.append(f"L:{fmt2(d.not_subject)}")
    if d.stamp_duty is not None:
        parts.append(f"M:{fmt2(d.stamp_duty)}")
    parts.append(f"N:{fmt2(d.tax_payable)}")
    parts.append(f"O:{fmt2(d.gross_total)}")
    if d.withholding is not None:
        parts.append(f"P:{fmt2(d.withholding)}")
    parts.append(f"Q:{d.hash_chars}")
    parts.append(f"R:{d.cert_number}")
    if d.other_info:
        parts.append(f"S:{d.other_info.replace('*', '')[:65]}")
    return "*".join(parts)


def parse_qr(payload: str) -> dict[str, str]:
    """Split on '*' then on the first ':' only (values such as 'FS A/1' hold spaces)."""
    out: dict[str, str] = {}
    for part in payload.split("*"):
        code, _, value = part.partition(":")
        out[code] = value
    return out


def document_qr(doc, issuer_nif: str, cert_number: str) -> str:
    """The QR payload of a stored Document (pos.domain.documents.Document)."""
    from decimal import Decimal

    from .signature import printed_hash_chars

    exempt = Decimal("0")
    not_subject = None
    pairs: dict[str, tuple[Decimal, Decimal]] = {}
    has_exempt = False
    for t in doc.totals.taxes:
        if t.code == "ISE":
            if t.exemption_code == "M99":
                not_subject = (not_subject or Decimal("0")) + t.base
            else:
                has_exempt, exempt = True, exempt + t.base
        else:
            base, tax = pairs.get(t.code, (Decimal("0"), Decimal("0")))
            pairs[t.code] = (base + t.base, tax + t.tax)
    spaces: tuple[TaxSpace, ...] = ()
    if has_exempt or pairs:
        spaces = (TaxSpace(doc.tax_region, exempt if has_exempt else None, pairs.get("RED"),
                           pairs.get("INT"), pairs.get("NOR")),)
    return build_qr(QrData(
        issuer_nif=issuer_nif, customer_nif=doc.customer.nif,
        customer_country=doc.customer.country if doc.customer.country != "Desconhecido"
        else "PT",
        doc_type=doc.doc_type, status=doc.status, doc_date=doc.invoice_date,
        document_no=doc.document_no, atcud=doc.atcud, tax_spaces=spaces,
        tax_payable=doc.totals.tax, gross_total=doc.totals.gross,
        hash_chars=printed_hash_chars(doc.hash) if doc.hash else "0",
        cert_number=cert_number, not_subject=not_subject))
