"""`caixa mail` as a manager uses it, against a real SMTP server on 127.0.0.1: settings
checked (one sentence, exit 2), a document queued and sent with its PDF signed as PAdES
when caixa.toml signs PDFs (pyHanko's validator sees the signature intact), and a sender
killed while the server holds its message: the next one sends it, once."""

import os
import signal
import subprocess
import sys
import time

from cryptography.hazmat.primitives import serialization

from tests.conftest import ROOT
from tests.printing.test_pdf_sign import PASSWORD, _pyhanko_status, pki  # noqa: F401

from .conftest import configure


def _one_sentence(proc):
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_settings_from_the_command_line(demo_db, cli):
    assert "Porta do servidor de e-mail inválida" in _one_sentence(
        cli("mail", "set", "--host", "smtp.exemplo.pt", "--port", "0", "--sender",
            "loja@exemplo.pt"))
    assert "Endereço do servidor de e-mail inválido" in _one_sentence(
        cli("mail", "set", "--host", "smtp exemplo", "--sender", "loja@exemplo.pt"))
    assert "Endereço de e-mail inválido" in _one_sentence(
        cli("mail", "set", "--host", "smtp.exemplo.pt", "--sender", "loja"))
    done = cli("mail", "set", "--host", "smtp.exemplo.pt", "--sender", "loja@exemplo.pt",
               "--smtp-user", "loja", "--password-env", "SMTP_PW",
               env={"SMTP_PW": "segredo"}, check=True)
    assert "smtp.exemplo.pt:587 (starttls)" in done.stdout
    shown = cli("mail", "show", check=True).stdout
    assert "guardada (cifrada)" in shown and "segredo" not in shown
    assert "Endereço de e-mail inválido" in _one_sentence(
        cli("mail", "document", "FS DEMO2026/1", "não é um endereço"))


def test_a_signed_pdf_by_email(app, cli, smtp, pki, tmp_path):  # noqa: F811
    configure(app, smtp.port)
    doc = app.sell_items([("PAO01", 2)], "FS")
    secret = tmp_path / "p12.pw"
    secret.write_text(PASSWORD)
    config = tmp_path / "caixa.toml"
    config.write_text(f'[pdf_signing]\npkcs12 = "{pki["dir"] / "shop.p12"}"\n'
                      f'password_file = "{secret}"\n')
    os.chmod(config, 0o600)
    env = {"CAIXA_CONFIG": str(config)}
    queued = cli("mail", "document", doc.document_no, "cliente@exemplo.pt", env=env,
                 check=True)
    assert "na fila" in queued.stdout
    assert "pending" in cli("mail", "queue", check=True).stdout
    sent = cli("mail", "send", env=env, check=True)
    assert "1 enviado(s)" in sent.stdout, sent.stdout + sent.stderr
    (msg,) = smtp.inbox.messages
    (pdf,) = list(msg.iter_attachments())
    status = _pyhanko_status(pdf.get_content(), pki)
    assert status.intact and status.valid and status.bottom_line
    cert = pki["cert"].public_bytes(serialization.Encoding.DER)
    assert status.signing_cert.dump() == cert
    assert "Nenhum e-mail em fila" in cli("mail", "queue", check=True).stdout


def test_a_sender_killed_mid_send_leaves_it_to_the_next_once(app, smtp, db_path):
    configure(app, smtp.port)
    doc = app.sell_items([("PAO01", 1)], "FS")
    app.email_document(doc.document_no, "cliente@exemplo.pt")
    smtp.inbox.gate.clear()          # the server holds the message before answering
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "mail", "send"], cwd=ROOT,
                            env={**os.environ, "CAIXA_DB": str(db_path)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert smtp.inbox.arrived.wait(60), "the sender never reached the server"
        (row,) = app.mail_queue()
        assert row.status == "sending"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    time.sleep(0.2)
    smtp.inbox.gate.set()            # the server would answer now: nobody is listening
    assert smtp.inbox.messages == []
    from sync.mail_sender import MailLink

    report = MailLink(app, config_loader=None).drain()   # the dead holder's row is taken back
    assert report.done == 1
    assert MailLink(app, config_loader=None).drain().done == 0
    assert len(smtp.inbox.messages) == 1
    assert app.mail_queue() == []
