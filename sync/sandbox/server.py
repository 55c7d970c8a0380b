"""ATSandbox: a local HTTPS SOAP server with mutual TLS that behaves like AT's test services.

THIS IS NOT AT. It exists so the clients can be exercised end to end (TLS, WS-Security,
schemas, AT's result codes, faults) without the internet::

    with ATSandbox(tmp_path, wsdl_dir=WSDL_DIR) as sandbox:
        clients = ATClients(sandbox.config())
        sandbox.inject("timeout", service="invoices", delay=2)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import socket
import ssl
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from lxml import etree

from ..config import ATConfig
from ..wsdl_schema import validation_errors
from ..wsse import SOAP11_NS
from . import responses
from .documents import FatcoreService, TransportService
from .pki import SandboxPKI, load_or_generate_pki
from .security import AuthFailure, TokenChecker
from .services import Outcome, SeriesService, Service

log = logging.getLogger(__name__)

DEFAULT_USERS = {"599999993/37": "testes1234"}  # AT's public sample sub-user (manuals)
FAULT_KINDS = ("timeout", "http500", "soap_fault", "reset", "reject")
# What a reverse proxy sends when the application behind it fails (not well-formed XML).
_HTML_ERROR = (b"<html>\r\n<head><title>%s Error</title></head>\r\n<body>\r\n"
               b"<center><h1>Error</h1></center>\r\n<hr><center>proxy</center>\r\n"
               b"</body>\r\n</html>\r\n")


@dataclass
class Fault:
    """A fault to inject into the next ``times`` matching requests.

    ``process=True`` makes the sandbox act on the request first (AT registered it) and then
    lose, delay or break the answer: the situation that makes a resend come back
    "already registered".
    """

    kind: str
    service: str | None = None
    operation: str | None = None
    times: int = 1
    code: int | str | None = None
    message: str | None = None
    delay: float = 5.0
    status: int = 500
    process: bool = False
    # http500 only: the body and Content-Type sent (default: a proxy's HTML error page).
    body: bytes | None = None
    content_type: str = "text/html"

    def matches(self, service: str, operation: str | None) -> bool:
        return (self.service in (None, service)) and (self.operation in (None, operation))


@dataclass
class Received:
    """One request as the sandbox saw it, and what it did about it."""

    seq: int
    service: str | None
    operation: str | None
    path: str
    headers: dict[str, str]
    body: bytes
    at: dt.datetime
    username: str | None = None
    auth_error: int | None = None
    schema_errors: list[str] = field(default_factory=list)
    fault: str | None = None
    code: int | str | None = None
    key: str | None = None
    accepted: bool = False
    status: int | None = None        # the HTTP status of the answer (500 for a SOAP Fault)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    sandbox: ATSandbox

    def finish_request(self, request, client_address):
        # The TLS handshake runs here, in the per-connection thread, so a slow or refused
        # client never blocks the accept loop; refusals are recorded for the tests.
        # NODELAY: headers and body go out in separate writes; with Nagle plus the client's
        # delayed ACK every answer would wait ~40 ms.
        with contextlib.suppress(OSError):
            request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            tls = self.sandbox._tls.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            self.sandbox._note_tls_failure(exc)
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        finally:
            with contextlib.suppress(OSError):
                tls.close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_POST(self) -> None:
        self.server.sandbox._handle(self)

    def do_GET(self) -> None:
        self.server.sandbox._send(self, 405, b"POST only\n", "text/plain")

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The ``Date`` of every answer: the sandbox's clock (the till keeps it as AT's time)."""
        return super().date_time_string(self.server.sandbox.now() if timestamp is None
                                        else timestamp)

    def log_message(self, fmt: str, *args: Any) -> None:
        log.debug("sandbox: " + fmt, *args)


