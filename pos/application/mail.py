"""Documents by e-mail: the shop's outgoing mail settings, the request to e-mail a
document (an outbox row, returned at once: the cashier never waits for the network), and
the sender's side (claim, renew, record) for sync.mail_sender.

The sender is the composition root's (``mail_link``, a ``MailLink``): the till runs it in
a background thread, the CLI in the command's own process (``caixa mail send``). Without
one, e-mails wait in the outbox for a process that has it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from pos.domain import mail as rules
from pos.domain.at import DrainReport
from pos.domain.errors import ValidationError
from pos.domain.mail import MailConnection, MailSettings
from pos.services import mail, outbox
from pos.services.mail import MailDuty, MailRow
from pos.services.outbox import QueuePolicy
from pos.services.staff import require

from .base import Base

PURPOSE = "mail password"


class MailLink(Protocol):
    """The e-mail sender of this process (sync.mail_sender.MailLink). Calls may wait for
    the network: off the screen's thread."""

    def kick(self) -> None: ...

    def drain(self) -> DrainReport: ...

    def send_test(self, to: str) -> str: ...

    def close(self) -> None: ...


class NoMailLink:
    def kick(self) -> None:
        pass

    def drain(self) -> DrainReport:
        raise ValidationError("Este programa não envia e-mails.")

    def send_test(self, to: str) -> str:
        raise ValidationError("Este programa não envia e-mails.")

    def close(self) -> None:
        pass


class MailMixin(Base):
    mail_link: MailLink = NoMailLink()     # set by the composition root

    # ---- settings --------------------------------------------------------------------
    def mail_settings(self) -> MailSettings:
        with self._read() as uow:
            return mail.settings(uow)

    def set_mail_settings(self, *, host: str, sender: str, port: object = None,
                          security: str = "starttls", smtp_user: str = "",
                          sender_name: str = "", password: str | None = None,
                          user: str = "admin") -> MailSettings:
        """The SMTP server e-mails leave by; ``password`` None keeps the stored one, ''
        clears it (kept encrypted, never shown back). Journaled with what changed."""
        key = self.keys.secret_key(PURPOSE) if password else None
        with self._write() as uow:
            require(uow, user, "settings")
            return mail.set_settings(uow, key, host=host, port=port, security=security,
                                     user=smtp_user, sender=sender, sender_name=sender_name,
                                     password=password, now=self.clock.now(), by=user)

    def clear_mail_settings(self, user: str = "admin") -> None:
        with self._write() as uow:
            require(uow, user, "settings")
            mail.clear(uow, self.clock.now(), user)

    def mail_connection(self) -> MailConnection:
        """For the sender only (never a screen): the settings with the password."""
        with self._read() as uow:
            stored = uow.settings.get(mail.PREFIX + "password")
        key = self.keys.secret_key(PURPOSE) if stored else None
        with self._read() as uow:
            return mail.connection(uow, key)

    def send_test_email(self, to: str) -> str:
        """Send a short test message now, in this thread; the server's answer."""
        return self.mail_link.send_test(rules.address(to))

    # ---- the cashier's request -------------------------------------------------------
    def email_document(self, number: str, to: str, user: str = "admin") -> int:
        """Owe ``number`` by e-mail to ``to`` (checked: one sentence when it is not an
        address); the outbox row's id. Returns at once; the sender delivers it."""
        with self._write() as uow:
            row_id = mail.queue(uow, number, to, self.clock.now(), user)
        try:
            self.mail_link.kick()
        except Exception:     # noqa: S110 - the request is recorded: never an error now
            pass
        return row_id

    def email_address_for(self, number: str) -> str:
        """The address this document's customer had their documents e-mailed to before."""
        with self._read() as uow:
            return mail.last_address(uow, number)

    def mail_queue(self, include_done: bool = False) -> list[MailRow]:
        with self._read() as uow:
            return mail.rows(uow, include_done)

    def mail_retry(self, row_id: int, user: str = "admin") -> None:
        with self._write() as uow:
            require(uow, user, "settings")
            mail.retry(uow, row_id, self.clock.now(), user)
        self.mail_link.kick()

    def drain_mail(self) -> DrainReport:
        """Send the e-mails due now, in this process."""
        return self.mail_link.drain()

    # ---- the sender's side -----------------------------------------------------------
    def claim_emails(self, limit: int, policy: QueuePolicy) -> list[MailDuty]:
        with self._write() as uow:
            return mail.claim(uow, self.clock.now(), policy, limit)

    def record_email_sent(self, duty: MailDuty, server_reply: str) -> bool:
        with self._write() as uow:
            return mail.record_sent(uow, duty, self.clock.now(), server_reply)

    def record_email_retry(self, duty: MailDuty, error: str, policy: QueuePolicy,
                           rng: Callable[[], float] = random.random) -> datetime | None:
        """Try again later (server down, a temporary refusal); None when this sender no
        longer held the row."""
        with self._write() as uow:
            if not outbox.holds(uow.session, duty.id, duty.claim):
                return None
            return outbox.record_retry(uow.session, duty.id, self.clock.now(), error, policy,
                                       rng)

    def record_email_refused(self, duty: MailDuty, code: int | None, reason: str) -> bool:
        """The server refused it for good (a bad recipient, 5xx): parked for the manager."""
        with self._write() as uow:
            if not outbox.holds(uow.session, duty.id, duty.claim):
                return False
            outbox.record_park(uow.session, duty.id, self.clock.now(), code, reason)
            uow.audit.append(self.clock.now(), "sistema", "email_refused",
                             f"{duty.document.document_no} -> {rules.masked(duty.to)}: "
                             f"{reason.replace(duty.to, rules.masked(duty.to))}"[:500])
            return True

    def close(self) -> None:
        """Stop the e-mail sender (a message in flight is finished or left to its lease),
        then everything else."""
        try:
            self.mail_link.close()
        finally:
            super().close()
