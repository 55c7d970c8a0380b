"""Plain values returned by the AT clients (no zeep objects leak out of ``sync``).

Field names follow AT's element names in snake_case so they can be matched against the
manuals and the WSDLs without a glossary.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# FISCAL-PT §4.2: which class each AT document type belongs to.
DOC_CLASS = {
    **dict.fromkeys(("FT", "FS", "FR", "ND", "NC"), "SI"),
    **dict.fromkeys(("GR", "GT", "GA", "GC", "GD"), "MG"),
    **dict.fromkeys(("CM", "CC", "FC", "FO", "NE", "OU", "OR", "PF", "RP", "RE", "CS",
                     "LD", "RA"), "WD"),
    **dict.fromkeys(("RC", "RG"), "PY"),
}


@dataclass(frozen=True)
class SeriesInfo:
    """``infoSerie`` (type ``seriesInfo``) as AT returns it."""

    serie: str
    tipo_serie: str
    classe_doc: str
    tipo_doc: str
    num_inicial_seq: int
    data_inicio_prev_utiliz: dt.date
    meio_processamento: str
    num_cert_sw_fatur: int
    cod_validacao_serie: str
    data_registo: dt.date
    estado: str
    data_estado: dt.datetime | None
    nif_comunicou: str
    num_final_seq: int | None = None
    seq_ultimo_doc_emitido: int | None = None
    motivo_estado: str | None = None
    justificacao: str | None = None

    @classmethod
    def from_soap(cls, d: Mapping[str, Any]) -> SeriesInfo:
        def opt_int(key: str) -> int | None:
            return None if d.get(key) is None else int(d[key])

        return cls(
            serie=d["serie"],
            tipo_serie=d["tipoSerie"],
            classe_doc=d["classeDoc"],
            tipo_doc=d["tipoDoc"],
            num_inicial_seq=int(d["numInicialSeq"]),
            data_inicio_prev_utiliz=d["dataInicioPrevUtiliz"],
            meio_processamento=d["meioProcessamento"],
            num_cert_sw_fatur=int(d["numCertSWFatur"]),
            cod_validacao_serie=d["codValidacaoSerie"],
            data_registo=d["dataRegisto"],
            estado=d["estado"],
            data_estado=d.get("dataEstado"),
            nif_comunicou=d["nifComunicou"],
            num_final_seq=opt_int("numFinalSeq"),
            seq_ultimo_doc_emitido=opt_int("seqUltimoDocEmitido"),
            motivo_estado=d.get("motivoEstado"),
            justificacao=d.get("justificacao"),
        )


@dataclass(frozen=True)
class SeriesResult:
    """Answer to registar/finalizar/anular: ``infoResultOper`` plus ``infoSerie``."""

    cod_result_oper: int
    msg_result_oper: str
    info: SeriesInfo | None = None

    @property
    def cod_validacao_serie(self) -> str | None:
        """The validation code AT assigned (the prefix of every ATCUD in the series)."""
        return self.info.cod_validacao_serie if self.info else None


@dataclass(frozen=True)
class SeriesQueryResult:
    """Answer to consultarSeries: every matching series."""

    cod_result_oper: int
    msg_result_oper: str
    series: tuple[SeriesInfo, ...] = ()


@dataclass(frozen=True)
class FatcoreResult:
    """fatcorews ``ResponseType``: CodigoResposta 0 means accepted."""

    codigo_resposta: int
    mensagem: str
    data_operacao: dt.datetime | None = None


@dataclass(frozen=True)
class TransportResult:
    """sgdtws answer. ``at_doc_code_id`` is the code to print and export in SAF-T."""

    return_code: int
    return_message: str
    document_number: str | None = None
    atcud: str | None = None
    at_doc_code_id: str | None = None
    warnings: tuple[str, ...] = ()


def to_soap(value: Any) -> Any:
    """Dataclasses and mappings to plain dicts for zeep, dropping ``None`` (= omitted).

    Callers use AT/SAF-T element names as keys (``InvoiceNo``, ``LineSummary``...), which
    is also how ``pos.saft`` names them, so no translation table is needed.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {k: to_soap(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [to_soap(v) for v in value]
    return value
