"""Typed clients for AT's three webservices: séries, fatcorews (e-Fatura) and sgdtws.

Each method sends one request and returns a frozen dataclass, or raises one of
``sync.errors`` (see the table there). Typical use, once per worker thread::

    clients = ATClients(ATConfig.from_mapping(settings))
    code = clients.series.registar_serie("A2025", "FS", 1, date.today()).cod_validacao_serie
    clients.invoices.register_invoice(invoice_data)   # SAF-T element names as dict keys
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from typing import Any

import requests

from . import errors as e
from .config import INVOICES, SERIES, SERVICES, TRANSPORT, ATConfig
from .models import (
    DOC_CLASS,
    FatcoreResult,
    SeriesInfo,
    SeriesQueryResult,
    SeriesResult,
    TransportResult,
    to_soap,
)
from .soap import AUTH_CODES, ServiceClient, build_session, check_files
from .wsse import ATWsse, CertificateStatus

log = logging.getLogger(__name__)

E_FATURA_MD_VERSION = "0.0.1"
AUDIT_FILE_VERSION = "1.04_01"
INVOICE_HEADER_FIELDS = ("InvoiceNo", "ATCUD", "InvoiceDate", "InvoiceType",
                         "SelfBillingIndicator", "CustomerTaxID", "CustomerTaxIDCountry")
WORK_HEADER_FIELDS = ("DocumentNumber", "ATCUD", "WorkDate", "WorkType", "CustomerTaxID",
                      "CustomerTaxIDCountry")


def _class_of(tipo_doc: str, classe_doc: str | None) -> str:
    if classe_doc:
        return classe_doc
    try:
        return DOC_CLASS[tipo_doc]
    except KeyError:
        raise e.Rejected("LOCAL", f"Tipo de documento desconhecido para a AT: {tipo_doc!r}.",
                         service=SERIES) from None


def _pick(data: Any, names: tuple[str, ...]) -> dict[str, Any]:
    plain = to_soap(data)
    return {k: plain[k] for k in names if k in plain}


class SeriesClient(ServiceClient):
    """SeriesWSService (FISCAL-PT §4). Success codes are 2001-2004; 4001 = already there."""

    service = SERIES
    label = "comunicação de séries"
    binding = "{http://at.gov.pt/}SeriesWSPortBinding"

    def registar_serie(
        self,
        serie: str,
        tipo_doc: str,
        num_inicial_seq: int,
        data_inicio_prev_utiliz: dt.date,
        *,
        tipo_serie: str = "N",
        classe_doc: str | None = None,
        num_cert_sw_fatur: int | None = None,
        meio_processamento: str = "PI",
    ) -> SeriesResult:
        reply = self.call(
            "registarSerie", serie=serie, tipoSerie=tipo_serie,
            classeDoc=_class_of(tipo_doc, classe_doc), tipoDoc=tipo_doc,
            numInicialSeq=num_inicial_seq, dataInicioPrevUtiliz=data_inicio_prev_utiliz,
            numCertSWFatur=(self.config.software_certificate_number
                            if num_cert_sw_fatur is None else num_cert_sw_fatur),
            meioProcessamento=meio_processamento)
        return self._result(reply)

    def consultar_series(
        self,
        *,
        serie: str | None = None,
        tipo_serie: str | None = None,
        classe_doc: str | None = None,
        tipo_doc: str | None = None,
        cod_validacao_serie: str | None = None,
        data_registo_de: dt.date | None = None,
        data_registo_ate: dt.date | None = None,
        estado: str | None = None,
        meio_processamento: str | None = None,
    ) -> SeriesQueryResult:
        reply = self.call(
            "consultarSeries", serie=serie, tipoSerie=tipo_serie, classeDoc=classe_doc,
            tipoDoc=tipo_doc, codValidacaoSerie=cod_validacao_serie,
            dataRegistoDe=data_registo_de, dataRegistoAte=data_registo_ate, estado=estado,
            meioProcessamento=meio_processamento)
        code, msg = self._check(reply)
        infos = reply.get("infoSerie") or []
        return SeriesQueryResult(code, msg, tuple(SeriesInfo.from_soap(i) for i in infos))

    def finalizar_serie(
        self,
        serie: str,
        tipo_doc: str,
        cod_validacao_serie: str,
        seq_ultimo_doc_emitido: int,
        *,
        classe_doc: str | None = None,
        justificacao: str | None = None,
    ) -> SeriesResult:
        reply = self.call(
            "finalizarSerie", serie=serie, classeDoc=_class_of(tipo_doc, classe_doc),
            tipoDoc=tipo_doc, codValidacaoSerie=cod_validacao_serie,
            seqUltimoDocEmitido=seq_ultimo_doc_emitido, justificacao=justificacao)
        return self._result(reply)

    def anular_serie(
        self,
        serie: str,
        tipo_doc: str,
        cod_validacao_serie: str,
        *,
        classe_doc: str | None = None,
        motivo: str = "ER",
        declaracao_nao_emissao: bool = True,
    ) -> SeriesResult:
        reply = self.call(
            "anularSerie", serie=serie, classeDoc=_class_of(tipo_doc, classe_doc),
            tipoDoc=tipo_doc, codValidacaoSerie=cod_validacao_serie, motivo=motivo,
            declaracaoNaoEmissao=declaracao_nao_emissao)
        return self._result(reply)

    def _result(self, reply: dict[str, Any]) -> SeriesResult:
        code, msg = self._check(reply)
        info = reply.get("infoSerie")
        return SeriesResult(code, msg, SeriesInfo.from_soap(info) if info else None)

    def _check(self, reply: dict[str, Any]) -> tuple[int, str]:
        result = reply.get("infoResultOper") or {}
        code = int(result.get("codResultOper", 0))
        msg = result.get("msgResultOper") or ""
        if code // 1000 == 2:
            return code, msg
        if code == 4001:
            raise e.already(self.label, code, msg, service=self.service)
        if code == 5000 or code == 0:
            raise e.server_failed(self.label, f"código {code}", msg, code=code,
                                  at_message=msg, service=self.service)
        raise e.rejected(self.label, code, msg, service=self.service)


class InvoiceClient(ServiceClient):
    """fatcorews (FISCAL-PT §6.1). Dict keys are AT/SAF-T names: ``InvoiceNo``, ``ATCUD``..."""

    service = INVOICES
    label = "e-Fatura"
    binding = "{http://factemi.at.min_financas.pt/documents}fatcorewsPortSoap11"

    # What each operation answers when AT already holds the document, from the table of
    # codes the manual gives *for that operation* (FATCORE §2.2.4): the same situation has
    # a different number in each one. -3 ("registered with different values") is a
    # duplicate too: never resent, parked by the outbox.
    ALREADY = {
        "RegisterInvoice": frozenset({-3, -10}),
        "RegisterWork": frozenset({-22}),
        "RegisterPayment": frozenset({-25}),
    }
    TRY_LATER = frozenset({-97, -99})

    def register_invoice(self, invoice: Any, *, tax_registration_number: str | None = None,
                         audit_file_version: str = AUDIT_FILE_VERSION) -> FatcoreResult:
        return self._register("RegisterInvoice", "InvoiceData", invoice,
                              tax_registration_number, audit_file_version)

    def change_invoice_status(self, invoice: Any, status: str, status_date: dt.datetime, *,
                              tax_registration_number: str | None = None) -> FatcoreResult:
        """``invoice`` may be the full invoice: only the header fields are sent."""
        reply = self.call(
            "ChangeInvoiceStatus", eFaturaMDVersion=E_FATURA_MD_VERSION,
            TaxRegistrationNumber=self._nif(tax_registration_number),
            InvoiceHeader=_pick(invoice, INVOICE_HEADER_FIELDS),
            InvoiceStatus={"InvoiceStatus": status, "InvoiceStatusDate": status_date})
        return self._check("ChangeInvoiceStatus", reply)

    def register_work(self, work: Any, *, tax_registration_number: str | None = None,
                      audit_file_version: str = AUDIT_FILE_VERSION) -> FatcoreResult:
        return self._register("RegisterWork", "WorkData", work, tax_registration_number,
                              audit_file_version)

    def change_work_status(self, work: Any, status: str, status_date: dt.datetime, *,
                           tax_registration_number: str | None = None) -> FatcoreResult:
        reply = self.call(
            "ChangeWorkStatus", eFaturaMDVersion=E_FATURA_MD_VERSION,
            TaxRegistrationNumber=self._nif(tax_registration_number),
            WorkHeader=_pick(work, WORK_HEADER_FIELDS),
            WorkStatus={"WorkStatus": status, "WorkStatusDate": status_date})
        return self._check("ChangeWorkStatus", reply)

    def register_payment(self, payment: Any, *, tax_registration_number: str | None = None,
                         audit_file_version: str = AUDIT_FILE_VERSION) -> FatcoreResult:
        return self._register("RegisterPayment", "PaymentData", payment,
                              tax_registration_number, audit_file_version)

    def _nif(self, nif: str | None) -> int:
        return int(nif or self.config.nif)

    def _register(self, operation: str, part: str, data: Any, nif: str | None,
                  audit_file_version: str) -> FatcoreResult:
        reply = self.call(
            operation, eFaturaMDVersion=E_FATURA_MD_VERSION, AuditFileVersion=audit_file_version,
            TaxRegistrationNumber=self._nif(nif), TaxEntity=self.config.tax_entity,
            SoftwareCertificateNumber=self.config.software_certificate_number,
            **{part: to_soap(data)})
        return self._check(operation, reply)

    def _check(self, operation: str, reply: Any) -> FatcoreResult:
        # A single-child response is unwrapped by zeep; accept both shapes.
        response = reply.get("Response", reply) if isinstance(reply, dict) else {}
        code = int(response.get("CodigoResposta", -99))
        msg = response.get("Mensagem") or ""
        result = FatcoreResult(code, msg, response.get("DataOperacao"))
        if code == 0:
            return result
        if code in AUTH_CODES:
            raise e.auth_failed(f"código {code}: {msg}", code=code, at_message=msg,
                                service=self.service)
        if code in self.ALREADY.get(operation, ()):
            raise e.already(self.label, code, msg, service=self.service)
        if code in self.TRY_LATER:
            raise e.server_failed(self.label, f"código {code}", msg, code=code,
                                  at_message=msg, service=self.service)
        raise e.rejected(self.label, code, msg, service=self.service)


class TransportClient(ServiceClient):
    """sgdtws (FISCAL-PT §6.2). Returns the ATDocCodeID to print and export in SAF-T."""

    service = TRANSPORT
    label = "documentos de transporte"
    binding = ("{https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/}"
               "documentosTransporteSOAP")

    ALERT = -100  # start already past: accepted as a mere communication
    ALREADY = frozenset({-3})
    # -12/-25: AT "could not verify" something on its side; -99/-20000: internal errors.
    TRY_LATER = frozenset({-12, -25, -99, -20000})

    def envio_documento_transporte(self, movement: Any, *,
                                   tax_registration_number: str | None = None) -> TransportResult:
        """``movement`` uses the WSDL names (``DocumentNumber``, ``ATCUD``, ``Line``...)."""
        data = to_soap(movement)
        data["TaxRegistrationNumber"] = int(
            tax_registration_number or data.get("TaxRegistrationNumber") or self.config.nif)
        reply = self.call("envioDocumentoTransporte", **data)
        statuses = reply.get("ResponseStatus") or []
        codes = [(int(s.get("ReturnCode", -99)), s.get("ReturnMessage") or "") for s in statuses]
        if not codes:
            codes = [(-99, "resposta sem ResponseStatus")]
        failures = [(c, m) for c, m in codes if c not in (0, self.ALERT)]
        if failures:
            self._raise(*failures[0])
        warnings = tuple(m for c, m in codes if c == self.ALERT)
        return TransportResult(
            return_code=codes[0][0], return_message=codes[0][1],
            document_number=reply.get("DocumentNumber"), atcud=reply.get("ATCUD"),
            at_doc_code_id=reply.get("ATDocCodeID"), warnings=warnings)

    def _raise(self, code: int, msg: str) -> None:
        if code in AUTH_CODES:
            raise e.auth_failed(f"código {code}: {msg}", code=code, at_message=msg,
                                service=self.service)
        if code in self.ALREADY:
            raise e.already(self.label, code, msg, service=self.service)
        if code in self.TRY_LATER:
            raise e.server_failed(self.label, f"código {code}", msg, code=code,
                                  at_message=msg, service=self.service)
        raise e.rejected(self.label, code, msg, service=self.service)


class ATClients:
    """The three clients sharing one HTTPS session and one WS-Security signer.

    Construction checks the configured files and the AT key certificate; the zeep clients
    are built on first use. Use one instance per thread (requests sessions are not
    guaranteed thread-safe) and ``close()`` it when the worker stops.
    """

    def __init__(self, config: ATConfig, *, session: requests.Session | None = None,
                 wsse: ATWsse | None = None):
        check_files(config, SERVICES)
        self.config = config
        self.session = session or build_session(config)
        self.session.hooks["response"].append(self._saw_response)
        self.server_time: dt.datetime | None = None    # the Date of AT's last answer (UTC)
        self.wsse = wsse or ATWsse(config.username, config.password, config.at_public_cert)
        self._series: SeriesClient | None = None
        self._invoices: InvoiceClient | None = None
        self._transport: TransportClient | None = None

    def _saw_response(self, response, *args, **kwargs):
        """Keep the HTTP ``Date`` of every answer from AT: the till's second clock
        reference (pos.domain.clock), recorded with the duty's outcome."""
        stamp = response.headers.get("Date")
        if stamp:
            try:
                when = email.utils.parsedate_to_datetime(stamp)
            except (TypeError, ValueError):
                return response
            if when.tzinfo is not None:
                self.server_time = when
        return response

    @property
    def certificate_status(self) -> CertificateStatus:
        """Validity of AT's public-key certificate (show ``.message`` when not ``.ok``)."""
        return self.wsse.check_certificate()

    @property
    def series(self) -> SeriesClient:
        if self._series is None:
            self._series = SeriesClient(self.config, self.session, self.wsse)
        return self._series

    @property
    def invoices(self) -> InvoiceClient:
        if self._invoices is None:
            self._invoices = InvoiceClient(self.config, self.session, self.wsse)
        return self._invoices

    @property
    def transport(self) -> TransportClient:
        if self._transport is None:
            self._transport = TransportClient(self.config, self.session, self.wsse)
        return self._transport

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> ATClients:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
