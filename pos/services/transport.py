"""Transport documents issued by the program (RBC art. 5.º n.º 1 b; FISCAL-PT §6.2).

A guide (GT, GR, GA, GC, GD) names its load and unload places, the time the goods start to
move, the vehicle when known, the recipient (a NIF, or a final consumer) and the goods,
typed from the catalogue or taken from an invoice. It is signed and numbered like every
document, and issuing it queues its communication to AT (kind ``transport``, due before
the start): AT answers with the identification code (``ATDocCodeID``, n.º 7) that is
printed on the three copies (n.º 2).

An invoice can serve as the transport document itself (RBC art. 2.º n.º 1 b: "a fatura,
guia de remessa, ... ou documentos equivalentes"), when it carries the same elements
(art. 4.º: load and unload places, start of the transport). The rules as this module reads
them:

* only an FT: a simplified invoice lacks the elements and cannot serve (AT's FAQ on
  transport documents), and a receipt-invoice is paid at the counter, not shipped;
* it is printed in three copies like a guide (n.º 2 applies to every document of n.º 1);
* AT's transport service only takes GR, GT, GA, GC and GD (``MovementType`` in
  documentosTransporte.wsdl), so the invoice reaches AT through e-Fatura
  (RegisterInvoice) and gets no ATDocCodeID; what n.º 5 asks is that it gets there before
  the goods move, so its duty is due at the start of the transport instead of day 5 of the
  next month (``issuing.outbox_for``), and the queue warns about it as about a guide;
* SAF-T carries its ShipTo, ShipFrom and MovementStartTime, which P302 4.1.4.18 makes
  mandatory for an invoice that serves as transport document.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from pos.domain.doctypes import doc_type
from pos.domain.documents import FINAL_CONSUMER, CartLine, Customer, LineRef, credit_line
from pos.domain.errors import StateError, ValidationError
from pos.domain.transport import Place, clean_place, clean_vehicle
from pos.persistence import mapping
from pos.persistence.models import Company, DocumentRow
from pos.persistence.uow import UnitOfWork

from .issuing import IssueRequest

GUIDE_TYPES = ("GT", "GR", "GA", "GC", "GD")
INVOICE_TYPES = ("FT",)
# SGDT §4.2: "-21 - O documento deve ser comunicado com um máximo de 3 meses de antecedência".
MAX_AHEAD = timedelta(days=90)
MOVABLE = ("P",)       # goods; services (S) do not travel


@dataclass(frozen=True)
class TransportRequest:
    """A transport document as the till, the back office or the CLI asks for it.

    ``lines`` come from the catalogue; or ``from_invoice`` names an invoice whose goods
    lines are copied (``picks``: (line number, quantity or None for all) to take only some).
    ``load`` defaults to the company's address, ``unload`` to the recipient's."""

    doc_type: str
    movement_start: datetime
    customer: Customer = FINAL_CONSUMER
    lines: tuple[CartLine, ...] = ()
    from_invoice: str | None = None
    picks: tuple[tuple[int, Decimal | None], ...] = ()
    load: Place | None = None
    unload: Place | None = None
    vehicle: str = ""
    series_id: str | None = None
    user: str = "admin"
    confirm_clock: bool = False


def check_type(code: str) -> str:
    code = (code or "").strip().upper()
    if code == "FS":
        raise ValidationError("Uma fatura simplificada não serve de documento de transporte "
                              "(não tem os elementos exigidos): emita uma fatura (FT) ou uma "
                              "guia.")
    dtype = doc_type(code)
    if code not in GUIDE_TYPES + INVOICE_TYPES:
        raise ValidationError(f"{dtype.name} não é documento de transporte: use "
                              f"{', '.join(GUIDE_TYPES)} ou FT.")
    return code


def check_start(start: datetime, now: datetime) -> datetime:
    start = start.replace(microsecond=0, tzinfo=None)
    if start <= now:
        raise ValidationError(
            f"O início do transporte ({start:%Y-%m-%d %H:%M}) não é posterior a agora: o "
            "documento tem de chegar à AT antes de a mercadoria sair. Indique a hora a que o "
            "transporte vai começar.")
    if start - now > MAX_AHEAD:
        raise ValidationError("O transporte só pode ser comunicado à AT com 3 meses de "
                              "antecedência, no máximo.")
    return start


def _company_place(uow: UnitOfWork) -> Place:
    c = uow.session.get(Company, 1)
    if c is None:
        raise ValidationError("A empresa ainda não está configurada ('caixa init').")
    return Place(c.address, c.city, c.postal_code, c.country)


def _invoice_lines(uow: UnitOfWork, number: str,
                   picks: tuple[tuple[int, Decimal | None], ...]) -> tuple[CartLine, ...]:
    """The goods of invoice ``number`` (all its goods lines, or the picked ones), at the
    invoice's prices, each referring to the invoice line it comes from (SGDT and SAF-T
    OrderReferences)."""
    row = uow.documents.by_number(number)
    if doc_type(row.doc_type).saft_table != "SalesInvoices" or row.doc_type == "NC":
        raise ValidationError(f"{number} não é uma fatura: as linhas de uma guia vêm de uma "
                              "fatura (FT, FR, FS).")
    if row.status == "A":
        raise StateError(f"{number} está anulada: não pode dar origem a uma guia.")
    doc = mapping.row_to_document(row)
    by_no = {ln.line_no: ln for ln in doc.lines}
    chosen = picks or tuple((ln.line_no, None) for ln in doc.lines
                            if ln.product_type in MOVABLE)
    out = []
    for line_no, qty in chosen:
        if line_no not in by_no:
            raise ValidationError(f"{number} não tem a linha {line_no}.")
        ln = by_no[line_no]
        qty = ln.quantity if qty is None else qty
        if not 0 < qty <= ln.quantity:
            raise ValidationError(f"Linha {line_no} de {number}: só pode transportar até "
                                  f"{ln.quantity.normalize()} {ln.unit}.")
        out.append(credit_line(ln, qty, LineRef(doc.document_no, line_no, "")))
    if not out:
        raise ValidationError(f"{number} não tem mercadorias para transportar (só serviços).")
    return tuple(out)


def issue_request(uow: UnitOfWork, req: TransportRequest, now: datetime) -> IssueRequest:
    """Check a transport request and turn it into the document to issue."""
    code = check_type(req.doc_type)
    start = check_start(req.movement_start, now)
    if bool(req.lines) == bool(req.from_invoice):
        raise ValidationError("Indique as mercadorias: artigos do catálogo ou uma fatura "
                              "(não as duas).")
    if req.from_invoice and code in INVOICE_TYPES:
        raise ValidationError("Uma fatura não se emite a partir de outra: use uma guia "
                              "(GT ou GR) para transportar o que uma fatura vendeu.")
    customer = req.customer
    if code == "GA" and customer.is_final_consumer:
        # SGDT 1.10: a guide moving the sender's own goods names the sender as recipient.
        c = uow.session.get(Company, 1)
        customer = Customer(c.nif, c.name, c.address, c.city, c.postal_code, c.country)
    if code in INVOICE_TYPES and customer.is_final_consumer and not customer.has_address:
        raise ValidationError("Uma fatura que serve de documento de transporte identifica o "
                              "destinatário: indique o NIF ou, pelo menos, nome e morada.")
    load = clean_place(req.load or _company_place(uow), "carga")
    unload = req.unload or Place(customer.address, customer.city, customer.postal_code,
                                 customer.country)
    if not unload.detail.strip():
        raise ValidationError("Indique o local de descarga (ou a morada do destinatário).")
    unload = clean_place(unload, "descarga")
    lines = req.lines or _invoice_lines(uow, req.from_invoice, req.picks)
    extra = {"address_from": dataclasses.asdict(load), "address_to": dataclasses.asdict(unload),
             "vehicle": clean_vehicle(req.vehicle)}
    return IssueRequest(doc_type=code, lines=lines, customer=customer,
                        series_id=req.series_id, user=req.user, extra=extra,
                        movement_start=start, confirm_clock=req.confirm_clock)


def guide_row(uow: UnitOfWork, document_no: str) -> DocumentRow:
    """A transport document of this till: a guide, or an invoice that serves as one."""
    row = uow.documents.by_number(document_no)
    if row.till_id != uow.till.id:
        raise StateError(f"{document_no} é de outra caixa.")
    if doc_type(row.doc_type).saft_table != "MovementOfGoods" and row.movement_start is None:
        raise ValidationError(f"{document_no} não é um documento de transporte.")
    return row
