"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it accepts, and can refuse
recipients or hold a message before answering."""

import socket
import threading
from email import message_from_bytes, policy

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """The server's handler: messages accepted, recipients to refuse for good (550) or for
    now (450), and a gate a test may close to keep a message in flight."""

    def __init__(self):
        self.messages = []
        self.refuse: dict[str, int] = {}
        self.gate = threading.Event()
        self.gate.set()
        self.arrived = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.refuse.get(address)
        if code:
            return f"{code} 5.1.1 <{address}>: caixa de correio inexistente"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        self.arrived.set()
        while not self.gate.is_set():
            await asyncio.sleep(0.05)
        if server.transport is None or server.transport.is_closing():
            return "451 4.3.0 the client went away"   # never answered: not accepted
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 2.0.0 Ok: queued"


class SmtpServer:
    def __init__(self, port: int):
        self.port, self.inbox, self.controller = port, Inbox(), None

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp():
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


def configure(app, port: int) -> None:
    app.set_mail_settings(host="127.0.0.1", port=port, security="none",
                          sender="loja@exemplo.pt", sender_name="Loja Demo")
