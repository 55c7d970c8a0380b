"""The e-mail sender: empties the outbox's ``email`` rows over SMTP. A plain thread, no Qt.

::

    link = MailLink(app, background=True)    # the till: a daemon thread, woken by kick()
    link.drain()                             # caixa mail send: the same work, now

Each row is claimed (a lease, pos.services.mail.claim), its A4 PDF rendered (signed as
PAdES when caixa.toml has a ``[pdf_signing]`` section, as ``caixa receipt --pdf --sign``),
the message built and handed to the server, and the outcome recorded in its own short
transaction. The lease is renewed while the message is in flight (sync.worker.LeaseKeeper),
so two senders never send one row. The server's answer decides:

- accepted → done;
- a permanent refusal (5xx: no such recipient, message refused) → parked with the
  server's reason for the manager (``caixa mail queue``, ``caixa mail retry``);
- anything temporary (no network, server down, 4xx, a login refused, the signing
  certificate unreadable) → retried later with the AT queue's backoff; the rest of the
  batch waits for the next pass instead of costing one timeout each.

Every message has a Message-ID made of the shop and the row: a sender killed after the
server accepted a message but before it was recorded sends it again after its lease, and
the recipient's mail program sees the same message, not a second one.
"""

from __future__ import annotations

import logging
import random
import smtplib
import ssl
import threading
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import formataddr, formatdate
from typing import TYPE_CHECKING

from pos.domain import mail as rules
from pos.domain.at import DONE, PARK, RETRY, DrainReport, Outcome
from pos.domain.errors import PosError, ValidationError
from pos.domain.money import fmt2
from pos.services.outbox import QueuePolicy

from .worker import LeaseKeeper

if TYPE_CHECKING:
    from pos.application import Application
    from pos.domain.mail import MailConnection
    from pos.services.mail import MailDuty

log = logging.getLogger(__name__)
TIMEOUT = 30.0


class Temporary(Exception):
    """Try again later (the reason, in words)."""


class Refused(Exception):
    def __init__(self, code: int | None, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


def _signing_config(loader: Callable[[], object] | None):
    """The ``[pdf_signing]`` of caixa.toml, or None when the shop signs no PDFs."""
    if loader is None:
        return None
    from printing.pdf_sign import SigningConfig

    cfg = loader()
    section = getattr(cfg, "pdf_signing", None)
    return SigningConfig.from_mapping(section) if section else None


def default_config():
    from .link import default_config as load
    return load()


class MailLink:
    """The ``MailLink`` port of the application (pos.application.mail)."""

    def __init__(self, app: Application, *, background: bool = False,
                 config_loader: Callable[[], object] | None = default_config,
                 policy: QueuePolicy | None = None, interval: float = 60.0, batch: int = 10,
                 rng: Callable[[], float] = random.random):
        self.app, self.background = app, background
        self.config_loader = config_loader
        self.policy, self.interval, self.batch, self.rng = policy, interval, batch, rng
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # ---- the port --------------------------------------------------------------------
    def kick(self) -> None:
        if not self.background:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="caixa-mail",
                                                daemon=True)
                self._thread.start()
        self._wake.set()

    def drain(self) -> DrainReport:
        """Send every e-mail due now, in the calling thread."""
        if not self.app.mail_settings().configured:
            raise ValidationError("O envio de e-mail não está configurado: indique o "
                                  "servidor e o remetente (caixa mail set).")
        return self.drain_once()

    def send_test(self, to: str) -> str:
        conn = self.app.mail_connection()
        msg = EmailMessage()
        self._headers(msg, conn, to, "Caixa: mensagem de teste")
        msg.set_content("Esta mensagem de teste confirma que a Caixa consegue enviar "
                        "documentos por e-mail com estas definições.\n")
        try:
            return _deliver(conn, msg)
        except Refused as exc:
            raise ValidationError(f"O servidor de e-mail recusou a mensagem de teste: "
                                  f"{exc.reason}") from None
        except Temporary as exc:
            raise ValidationError(str(exc)) from None

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(TIMEOUT + 5)

    # ---- the thread ------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            wait = self.interval
            try:
                if self.app.mail_settings().configured:
                    report = self.drain_once()
                    if report.retry_after is not None:
                        wait = min(wait, max(1.0, report.retry_after.total_seconds()))
            except Exception:       # a database hiccup must not end the thread
                log.exception("mail: drain failed")
            self._wake.wait(wait)
            self._wake.clear()

    # ---- the work --------------------------------------------------------------------
    def _policy(self) -> QueuePolicy:
        if self.policy is None:
            try:
                cfg = self.config_loader() if self.config_loader else None
                self.policy = getattr(cfg, "queue", None) or QueuePolicy()
            except PosError:
                self.policy = QueuePolicy()
        return self.policy

    def drain_once(self) -> DrainReport:
        report = DrainReport()
        policy = self._policy()
        while not self._stop.is_set():
            duties = self.app.claim_emails(self.batch, policy)
            if not duties:
                break
            for i, duty in enumerate(duties):
                if self._stop.is_set() or not self._one(duty, policy, report):
                    rest = [d.id for d in duties[i + 1:]] if not self._stop.is_set() \
                        else [d.id for d in duties[i:]]
                    self.app.release_duties(rest, duty.claim)
                    return report
        return report

    def _one(self, duty: MailDuty, policy: QueuePolicy, report: DrainReport) -> bool:
        """Send one e-mail; False when the rest of the batch should wait."""
        if not self.app.renew_duty(duty, policy):
            report.taken_over += 1
            return True
        try:
            with LeaseKeeper(self.app, duty, policy):
                conn = self.app.mail_connection()
                reply = _deliver(conn, self._message(duty, conn))
        except Refused as exc:
            self.app.record_email_refused(duty, exc.code, exc.reason)
            report.parked += 1
            report.outcomes.append((duty.id, duty.label, Outcome(PARK, exc.reason, exc.code)))
            log.info("mail: %s refused: %s", duty.label, exc.reason)
            return True
        except Exception as exc:     # noqa: BLE001 - whatever failed, the row waits for later
            if not isinstance(exc, (Temporary, PosError)):
                log.exception("mail: %s could not be prepared", duty.label)
                exc = Temporary(f"Não foi possível preparar o e-mail ({type(exc).__name__}).")
            when = self.app.record_email_retry(duty, str(exc), policy, self.rng)
            report.retried += 1
            if when is not None:
                report.retry_after = when - self.app.clock.now()
            report.outcomes.append((duty.id, duty.label, Outcome(RETRY, str(exc))))
            log.info("mail: %s later: %s", duty.label, exc)
            return False
        if self.app.record_email_sent(duty, reply):
            report.done += 1
            report.outcomes.append((duty.id, duty.label, Outcome(DONE, reply)))
        return True

    def _headers(self, msg: EmailMessage, conn: MailConnection, to: str, subject: str,
                 message_id: str | None = None) -> None:
        s = conn.settings
        msg["From"] = formataddr((s.sender_name, s.sender)) if s.sender_name else s.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=True)
        if message_id:
            msg["Message-ID"] = message_id

    def _message(self, duty: MailDuty, conn: MailConnection) -> EmailMessage:
        from printing.layout import doc_type_name
        from printing.pdf import document_pdf

        doc, issuer = duty.document, duty.issuer
        pdf = document_pdf(doc, issuer, self.app.qr(doc, issuer))
        signing = _signing_config(self.config_loader)
        if signing is not None:
            from printing.pdf_sign import sign_pdf
            pdf = sign_pdf(pdf, signing)
        label = f"{doc_type_name(doc.doc_type)} {doc.document_no}"
        shop = issuer.business_name or issuer.name
        msg = EmailMessage()
        domain = conn.settings.sender.rpartition("@")[2]
        self._headers(msg, conn, duty.to, rules.subject(label, shop),
                      f"<caixa.{issuer.nif}.{duty.id}@{domain}>")
        msg.set_content(rules.body(label, shop, fmt2(doc.totals.gross),
                                   f"{doc.invoice_date:%d/%m/%Y}"))
        name = doc.document_no.replace("/", "-").replace(" ", "_") + ".pdf"
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
        return msg


