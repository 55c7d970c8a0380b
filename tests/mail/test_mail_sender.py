"""Documents by e-mail through a real SMTP server on 127.0.0.1: the message arrives with
the document's A4 PDF; with the server down it waits and goes once when the server is
back; a permanent refusal is parked with its reason; the AT queue never sees e-mails."""

import pytest

from pos.domain.at import DONE, Outcome
from pos.domain.errors import PosError
from pos.services.outbox import QueuePolicy
from sync.mail_sender import MailLink

from .conftest import SmtpServer, configure, free_port

POLICY = QueuePolicy(retry_base_seconds=30, retry_max_seconds=60)


def link(app, **kw):
    return MailLink(app, config_loader=None, policy=POLICY, rng=lambda: 0.0, **kw)


def test_the_document_arrives_as_a_pdf_attachment(app, smtp):
    configure(app, smtp.port)
    doc = app.sell_items([("PAO01", 2)], "FS")
    row = app.email_document(doc.document_no, "Cliente@Exemplo.PT")
    assert [r.status for r in app.mail_queue()] == ["pending"]

    report = link(app).drain()

    assert report.done == 1 and report.retried == report.parked == 0
    (msg,) = smtp.inbox.messages
    assert msg["To"] == "Cliente@exemplo.pt"
    assert "Loja Demo" in msg["From"] and "loja@exemplo.pt" in msg["From"]
    assert doc.document_no in msg["Subject"]
    assert f".{row}@exemplo.pt>" in msg["Message-ID"]
    body = msg.get_body(("plain",)).get_content()
    assert doc.document_no in body
    (pdf,) = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    data = pdf.get_content()
    assert data.startswith(b"%PDF") and pdf.get_filename().endswith(".pdf")
    assert app.mail_queue() == [] and app.mail_queue(include_done=True)[0].status == "done"
    assert link(app).drain().done == 0          # nothing sent twice


def test_server_down_stays_queued_then_goes_once(app, clock):
    port = free_port()
    configure(app, port)
    doc = app.sell_items([("PAO01", 1)], "FS")
    app.email_document(doc.document_no, "cliente@exemplo.pt")
    sender = link(app)

    report = sender.drain()                     # nobody listens on the port
    assert report.done == 0 and report.retried == 1
    (row,) = app.mail_queue()
    assert row.status == "pending" and "Sem ligação ao servidor de e-mail" in row.last_error

    server = SmtpServer(port)
    server.start()
    try:
        assert sender.drain().done == 0         # not due yet: the backoff holds it
        clock.advance(seconds=31)
        assert sender.drain().done == 1
        clock.advance(seconds=3600)
        assert sender.drain().done == 0
        assert len(server.inbox.messages) == 1
    finally:
        server.stop()


def test_a_refused_recipient_is_parked_with_the_reason(app, smtp):
    configure(app, smtp.port)
    smtp.inbox.refuse["ninguem@exemplo.pt"] = 550
    doc = app.sell_items([("PAO01", 1)], "FS")
    app.email_document(doc.document_no, "ninguem@exemplo.pt")
    app.email_document(doc.document_no, "cliente@exemplo.pt")

    report = link(app).drain()

    assert report.parked == 1 and report.done == 1
    parked = [r for r in app.mail_queue() if r.status == "parked"]
    assert len(parked) == 1 and "550" in parked[0].last_error
    assert "caixa de correio inexistente" in parked[0].last_error
    assert [m["To"] for m in smtp.inbox.messages] == ["cliente@exemplo.pt"]
    # The sealed journal (never erased) keeps the request and the refusal, not the address.
    journal = [e.detail for e in app.journal(kinds=("email_queued", "email_refused"))]
    assert len(journal) == 3 and all("n***@exemplo.pt" in d or "c***@exemplo.pt" in d
                                     for d in journal)
    assert not any("ninguem@" in d or "cliente@" in d for d in journal)
    # The manager asks for one more try: refused again, parked again, never lost.
    app.mail_retry(parked[0].id)
    assert link(app).drain().parked == 1


