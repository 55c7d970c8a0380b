"""SeriesWSService client against the HTTPS sandbox (mutual TLS, WS-Security, schemas)."""

from __future__ import annotations

import datetime as dt

import certifi
import pytest

from sync.clients import ATClients
from sync.errors import AlreadyRegistered, Rejected

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _at_calendar(sandbox):
    """AT's today is this module's TODAY, even when the suite runs past midnight."""
    sandbox.services["series"].today = lambda: TODAY


def test_session_is_isolated_from_the_environment(clients, config):
    s = clients.session
    assert s.trust_env is False
    assert s.cert == (str(config.client_cert), str(config.client_key))
    assert s.verify == str(config.ca_bundle)


def test_hostile_environment_variables_are_ignored(config, monkeypatch):
    # With trust_env left on, requests would swap our CA for this bundle and use the proxy.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    monkeypatch.setenv("CURL_CA_BUNDLE", certifi.where())
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with ATClients(config) as clients:
        assert clients.series.consultar_series().cod_result_oper == 2002


def test_register_consult_finalise(clients, sandbox):
    reg = clients.series.registar_serie("A2025", "FS", 1, TODAY)
    assert reg.cod_result_oper == 2001
    code = reg.cod_validacao_serie
    assert code and len(code) >= 8 and code in reg.msg_result_oper
    assert reg.info.estado == "A" and reg.info.classe_doc == "SI"
    assert reg.info.nif_comunicou == "599999993"

    found = clients.series.consultar_series(tipo_doc="FS")
    assert found.cod_result_oper == 2002
    assert [s.cod_validacao_serie for s in found.series] == [code]

    fin = clients.series.finalizar_serie("A2025", "FS", code, 42, justificacao="Fim do ano")
    assert fin.cod_result_oper == 2004
    assert fin.info.estado == "F" and fin.info.seq_ultimo_doc_emitido == 42

    assert clients.series.consultar_series(estado="A").series == ()
    # Every request the sandbox got was valid against the official WSDL.
    assert all(r.schema_errors == [] and r.auth_error is None for r in sandbox.received)


def test_cancel_series(clients):
    code = clients.series.registar_serie("B-1", "GT", 1, TODAY).cod_validacao_serie
    res = clients.series.anular_serie("B-1", "GT", code)
    assert res.cod_result_oper == 2003
    assert res.info.estado == "N" and res.info.motivo_estado == "ER"
    assert res.info.classe_doc == "MG"


def test_same_series_twice_is_already_registered(clients, sandbox):
    clients.series.registar_serie("C2025", "FT", 1, TODAY)
    with pytest.raises(AlreadyRegistered) as err:
        clients.series.registar_serie("c2025", "FT", 1, TODAY)  # AT compares case-insensitively
    assert err.value.code == 4001 and err.value.action == "reconcile"
    assert "já" in str(err.value)
    assert sandbox.accepted_count("series", "FT:C2025") == 1


@pytest.mark.parametrize("call, code", [
    (lambda s: s.registar_serie("D", "FS", 1, TODAY - dt.timedelta(days=1)), 4049),
    (lambda s: s.registar_serie("D", "FS", 1, TODAY, classe_doc="MG"), 4046),
    (lambda s: s.finalizar_serie("NOPE", "FS", "ABCDEFGH", 3), 4005),
    (lambda s: s.anular_serie("NOPE", "FS", "ABCDEFGH", motivo="XX"), 4051),
])
def test_business_refusals_are_parked(clients, call, code):
    with pytest.raises(Rejected) as err:
        call(clients.series)
    assert err.value.code == code and err.value.action == "park"
    assert err.value.at_message and err.value.retryable is False
