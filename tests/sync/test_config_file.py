"""The TOML configuration file: [at] (with CAIXA_AT_* overrides), [queue], [series]."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.config import ENV_VARS
from sync.config_file import config_path, load
from sync.errors import ConfigurationError

AT = """
[at]
environment = "test"
wsdl_dir = "wsdl"
username = "599999993/37"
at_public_cert = "keys/at.cer"
client_cert = "/abs/client.pem"
client_key = "/abs/client.key"
"""


def _write(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = tmp_path / "caixa.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_full_file_with_relative_paths_and_a_password_file(tmp_path):
    (tmp_path / "secret").write_text("testes1234\n")
    path = _write(tmp_path, AT + 'password_file = "secret"\n\n[queue]\n'
                  'invoice_channel = "saft"\nretry_base_seconds = 10\ninterval_seconds = 15\n'
                  'batch = 3\n\n[series]\ndoc_types = ["fs", "GT"]\nwarn_days = 45\n')
    cfg = load(path, env={})
    at = cfg.at_config(env={})
    assert at.wsdl_dir == tmp_path / "wsdl" and at.at_public_cert == tmp_path / "keys/at.cer"
    assert at.client_cert == Path("/abs/client.pem") and at.password == "testes1234"
    assert cfg.queue.invoice_channel == "saft" and cfg.queue.retry_base_seconds == 10
    assert (cfg.interval_seconds, cfg.batch) == (15.0, 3)
    assert cfg.doc_types == ("FS", "GT") and cfg.series_warn_days == 45
    assert "testes1234" not in repr(at)


def test_environment_overrides_the_file(tmp_path):
    cfg = load(_write(tmp_path, AT + 'password = "no-ficheiro"\n'), env={})
    at = cfg.at_config(env={"CAIXA_AT_PASSWORD": "do-ambiente",
                            "CAIXA_AT_INVOICES_URL": "https://127.0.0.1:1/fatcorews/ws/"})
    assert at.password == "do-ambiente" and at.invoices_url.startswith("https://127.0.0.1:1/")
    assert at.series_url.endswith(":722/SeriesWSService")   # AT's test endpoint by default


def test_a_password_others_can_read_is_refused(tmp_path):
    with pytest.raises(ConfigurationError, match="chmod 600"):
        load(_write(tmp_path, AT + 'password = "x"\n', mode=0o644), env={})


@pytest.mark.parametrize("text, match", [
    (AT + 'pasword = "typo"\n', "Chaves desconhecidas em \\[at\\]: pasword"),
    ("[queue]\ninvoice_channel = \"fax\"\n", "webservice ou saft"),
    ("[queue]\nretries = 3\n", "retries"),
    ("[printer]\n", "Chaves desconhecidas"),
    ("[at\n", "Não foi possível ler"),
])
def test_mistakes_are_named(tmp_path, text, match):
    with pytest.raises(ConfigurationError, match=match):
        load(_write(tmp_path, text), env={})


def test_where_the_file_is_and_when_it_may_be_missing(tmp_path):
    assert config_path(tmp_path, env={}) == tmp_path / "caixa.toml"
    assert config_path(tmp_path, env={"CAIXA_CONFIG": "/etc/x.toml"}) == Path("/etc/x.toml")
    cfg = load(data_dir=tmp_path, env={})            # no file: defaults, AT not configured
    assert cfg.queue.invoice_channel == "webservice" and cfg.at == {}
    with pytest.raises(ConfigurationError, match="não está configurada"):
        cfg.at_config(env={})
    with pytest.raises(ConfigurationError, match="não encontrado"):
        load(data_dir=tmp_path, env={"CAIXA_CONFIG": str(tmp_path / "nope.toml")})


def test_environment_alone_is_enough(tmp_path, sandbox):
    env = {ENV_VARS[k]: str(v) for k, v in sandbox.config_mapping().items()}
    assert load(data_dir=tmp_path, env={}).at_config(env=env).username == "599999993/37"
