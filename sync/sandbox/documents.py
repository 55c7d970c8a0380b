"""Sandbox answers for documents: fatcorews (e-Fatura) and sgdtws (transport documents)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .security import AuthFailure, Credentials
from .services import Outcome, Service, new_code


def _now() -> dt.datetime:
    """AT's clock: local time, as the naive ``AAAA-MM-DDThh:mm:ss`` values it compares."""
    return dt.datetime.now().replace(microsecond=0)


def _local(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    when = dt.datetime.fromisoformat(text)
    return when.astimezone().replace(tzinfo=None) if when.tzinfo else when


def _content(element: etree._Element) -> bytes:
    """Canonical bytes of a document, to tell an identical resend from a different one."""
    copy = etree.fromstring(etree.tostring(element))
    for node in copy.iter():
        if node.text is not None:
            node.text = node.text.strip()
        node.tail = None
    return etree.tostring(copy, method="c14n")


@dataclass
class _Stored:
    content: bytes
    status: str
    code: str | None = None
    start: dt.datetime | None = None       # a guide's MovementStartTime
    answer_code: str | None = None         # see TransportService.phoned


@dataclass(frozen=True)
class _Codes:
    """The data codes one fatcorews operation answers with (FATCORE §2.2.4).

    Each operation has its own table: "already registered" is -10 for an invoice, -22 for a
    working document and -25 for a receipt; "no such document" is -11, -19 or -38.
    """

    already: tuple[int, str] | None = None         # Register*: the same document again
    different: tuple[int, str] | None = None       # Register*: same number, other values
    missing: tuple[int, str] | None = None         # Change*Status: never registered
    invalid_change: tuple[int, str] | None = None  # Change*Status: a change that makes no sense


_ALREADY = "O documento já foi registado pelo emitente"
_MISSING = "O documento não existe"
CODES = {
    "RegisterInvoice": _Codes(already=(-10, _ALREADY),
                              different=(-3, "Documento registado com valores diferentes")),
    "ChangeInvoiceStatus": _Codes(missing=(-11, _MISSING),
                                  invalid_change=(-12, "Estado de documento inválido")),
    # RegisterWork lists no "different values" code: -22 answers both.
    "RegisterWork": _Codes(already=(-22, _ALREADY), different=(-22, _ALREADY)),
    "ChangeWorkStatus": _Codes(missing=(-19, _MISSING),
                               invalid_change=(-37, "Alteração de estado não permitida")),
    "RegisterPayment": _Codes(already=(-25, _ALREADY), different=(-25, _ALREADY)),
    # ChangePaymentStatus lists no "invalid state" code; its nearest is "incoherent input".
    "ChangePaymentStatus": _Codes(missing=(-38, _MISSING),
                                  invalid_change=(-26, "Parâmetros de entrada incoerentes")),
}


class FatcoreService(Service):
    """fatcorews: ``CodigoResposta`` 0 = success; auth codes positive; data codes negative."""

    name = "invoices"
    path = "/fatcorews/ws/"
    wsdl_file = "fatcorews.wsdl"
    ns = "http://factemi.at.min_financas.pt/documents"
    qualified = True

    # operation -> (kind, element holding the document, number element, status element)
    OPS = {
        "RegisterInvoice": ("invoice", "InvoiceData", "InvoiceNo", "DocumentStatus/InvoiceStatus"),
        "ChangeInvoiceStatus": ("invoice", "InvoiceHeader", "InvoiceNo",
                                "InvoiceStatus/InvoiceStatus"),
        "RegisterWork": ("work", "WorkData", "DocumentNumber", "DocumentStatus/WorkStatus"),
        "ChangeWorkStatus": ("work", "WorkHeader", "DocumentNumber", "WorkStatus/WorkStatus"),
        "RegisterPayment": ("payment", "PaymentData", "PaymentRefNo",
                            "DocumentStatus/PaymentStatus"),
        "ChangePaymentStatus": ("payment", "PaymentHeader", "PaymentRefNo",
                                "PaymentStatus/PaymentStatus"),
    }

    def __init__(self, wsdl_dir: Path):
        super().__init__(wsdl_dir)
        self.documents: dict[tuple[str, str, str], _Stored] = {}

    def operation(self, element: etree._Element) -> str:
        return etree.QName(element).localname.removesuffix("Request")

    def key(self, op: str, element: etree._Element) -> str | None:
        if op not in self.OPS:
            return None
        _, part, number, _ = self.OPS[op]
        return self.get(element, f"{part}/{number}")

    def _resp(self, op: str, code: int, msg: str, *, key: str | None = None,
              accepted: bool = False) -> Outcome:
        now = dt.datetime.now().replace(microsecond=0)
        return self.answer(f"{op}Response", {"Response": {
            "CodigoResposta": code, "Mensagem": msg[:256], "DataOperacao": now}}, code,
            key=key, accepted=accepted)

    def auth_failed(self, op: str, failure: AuthFailure) -> Outcome:
        return self._resp(op, failure.code, failure.text)

    def invalid(self, op: str, problems: list[str]) -> Outcome:
        return self.fault("S:Client", "Validation error", "; ".join(problems))

    def reject(self, op: str, element: etree._Element, code: int, message: str) -> Outcome:
        return self._resp(op, code, message, key=self.key(op, element))

    def handle(self, op: str, el: etree._Element, creds: Credentials) -> Outcome:
        key = self.key(op, el)
        if self.get(el, "TaxRegistrationNumber") != creds.nif:
            return self._resp(op, -16, "Utilizador não tem permissões para registar documentos "
                              "com o NIF de emitente indicado", key=key)
        if op not in self.OPS:  # Delete*: accepted, nothing the client here relies on
            return self._resp(op, 0, "Operação efetuada com sucesso", accepted=True)
        kind, part, _, status_path = self.OPS[op]
        ident = (creds.nif, kind, key or "")
        stored = self.documents.get(ident)
        status = self.get(el, status_path) or "N"
        codes = CODES[op]
        if op.startswith("Register"):
            content = _content(el.find(self.q(part)))
            if stored is not None:
                code, msg = codes.already if stored.content == content else codes.different
                return self._resp(op, code, msg, key=key)
            self.documents[ident] = _Stored(content, status)
            return self._resp(op, 0, "Operação efetuada com sucesso", key=key, accepted=True)
        if stored is None:
            return self._resp(op, *codes.missing, key=key)
        # Only a document in force can change state: the same state again (cancelling
        # twice) or reviving a cancelled one is refused.
        if stored.status == status or stored.status == "A":
            return self._resp(op, *codes.invalid_change, key=key)
        stored.status = status
        return self._resp(op, 0, "Operação efetuada com sucesso", key=key, accepted=True)


class TransportService(Service):
    """sgdtws: ``ReturnCode`` 0 = registered, with the ATDocCodeID AT assigns."""

    name = "transport"
    path = "/sgdtws/documentosTransporte"
    wsdl_file = "documentosTransporte.wsdl"
    ns = "https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/"
    OP = "envioDocumentoTransporte"
    # sgdtws numbers a few authentication failures differently (FISCAL-PT §5.1).
    AUTH_CODES = {"no_header": 50, "bad_created_format": 10, "expired": 11, "repeated_key": 13}

    def __init__(self, wsdl_dir: Path):
        super().__init__(wsdl_dir)
        self.documents: dict[tuple[str, str], _Stored] = {}
        self._codes: set[str] = set()

    def phoned(self, nif: str, document_number: str, code: str,
               answer_code: str | None = None) -> None:
        """AT's phone service gave ``code`` for a guide written on paper (RBC5 n.º 6 b); the
        full data sent later with that ATDocCodeID is then accepted as its completion.

        ``answer_code``: the completion is answered with this other ATDocCodeID, as a shop
        saw happen (issue 16); the phone code stays the one that identifies the guide.
        """
        self.documents[(nif, document_number)] = _Stored(b"", "N", code,
                                                         answer_code=answer_code)
        self._codes.add(code)

    def operation(self, element: etree._Element) -> str:
        name = etree.QName(element).localname
        return self.OP if name == f"{self.OP}RequestElem" else name

    def key(self, op: str, element: etree._Element) -> str | None:
        return self.get(element, "DocumentNumber")

    def _resp(self, code: int, msg: str, el: etree._Element | None = None,
              at_code: str | None = None, *, accepted: bool = False,
              alerts: tuple[tuple[int, str], ...] = ()) -> Outcome:
        number = self.get(el, "DocumentNumber") if el is not None else None
        statuses = [{"ReturnCode": c, "ReturnMessage": m[:256]}
                    for c, m in ((code, msg), *alerts)]
        data = {"ResponseStatus": statuses,
                "DocumentNumber": number,
                "ATCUD": self.get(el, "ATCUD") if el is not None else None,
                "ATDocCodeID": at_code}
        return self.answer(f"{self.OP}ResponseElem", data, code, key=number, accepted=accepted)

    def auth_failed(self, op: str, failure: AuthFailure) -> Outcome:
        return self._resp(self.AUTH_CODES.get(failure.reason, failure.code), failure.text)

    def invalid_request(self) -> Outcome:
        # sgdtws has one operation, so even an unreadable request gets its typed answer,
        # with the code the manual lists for it (SGDT §4.2: "33 - Pedido SOAP inválido").
        return self._resp(33, "Pedido SOAP inválido")

    def invalid(self, op: str, problems: list[str]) -> Outcome:
        return self._resp(-1, f"Parâmetro de entrada inválido: {'; '.join(problems)}")

    def reject(self, op: str, element: etree._Element, code: int, message: str) -> Outcome:
        return self._resp(code, message, element)

    def handle(self, op: str, el: etree._Element, creds: Credentials) -> Outcome:
        if self.get(el, "TaxRegistrationNumber") != creds.nif:
            return self._resp(-7, "O NIF do Remetente não corresponde ao NIF do Header do "
                              "pedido", el)
        ident = (creds.nif, self.get(el, "DocumentNumber") or "")
        stored = self.documents.get(ident)
        given = self.get(el, "ATDocCodeID")
        status = self.get(el, "MovementStatus") or "N"
        if given:  # a resend that updates (or cancels) a document AT already coded
            if stored is None or stored.code != given:
                return self._resp(-8, "O Código AT está preenchido mas não existe Documento de "
                                  "Transporte", el)
            if stored.status == "A":
                return self._resp(-4, "Já foi anulado o Documento de Transporte com o número "
                                  "fornecido", el)
            if status == "A" and stored.start is not None and stored.start <= _now():
                return self._resp(-13, "Não pode ser alterado um Documento de Transporte "
                                  "quando a Data de Início já decorreu", el)
            stored.status = status
            return self._resp(0, "Documento registado com sucesso.", el,
                              stored.answer_code or given, accepted=True)
        if stored is not None:
            return self._resp(-3, "Já foi inserido um Documento de Transporte com o número "
                              "fornecido", el)
        start = _local(self.get(el, "MovementStartTime"))
        if start is not None and start < _now():
            # SGDT §4.2 alert -100, and AT's FAQ: a guide communicated after its transport
            # started is accepted as a mere communication, without an identification code.
            self.documents[ident] = _Stored(_content(el), status, None, start)
            return self._resp(0, "Documento registado com sucesso.", el, None, accepted=True,
                              alerts=((-100, "A data início de transporte é inferior à data "
                                             "atual, pelo que esta informação será "
                                             "considerada uma mera comunicação de dados à "
                                             "AT"),))
        code = new_code(12, self._codes)
        self.documents[ident] = _Stored(_content(el), status, code, start)
        return self._resp(0, "Documento registado com sucesso.", el, code, accepted=True)
