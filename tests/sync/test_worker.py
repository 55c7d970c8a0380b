"""The outbox worker against the HTTPS sandbox: every fault ends in its documented state.

=================================== ==============================================
what happens                        what the queue does
=================================== ==============================================
timeout, HTTP 5xx, reset, S:Server  retry later with backoff (row pending, error kept)
AT business rejection               park for a manager; ``retry_parked`` sends again
wrong password / client certificate stop the queue, alert + audit event, no retries
answer lost after AT registered it  resend → "already registered" → done, once at AT
=================================== ==============================================
"""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from pos.persistence.models import AuditEvent, OutboxRow
from sync.clients import ATClients
from sync.errors import ConfigurationError

from .conftest import eventually


def _rows(app):
    with app.unit(write=False) as uow:
        return {r.id: r for r in uow.session.scalars(select(OutboxRow))}


def _later(clock, seconds=7200):
    clock.advance(seconds=seconds)


def test_documents_of_every_kind_are_sent_and_recorded(live_app, live_clock, sandbox, config,
                                                       make_worker):
    from pos.domain.customer import make_customer
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    fs = live_app.sell_items([("PAO01", 2), ("SRV02", 1)], "FS")
    live_app.cancel(fs.document_no, "Engano do operador")
    lines = (cart_line(live_app.product("MER01"), 3),)
    gt = live_app.sell(IssueRequest(
        "GT", lines, make_customer("123456789", "Cliente", "Rua Nova 5", "Porto", "4000-100"),
        movement_start=live_clock.now() + timedelta(hours=2)))
    live_app.cancel(gt.document_no, "Transporte desmarcado")
    orc = live_app.sell(IssueRequest("OR", lines))
    live_app.cancel(orc.document_no, "Proposta recusada")

    report = make_worker(config).drain_once()

    assert (report.done, report.retried, report.parked) == (6, 0, 0)
    assert all(r.status == "done" for r in _rows(live_app).values())
    ops = [(r.operation, r.key) for r in sandbox.received]
    assert ops.index(("RegisterInvoice", fs.document_no)) < ops.index(
        ("ChangeInvoiceStatus", fs.document_no))
    assert ("RegisterWork", orc.document_no) in ops and ("ChangeWorkStatus",
                                                          orc.document_no) in ops
    assert all(r.accepted and r.schema_errors == [] and r.auth_error is None
               for r in sandbox.received)
    code = live_app.document(gt.document_no).at_doc_code
    stored = sandbox.services["transport"].documents[("599999993", gt.document_no)]
    assert code and stored.code == code and stored.status == "A"


@pytest.mark.parametrize("kind, extra", [
    ("timeout", {"delay": 2}),
    ("http500", {"status": 503}),
    ("reset", {}),
    ("soap_fault", {}),
])
def test_network_faults_retry_with_backoff(live_app, live_clock, sandbox, config, make_worker,
                                           kind, extra):
    live_app.sell_items([("PAO01", 1)], "FS")
    live_app.sell_items([("PAO02", 1)], "FS")
    sandbox.inject(kind, service="invoices", **extra)
    worker = make_worker(dataclasses.replace(config, read_timeout=0.5))
    report = worker.drain_once()
    assert (report.done, report.retried) == (0, 1)
    first, second = _rows(live_app).values()
    assert first.status == "pending" and first.attempts == 1 and first.last_error
    assert first.next_attempt_at == live_clock.now() + timedelta(seconds=30)
    # The pass stopped at the failure: the second row was given back untouched.
    assert (second.status, second.attempts) == ("pending", 0)
    assert report.retry_after == timedelta(seconds=30)
    _later(live_clock, 31)
    assert worker.drain_once().done == 2
    assert sandbox.accepted_count("invoices", "FS L2026/1") == 1


