"""What the sandbox answers, service by service, following AT's manuals (FISCAL-PT §4, §6).

State lives in memory and is guarded by the caller's lock. Every answer is validated
against the official WSDL schema before it leaves, so a sandbox bug cannot teach the
client to accept something AT would never send.
"""

from __future__ import annotations

import datetime as dt
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..models import DOC_CLASS
from ..wsdl_schema import load_wsdl_schema, validation_errors
from . import responses as r
from .security import AuthFailure, Credentials

_ALNUM = string.ascii_uppercase + string.digits


class SandboxBug(Exception):
    """The sandbox built an answer its own WSDL refuses."""


@dataclass(frozen=True)
class Outcome:
    status: int
    body: bytes
    code: int | str
    key: str | None = None
    accepted: bool = False


def new_code(length: int, taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(_ALNUM) for _ in range(length))
        if code not in taken:
            taken.add(code)
            return code


class Service:
    name = ""
    path = ""
    wsdl_file = ""
    ns = ""
    qualified = False

    def __init__(self, wsdl_dir: Path):
        self.schema = load_wsdl_schema(Path(wsdl_dir) / self.wsdl_file)

    # request helpers
    def operation(self, element: etree._Element) -> str:
        return etree.QName(element).localname

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.qualified else name

    def get(self, element: etree._Element, path: str) -> str | None:
        node = element.find("/".join(self.q(p) for p in path.split("/")))
        return node.text.strip() if node is not None and node.text else None

    def key(self, op: str, element: etree._Element) -> str | None:
        return None

    # answers
    def answer(self, name: str, data: dict[str, Any], code: int | str, *, key: str | None = None,
               accepted: bool = False) -> Outcome:
        element = r.response_element(self.ns, name, data, qualified=self.qualified)
        problems = validation_errors(self.schema, element)
        if problems:
            raise SandboxBug(f"{name}: {problems}")
        return Outcome(200, r.envelope(element), code, key, accepted)

    def fault(self, code: str, message: str, detail: str | None = None) -> Outcome:
        return Outcome(500, r.fault(code, message, detail), "FAULT")

    def invalid_request(self) -> Outcome:
        """The body is not a SOAP envelope: without an operation there is no typed answer."""
        return self.fault("S:Client", "Pedido SOAP inválido")

    def auth_failed(self, op: str, failure: AuthFailure) -> Outcome:
        raise NotImplementedError

    def invalid(self, op: str, problems: list[str]) -> Outcome:
        raise NotImplementedError

    def reject(self, op: str, element: etree._Element, code: int, message: str) -> Outcome:
        raise NotImplementedError

    def handle(self, op: str, element: etree._Element, creds: Credentials) -> Outcome:
        raise NotImplementedError


