"""ATConfig: endpoints per environment, CAIXA_AT_* overrides, password never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.config import ENDPOINTS, ENV_VARS, ATConfig
from sync.errors import ConfigurationError, SyncError

BASE = {"wsdl_dir": "/opt/caixa/wsdl", "username": "555555555/1", "password": "s3gr3d0!",
        "at_public_cert": "/opt/caixa/ChaveCifraPublicaAT.cer"}


def test_defaults_are_ats_test_endpoints():
    cfg = ATConfig.from_mapping(BASE, env={})
    assert cfg.environment == "test"
    assert cfg.series_url == "https://servicos.portaldasfinancas.gov.pt:722/SeriesWSService"
    assert cfg.invoices_url == "https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/"
    assert cfg.transport_url == (
        "https://servicos.portaldasfinancas.gov.pt:701/sgdtws/documentosTransporte")
    assert cfg.nif == "555555555"
    assert cfg.timeout == (10.0, 30.0)
    assert cfg.wsdl_path("invoices") == Path("/opt/caixa/wsdl/fatcorews.wsdl")


def test_production_endpoints_by_environment():
    cfg = ATConfig.from_mapping({**BASE, "environment": "production"}, env={})
    assert cfg.endpoint("series") == ENDPOINTS["production"]["series"]
    assert ":423/fatcorews/ws/" in cfg.invoices_url
    assert ":401/sgdtws/" in cfg.transport_url


def test_environment_variables_win_over_the_mapping():
    env = {ENV_VARS["password"]: "from-env", ENV_VARS["read_timeout"]: "2.5",
           ENV_VARS["series_url"]: "https://127.0.0.1:9/SeriesWSService",
           ENV_VARS["validate_requests"]: "false", ENV_VARS["ca_bundle"]: "",
           ENV_VARS["software_certificate_number"]: "1234"}
    cfg = ATConfig.from_mapping({**BASE, "ca_bundle": "/etc/ca.pem"}, env=env)
    assert cfg.password == "from-env"
    assert cfg.read_timeout == 2.5
    assert cfg.series_url == "https://127.0.0.1:9/SeriesWSService"
    assert cfg.invoices_url.endswith(":723/fatcorews/ws/")  # the others keep their defaults
    assert cfg.validate_requests is False
    assert cfg.ca_bundle == Path("/etc/ca.pem")  # empty variable = unset
    assert cfg.software_certificate_number == 1234


def test_every_key_is_documented_with_its_variable():
    doc = ATConfig.from_mapping.__doc__
    for key, var in ENV_VARS.items():
        assert key in doc and var in doc


def test_password_is_never_in_repr_or_str():
    cfg = ATConfig.from_mapping(BASE, env={})
    for text in (repr(cfg), str(cfg), f"{cfg}", cfg.redacted(), f"{[cfg]}"):
        assert "s3gr3d0!" not in text
    assert "password='***'" in cfg.redacted()
    assert "555555555/1" in cfg.redacted()


@pytest.mark.parametrize("change, words", [
    ({"username": "555555555"}, "Sub-utilizador"),
    ({"username": "ABC/1"}, "Sub-utilizador"),
    ({"environment": "staging"}, "Ambiente"),
    ({"client_cert": "/c.pem"}, "certificado do cliente"),
    ({"read_timeout": "0"}, "tempos limite"),
    ({"read_timeout": "soon"}, "read_timeout"),
    ({"pasword": "typo"}, "desconhecidas"),
])
def test_bad_settings_are_refused_in_portuguese(change, words):
    with pytest.raises(ConfigurationError, match=words) as err:
        ATConfig.from_mapping({**BASE, **change}, env={})
    assert isinstance(err.value, SyncError) and err.value.action == "stop"


def test_missing_keys_name_their_variables():
    with pytest.raises(ConfigurationError, match="CAIXA_AT_PASSWORD"):
        ATConfig.from_mapping({k: v for k, v in BASE.items() if k != "password"}, env={})
