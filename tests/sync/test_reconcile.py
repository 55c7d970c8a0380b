"""Reconciliation per operation, through the outbox and the HTTPS sandbox.

AT's e-fatura manual gives each operation its own return codes (FATCORE §2.2.4). A resend
after a lost answer is reconciled with the code *that operation* uses for "AT already has
this"; a code from another operation's table is a refusal like any other.

=============================== ====== ================================== ================
operation                       code   AT's words                         the queue
=============================== ====== ================================== ================
RegisterInvoice (resend)        -10    O documento já foi registado       done
RegisterWork (resend)           -22    O documento já foi registado       done
ChangeInvoiceStatus (resend)    -12    Estado de documento inválido       done
ChangeInvoiceStatus (1st try)   -12    Estado de documento inválido       parked, Portal
ChangeInvoiceStatus             -11    O documento não existe             parked, explains
ChangeWorkStatus (resend)       -37    Alteração de estado não permitida  done
ChangeWorkStatus                -19    O documento não existe             parked, explains
ChangeInvoiceStatus (resend)    -6     (RegisterInvoice's code)           parked
=============================== ====== ================================== ================
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from sqlalchemy import select

from pos.persistence.models import OutboxRow


def _rows(app):
    with app.unit(write=False) as uow:
        return {r.id: r for r in uow.session.scalars(select(OutboxRow).order_by(OutboxRow.id))}


def _issue(app, kind):
    if kind == "invoice":
        return app.sell_items([("PAO01", 1)], "FS")
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest
    return app.sell(IssueRequest("OR", (cart_line(app.product("MER01"), 1),)))


OPS = {"invoice": ("RegisterInvoice", "ChangeInvoiceStatus"),
       "work": ("RegisterWork", "ChangeWorkStatus")}


@pytest.mark.parametrize("kind, already, invalid", [("invoice", -10, -12),
                                                    ("work", -22, -37)])
def test_lost_answers_are_reconciled_with_each_operations_code(
        live_app, live_clock, sandbox, config, make_worker, kind, already, invalid):
    register, change = OPS[kind]
    doc = _issue(live_app, kind)
    live_app.cancel(doc.document_no, "Engano")
    # Both requests reach AT, both answers are lost.
    sandbox.inject("timeout", service="invoices", operation=register, delay=2, process=True)
    impatient = make_worker(dataclasses.replace(config, read_timeout=0.5))
    assert impatient.drain_once().retried == 1
    live_clock.advance(hours=1)
    sandbox.inject("timeout", service="invoices", operation=change, delay=2, process=True)
    assert impatient.drain_once().done == 1          # the registration, reconciled
    live_clock.advance(hours=1)
    assert make_worker(config).drain_once().done == 1  # the cancellation, reconciled
    reg, cancel = _rows(live_app).values()
    assert json.loads(reg.result) == {"reconciled": already}
    assert json.loads(cancel.result) == {"reconciled": invalid}
    assert [(r.operation, r.code) for r in sandbox.requests_for("invoices")] == [
        (register, 0), (register, already), (change, 0), (change, invalid)]
    assert sandbox.accepted_count("invoices", doc.document_no) == 2   # once each


@pytest.mark.parametrize("kind, missing", [("invoice", -11), ("work", -19)])
def test_cancelling_a_document_at_does_not_have_is_parked_with_what_to_do(
        live_app, live_clock, sandbox, config, make_worker, kind, missing):
    doc = _issue(live_app, kind)
    # The month was declared sent in the SAF-T file, but AT's e-fatura never got it.
    live_app.queue_confirm_saft(doc.invoice_date.year, doc.invoice_date.month, "gerente")
    live_app.cancel(doc.document_no, "Engano")
    report = make_worker(config).drain_once()
    assert report.parked == 1
    row = list(_rows(live_app).values())[-1]
    assert row.status == "parked" and f"[{missing}]" in row.last_error
    assert f"A AT recusou a anulação de {doc.document_no}" in row.last_error
    assert "já lhe foi comunicado" in row.last_error
    assert f"caixa queue retry {row.id}" in row.last_error


def test_invalid_state_on_a_first_try_is_parked_not_taken_as_done(
        live_app, live_clock, sandbox, config, make_worker, clients):
    from sync import payloads

    doc = live_app.sell_items([("PAO01", 1)], "FS")
    worker = make_worker(config)
    assert worker.drain_once().done == 1
    # Someone cancelled it at AT (the Portal) before this till's cancellation was sent.
    clients.invoices.change_invoice_status(
        payloads.invoice_data(live_app.document(doc.document_no)), "A", live_clock.now())
    live_app.cancel(doc.document_no, "Engano")
    assert worker.drain_once().parked == 1
    row = list(_rows(live_app).values())[-1]
    assert "[-12]" in row.last_error and "Portal das Finanças" in row.last_error


def test_registers_code_on_a_resent_cancellation_is_not_reconciled(
        live_app, live_clock, sandbox, config, make_worker):
    """-6 "Estado de documento inválido" belongs to RegisterInvoice; from a status change it
    is not one of that operation's answers, so it proves nothing about AT's state."""
    doc = live_app.sell_items([("PAO01", 1)], "FS")
    live_app.cancel(doc.document_no, "Engano")
    sandbox.inject("timeout", service="invoices", operation="ChangeInvoiceStatus", delay=2)
    worker = make_worker(dataclasses.replace(config, read_timeout=0.5))
    assert (worker.drain_once().done, worker.drain_once().sent) == (1, 0)
    live_clock.advance(hours=1)
    sandbox.inject("reject", service="invoices", operation="ChangeInvoiceStatus", code=-6,
                   message="Estado de documento inválido")
    assert worker.drain_once().parked == 1
    row = list(_rows(live_app).values())[-1]
    assert row.status == "parked" and "[-6]" in row.last_error and row.attempts == 2