def test_a_temporary_refusal_is_retried(app, smtp, clock):
    configure(app, smtp.port)
    smtp.inbox.refuse["cheio@exemplo.pt"] = 452
    doc = app.sell_items([("PAO01", 1)], "FS")
    app.email_document(doc.document_no, "cheio@exemplo.pt")
    assert link(app).drain().retried == 1
    del smtp.inbox.refuse["cheio@exemplo.pt"]
    clock.advance(seconds=60)
    assert link(app).drain().done == 1
    assert len(smtp.inbox.messages) == 1


@pytest.mark.parametrize("address", ["", "cliente", "cliente@", "@exemplo.pt",
                                     "cli ente@exemplo.pt", "cliente@exemplo",
                                     "a@b@exemplo.pt", "cliente@exem_plo.pt",
                                     "cliente@exemplo.pt\n"
                                     "Bcc: x@y.pt", "x" * 300 + "@exemplo.pt"])
def test_a_bad_address_is_one_sentence_and_queues_nothing(app, address):
    doc = app.sell_items([("PAO01", 1)], "FS")
    with pytest.raises(PosError) as exc:
        app.email_document(doc.document_no, address)
    text = str(exc.value)
    assert "\n" not in text and text.endswith(".") and "e-mail" in text
    assert app.mail_queue() == []


def test_the_at_queue_ignores_emails(normal_app, smtp):
    app = normal_app
    configure(app, smtp.port)
    doc = app.sell_items([("PAO01", 1)], "FS")
    before = app.queue_status()
    app.email_document(doc.document_no, "cliente@exemplo.pt")
    after = app.queue_status()
    assert (after.pending, after.parked) == (before.pending, before.parked)
    assert all(r.kind != "email" for r in app.queue_rows(include_done=True))
    # AT's sender never takes an e-mail, and an e-mail waiting for its server holds no AT
    # duty of the document back: the cancellation goes as soon as the invoice is there.
    app.cancel(doc.document_no, "Erro do operador")
    (invoice,) = app.claim_duties(10)
    assert invoice.kind == "invoice"
    app.record_outcome(invoice, Outcome(DONE, "ok"))
    (status,) = app.claim_duties(10)
    assert status.kind == "invoice_status"
    assert [r.status for r in app.mail_queue()] == ["pending"]


def test_settings_are_checked_and_journaled(app):
    with pytest.raises(PosError, match="Porta do servidor de e-mail inválida"):
        app.set_mail_settings(host="smtp.exemplo.pt", port="99999", sender="a@exemplo.pt")
    with pytest.raises(PosError, match="Endereço do servidor de e-mail inválido"):
        app.set_mail_settings(host="http://smtp.exemplo.pt", sender="a@exemplo.pt")
    with pytest.raises(PosError, match="Endereço de e-mail inválido"):
        app.set_mail_settings(host="smtp.exemplo.pt", sender="loja")
    with pytest.raises(PosError, match="Segurança da ligação desconhecida"):
        app.set_mail_settings(host="smtp.exemplo.pt", sender="a@exemplo.pt", security="ssl3")
    s = app.set_mail_settings(host="SMTP.Exemplo.pt", sender="loja@exemplo.pt",
                              security="tls", smtp_user="loja", password="segredo")
    assert (s.host, s.port, s.security, s.password_set) == ("smtp.exemplo.pt", 465, "tls", True)
    assert "segredo" not in repr(app.mail_settings()) and "segredo" not in repr(
        app.mail_connection())
    assert app.mail_connection().password == "segredo"
    entries = app.journal(kinds=("mail_settings",))
    assert entries and "smtp.exemplo.pt" in entries[-1].detail
    assert "segredo" not in entries[-1].detail


def test_a_test_email_goes_now_or_says_why_not(app, smtp):
    configure(app, smtp.port)
    app.mail_link = link(app)
    reply = app.send_test_email("gerente@exemplo.pt")
    assert reply.startswith("250")
    (msg,) = smtp.inbox.messages
    assert msg["To"] == "gerente@exemplo.pt" and "teste" in msg["Subject"]
    smtp.inbox.refuse["ninguem@exemplo.pt"] = 550
    with pytest.raises(PosError, match="recusou a mensagem de teste: .*550"):
        app.send_test_email("ninguem@exemplo.pt")
    smtp.stop()
    with pytest.raises(PosError) as exc:
        app.send_test_email("gerente@exemplo.pt")
    assert str(exc.value).startswith("Sem ligação ao servidor de e-mail 127.0.0.1:")
    assert app.mail_queue() == []          # a test message is never queued
