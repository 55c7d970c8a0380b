"""The shared SOAP plumbing: HTTPS session, zeep client per service, error mapping.

Every way a call can fail ends as one ``sync.errors`` class, so the outbox worker never
sees a requests, urllib3, ssl or zeep exception.
"""

from __future__ import annotations

import functools
import logging
import re
import ssl
from pathlib import Path
from typing import Any

import requests
import zeep
import zeep.exceptions
import zeep.helpers
from lxml import etree
from zeep.transports import Transport
from zeep.wsdl import Document

from . import errors as e
from .config import ATConfig
from .wsdl_schema import load_wsdl_schema, validation_errors
from .wsse import SOAP11_NS, ATWsse

log = logging.getLogger(__name__)

# FISCAL-PT §5.1: authentication codes shared by the three services (positive numbers).
AUTH_CODES = frozenset({*range(1, 21), 33, 50, 51, 52, 99})
# AT puts the numeric auth code first: "99 - Erro na validação da senha" (maybe after "...:").
_FAULT_CODE_RE = re.compile(r"(?:^|:)\s*(\d{1,2})\s*[-–]\s")
_AUTH_WORDS = ("autentica", "senha", "credencia", "password", "unauthori")


def check_files(config: ATConfig, services: tuple[str, ...]) -> None:
    """Fail early, in Portuguese, when a configured file is missing."""
    wanted: list[tuple[str, Path | None]] = [
        ("certificado da chave pública da AT", config.at_public_cert),
        ("certificado do cliente (TLS)", config.client_cert),
        ("chave do certificado do cliente", config.client_key),
        ("CA de confiança", config.ca_bundle),
    ]
    wanted += [(f"WSDL {s}", config.wsdl_path(s)) for s in services]
    for label, path in wanted:
        if path is not None and not Path(path).is_file():
            raise e.ConfigurationError(
                f"Ficheiro em falta para a ligação à AT ({label}): {path}.")


def build_session(config: ATConfig) -> requests.Session:
    """An HTTPS session with mutual TLS that ignores the process environment.

    ``trust_env=False`` matters: with REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE set (common on CI
    and corporate PCs) requests silently drops ``verify`` (LIBRARIES §2.3); it also keeps
    proxies and .netrc from the environment out of fiscal traffic.
    """
    session = requests.Session()
    session.trust_env = False
    session.verify = str(config.ca_bundle) if config.ca_bundle else True
    if config.client_cert is not None and config.client_key is not None:
        if config.client_key_password:
            session.mount("https://", _KeyPasswordAdapter(
                str(config.client_cert), str(config.client_key), config.client_key_password))
        else:
            session.cert = (str(config.client_cert), str(config.client_key))
    else:
        log.warning("AT: no client certificate configured; AT refuses calls without one")
    return session


class _KeyPasswordAdapter(requests.adapters.HTTPAdapter):
    """Mutual TLS with an encrypted client key (requests' ``cert`` cannot take a password):
    the key is opened once, into this adapter's TLS context."""

    def __init__(self, cert: str, key: str, password: str):
        self._context = ssl.create_default_context()
        try:
            self._context.load_cert_chain(cert, key, password)
        except (ssl.SSLError, OSError) as exc:
            raise e.ConfigurationError(f"Não foi possível abrir o certificado do cliente para "
                                       f"a AT: {exc}.") from None
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_context"] = self._context
        return super().init_poolmanager(*args, **kwargs)


