"""Fixtures for printing tests: a demo shop signed with a key fixed in the repository, so
hashes, QR payloads and therefore ESC/POS bytes are identical on every run (golden files).
"""

import dataclasses
import os
import socket
import threading
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import clone_shop, secure_env_beside

HERE = Path(__file__).resolve().parent
KEY = HERE / "data" / "test-signing-key.pem"   # throw-away RSA-1024, for tests only
WHEN = datetime(2026, 3, 14, 10, 15, 30)


@pytest.fixture(scope="session", autouse=True)
def _escpos_cache(tmp_path_factory):
    """Keep python-escpos' capabilities pickle out of the developer's home directory."""
    if not os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR"):
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(tmp_path_factory.mktemp("escpos"))


@pytest.fixture(scope="session")
def shop(tmp_path_factory):
    """Demo shop with an FS (3 rates, exemptions, change), an FT with a customer, an NC,
    a recovered manual document and an FS in a normal (non-training) series."""
    from pos.bootstrap import open_app
    from pos.domain.customer import make_customer
    from pos.services.ports import FixedClock

    path = tmp_path_factory.mktemp("shop") / "caixa.db"
    with secure_env_beside(path):     # the shop's key store and anchors stay beside it
        app = open_app(str(path), clock=FixedClock(WHEN))
    app.init_demo()
    # A key change is audited in the till's chain, so the fixed key comes once the till
    # exists: it becomes the active version (signatures depend on the key, not the version).
    app.import_key(KEY.read_bytes(), None)
    fs = app.sell_items([("PAO01", 2), ("CAF01", 1), ("BEB02", 1), ("SRV02", 1),
                         ("SEL01", 1)], payments=(("NU", Decimal("50")),))
    ft = app.sell_items([("PAO01", 2), ("FRU01", Decimal("1.250")), ("MER03", 3)], "FT",
                        make_customer("123456789", "Cliente Exemplo, Lda.",
                                      "Rua do Almada, 10", "Porto", "4050-038"))
    nc = app.credit(fs.document_no, "Devolução", [(1, Decimal(1))])
    recovered = dataclasses.replace(ft, source_billing="M", hash_control="1-FTM abc/00001",
                                    manual_ref="abc/00001")
    app.set_training_mode(False)
    app.add_series("FS", "A2026", "ATCFS2026X")
    normal = app.sell_items([("CAF01", 2)], payments=(("CC", None),))
    issuer = app.issuer()
    docs = {"FS": fs, "FT": ft, "NC": nc, "recovered": recovered, "normal": normal}
    shop = SimpleNamespace(path=path, issuer=issuer, docs=docs,
                           qr={k: app.qr(d, issuer) for k, d in docs.items()}, app=app)
    yield shop
    app.close()


@pytest.fixture
def shop_db(shop, tmp_path, secure_dirs) -> Path:
    """A private copy of the shop database (with its key store entries and anchors, in this
    test's folders) for tests that write."""
    return clone_shop(shop.path, tmp_path / "caixa.db")


class FakePrinter:
    """A raw TCP 9100 printer on 127.0.0.1: answers DLE EOT queries sent before the job
    (like an Epson does), then records every byte of the job until the client closes."""

    def __init__(self, paper: int | None = 0x12, cause: int | None = 0x12):
        self.answers = {4: paper, 2: cause}
        self.jobs: list[bytes] = []
        self.queries: list[int] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.sessions = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def spec(self) -> str:
        return f"tcp:127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self._session(conn)
            self.sessions += 1

    def _session(self, conn) -> None:
        buf, job, started = b"", bytearray(), False
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            buf += chunk
            while not started and buf[:2] == b"\x10\x04" and len(buf) >= 3:
                self.queries.append(buf[2])
                answer = self.answers.get(buf[2])
                buf = buf[3:]
                if answer is not None:
                    conn.sendall(bytes([answer]))
            if buf in (b"\x10", b"\x10\x04") and not started:
                continue                      # maybe the start of another query
            started = started or bool(buf)
            job += buf
            buf = b""
        job += buf
        if job:
            self.jobs.append(bytes(job))

    def wait(self, sessions: int = 1, timeout: float = 5.0) -> None:
        """Until ``sessions`` connections have been served and closed."""
        deadline = time.monotonic() + timeout
        while self.sessions < sessions:
            assert time.monotonic() < deadline, "the fake printer got no (closed) connection"
            time.sleep(0.01)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def fake_printer():
    printers = []

    def make(**kw) -> FakePrinter:
        p = FakePrinter(**kw)
        printers.append(p)
        return p
    yield make
    for p in printers:
        p.close()


@pytest.fixture
def closed_port() -> int:
    """A local port nobody listens on (connection refused, no network involved)."""
    s = socket.create_server(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