def _deliver(conn: MailConnection, msg: EmailMessage) -> str:
    """Hand ``msg`` to the server; the server's answer. Raises ``Refused`` (for good) or
    ``Temporary``."""
    s = conn.settings
    context = ssl.create_default_context()
    step = "connect"
    try:
        if s.security == "tls":
            smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT, context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
        with smtp:
            if s.security == "starttls":
                step = "starttls"
                smtp.starttls(context=context)
            if s.user:
                step = "login"
                smtp.login(s.user, conn.password)
            step = "send"
            refused = smtp.send_message(msg)
            if refused:
                code, text = next(iter(refused.values()))
                raise _answer(code, text, "o destinatário")
            code, text = smtp.noop()
            return f"{code} {_text(text)}"
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()))
        raise _answer(code, text, "o destinatário") from None
    except smtplib.SMTPAuthenticationError as exc:
        raise Temporary(f"O servidor de e-mail recusou o utilizador ou a senha "
                        f"({exc.smtp_code}): corrija-os em 'caixa mail set'.") from None
    except smtplib.SMTPNotSupportedError:
        what = "STARTTLS" if step == "starttls" else "início de sessão (AUTH)"
        raise Temporary(f"O servidor {s.host} não aceita {what}: reveja a segurança da "
                        "ligação e o utilizador em 'caixa mail set'.") from None
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        raise _answer(exc.smtp_code, exc.smtp_error, "a mensagem") from None
    except smtplib.SMTPResponseException as exc:
        raise _answer(exc.smtp_code, exc.smtp_error, "a mensagem") from None
    except ssl.SSLError as exc:
        raise Temporary(f"Falhou a ligação cifrada ao servidor de e-mail {s.host} "
                        f"({exc.reason or exc}).") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise Temporary(f"Sem ligação ao servidor de e-mail {s.host}:{s.port} "
                        f"({type(exc).__name__}).") from None


def _text(raw: bytes | str) -> str:
    return (raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)).strip()


def _answer(code: int, text: bytes | str, what: str) -> Exception:
    reason = f"O servidor de e-mail recusou {what}: {code} {_text(text)}"[:500]
    if 500 <= int(code) < 600:
        return Refused(int(code), reason)
    return Temporary(reason + " (recusa temporária; nova tentativa mais tarde)")