class SeriesService(Service):
    """SeriesWSService: result codes 2001-2004 / 4xxx / 5000 in ``infoResultOper``."""

    name = "series"
    path = "/SeriesWSService"
    wsdl_file = "SeriesWSService.wsdl"
    ns = "http://at.gov.pt/"

    def __init__(self, wsdl_dir: Path):
        super().__init__(wsdl_dir)
        self.series: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._codes: set[str] = set()
        # AT's calendar, against which a start date is judged (4049). A test may pin it, so
        # "the day turned at AT" does not depend on when the test runs.
        self.today: Callable[[], dt.date] = dt.date.today

    def key(self, op: str, element: etree._Element) -> str | None:
        serie, tipo = self.get(element, "serie"), self.get(element, "tipoDoc")
        return f"{tipo}:{serie}" if serie and tipo else None

    def _resp(self, op: str, code: int, msg: str, info: Any = None, *, key: str | None = None,
              accepted: bool = False) -> Outcome:
        body = {"infoSerie": info, "infoResultOper": {"codResultOper": code,
                                                      "msgResultOper": msg[:250]}}
        return self.answer(f"{op}Response", {f"{op}Resp": body}, code, key=key,
                           accepted=accepted)

    def auth_failed(self, op: str, failure: AuthFailure) -> Outcome:
        # The series manuals list no auth codes; AT answers a SOAP fault here.
        return self.fault("S:Client", f"Erro de autenticação: {failure.code} - {failure.text}")

    def invalid(self, op: str, problems: list[str]) -> Outcome:
        return self._resp(op, 4000, "Erro de validação. Por favor contacte o seu suporte "
                          f"técnico [{'; '.join(problems)}]")

    def reject(self, op: str, element: etree._Element, code: int, message: str) -> Outcome:
        return self._resp(op, code, message, key=self.key(op, element))

    def handle(self, op: str, el: etree._Element, creds: Credentials) -> Outcome:
        return getattr(self, f"_{op}")(op, el, creds)

    def _registarSerie(self, op: str, el: etree._Element, creds: Credentials) -> Outcome:
        serie, tipo, classe = (self.get(el, n) or "" for n in ("serie", "tipoDoc", "classeDoc"))
        key = self.key(op, el)
        if classe not in DOC_CLASS.values():
            return self._resp(op, 4045, "O valor indicado na Classe do Documento deve "
                              "corresponder a um valor predefinido", key=key)
        if DOC_CLASS.get(tipo) != classe:
            return self._resp(op, 4046, "O valor indicado no Tipo de Documento deve corresponder "
                              "a um valor válido de acordo com a Classe do Documento indicada.",
                              key=key)
        if self.get(el, "tipoSerie") not in ("N", "F", "R") or self.get(
                el, "meioProcessamento") not in ("PI", "PF", "OM"):
            return self._resp(op, 4003, "Não foi possível registar a Série. Por favor corrija "
                              "os erros nos campos assinalados. [tipoSerie/meioProcessamento]",
                              key=key)
        start = dt.date.fromisoformat(self.get(el, "dataInicioPrevUtiliz") or "")
        if start < self.today():
            return self._resp(op, 4049, "O valor indicado no início previsto de utilização deve "
                              "ser superior ou igual à data atual do sistema.", key=key)
        ident = (creds.nif, tipo, serie.upper())  # uniqueness is case-insensitive
        if ident in self.series:
            return self._resp(op, 4001, f"Não foi possível registar a Série. A Série {serie} "
                              f"indicada para o tipo de documento {tipo} já foi registada.",
                              key=key)
        code = new_code(8, self._codes)
        now = dt.datetime.now().replace(microsecond=0)
        info = {
            "serie": serie, "tipoSerie": self.get(el, "tipoSerie"), "classeDoc": classe,
            "tipoDoc": tipo, "numInicialSeq": int(self.get(el, "numInicialSeq") or 1),
            "numFinalSeq": None, "dataInicioPrevUtiliz": start, "seqUltimoDocEmitido": None,
            "meioProcessamento": self.get(el, "meioProcessamento"),
            "numCertSWFatur": int(self.get(el, "numCertSWFatur") or 0),
            "codValidacaoSerie": code, "dataRegisto": now.date(), "estado": "A",
            "motivoEstado": None, "justificacao": None, "dataEstado": now,
            "nifComunicou": creds.nif,
        }
        self.series[ident] = info
        return self._resp(op, 2001, "Série registada com sucesso. O estado ficou ativo e foi "
                          f"atribuído o seguinte código de validação: {code}", info, key=key,
                          accepted=True)

    def _find(self, el: etree._Element, creds: Credentials) -> dict[str, Any] | None:
        ident = (creds.nif, self.get(el, "tipoDoc") or "", (self.get(el, "serie") or "").upper())
        info = self.series.get(ident)
        if info is None or info["codValidacaoSerie"] != self.get(el, "codValidacaoSerie"):
            return None
        return info

    def _finalizarSerie(self, op: str, el: etree._Element, creds: Credentials) -> Outcome:
        info, key = self._find(el, creds), self.key(op, el)
        if info is None or info["estado"] != "A":
            return self._resp(op, 4005, "Não foi possível finalizar a Série. [série inexistente "
                              "ou não ativa]", key=key)
        last = int(self.get(el, "seqUltimoDocEmitido") or 0)
        if last < info["numInicialSeq"]:
            return self._resp(op, 4047, "O número do último documento emitido deve ser superior "
                              "ao número inicial da sequência.", key=key)
        info.update(estado="F", seqUltimoDocEmitido=last, justificacao=self.get(
            el, "justificacao"), dataEstado=dt.datetime.now().replace(microsecond=0))
        return self._resp(op, 2004, "Série finalizada com sucesso.", info, key=key, accepted=True)

    def _anularSerie(self, op: str, el: etree._Element, creds: Credentials) -> Outcome:
        info, key = self._find(el, creds), self.key(op, el)
        if self.get(el, "motivo") != "ER":
            return self._resp(op, 4051, "O valor indicado no motivo de anulação deve "
                              "corresponder a um valor pré-definido.", key=key)
        if self.get(el, "declaracaoNaoEmissao") not in ("true", "1"):
            return self._resp(op, 4004, "Não foi possível anular a comunicação da Série. "
                              "[declaração de não emissão em falta]", key=key)
        if info is None or info["estado"] != "A":
            return self._resp(op, 4004, "Não foi possível anular a comunicação da Série. "
                              "[série inexistente ou não ativa]", key=key)
        info.update(estado="N", motivoEstado="ER",
                    dataEstado=dt.datetime.now().replace(microsecond=0))
        return self._resp(op, 2003, "Comunicação da Série anulada com sucesso.", info, key=key,
                          accepted=True)

    def _consultarSeries(self, op: str, el: etree._Element, creds: Credentials) -> Outcome:
        start, end = self.get(el, "dataRegistoDe"), self.get(el, "dataRegistoAte")
        if start and end and end < start:
            return self._resp(op, 4048, "A data fim tem de ser superior ou igual à data início.")
        found = []
        for (nif, _, _), info in sorted(self.series.items()):
            checks = [("serie", lambda v, i=info: i["serie"].upper() == v.upper())]
            checks += [(n, lambda v, i=info, n=n: str(i[n]) == v) for n in (
                "tipoSerie", "classeDoc", "tipoDoc", "codValidacaoSerie", "estado",
                "meioProcessamento")]
            if nif != creds.nif or not all(
                    test(v) for name, test in checks if (v := self.get(el, name)) is not None):
                continue
            registered = info["dataRegisto"].isoformat()
            if (start and registered < start) or (end and registered > end):
                continue
            found.append(info)
        return self._resp(op, 2002, "Consulta efetuada com sucesso.", found or None)