def test_rejection_is_parked_and_a_manager_sends_it_again(live_app, live_clock, sandbox, config,
                                                         make_worker):
    doc = live_app.sell_items([("PAO01", 1)], "FS")
    live_app.sell_items([("PAO02", 1)], "FS")
    sandbox.inject("reject", service="invoices", code=-7, message="Valores anómalos")
    worker = make_worker(config)
    report = worker.drain_once()
    assert (report.done, report.parked, report.retried) == (1, 1, 0)  # the other one went
    parked = next(r for r in _rows(live_app).values() if r.status == "parked")
    assert "-7" in parked.last_error and "Valores anómalos" in parked.last_error
    assert worker.drain_once().sent == 0                               # never retried blindly
    status = live_app.queue_status()
    assert status.parked == 1 and any("gerente" in w.text for w in status.warnings)
    live_app.queue_retry(parked.id, "gerente")
    assert worker.drain_once().done == 1
    assert sandbox.accepted_count("invoices", doc.document_no) == 1


@pytest.mark.parametrize("how", ["password", "certificate"])
def test_wrong_credentials_stop_the_queue_without_retrying(live_app, live_clock, sandbox,
                                                           config, make_worker, pki, how,
                                                           rogue_client_cert):
    for _ in range(3):
        live_app.sell_items([("PAO01", 1)], "FS")
    if how == "password":
        bad = dataclasses.replace(config, password="errada")
    else:
        cert, key = rogue_client_cert
        bad = dataclasses.replace(config, client_cert=cert, client_key=key)
    worker = make_worker(bad)
    report = worker.drain_once()
    assert report.stopped and (report.done, report.retried, report.parked) == (0, 0, 0)
    assert "autenticação" in report.stopped
    _later(live_clock)
    assert worker.drain_once().sent == 0            # stopped: nothing goes out any more
    if how == "password":
        assert [r.auth_error for r in sandbox.received] == [99]
    else:
        assert eventually(lambda: len(sandbox.tls_failures) == 1) and sandbox.received == []
    st = live_app.queue_status()
    with live_app.unit(write=False) as uow:
        events = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.kind == "at_queue_stopped")).all()
    assert st.pending == 3 and st.stopped is not None and len(events) == 1
    assert all(r.attempts == 0 for r in _rows(live_app).values())
    # Fixed by a manager: resume and the same worker builds fresh clients.
    worker.clients_factory = lambda: ATClients(config)
    assert live_app.queue_resume("gerente") is True
    assert worker.drain_once().done == 3


def test_missing_configuration_file_stops_with_a_clear_message(live_app, make_worker, config,
                                                               tmp_path):
    live_app.sell_items([("PAO01", 1)], "FS")
    worker = make_worker(dataclasses.replace(config, client_key=tmp_path / "gone.key"))
    report = worker.drain_once()
    assert "Ficheiro em falta" in report.stopped and "chave" in report.stopped
    assert live_app.queue_stopped().message == report.stopped


def test_lost_answer_is_reconciled_never_duplicated(live_app, live_clock, sandbox, config,
                                                    make_worker):
    doc = live_app.sell_items([("PAO01", 1)], "FS")
    sandbox.inject("timeout", service="invoices", delay=2, process=True)
    worker = make_worker(dataclasses.replace(config, read_timeout=0.5))
    assert worker.drain_once().retried == 1
    assert sandbox.accepted_count("invoices", doc.document_no) == 1   # AT has it already
    _later(live_clock)
    report = worker.drain_once()
    assert report.done == 1
    (row,) = _rows(live_app).values()
    assert json.loads(row.result) == {"reconciled": -10}
    assert sandbox.accepted_count("invoices", doc.document_no) == 1
    assert [r.code for r in sandbox.requests_for("invoices")] == [0, -10]


def test_lost_cancellation_answer_is_reconciled(live_app, live_clock, sandbox, config,
                                                make_worker):
    doc = live_app.sell_items([("PAO01", 1)], "FS")
    live_app.cancel(doc.document_no, "Engano")
    sandbox.inject("timeout", service="invoices", operation="ChangeInvoiceStatus", delay=2,
                   process=True)
    worker = make_worker(dataclasses.replace(config, read_timeout=0.5))
    assert (worker.drain_once().done, _later(live_clock)) == (1, None)
    assert worker.drain_once().done == 1
    assert all(r.status == "done" for r in _rows(live_app).values())


