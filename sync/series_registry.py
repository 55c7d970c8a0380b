"""``pos.services.at_series.SeriesRegistry`` over AT's SeriesWSService.

Reconciliation lives here, so a lost answer never turns into a duplicate or a false alarm:
registering again answers 4001 → consult and adopt AT's record; finalising or cancelling
again is refused (4005/4004) → consult, and if AT already shows the wanted state, that is
the answer.
"""

from __future__ import annotations

import datetime as dt

from pos.domain.at import RemoteSeries

from . import errors as e
from .clients import ATClients
from .models import SeriesInfo


def to_remote(info: SeriesInfo) -> RemoteSeries:
    return RemoteSeries(info.serie, info.tipo_doc, info.tipo_serie, info.estado,
                        info.cod_validacao_serie, info.num_inicial_seq,
                        info.data_inicio_prev_utiliz, info.seq_ultimo_doc_emitido)


class ATSeriesRegistry:
    def __init__(self, clients: ATClients):
        self.clients = clients

    def query(self, *, doc_type: str | None = None, series_id: str | None = None
              ) -> list[RemoteSeries]:
        found = self.clients.series.consultar_series(serie=series_id, tipo_doc=doc_type)
        return [to_remote(i) for i in found.series]

    def _one(self, series_id: str, doc_type: str) -> RemoteSeries | None:
        for r in self.query(doc_type=doc_type, series_id=series_id):
            if r.series_id.upper() == series_id.upper() and r.doc_type == doc_type:
                return r
        return None

    def register(self, series_id: str, doc_type: str, kind: str, first_number: int,
                 start_date: dt.date) -> RemoteSeries:
        try:
            res = self.clients.series.registar_serie(series_id, doc_type, first_number,
                                                     start_date, tipo_serie=kind)
        except e.AlreadyRegistered as err:
            remote = self._one(series_id, doc_type)
            # Adopt AT's record only if it is ours: same kind and first number. Another
            # till registering the same name would otherwise share our numbering.
            if remote is None or remote.kind != kind or remote.first_number != first_number:
                advice = ("A AT já tem uma série com este nome e outros dados (outra caixa "
                          "com o mesmo nome?): registe esta com outro identificador "
                          "('caixa series register').")
                raise e.Rejected(err.code, f"A série {series_id} ({doc_type}) já está "
                                 f"registada na AT com outros dados. {advice}",
                                 at_message=err.at_message, service=err.service,
                                 advice=advice) from err
            return remote
        return to_remote(res.info)

    def finalize(self, series_id: str, doc_type: str, validation_code: str, last_number: int,
                 reason: str | None = None) -> RemoteSeries:
        try:
            res = self.clients.series.finalizar_serie(series_id, doc_type, validation_code,
                                                      last_number, justificacao=reason)
        except e.Rejected:
            remote = self._one(series_id, doc_type)
            if remote is not None and remote.status == "F":
                return remote
            raise
        return to_remote(res.info)

    def cancel(self, series_id: str, doc_type: str, validation_code: str) -> RemoteSeries:
        try:
            res = self.clients.series.anular_serie(series_id, doc_type, validation_code)
        except e.Rejected:
            remote = self._one(series_id, doc_type)
            if remote is not None and remote.status == "N":
                return remote
            raise
        return to_remote(res.info)
