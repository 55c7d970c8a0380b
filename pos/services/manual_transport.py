"""A transport document written on a pre-printed form (RBC5 n.º 6 b).

When the program cannot issue the guide, the shop writes it on a typography form, phones AT
with its essential elements before the goods move, and AT gives a code. The full data must then
reach AT by the 5th working day. Here the form is recovered like any manual document (D8632
§2.4) and that duty is queued as one outbox row of kind ``transport_paper``.
"""

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from pos.domain import manual as rules
from pos.domain.country import country_code
from pos.domain.doctypes import doc_type
from pos.domain.documents import Document
from pos.domain.errors import ValidationError
from pos.domain.seal import AT_CODE
from pos.domain.series import atcud_of
from pos.domain.signature import format_date, format_datetime
from pos.domain.text import check_text
from pos.domain.transport import clean_vehicle
from pos.persistence.models import Company, DocumentRow, OutboxRow, TypographyBook
from pos.persistence.uow import UnitOfWork

from .manual_recovery import Clock, ManualEntry, issue_manual, locate

WORKING_DAYS = 5


@dataclass(frozen=True)
class Address:
    detail: str
    city: str
    postal_code: str
    country: str = "PT"

    def __post_init__(self) -> None:
        # Typed on the command line or read back from a stored guide: the same text rules
        # as a customer's address (AT's SGDT AddressDetail/City/PostalCode limits).
        for name, what, limit in (("detail", "a morada", 200), ("city", "a localidade", 50),
                                  ("postal_code", "o código postal", 20)):
            object.__setattr__(self, name, check_text(getattr(self, name), what, limit,
                                                      required=False))
        object.__setattr__(self, "country", country_code(self.country or "PT"))

    def as_at(self) -> dict:
        # SGDT spelling ('Addressdetail', lower-case d) as in the WSDL.
        return {"Addressdetail": self.detail, "City": self.city,
                "PostalCode": self.postal_code, "Country": self.country}


@dataclass(frozen=True)
class PaperTransport:
    entry: ManualEntry                 # the form: book/series, number, date, lines, recipient
    movement_start: datetime
    at_code: str                       # the code AT's phone service gave
    load: Address | None = None        # default: the company's address
    unload: Address | None = None      # default: the recipient's address
    vehicle: str = ""
    called_on: date | None = None      # day of the phone call; default: day the goods moved


def deadline_for(called_on: date) -> datetime:
    return rules.end_of_day(rules.working_day_after(called_on, WORKING_DAYS))


def _check(t: PaperTransport, book: TypographyBook, now: datetime) -> tuple[str, date]:
    if doc_type(book.doc_type).saft_table != "MovementOfGoods":
        raise ValidationError(f"O livro {book.id} é de {book.doc_type}: 'transport' é só para "
                              "guias. Use 'caixa manual recover'.")
    code = check_text(t.at_code, "o código dado pela AT por telefone", 200)
    if not book.validation_code:
        raise ValidationError(
            f"O livro {book.id} não tem o código de validação AT da série {book.manual_series}: "
            "sem ele a guia não tem ATCUD e a AT recusa-a.")
    if t.movement_start.date() < t.entry.doc_date:
        raise ValidationError("O transporte não pode começar antes da data da guia.")
    called_on = t.called_on or t.movement_start.date()
    rules.check_not_future(called_on, now.date(), "telefonema")
    clean_vehicle(t.vehicle)
    return code, called_on


def _payload(uow: UnitOfWork, doc: Document, book: TypographyBook, ref: str,
             t: PaperTransport, code: str, load: Address, unload: Address) -> dict:
    """envioDocumentoTransporte fields (FISCAL-PT §6.2) for the form, not the recovery copy."""
    session = uow.session
    c = session.get(Company, 1)
    number = f"{book.doc_type} {ref}"
    return {
        "TaxRegistrationNumber": c.nif, "CompanyName": c.name,
        "CompanyAddress": Address(c.address, c.city, c.postal_code, c.country).as_at(),
        "DocumentNumber": number,
        # The form's number as printed, leading zeros kept (P195 art. 3.º n.º 3).
        "ATCUD": atcud_of(book.validation_code, number),
        "ATDocCodeID": code, "MovementStatus": "N",
        "MovementDate": format_date(t.entry.doc_date), "MovementType": book.doc_type,
        "CustomerTaxID": doc.customer.nif, "CustomerName": doc.customer.name,
        "CustomerAddress": Address(doc.customer.address, doc.customer.city,
                                   doc.customer.postal_code, doc.customer.country).as_at(),
        "AddressTo": unload.as_at(), "AddressFrom": load.as_at(),
        "MovementStartTime": format_datetime(t.movement_start),
        "VehicleID": clean_vehicle(t.vehicle),
        "Line": [{"ProductDescription": ln.description, "Quantity": str(ln.quantity),
                  "UnitOfMeasure": ln.unit, "UnitPrice": str(ln.unit_price_net)}
                 for ln in doc.lines],
        "recovered_document": doc.document_no,
    }


def record_paper_transport(uow: UnitOfWork, t: PaperTransport, signer, clock: Clock
                           ) -> Document:
    session = uow.session
    now = clock()
    book, ref, note = locate(uow, t.entry, now)
    code, called_on = _check(t, book, now)
    company = session.get(Company, 1)
    load = t.load or Address(company.address, company.city, company.postal_code,
                             company.country)
    c = t.entry.customer
    unload = t.unload or Address(c.address, c.city, c.postal_code, c.country)
    if not unload.detail.strip():
        raise ValidationError("Indique o local de descarga (ou a morada do destinatário).")
    extra = {"address_from": dataclasses.asdict(load), "address_to": dataclasses.asdict(unload),
             "vehicle": clean_vehicle(t.vehicle)}
    doc = issue_manual(uow, book, ref, t.entry, signer, clock, extra, t.movement_start,
                       note)
    # AT's code (given by phone) is a sealed event of the guide: its row never changes.
    uow.chain.event(AT_CODE, session.get(DocumentRow, doc.id), now, t.entry.user, value=code)
    payload = json.dumps(_payload(uow, doc, book, ref, t, code, load, unload),
                         ensure_ascii=False)
    deadline = deadline_for(called_on)
    # Issuing queued the electronic 'transport' duty of a guide issued by the program. This
    # one was already communicated by phone: sending it again would declare a second
    # transport, so that row becomes the paper duty instead (same transaction).
    duty = session.scalars(select(OutboxRow).where(OutboxRow.document_id == doc.id,
                                                   OutboxRow.kind == "transport")).first()
    if duty is None:
        duty = session.get(OutboxRow, uow.outbox.add("transport_paper", now,
                                                    document_id=doc.id))
    duty.kind, duty.payload, duty.deadline = "transport_paper", payload, deadline
    uow.audit.append(now, t.entry.user, "transport_paper",
                     f"{book.doc_type} {ref} AT code {code} -> {doc.document_no}, "
                     f"due {deadline:%Y-%m-%d}")
    return dataclasses.replace(doc, at_doc_code=code)
