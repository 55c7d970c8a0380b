"""Where a transport document stands with AT, and the phone-service fallback.

RBC art. 5.º n.º 5 wants a transport document at AT before the goods move. A guide whose
communication has not been answered by its start time cannot travel on the webservice's
code; when the failure is the communication system's (n.º 6 b), the shop phones AT's
service with the guide's essential elements, AT gives a code, and the full data must reach
AT by the 5th working day. ``phone_sheet`` lists what to read out; ``record_phone_code``
keeps the code AT gave (the guide's code from then on, printed on its copies) and turns the
guide's queued registration into the completion of the phoned guide (kind
``transport_phoned``), due by the 5th working day, as for a paper guide
(``manual_transport``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from pos.domain import manual as rules
from pos.domain.doctypes import doc_type
from pos.domain.errors import StateError, ValidationError
from pos.domain.seal import AT_CODE
from pos.domain.transport import transport_of
from pos.persistence.models import Company, DocumentRow, OutboxRow
from pos.persistence.uow import UnitOfWork

from . import claims
from .manual_transport import deadline_for
from .outbox import DONE, PARKED, PENDING, SENDING
from .transport import guide_row

REGISTRATIONS = ("transport", "transport_phoned", "transport_paper", "invoice")
CANCELLATIONS = ("transport_status", "invoice_status")

# state -> what it means for the goods
TRAINING, COMMUNICATED, PHONED, WAITING, LATE = (
    "training", "communicated", "phoned", "waiting", "late")
AFTER_START, REFUSED, CANCELLED, CANCELLING = (
    "after_start", "refused", "cancelled", "cancelling")
CAN_TRAVEL = (COMMUNICATED, PHONED)


@dataclass(frozen=True)
class TransportInfo:
    document_no: str
    doc_type: str
    issued_at: datetime
    movement_start: datetime | None
    customer_nif: str
    customer_name: str
    status: str                     # the document's: N, or A (cancelled)
    at_doc_code: str | None
    state: str                      # see the constants above
    detail: str                     # one sentence: what it means, and what to do
    row_id: int | None = None       # the queue row still open for it, if any
    deadline: datetime | None = None

    @property
    def can_travel(self) -> bool:
        """AT has it (or gave its code by phone) and it was not cancelled."""
        return self.state in CAN_TRAVEL


def _when(d: datetime) -> str:
    return f"{d:%Y-%m-%d %H:%M}"


def info(uow: UnitOfWork, row: DocumentRow, now: datetime) -> TransportInfo:
    duties = uow.session.scalars(select(OutboxRow).where(OutboxRow.document_id == row.id)
                                 .order_by(OutboxRow.id)).all()
    reg = next((d for d in duties if d.kind in REGISTRATIONS), None)
    cancel = next((d for d in duties if d.kind in CANCELLATIONS), None)
    start, code, no = row.movement_start, row.at_doc_code, row.document_no
    is_invoice = doc_type(row.doc_type).saft_table == "SalesInvoices"

    def made(state: str, detail: str, duty: OutboxRow | None = None) -> TransportInfo:
        open_ = duty if duty is not None and duty.status != DONE else None
        return TransportInfo(no, row.doc_type, row.system_entry_date, start, row.customer_nif,
                             row.customer_name, row.status, code, state, detail,
                             open_.id if open_ else None, open_.deadline if open_ else None)

    if row.series_kind == "F":
        return made(TRAINING, "Documento de formação: não é comunicado à AT.")
    if row.status == "A":
        if cancel is not None and cancel.status == DONE:
            return made(CANCELLED, "Anulado, e a anulação foi comunicada à AT.")
        if cancel is not None and cancel.status == PARKED:
            return made(CANCELLING, f"Anulado; a AT recusou a anulação: {cancel.last_error}",
                        cancel)
        return made(CANCELLING, "Anulado; a anulação espera pelo envio à AT.", cancel)
    if reg is None:
        return made(COMMUNICATED if code else AFTER_START,
                    f"Código AT {code}." if code else "Sem comunicação à AT registada.")
    if reg.kind in ("transport_phoned", "transport_paper"):
        done = reg.status == DONE
        return made(PHONED, f"Comunicado pelo serviço telefónico da AT: código {code}. "
                    + ("Dados completos já enviados à AT." if done else
                       f"Dados completos a enviar à AT até {_when(reg.deadline)}."), reg)
    if reg.status == DONE:
        answered = reg.done_at
        if is_invoice:
            if start is not None and answered is not None and answered > start:
                return made(AFTER_START, f"Fatura comunicada à AT às {_when(answered)}, "
                                         f"depois do início do transporte ({_when(start)}).")
            return made(COMMUNICATED, "Fatura comunicada à AT (e-Fatura) antes do início do "
                                      "transporte; pode acompanhar a mercadoria.")
        if code:
            return made(COMMUNICATED, f"Comunicado à AT: código {code}.")
        return made(AFTER_START, "A AT recebeu-o depois do início do transporte e não lhe deu "
                                 "código (mera comunicação, AT código -100).")
    if reg.status == PARKED:
        return made(REFUSED, f"Recusado pela AT: {reg.last_error}", reg)
    if start is not None and now >= start:
        how = ("o serviço telefónico não serve para faturas: emita uma guia" if is_invoice
               else f"comunique-o pelo serviço telefónico da AT ('caixa transport phone {no}') "
                    "e registe o código que a AT der")
        return made(LATE, f"Não comunicado antes do início do transporte ({_when(start)}). "
                          f"A mercadoria não pode sair assim: sem ligação à AT, {how}.", reg)
    return made(WAITING, "À espera de resposta da AT: tem de ser comunicado antes de "
                         f"{_when(start)} (início do transporte).", reg)


def guides(uow: UnitOfWork, now: datetime, limit: int = 50, open_only: bool = False
           ) -> list[TransportInfo]:
    """This till's transport documents, newest first."""
    q = (select(DocumentRow).where(
        DocumentRow.till_id == uow.till.id,
        DocumentRow.doc_type.in_(("GT", "GR", "GA", "GC", "GD"))
        | DocumentRow.movement_start.is_not(None))
        .order_by(DocumentRow.id.desc()).limit(limit))
    out = [info(uow, row, now) for row in uow.session.scalars(q)]
    if open_only:
        out = [i for i in out if i.row_id is not None or i.state in (LATE, AFTER_START)]
    return out