class ATSandbox:
    """Start with ``start()`` (or ``with``); ``stop()`` closes it. Port 0 picks a free port."""

    def __init__(
        self,
        workdir: Path | str | None = None,
        *,
        wsdl_dir: Path | str,
        users: Mapping[str, str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        pki: SandboxPKI | None = None,
        tls_max_version: ssl.TLSVersion | None = None,
        max_skew: dt.timedelta = dt.timedelta(minutes=5),
    ):
        self._tmp = None if workdir else tempfile.TemporaryDirectory(prefix="caixa-at-sandbox-")
        self.workdir = Path(workdir or self._tmp.name)
        self.wsdl_dir = Path(wsdl_dir)
        self.users = dict(users or DEFAULT_USERS)
        self.pki = pki or load_or_generate_pki(self.workdir / "pki")
        self._host, self._port = host, port
        self._tls = self._tls_context(tls_max_version)
        # Our own freshly generated key: skipping the (slow, ~80 ms) RSA consistency check
        # keeps a sandbox per test cheap.
        at_key = serialization.load_pem_private_key(
            self.pki.at_private_key.read_bytes(), None, unsafe_skip_rsa_key_validation=True)
        self._checker = TokenChecker(at_key, self.users, max_skew)  # type: ignore[arg-type]
        self.services: dict[str, Service] = {
            s.name: s for s in (SeriesService(self.wsdl_dir), FatcoreService(self.wsdl_dir),
                                TransportService(self.wsdl_dir))}
        self._by_path = {s.path.rstrip("/"): s for s in self.services.values()}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._faults: list[Fault] = []
        self.received: list[Received] = []
        self.tls_failures: list[str] = []
        self.internal_errors: list[str] = []
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        # What AT's servers say the time is (the HTTP Date, POSIX seconds): a test that moves
        # its till's clock to another day moves this one with it, as the real world would.
        self.now: Callable[[], float] = time.time

    def _tls_context(self, max_version: ssl.TLSVersion | None) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.pki.server_cert, self.pki.server_key)
        ctx.load_verify_locations(self.pki.ca_cert)
        ctx.verify_mode = ssl.CERT_REQUIRED  # like AT: no client certificate, no service
        if max_version is not None:
            ctx.maximum_version = max_version
        return ctx

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> ATSandbox:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        self._httpd = _Server((self._host, self._port), _Handler)
        self._httpd.sandbox = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="at-sandbox",
                                        kwargs={"poll_interval": 0.01}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a "timeout" fault
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> ATSandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what clients need ------------------------------------------------------------------

    @property
    def port(self) -> int:
        """The listening port; a port chosen in the constructor is known before start(), so
        a till can be configured while "AT" is still down."""
        if self._httpd is None:
            if self._port:
                return self._port
            raise RuntimeError("sandbox not started")
        return self._httpd.server_address[1]

    def url(self, service: str) -> str:
        host = "localhost" if self._host in ("0.0.0.0", "::") else self._host
        return f"https://{host}:{self.port}{self.services[service].path}"

    def config_mapping(self, username: str | None = None, password: str | None = None
                       ) -> dict[str, Any]:
        """Settings for ``ATConfig.from_mapping`` that point Caixa at this sandbox."""
        user = username or next(iter(self.users))
        return {
            "environment": "test",
            "wsdl_dir": str(self.wsdl_dir),
            "username": user,
            "password": password if password is not None else self.users[user],
            "at_public_cert": str(self.pki.at_public_cert),
            "client_cert": str(self.pki.client_cert),
            "client_key": str(self.pki.client_key),
            "ca_bundle": str(self.pki.ca_cert),
            "series_url": self.url("series"),
            "invoices_url": self.url("invoices"),
            "transport_url": self.url("transport"),
        }

    def config(self, **overrides: Any) -> ATConfig:
        """An ``ATConfig`` for this sandbox; environment variables are deliberately ignored."""
        mapping = self.config_mapping(overrides.pop("username", None),
                                      overrides.pop("password", None))
        mapping.update(overrides)
        return ATConfig.from_mapping(mapping, env={})

    # -- test controls -----------------------------------------------------------------------

    def inject(self, kind: str, **kw: Any) -> Fault:
        """Queue a fault (see ``Fault``); kinds: timeout, http500, soap_fault, reset, reject."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; use one of {FAULT_KINDS}")
        fault = Fault(kind, **kw)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def requests_for(self, service: str | None = None, operation: str | None = None
                     ) -> list[Received]:
        with self._lock:
            return [r for r in self.received if service in (None, r.service)
                    and operation in (None, r.operation)]

    def phoned(self, document_number: str, code: str, nif: str = "599999993", *,
               answer_code: str | None = None) -> None:
        """Imitate AT's phone service for a paper guide (see ``TransportService.phoned``)."""
        with self._lock:
            self.services["transport"].phoned(  # type: ignore[attr-defined]
                nif, document_number, code, answer_code)

    def accepted_count(self, service: str, key: str) -> int:
        """How many requests for document ``key`` AT-sandbox accepted (1 = exactly once)."""
        return sum(1 for r in self.requests_for(service) if r.key == key and r.accepted)

    # -- request handling --------------------------------------------------------------------

    def _note_tls_failure(self, exc: Exception) -> None:
        with self._lock:
            self.tls_failures.append(str(exc))
        log.debug("sandbox: TLS handshake refused: %s", exc)

    def _send(self, h: _Handler, status: int, body: bytes,
              ctype: str = "text/xml; charset=utf-8") -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            if h.close_connection:
                h.send_header("Connection", "close")  # or the client reuses a dead socket
            h.end_headers()
            h.wfile.write(body)
        except OSError:
            h.close_connection = True  # the client gave up (e.g. after its timeout)

    def _handle(self, h: _Handler) -> None:
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        service = self._by_path.get(h.path.split("?")[0].rstrip("/"))
        with self._lock:
            rec = Received(len(self.received) + 1, service.name if service else None, None,
                           h.path, dict(h.headers), body, dt.datetime.now(dt.UTC))
            self.received.append(rec)
        if service is None:
            return self._send(h, 404, b"Not found\n", "text/plain")
        try:
            envelope = etree.fromstring(body, etree.XMLParser(resolve_entities=False,
                                                              no_network=True))
            element = envelope.find(f"{{{SOAP11_NS}}}Body")[0]
        except (etree.XMLSyntaxError, TypeError, IndexError):
            outcome = service.invalid_request()
            rec.code, rec.status = outcome.code, outcome.status
            return self._send(h, outcome.status, outcome.body)
        rec.operation = service.operation(element)
        rec.key = service.key(rec.operation, element)
        with self._lock:
            fault = self._take_fault(service.name, rec.operation)
        if fault is not None:
            rec.fault = fault.kind
        outcome = None
        if fault is None or fault.kind == "reject" or fault.process:
            try:
                outcome = self._process(service, rec, envelope, element, fault)
            except Exception as exc:  # a sandbox bug must fail the test, not hang the client
                log.exception("sandbox: internal error")
                with self._lock:
                    self.internal_errors.append(f"{type(exc).__name__}: {exc}")
                outcome = Outcome(500, responses.fault("S:Server", "sandbox bug"), "BUG")
            rec.code, rec.accepted = outcome.code, outcome.accepted
        if fault is None or fault.kind == "reject":
            rec.status = outcome.status
            return self._send(h, outcome.status, outcome.body)
        self._misbehave(h, fault, outcome)

    def _take_fault(self, service: str, operation: str | None) -> Fault | None:
        for fault in self._faults:
            if fault.matches(service, operation):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _process(self, service: Service, rec: Received, envelope: etree._Element,
                 element: etree._Element, fault: Fault | None) -> Outcome:
        op = rec.operation or ""
        with self._lock:
            try:
                creds = self._checker.check(envelope)
            except AuthFailure as failure:
                rec.username, rec.auth_error = failure.username, failure.code
                return service.auth_failed(op, failure)
            rec.username = creds.username
            rec.schema_errors = validation_errors(service.schema, element)
            if rec.schema_errors:
                return service.invalid(op, rec.schema_errors)
            if fault is not None and fault.kind == "reject":
                code = fault.code if fault.code is not None else (
                    4003 if service.name == "series" else -1)
                return service.reject(op, element, int(code),
                                      fault.message or "Rejeitado pelo sandbox (teste)")
            return service.handle(op, element, creds)

    def _misbehave(self, h: _Handler, fault: Fault, outcome: Outcome | None) -> None:
        h.close_connection = True
        if fault.kind == "timeout":
            # Processed first (process=True) = AT has it but the answer is late or lost.
            if not self._stopping.wait(fault.delay) and outcome is not None:
                self._send(h, outcome.status, outcome.body)
        elif fault.kind == "http500":
            body = _HTML_ERROR % str(fault.status).encode() if fault.body is None else fault.body
            self._send(h, fault.status, body, fault.content_type)
        elif fault.kind == "soap_fault":
            self._send(h, 500, responses.fault(str(fault.code or "S:Server"),
                                               fault.message or "Erro interno (sandbox)"))
        elif fault.kind == "reset":
            # SO_LINGER 0: when _Server.finish_request closes the socket, the kernel sends a
            # TCP RST instead of a polite FIN, like a dropped mobile link or a killed proxy.
            with contextlib.suppress(OSError):
                h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        struct.pack("ii", 1, 0))
