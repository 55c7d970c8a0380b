"""One outbox duty → one AT request → one outcome the queue records.

=================== ============================================= ===========================
kind                request                                       reconciled when AT says
=================== ============================================= ===========================
invoice             fatcorews RegisterInvoice                     -10 already registered: done
invoice_status      fatcorews ChangeInvoiceStatus (A)             -12 on a resend: done
work                fatcorews RegisterWork                        -22 already registered: done
work_status         fatcorews ChangeWorkStatus (A)                -37 on a resend: done
transport           sgdtws envioDocumentoTransporte → ATDocCodeID -3: parked (see below)
transport_status    sgdtws resend with ATDocCodeID, status A      -4 already cancelled: done
transport_paper     sgdtws with the phone code (stored payload)   -3: done
transport_phoned    sgdtws, the program's guide + its phone code  -3: done
series_register     registarSerie → codValidacaoSerie             4001: consult, adopt code
series_finalize     finalizarSerie                                consult shows F: done
series_cancel       anularSerie                                   consult shows N: done
=================== ============================================= ===========================

Each operation has its own table of codes in AT's manuals (FATCORE §2.2.4, SGDT §4.2): the
same situation ("already registered", "no such document", "invalid state") carries a
different number in each, so reconciliation is keyed by operation, never by number alone.
A status change answered "invalid state" is only done on a resend: the first time, AT may
be in a state we never asked for, and a person must look.

-3 on a new guide means AT has it but the ATDocCodeID was in the lost answer, and sgdtws
cannot be asked for it: the row is parked with that explanation and a manager copies the
code from the Portal (``caixa queue resolve``). -3 on an invoice ("registered with
different values") is parked too: our resends are byte-identical, so it is not ours.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pos.domain.at import DONE, PARK, RETRY, STOP, Outcome
from pos.domain.errors import PosError
from pos.services.outbox import Duty

from . import errors as e
from . import messages, payloads
from .clients import ATClients
from .series_registry import ATSeriesRegistry

# SER-E §1.4, registarSerie: "dataInicioPrevUtiliz must be on or after AT's current date".
START_BEFORE_AT_TODAY = 4049


@dataclass(frozen=True)
class _Context:
    clients: ATClients
    registry: ATSeriesRegistry
    today: date


def _status_date(duty: Duty):
    return duty.document.status_date


def _invoice(duty: Duty, ctx: _Context) -> Outcome:
    res = ctx.clients.invoices.register_invoice(payloads.invoice_data(duty.document),
                                                tax_registration_number=duty.issuer.nif)
    return Outcome(DONE, res.mensagem, res.codigo_resposta, _fatcore(res))


def _invoice_status(duty: Duty, ctx: _Context) -> Outcome:
    res = ctx.clients.invoices.change_invoice_status(
        payloads.invoice_data(duty.document), "A", _status_date(duty),
        tax_registration_number=duty.issuer.nif)
    return Outcome(DONE, res.mensagem, res.codigo_resposta, _fatcore(res))


def _work(duty: Duty, ctx: _Context) -> Outcome:
    res = ctx.clients.invoices.register_work(payloads.work_data(duty.document),
                                             tax_registration_number=duty.issuer.nif)
    return Outcome(DONE, res.mensagem, res.codigo_resposta, _fatcore(res))


def _work_status(duty: Duty, ctx: _Context) -> Outcome:
    res = ctx.clients.invoices.change_work_status(
        payloads.work_data(duty.document), "A", _status_date(duty),
        tax_registration_number=duty.issuer.nif)
    return Outcome(DONE, res.mensagem, res.codigo_resposta, _fatcore(res))


def _fatcore(res) -> dict[str, Any]:
    return {"CodigoResposta": res.codigo_resposta, "Mensagem": res.mensagem,
            "DataOperacao": res.data_operacao}


def _sgdt(res) -> Outcome:
    result = {"ReturnCode": res.return_code, "ReturnMessage": res.return_message,
              "ATDocCodeID": res.at_doc_code_id, "warnings": list(res.warnings)}
    return Outcome(DONE, res.return_message, res.return_code, result, res.at_doc_code_id)


def _transport(duty: Duty, ctx: _Context) -> Outcome:
    data = payloads.stock_movement(duty.document, duty.issuer, duty.extra)
    return _sgdt(ctx.clients.transport.envio_documento_transporte(data))


def _transport_status(duty: Duty, ctx: _Context) -> Outcome:
    if not duty.document.at_doc_code:
        return Outcome(PARK, "A guia não tem código AT: não pode ser anulada por webservice. "
                             "Anule-a no Portal das Finanças.", "LOCAL")
    data = payloads.stock_movement(duty.document, duty.issuer, duty.extra, status="A")
    return _sgdt(ctx.clients.transport.envio_documento_transporte(data))


def _transport_paper(duty: Duty, ctx: _Context) -> Outcome:
    data = payloads.paper_movement(duty.payload)
    return _completion(data.get("ATDocCodeID"), ctx, data)


def _transport_phoned(duty: Duty, ctx: _Context) -> Outcome:
    """A guide issued here whose webservice communication failed before the start: AT's
    phone service coded it (transport_status.record_phone_code); now its full data."""
    phoned = json.loads(duty.payload or "{}").get("ATDocCodeID") or duty.document.at_doc_code
    data = payloads.stock_movement(duty.document, duty.issuer, duty.extra, at_code=phoned)
    return _completion(phoned, ctx, data)


def _completion(phoned: str | None, ctx: _Context, data: dict) -> Outcome:
    sent = _sgdt(ctx.clients.transport.envio_documento_transporte(data))
    answered = sent.at_doc_code
    if not phoned or answered == phoned:
        return sent
    # The guide's code is the one AT's phone service gave (RBC art. 5.º n.º 6 b): it is the
    # identification code AT assigned to *this* document under DL 198/2012 (SGDT field 1.6)
    # before the goods moved, written on the three paper copies that travelled with them,
    # and sent here as ATDocCodeID to say which document the full data completes (SGDT
    # §2.3). A different code in the answer names AT's record of that completion: it is
    # kept in the row's result for the Portal, never written over the guide's code.
    result = {**sent.result, "ATDocCodeID": phoned, "ATDocCodeID_resposta": answered}
    return Outcome(DONE, f"{sent.message} Código AT da guia (telefone) {phoned}; a resposta "
                         f"ao envio trouxe {answered}, guardado à parte.",
                   sent.code, result, phoned)


def _series_register(duty: Duty, ctx: _Context) -> Outcome:
    s = duty.series
    start = payloads.series_start_date(s.start_date, ctx.today)
    try:
        remote = ctx.registry.register(s.series_id, s.doc_type, s.kind, s.first_number, start)
    except e.Rejected as err:
        if err.code != START_BEFORE_AT_TODAY or start != ctx.today:
            raise
        # We never send a date before our own today, and the request was authenticated
        # (WS-Security refuses a clock more than minutes off), so AT's calendar has already
        # turned (our midnight is a moment away, or this till's time zone lags AT's): AT's
        # today is our tomorrow. That is the date its answer asks for.
        start = start + timedelta(days=1)
        remote = ctx.registry.register(s.series_id, s.doc_type, s.kind, s.first_number, start)
    return Outcome(DONE, f"código {remote.validation_code}", 0,
                   {"codValidacaoSerie": remote.validation_code, "estado": remote.status,
                    "dataInicioPrevUtiliz": (remote.start_date or start).isoformat()},
                   remote_series=remote)


def _series_close(duty: Duty, ctx: _Context) -> Outcome:
    s = duty.series
    if not s.validation_code:
        return Outcome(PARK, "A série não tem código de validação: nada a fechar na AT.",
                       "LOCAL")
    if duty.kind == "series_finalize":
        data = json.loads(duty.payload or "{}")
        remote = ctx.registry.finalize(s.series_id, s.doc_type, s.validation_code,
                                       int(data.get("last_number", s.last_number)),
                                       data.get("reason"))
    else:
        remote = ctx.registry.cancel(s.series_id, s.doc_type, s.validation_code)
    return Outcome(DONE, f"estado {remote.status}", 0, {"estado": remote.status},
                   remote_series=remote)


SENDERS = {
    "invoice": _invoice, "invoice_status": _invoice_status, "work": _work,
    "work_status": _work_status, "transport": _transport,
    "transport_status": _transport_status, "transport_paper": _transport_paper,
    "transport_phoned": _transport_phoned,
    "series_register": _series_register, "series_finalize": _series_close,
    "series_cancel": _series_close,
}

# kind -> (codes meaning "AT already holds exactly what this duty asks", only on a resend?)
# FATCORE §2.2.4 per operation; SGDT §4.2. A status change is "invalid" at AT after its own
# lost answer (AT moved to the state we asked for), so only a resend may read it as done.
ALREADY_DONE: dict[str, tuple[frozenset[int], bool]] = {
    "invoice": (frozenset({-10}), False),         # "O documento já foi registado pelo emitente"
    "work": (frozenset({-22}), False),            # the same sentence, RegisterWork's number
    "invoice_status": (frozenset({-12}), True),   # "Estado de documento inválido"
    "work_status": (frozenset({-37}), True),      # "Alteração de estado não permitida"
    # "Já foi anulado o Documento de Transporte": unambiguous, whoever cancelled it.
    "transport_status": (frozenset({-4}), False),
    "transport_paper": (frozenset({-3}), False),  # "Já foi inserido um Documento de Transporte"
    "transport_phoned": (frozenset({-3}), False),
}
# kind -> the code AT answers when the document whose status should change does not exist.
NOT_AT_AT: dict[str, int] = {
    "invoice_status": -11,   # ChangeInvoiceStatus: "O documento não existe"
    "work_status": -19,      # ChangeWorkStatus: "O documento não existe"
    "transport_status": -8,  # "O Código AT está preenchido mas não existe Documento de Transporte"
}


def _reconcile(duty: Duty, err: e.SyncError) -> Outcome | None:
    """An answer that means "AT already has exactly this" (done), or one that needs its own
    explanation (parked with it); None for everything else."""
    if not isinstance(err, e.Rejected | e.AlreadyRegistered):
        return None   # only AT's business answers say anything about AT's records
    code = err.code
    codes, resend_only = ALREADY_DONE.get(duty.kind, (frozenset(), False))
    if code in codes and (duty.attempts > 1 or not resend_only):
        return Outcome(DONE, err.at_message or "", code, {"reconciled": code})
    if code in codes:
        advice = (f"Na primeira tentativa, isto quer dizer que a AT já tinha {duty.label} "
                  "noutro estado (anulado no Portal das Finanças?). Confirme-o no Portal; se "
                  "já estiver anulado, não há mais nada a fazer.")
        return Outcome(PARK, messages.parked(duty.kind, duty.label, duty.id,
                                             _with_advice(err, advice)), code)
    if code is not None and NOT_AT_AT.get(duty.kind) == code:
        advice = (f"A AT só aceita a anulação de um documento que já lhe foi comunicado. "
                  f"Confirme no Portal das Finanças se {duty.label} foi comunicado (por "
                  f"webservice ou no SAF-T); quando estiver, reenvie com 'caixa queue retry "
                  f"{duty.id}'.")
        return Outcome(PARK, messages.parked(duty.kind, duty.label, duty.id,
                                             _with_advice(err, advice)), code)
    if duty.kind == "transport" and code == -3:
        return Outcome(PARK, "A AT já tem esta guia, mas a resposta com o código AT "
                             "perdeu-se. Copie o código do Portal das Finanças: caixa "
                             f"queue resolve {duty.id} --at-code CÓDIGO.", code)
    return None


def _with_advice(err: e.SyncError, advice: str) -> e.SyncError:
    err.advice = advice
    return err


def send(duty: Duty, clients: ATClients, registry: ATSeriesRegistry | None = None, *,
         today: date | None = None) -> Outcome:
    """Send one duty; never raises for anything AT or the network does.

    ``today`` is the sender's date (the worker's clock): values AT judges against its own
    calendar, such as a series' start date, are computed now, not when the duty was queued.
    """
    sender = SENDERS.get(duty.kind)
    if sender is None:
        return Outcome(PARK, f"Tipo de envio desconhecido: {duty.kind}.", "LOCAL")
    ctx = _Context(clients, registry or ATSeriesRegistry(clients), today or date.today())
    try:
        return sender(duty, ctx)
    except e.SyncError as err:
        reconciled = _reconcile(duty, err)
        if reconciled is not None:
            return reconciled
        if err.action == e.RETRY:
            return Outcome(RETRY, messages.retrying(duty.kind, err), err.code)
        if err.action in (e.PARK, e.RECONCILE):
            return Outcome(PARK, messages.parked(duty.kind, duty.label, duty.id, err), err.code)
        return Outcome(STOP, str(err), err.code)
    except (PosError, ValueError, TypeError, KeyError, AttributeError) as err:
        # The stored data cannot make a valid request; nothing was sent. A person must look.
        return Outcome(PARK, f"Não foi possível preparar o envio de {duty.label}: {err}",
                       "LOCAL")