# ---- the phone service ------------------------------------------------------------------

@dataclass(frozen=True)
class PhoneSheet:
    document_no: str
    lines: tuple[str, ...]          # what to read out to AT's phone service, in order


def _phonable(uow: UnitOfWork, document_no: str) -> DocumentRow:
    row = guide_row(uow, document_no)
    if doc_type(row.doc_type).saft_table != "MovementOfGoods":
        raise ValidationError(f"{document_no} é uma fatura: vai à AT pelo e-Fatura, não pelo "
                              "serviço telefónico das guias.")
    if row.series_kind == "F":
        raise StateError(f"{document_no} é de formação: não se comunica à AT.")
    if row.status == "A":
        raise StateError(f"{document_no} está anulado.")
    if row.at_doc_code:
        raise StateError(f"{document_no} já tem código AT ({row.at_doc_code}).")
    return row


def phone_sheet(uow: UnitOfWork, document_no: str) -> PhoneSheet:
    """The guide's essential elements, as the phone service asks for them."""
    row = _phonable(uow, document_no)
    c = uow.session.get(Company, 1)
    moved = transport_of(row.extra)
    out = [f"Remetente: NIF {c.nif} — {c.name}",
           f"Documento: {doc_type(row.doc_type).name} {row.document_no}, "
           f"ATCUD {row.atcud}, de {row.invoice_date:%Y-%m-%d}",
           f"Destinatário: NIF {row.customer_nif} — {row.customer_name}"]
    if moved is not None and moved.load is not None:
        p = moved.load
        out.append(f"Carga: {p.detail}, {p.postal_code} {p.city}")
    if moved is not None and moved.unload is not None:
        p = moved.unload
        out.append(f"Descarga: {p.detail}, {p.postal_code} {p.city}")
    if row.movement_start is not None:
        out.append(f"Início do transporte: {_when(row.movement_start)}")
    if moved is not None and moved.vehicle:
        out.append(f"Viatura: {moved.vehicle}")
    out += [f"Mercadoria: {ln.description} — {ln.quantity.normalize():f} {ln.unit}"
            for ln in row.lines]
    return PhoneSheet(row.document_no, tuple(out))


def record_phone_code(uow: UnitOfWork, document_no: str, at_code: str, now: datetime,
                      user: str, called_on: date | None = None) -> datetime:
    """Keep the code AT's phone service gave for a guide the webservice could not carry;
    its full data is then owed by the 5th working day (RBC art. 5.º n.º 6 b). The deadline."""
    row = _phonable(uow, document_no)
    code = (at_code or "").strip()
    if not code or len(code) > 200 or any(ord(ch) < 32 for ch in code):
        raise ValidationError("Indique o código dado pelo serviço telefónico da AT (até 200 "
                              "caracteres).")
    called_on = called_on or now.date()
    rules.check_not_future(called_on, now.date(), "telefonema")
    duty = uow.session.scalars(select(OutboxRow).where(
        OutboxRow.document_id == row.id, OutboxRow.kind == "transport")).first()
    if duty is None or duty.status == DONE:
        raise StateError(f"A AT já respondeu ao envio de {document_no}: veja 'caixa transport "
                         f"show {document_no}'.")
    if (duty.status == SENDING and duty.next_attempt_at > now
            and not claims.process_gone(duty.claimed_by)):
        raise StateError(f"{document_no} está a ser enviado à AT neste momento: aguarde a "
                         "resposta antes de usar o serviço telefónico.")
    deadline = deadline_for(called_on)
    duty.kind, duty.status, duty.next_attempt_at, duty.claimed_by = (
        "transport_phoned", PENDING, now, None)
    duty.deadline, duty.last_error, duty.attempts = deadline, None, 0
    duty.payload = json.dumps({"ATDocCodeID": code, "called_on": called_on.isoformat()})
    # AT's code (given by phone) is a sealed event of the guide: its row never changes.
    uow.chain.event(AT_CODE, row, now, user, value=code)
    uow.audit.append(now, user, "transport_phoned",
                     f"{document_no}: AT code {code} by phone on {called_on}, full data due "
                     f"{deadline:%Y-%m-%d}")
    return deadline