class LocalSchemaError(Exception):
    """Raised inside zeep (egress) when a request breaks the WSDL schema; never sent."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


class _SchemaCheck(zeep.Plugin):
    def __init__(self, schema: etree.XMLSchema):
        self._schema = schema

    def egress(self, envelope, http_headers, operation, binding_options):
        body = envelope.find(f"{{{SOAP11_NS}}}Body")
        for element in body if body is not None else ():
            problems = validation_errors(self._schema, element)
            if problems:
                raise LocalSchemaError(problems)
        return envelope, http_headers


_SETTINGS = zeep.Settings(strict=False, xml_huge_tree=False)


@functools.lru_cache(maxsize=8)
def _wsdl_document(path: str, mtime_ns: int) -> Document:
    """Parse a local WSDL once per process (50-100 ms each); clients share the result.

    The parsed document is only read afterwards; calls go through each client's own
    transport, so sharing it does not share sessions or credentials.
    """
    loader = Transport(session=requests.Session(), cache=None)
    loader.session.trust_env = False
    return Document(path, loader, settings=_SETTINGS)


class ServiceClient:
    """One zeep client bound to one AT service. Not thread-safe: one per worker thread."""

    service: str = ""
    label: str = ""
    binding: str = ""

    def __init__(self, config: ATConfig, session: requests.Session, wsse: ATWsse):
        self.config = config
        wsdl = config.wsdl_path(self.service)
        plugins = [_SchemaCheck(load_wsdl_schema(wsdl))] if config.validate_requests else []
        transport = Transport(session=session, operation_timeout=config.timeout, cache=None)
        try:
            document = _wsdl_document(str(wsdl), wsdl.stat().st_mtime_ns)
            self._client = zeep.Client(document, transport=transport, wsse=wsse,
                                       plugins=plugins, settings=_SETTINGS)
        except (OSError, zeep.exceptions.Error, etree.XMLSyntaxError) as exc:
            raise e.ConfigurationError(
                f"Não foi possível ler o WSDL {wsdl}: {exc}.", detail=repr(exc)) from exc
        self._service = self._client.create_service(self.binding, config.endpoint(self.service))

    def call(self, operation: str, **kwargs: Any) -> Any:
        """Invoke ``operation`` and return the reply as plain dicts/lists."""
        log.debug("AT %s.%s -> %s", self.service, operation, self.config.endpoint(self.service))
        try:
            # raw_response: look at what came back before zeep parses it. zeep trusts the
            # Content-Type, and a "text/xml" error page that is not a SOAP envelope (a proxy's
            # HTML, a bare "Internal Server Error") ends inside zeep as an AttributeError.
            with self._client.settings(raw_response=True):
                response = getattr(self._service, operation)(**kwargs)
            shape = soap_shape(response.content)
            if shape is None or (shape == ENVELOPE and response.status_code >= 400):
                # Not SOAP at all, or an error status with no Fault to explain it.
                raise self._translate_http(response.status_code, response.text[:300])
            binding = self._service._binding
            reply = binding.process_reply(self._client, binding.get(operation), response)
        except e.SyncError:
            raise
        except Exception as exc:  # every foreign exception is translated below
            raise self._translate(exc) from exc
        log.debug("AT %s.%s <- HTTP %s", self.service, operation, response.status_code)
        return zeep.helpers.serialize_object(reply, dict)

    # -- error translation -------------------------------------------------------------

    def _translate(self, exc: Exception) -> e.SyncError:
        svc = self.label
        kw: dict[str, Any] = {"detail": repr(exc), "service": self.service}
        if isinstance(exc, LocalSchemaError):
            return e.Rejected(
                "XSD",
                f"O pedido não respeita o formato exigido pela AT ({svc}) e não foi enviado: "
                f"{'; '.join(exc.problems[:3])}. Corrija os dados do documento.",
                detail=str(exc), service=self.service)
        if isinstance(exc, zeep.exceptions.Fault):
            return self._translate_fault(exc)
        if isinstance(exc, zeep.exceptions.TransportError):
            return self._translate_http(exc.status_code, str(exc))
        if isinstance(exc, requests.exceptions.SSLError):
            return self._translate_tls(exc)
        if isinstance(exc, requests.exceptions.Timeout):
            return e.unreachable("tempo limite esgotado", **kw)
        if isinstance(exc, requests.exceptions.RequestException):
            return e.unreachable("falha de rede ou ligação interrompida", **kw)
        if isinstance(exc, zeep.exceptions.XMLSyntaxError | etree.XMLSyntaxError):
            return e.unreachable("resposta ilegível", **kw)
        if isinstance(exc, zeep.exceptions.ValidationError | TypeError):
            # zeep refuses a missing mandatory element or an unknown field before sending.
            return e.Rejected("LOCAL", f"Dados incompletos para a AT ({svc}): {exc}. "
                              "O documento não foi enviado; corrija-o.", **kw)
        if isinstance(exc, OSError):
            # requests raises a bare OSError when a certificate or key file is unreadable.
            return e.ConfigurationError(
                f"Não foi possível usar os certificados configurados para a AT: {exc}.", **kw)
        # Whatever else: the class name goes to the log (detail), never to the manager.
        return e.unreachable("resposta que não foi possível interpretar", **kw)

    def _translate_tls(self, exc: Exception) -> e.SyncError:
        text = str(exc)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
            what = ("o certificado do servidor não é de confiança (verifique a CA configurada "
                    "ou se há um proxy a intercetar a ligação)")
        else:
            # With TLS 1.3 a refused client certificate often surfaces only as an EOF, so any
            # TLS failure is treated as "stop": retrying a refused certificate never helps.
            what = ("a ligação segura foi recusada; o certificado do cliente pode estar "
                    "expirado, revogado ou não ser o assinado pela AT para este ambiente")
        return e.auth_failed(what, code="TLS", detail=text, service=self.service)

    def _translate_http(self, status: int, detail: str) -> e.SyncError:
        kw: dict[str, Any] = {"code": status, "detail": detail, "service": self.service}
        if status == 200:
            return e.unreachable("resposta que não é SOAP; um proxy ou portal de rede pode "
                                 "estar no caminho", **kw)
        if status in (401, 403):
            return e.auth_failed(f"HTTP {status}, acesso negado", **kw)
        if status in (404, 405):
            return e.ConfigurationError(
                f"O endereço configurado para {self.label} não é um serviço AT (HTTP {status}): "
                f"{self.config.endpoint(self.service)}.", **kw)
        if 400 <= status < 500 and status not in (408, 429):
            kw.pop("code")
            return e.rejected(self.label, f"HTTP {status}", "pedido recusado", **kw)
        if status and status >= 500:
            return e.server_failed(self.label, status, **kw)
        return e.unreachable(f"HTTP {status or 'sem estado'}", **kw)

    def _translate_fault(self, exc: zeep.exceptions.Fault) -> e.SyncError:
        text = (exc.message or "").strip()
        code = str(exc.code or "")
        match = _FAULT_CODE_RE.search(text)
        auth_code = int(match.group(1)) if match else None
        if (auth_code in AUTH_CODES) or any(w in text.lower() for w in _AUTH_WORDS):
            return e.auth_failed(text or "falha de autenticação",
                                 code=auth_code if auth_code is not None else code,
                                 at_message=text, detail=code, service=self.service)
        if not code or code.endswith("Server"):
            # A Fault without a faultcode, or AT saying the fault is on its side.
            return e.server_failed(self.label, "SOAP Fault", text, code=code or None,
                                   at_message=text, detail=str(exc.detail),
                                   service=self.service)
        return e.rejected(self.label, code, text, service=self.service)


ENVELOPE, FAULT = "envelope", "fault"
_SOAP_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def soap_shape(content: bytes) -> str | None:
    """``FAULT``, ``ENVELOPE`` (an answer), or None when the body is not SOAP 1.1 at all.

    AT's answers are a few kilobytes, so parsing them once more here costs microseconds.
    """
    if not content or not content.strip():
        return None
    try:
        root = etree.fromstring(content, _SOAP_PARSER)
    except etree.XMLSyntaxError:
        return None
    if root.tag != f"{{{SOAP11_NS}}}Envelope":
        return None
    fault = root.find(f"{{{SOAP11_NS}}}Body/{{{SOAP11_NS}}}Fault")
    return FAULT if fault is not None else ENVELOPE
