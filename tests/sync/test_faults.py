"""Every way a call can fail lands in the right ``sync.errors`` class."""

from __future__ import annotations

import dataclasses
import datetime as dt
import socket
import ssl
import time

import pytest

from sync.clients import ATClients
from sync.errors import AuthError, ConfigurationError, Rejected, TransportError
from sync.sandbox import ATSandbox
from sync.wsse import ATWsse, build_security_header

from .conftest import eventually
from .factories import invoice, movement

CALLS = {
    "series": lambda c: c.series.consultar_series(),
    "invoices": lambda c: c.invoices.register_invoice(invoice()),
    "transport": lambda c: c.transport.envio_documento_transporte(movement()),
}


@pytest.mark.parametrize("service", CALLS)
@pytest.mark.parametrize("kind, extra, expected", [
    ("timeout", {"delay": 2}, TransportError),
    ("http500", {}, TransportError),
    ("http500", {"status": 503}, TransportError),
    ("soap_fault", {}, TransportError),
    ("soap_fault", {"code": "S:Client", "message": "Pedido inválido"}, Rejected),
    ("reset", {}, TransportError),
])
def test_injected_faults_map_to_error_classes(clients, config, sandbox, service, kind, extra,
                                              expected):
    sandbox.inject(kind, service=service, **extra)
    with ATClients(dataclasses.replace(config, read_timeout=0.3)) as impatient:
        with pytest.raises(expected) as err:
            CALLS[service](impatient if kind == "timeout" else clients)
    assert err.value.retryable is (expected is TransportError)
    assert sandbox.requests_for(service)[0].fault == kind
    # The fault was one-shot: the next call goes through.
    CALLS[service](clients)


@pytest.mark.parametrize("service, code, expected", [
    ("series", 4003, Rejected),
    ("series", 5000, TransportError),
    ("invoices", -7, Rejected),
    ("invoices", -99, TransportError),
    ("invoices", 99, AuthError),
    ("transport", -24, Rejected),
    ("transport", -99, TransportError),
])
def test_injected_business_codes(clients, sandbox, service, code, expected):
    sandbox.inject("reject", service=service, code=code, message="Motivo de teste")
    with pytest.raises(expected) as err:
        CALLS[service](clients)
    assert err.value.code == code and err.value.at_message == "Motivo de teste"


@pytest.mark.parametrize("service", CALLS)
def test_wrong_password_stops_the_queue(sandbox, service):
    with ATClients(sandbox.config(password="errada")) as clients:
        with pytest.raises(AuthError) as err:
            CALLS[service](clients)
    assert err.value.code == 99 and err.value.action == "stop"
    assert "senha" in str(err.value).lower() or "autentica" in str(err.value).lower()
    assert sandbox.received[0].auth_error == 99


class _NoHeader:
    def apply(self, envelope, headers):
        return envelope, headers

    def verify(self, envelope):
        return envelope


class _ReusedKey(ATWsse):
    """A broken signer that reuses its session key (AT refuses: 'chave simétrica repetida')."""

    def apply(self, envelope, headers):
        header = envelope.find("{http://schemas.xmlsoap.org/soap/envelope/}Header")
        if header is None:
            header = envelope.makeelement("{http://schemas.xmlsoap.org/soap/envelope/}Header")
            envelope.insert(0, header)
        header.append(build_security_header(self.username, self._password, self._public_key,
                                            session_key=b"k" * 16))
        return envelope, headers


@pytest.mark.parametrize("service, code", [("invoices", 1), ("transport", 50), ("series", 1)])
def test_missing_security_header(config, sandbox, service, code):
    with ATClients(config, wsse=_NoHeader()) as clients:
        with pytest.raises(AuthError) as err:
            CALLS[service](clients)
    assert err.value.code == code