def test_lost_transport_answer_is_parked_with_how_to_resolve(live_app, live_clock, sandbox,
                                                             config, make_worker):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    gt = live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                                    movement_start=live_clock.now() + timedelta(hours=3)))
    sandbox.inject("timeout", service="transport", delay=2, process=True)
    worker = make_worker(dataclasses.replace(config, read_timeout=0.5))
    assert worker.drain_once().retried == 1
    _later(live_clock, 120)
    assert worker.drain_once().parked == 1
    (row,) = _rows(live_app).values()
    assert f"caixa queue resolve {row.id}" in row.last_error
    assert sandbox.accepted_count("transport", gt.document_no) == 1


def test_thread_drains_on_wake_and_stops_cleanly(live_app, sandbox, config, make_worker):
    reports = []
    worker = make_worker(config, interval=30, on_report=reports.append)
    worker.start()
    live_app.sell_items([("PAO01", 1)], "FS")
    worker.wake()
    assert eventually(lambda: reports and reports[-1].done == 1, timeout=10)
    worker.stop()
    assert not worker.is_alive() and worker._clients is None


def test_factory_errors_are_configuration_stops(live_app, make_worker, config):
    live_app.sell_items([("PAO01", 1)], "FS")
    worker = make_worker(config)

    def broken():
        raise ConfigurationError("Configuração AT incompleta: falta password.")

    worker.clients_factory = broken
    assert worker.drain_once().stopped.startswith("Configuração AT incompleta")


def _paper_guide(app, clock, number: str, phone_code: str):
    """A guide written on a typography form an hour ago, AT's code given by phone."""
    from pos.domain.customer import make_customer
    from pos.domain.documents import cart_line
    from pos.services.manual_recovery import ManualEntry
    from pos.services.manual_transport import PaperTransport

    app.add_series("GT", "R2026", "LIVEGTRECOV", kind="R")
    book = app.add_book("GT", "gt", 1, 50, validation_code="GTVALID1",
                        typography_name="Tipografia, Lda.", typography_nif="509999999",
                        authorization="AUT-1")
    started = clock.now() - timedelta(hours=1)
    return app.record_paper_transport(PaperTransport(
        entry=ManualEntry(number=number, doc_date=started.date(), book_id=book.id,
                          lines=(cart_line(app.product("MER01"), 2),),
                          customer=make_customer("123456789", "Cliente", "Rua Nova 5",
                                                 "Porto", "4000-100")),
        movement_start=started, at_code=phone_code))


def test_paper_guide_is_completed_with_the_phone_code(live_app, live_clock, sandbox, config,
                                                      make_worker):
    doc = _paper_guide(live_app, live_clock, "0007", "PHONE42")
    sandbox.phoned("GT gt/0007", "PHONE42")
    report = make_worker(config).drain_once()
    assert report.done == 1, report.outcomes
    (req,) = sandbox.requests_for("transport")
    assert req.accepted and req.key == "GT gt/0007" and req.schema_errors == []
    assert live_app.document(doc.document_no).at_doc_code == "PHONE42"


def test_paper_guide_keeps_the_phone_code_when_the_answer_brings_another(
        live_app, live_clock, sandbox, config, make_worker):
    """The phone code is the guide's (RBC5 n.º 6 b, SGDT field 1.6): it is on the paper
    copies that travelled with the goods. A different code in the webservice answer is kept
    beside it, in the row's result, never over it."""
    doc = _paper_guide(live_app, live_clock, "0008", "PHONE77")
    sandbox.phoned("GT gt/0008", "PHONE77", answer_code="WEBSVC99")
    report = make_worker(config).drain_once()
    assert report.done == 1, report.outcomes
    assert live_app.document(doc.document_no).at_doc_code == "PHONE77"
    (row,) = _rows(live_app).values()
    result = json.loads(row.result)
    assert (result["ATDocCodeID"], result["ATDocCodeID_resposta"]) == ("PHONE77", "WEBSVC99")
    (_, _, outcome), = report.outcomes
    assert outcome.at_doc_code == "PHONE77" and "WEBSVC99" in outcome.message
