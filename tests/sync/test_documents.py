"""fatcorews and sgdtws clients against the sandbox: success, duplicates, schema checks."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sync.clients import ATClients
from sync.errors import AlreadyRegistered, Rejected, TransportError

from .factories import invoice, movement, payment, work

NOW = dt.datetime.now().replace(microsecond=0)


def test_register_invoice_then_cancel_it(clients, sandbox):
    doc = invoice("FS A2025/1")
    res = clients.invoices.register_invoice(doc)
    assert res.codigo_resposta == 0 and res.data_operacao is not None
    # The full document can be passed: only the header fields go into ChangeInvoiceStatus.
    assert clients.invoices.change_invoice_status(doc, "A", NOW).codigo_resposta == 0
    assert sandbox.accepted_count("invoices", "FS A2025/1") == 2
    assert [r.operation for r in sandbox.received] == ["RegisterInvoice", "ChangeInvoiceStatus"]
    assert all(r.schema_errors == [] for r in sandbox.received)


def test_duplicate_invoice_is_already_registered(clients, sandbox):
    doc = invoice("FT A2025/7")      # the same document resent (built once: its times are
    clients.invoices.register_invoice(doc)        # the clock's second, a second call may differ)
    with pytest.raises(AlreadyRegistered) as same:
        clients.invoices.register_invoice(doc)
    with pytest.raises(AlreadyRegistered) as different:
        clients.invoices.register_invoice(invoice("FT A2025/7", gross="246.00"))
    assert (same.value.code, different.value.code) == (-10, -3)
    assert sandbox.accepted_count("invoices", "FT A2025/7") == 1


def test_lost_answer_then_resend_reconciles_exactly_once(clients, config, sandbox):
    # AT registers the invoice but the answer never arrives; the outbox resends.
    sandbox.inject("timeout", service="invoices", delay=2, process=True)
    with ATClients(dataclasses.replace(config, read_timeout=0.3)) as impatient:
        with pytest.raises(TransportError):
            impatient.invoices.register_invoice(invoice("FS A2025/9"))
    with pytest.raises(AlreadyRegistered):
        clients.invoices.register_invoice(invoice("FS A2025/9"))
    assert sandbox.accepted_count("invoices", "FS A2025/9") == 1


def test_dataclass_documents_are_accepted(clients):
    @dataclasses.dataclass
    class Totals:
        TaxPayable: object
        NetTotal: object
        GrossTotal: object
        Unused: object = None  # None means "omit"

    doc = invoice("FR A2025/3")
    doc["DocumentTotals"] = Totals(**doc["DocumentTotals"])
    assert clients.invoices.register_invoice(doc).codigo_resposta == 0


def test_work_documents_and_payments(clients, sandbox):
    assert clients.invoices.register_work(work("OR W2025/1")).codigo_resposta == 0
    assert clients.invoices.change_work_status(work("OR W2025/1"), "A", NOW).codigo_resposta == 0
    assert clients.invoices.register_payment(payment("RC R2025/1")).codigo_resposta == 0
    assert [r.code for r in sandbox.received] == [0, 0, 0]


# FATCORE §2.2.4 lists the data codes per operation: the same situation has a different
# number in each, and the sandbox answers each operation from its own list.
STATUS_CHANGES = {
    "invoice": (lambda c, n: c.invoices.register_invoice(invoice(n)),
                lambda c, n: c.invoices.change_invoice_status(invoice(n), "A", NOW),
                "FT X/404", -11, -12),
    "work": (lambda c, n: c.invoices.register_work(work(n)),
             lambda c, n: c.invoices.change_work_status(work(n), "A", NOW),
             "OR X/404", -19, -37),
}


@pytest.mark.parametrize("kind", STATUS_CHANGES)
def test_status_changes_that_make_no_sense_are_refused_with_the_operations_codes(
        clients, sandbox, kind):
    register, cancel, number, missing, invalid = STATUS_CHANGES[kind]
    with pytest.raises(Rejected) as err:          # cancelling what AT never received
        cancel(clients, number)
    assert err.value.code == missing and "não existe" in err.value.at_message
    register(clients, number)
    cancel(clients, number)
    with pytest.raises(Rejected) as err:          # cancelling twice
        cancel(clients, number)
    assert err.value.code == invalid and err.value.action == "park"
    assert [r.code for r in sandbox.received] == [missing, 0, 0, invalid]


@pytest.mark.parametrize("register, code", [
    (lambda c, d: c.invoices.register_invoice(d), -10),
    (lambda c, d: c.invoices.register_work(d), -22),
    (lambda c, d: c.invoices.register_payment(d), -25),
])
def test_each_register_operation_has_its_own_already_registered_code(clients, register, code):
    # The same document both times (a resend): built once, so no timestamp can differ.
    data = {-10: lambda: invoice("FT A2025/8"), -22: lambda: work("OR W2025/8"),
            -25: lambda: payment("RC R2025/8")}[code]()
    register(clients, data)
    with pytest.raises(AlreadyRegistered) as err:
        register(clients, data)
    assert err.value.code == code and err.value.action == "reconcile"


def test_issuer_nif_must_match_the_sub_user(clients):
    with pytest.raises(Rejected) as err:
        clients.invoices.register_invoice(invoice(), tax_registration_number="500000000")
    assert err.value.code == -16


def test_invalid_document_is_stopped_on_the_till(clients, sandbox):
    bad = invoice("FS1")  # InvoiceNo must be "<type> <series>/<number>"
    with pytest.raises(Rejected) as err:
        clients.invoices.register_invoice(bad)
    assert err.value.code == "XSD" and "InvoiceNo" in str(err.value)
    assert sandbox.received == []  # never left the till


def test_sandbox_validates_bodies_against_the_wsdl(config, sandbox):
    unchecked = dataclasses.replace(config, validate_requests=False)
    with ATClients(unchecked) as clients:
        with pytest.raises(Rejected) as err:
            clients.invoices.register_invoice(invoice("FS1"))
        assert err.value.code == "S:Client"  # AT-style SOAP fault "Validation error"
        with pytest.raises(Rejected) as err:
            clients.transport.envio_documento_transporte(
                {**movement(), "MovementType": "XX"})
        assert err.value.code == -1
    assert all(r.schema_errors for r in sandbox.received)
    assert "InvoiceNo" in " ".join(sandbox.received[0].schema_errors)


def test_transport_document_gets_an_at_code(clients, sandbox):
    res = clients.transport.envio_documento_transporte(movement("GT G2025/1"))
    assert res.return_code == 0
    assert res.at_doc_code_id and len(res.at_doc_code_id) >= 8
    assert (res.document_number, res.atcud) == ("GT G2025/1", "GUIA1234-1")
    assert sandbox.received[0].schema_errors == []

    # Cancelling re-sends the document with its AT code and status A.
    cancel = {**movement("GT G2025/1"), "ATDocCodeID": res.at_doc_code_id, "MovementStatus": "A"}
    assert clients.transport.envio_documento_transporte(cancel).at_doc_code_id == (
        res.at_doc_code_id)


def test_a_guide_cannot_be_cancelled_after_its_transport_started(clients, sandbox):
    guide = movement("GT G2025/6")
    code = clients.transport.envio_documento_transporte(guide).at_doc_code_id
    # Time passes at AT: the transport it registered has started.
    stored = sandbox.services["transport"].documents[("599999993", "GT G2025/6")]
    stored.start = NOW - dt.timedelta(minutes=5)
    started = {**guide, "MovementStartTime": stored.start}
    with pytest.raises(Rejected) as err:
        clients.transport.envio_documento_transporte(
            {**started, "ATDocCodeID": code, "MovementStatus": "A"})
    assert err.value.code == -13 and "Data de Início" in err.value.at_message
    with pytest.raises(Rejected) as err:          # a code AT never gave
        clients.transport.envio_documento_transporte(
            {**movement("GT G2025/7"), "ATDocCodeID": "NOSUCHCODE", "MovementStatus": "A"})
    assert err.value.code == -8


def test_a_guide_sent_after_its_start_is_a_mere_communication_without_code(clients, sandbox):
    late = {**movement("GT G2025/8"), "MovementStartTime": NOW - dt.timedelta(minutes=5)}
    res = clients.transport.envio_documento_transporte(late)
    assert res.at_doc_code_id is None and res.return_code == 0
    assert res.warnings and "mera comunicação" in res.warnings[0]
    assert sandbox.accepted_count("transport", "GT G2025/8") == 1


def test_duplicate_transport_document(clients, sandbox):
    clients.transport.envio_documento_transporte(movement("GR G2025/5"))
    with pytest.raises(AlreadyRegistered) as err:
        clients.transport.envio_documento_transporte(movement("GR G2025/5"))
    assert err.value.code == -3
    assert sandbox.accepted_count("transport", "GR G2025/5") == 1


@pytest.mark.parametrize("change", [
    lambda d: d.pop("DocumentTotals"),       # zeep: missing mandatory element
    lambda d: d.update(Discount="1.00"),     # zeep: no such element in the WSDL
])
def test_incomplete_or_unknown_fields_are_parked_locally(clients, sandbox, change):
    doc = invoice("FS A2025/11")
    change(doc)
    with pytest.raises(Rejected) as err:
        clients.invoices.register_invoice(doc)
    assert err.value.code in ("LOCAL", "XSD") and err.value.action == "park"
    assert sandbox.received == []