def test_repeated_session_key_and_skewed_clock_are_refused(config, pki):
    with ATClients(config, wsse=_ReusedKey(config.username, config.password,
                                           pki.at_public_cert)) as clients:
        clients.invoices.register_invoice(invoice("FS A/1"))
        with pytest.raises(AuthError) as err:
            clients.invoices.register_invoice(invoice("FS A/2"))
        assert err.value.code == 12
    late = ATWsse(config.username, config.password, pki.at_public_cert,
                  clock=lambda: dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    with ATClients(config, wsse=late) as clients:
        with pytest.raises(AuthError) as err:
            clients.transport.envio_documento_transporte(movement())
        assert err.value.code == 11  # sgdtws: "Validade da credencial expirada"


@pytest.mark.parametrize("tls", [ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3])
def test_client_cert_from_another_ca_is_auth_error_and_not_retried(
        tmp_path, wsdl_dir, pki, rogue_client_cert, tls):
    with ATSandbox(tmp_path, wsdl_dir=wsdl_dir, pki=pki, tls_max_version=tls) as sandbox:
        cert, key = rogue_client_cert
        with ATClients(sandbox.config(client_cert=str(cert), client_key=str(key))) as clients:
            with pytest.raises(AuthError) as err:
                clients.series.consultar_series()
        assert err.value.code == "TLS" and err.value.retryable is False
        assert eventually(lambda: len(sandbox.tls_failures) >= 1)
        time.sleep(0.1)  # a hidden retry would show up as a second refused handshake
        assert len(sandbox.tls_failures) == 1
        assert sandbox.received == []


def test_no_client_cert_is_auth_error(sandbox):
    cfg = sandbox.config(client_cert="", client_key="")
    assert cfg.client_cert is None
    with ATClients(cfg) as clients, pytest.raises(AuthError):
        clients.series.consultar_series()


def test_untrusted_server_is_auth_error(sandbox, pki):
    # Trusting only the client certificate: the sandbox's server cert cannot be verified.
    with ATClients(sandbox.config(ca_bundle=str(pki.client_cert))) as clients:
        with pytest.raises(AuthError, match="servidor"):
            clients.series.consultar_series()


def test_nobody_listening_is_transport_error(sandbox):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"https://127.0.0.1:{port}/fatcorews/ws/"
    with ATClients(sandbox.config(invoices_url=url)) as clients:
        with pytest.raises(TransportError) as err:
            clients.invoices.register_invoice(invoice())
    assert err.value.action == "retry"


def test_wrong_path_is_a_configuration_error(sandbox):
    url = sandbox.url("invoices").replace("/fatcorews/ws/", "/nothing-here")
    with ATClients(sandbox.config(invoices_url=url)) as clients:
        with pytest.raises(ConfigurationError):
            clients.invoices.register_invoice(invoice())


def test_missing_files_fail_before_any_request(sandbox, tmp_path):
    with pytest.raises(ConfigurationError, match="certificado do cliente"):
        ATClients(sandbox.config(client_cert=str(tmp_path / "nope.pem")))
    with pytest.raises(ConfigurationError, match="WSDL"):
        ATClients(sandbox.config(wsdl_dir=str(tmp_path)))


def test_every_sync_error_is_a_pos_error_with_a_queue_action():
    import inspect

    import sync.errors as errors
    from pos.domain.at import ACTIONS, PARK, RECONCILE
    from pos.domain.errors import PosError

    defined = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if issubclass(c, BaseException) and c.__module__ == errors.__name__]
    assert {c.__name__ for c in defined} >= {"SyncError", "TransportError", "AuthError",
                                             "ConfigurationError", "Rejected",
                                             "AlreadyRegistered"}
    for cls in defined:
        assert issubclass(cls, errors.SyncError) and issubclass(cls, PosError), cls
        assert cls.action in (*ACTIONS, RECONCILE), cls
    refusal = errors.rejected("comunicação de faturas", -7, "Valores anómalos.")
    with pytest.raises(PosError) as caught:       # every interface catches the one family
        raise refusal
    assert "Valores anómalos" in str(caught.value) and caught.value.code == -7
    assert caught.value.action == PARK
@pytest.mark.parametrize("service", CALLS)
@pytest.mark.parametrize("body, ctype", [
    (b"Internal Server Error", "text/xml"),                     # was "AttributeError"
    (b"<html><body><h1>500</h1></body></html>", "text/xml; charset=utf-8"),
    (b"", "text/xml"),
    (b'{"error": "backend down"}', "application/json"),
    (b'<?xml version="1.0"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">'
     b'<S:Body/></S:Envelope>', "text/xml"),                    # an envelope, but no Fault
])
def test_http_500_without_a_soap_fault_says_ats_server_failed(clients, sandbox, service, body,
                                                               ctype):
    sandbox.inject("http500", service=service, body=body, content_type=ctype)
    with pytest.raises(TransportError) as err:
        CALLS[service](clients)
    text = str(err.value)
    assert "servidor da AT" in text and "HTTP 500" in text and "repetido" in text
    assert "inesperado" not in text and "Error" not in text     # no Python class names
    assert err.value.action == "retry" and err.value.code == 500


@pytest.mark.parametrize("service", ["invoices", "transport"])
@pytest.mark.parametrize("how, codes", [
    ("password", {"invoices": 99, "transport": 99}),
    ("expired", {"invoices": 10, "transport": 11}),
    ("no_header", {"invoices": 1, "transport": 50}),
])
def test_authentication_codes_come_inside_the_reply(config, sandbox, pki, service, how, codes):
    """fatcorews and sgdtws list the authentication codes among their return codes
    (FATCORE §2.2.4, SGDT §4.2): an ordinary HTTP 200 answer, not a SOAP fault."""
    if how == "password":
        clients = ATClients(dataclasses.replace(config, password="errada"))
    elif how == "expired":
        clients = ATClients(config, wsse=ATWsse(
            config.username, config.password, pki.at_public_cert,
            clock=lambda: dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)))
    else:
        clients = ATClients(config, wsse=_NoHeader())
    with clients, pytest.raises(AuthError) as err:
        CALLS[service](clients)
    (rec,) = sandbox.received
    assert (rec.status, rec.code, err.value.code) == (200, codes[service], codes[service])
    assert err.value.action == "stop"


def test_series_authentication_failure_is_a_soap_fault(config, sandbox):
    # The series manuals list no authentication codes (SER-E §2): a fault, still a stop.
    with ATClients(dataclasses.replace(config, password="errada")) as clients:
        with pytest.raises(AuthError) as err:
            clients.series.consultar_series()
    assert sandbox.received[0].status == 500 and err.value.code == 99


def test_an_unreadable_request_is_answered_33_by_sgdtws(clients, sandbox):
    answer = clients.session.post(sandbox.url("transport"), data=b"not soap",
                                  headers={"Content-Type": "text/xml"}, timeout=5)
    assert answer.status_code == 200 and b"<ReturnCode>33</ReturnCode>" in answer.content
    answer = clients.session.post(sandbox.url("invoices"), data=b"not soap",
                                  headers={"Content-Type": "text/xml"}, timeout=5)
    assert answer.status_code == 500 and b"Fault" in answer.content
