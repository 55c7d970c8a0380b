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
    (tmp_path / "secret").chmod(0o600)
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


def test_a_password_file_others_can_read_is_refused(tmp_path):
    (tmp_path / "secret").write_text("testes1234\n")
    (tmp_path / "secret").chmod(0o644)
    with pytest.raises(ConfigurationError, match="chmod 600 .*secret"):
        load(_write(tmp_path, AT + 'password_file = "secret"\n'), env={})


@pytest.mark.parametrize("text, match", [
    ("[queue]\nbatch = [1]\n", r"\[queue\] batch em .*caixa.toml tem de ser um número inteiro"),
    ("[queue]\nbatch = inf\n", r"\[queue\] batch .* inteiro de 1 a 1000 \(está 'inf'\)"),
    ("[queue]\nbatch = true\n", r"\[queue\] batch"),
    ("[queue]\nbatch = 0\n", r"\[queue\] batch"),
    ("[queue]\ninterval_seconds = \"60\"\n", r"\[queue\] interval_seconds .* segundos"),
    ("[queue]\ninterval_seconds = nan\n", r"\[queue\] interval_seconds"),
    ("[queue]\nlease_seconds = -1\n", r"\[queue\] lease_seconds"),
    ("[queue]\ninvoice_warn_days = 1.5\n", r"\[queue\] invoice_warn_days"),
    ("[queue]\ninvoice_channel = 5\n", r"\[queue\] invoice_channel .* texto"),
    ("[series]\nwarn_days = \"30\"\n", r"\[series\] warn_days .* inteiro"),
    ("[series]\ndoc_types = 5\n", r"\[series\] doc_types .* lista"),
    ("[series]\ndoc_types = [\"FS\", 5]\n", r"\[series\] doc_types"),
    ("[series]\nrecovery_doc_types = [\"ZZ\"]\n", r"\[series\] recovery_doc_types .* sem 'ZZ'"),
    ("at = [1, 2]\n", r"\[at\] em .*caixa.toml tem de ser uma secção"),
    ("queue = 5\n", r"\[queue\] em .* secção"),
    ("[at]\nusername = 5\n", r"\[at\] username .* texto"),
    ("[at]\nwsdl_dir = \"a\\u0000b\"\n", r"\[at\] wsdl_dir .* controlo"),
    ("[at]\nconnect_timeout = -1\n", r"\[at\] connect_timeout .* segundos"),
    ("[at]\nvalidate_requests = 1\n", r"\[at\] validate_requests .* true ou false"),
    ("x = " + "[" * 20_000 + "]" * 20_000 + "\n", "encaixadas"),
])
def test_values_of_the_wrong_type_are_one_sentence_naming_key_and_file(tmp_path, text, match):
    with pytest.raises(ConfigurationError, match=match) as err:
        load(_write(tmp_path, text), env={})
    assert "\n" not in str(err.value) and len(str(err.value)) < 400


def test_a_named_pipe_is_not_read_as_the_configuration(tmp_path):
    import os
    fifo = tmp_path / "caixa.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigurationError, match="não é um ficheiro normal"):
        load(fifo, env={})


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
