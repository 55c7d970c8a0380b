"""``caixa at-sandbox`` entry point: banner, instructions, files; and the sandbox's own rules."""

from __future__ import annotations

import io
import shlex
import shutil
import socket
import threading

import pytest

from sync.config import ENV_VARS, ATConfig
from sync.sandbox import main
from sync.sandbox.security import nif_is_valid


@pytest.fixture
def seeded(tmp_path, pki):
    """A --dir that already holds a valid PKI (main reuses it instead of making keys)."""
    shutil.copytree(pki.directory, tmp_path / "sb" / "pki")
    return tmp_path / "sb"


def test_main_prints_banner_and_how_to_connect(seeded, wsdl_dir, pki):
    out = io.StringIO()
    rc = main(["--dir", str(seeded), "--wsdl-dir", str(wsdl_dir), "--port", "0",
               "--exit-after", "0"], out=out)
    text = out.getvalue()
    assert rc == 0
    assert "THIS IS NOT AT — test sandbox" in text
    for var in ("CAIXA_AT_SERIES_URL", "CAIXA_AT_CLIENT_CERT", "CAIXA_AT_CLIENT_KEY",
                "CAIXA_AT_CA_BUNDLE", "CAIXA_AT_PUBLIC_CERT", "CAIXA_AT_USERNAME"):
        assert var in text
    for name in ("ca.pem", "client.pem", "client.key", "ChaveCifraPublicaAT-sandbox.cer"):
        reused = (seeded / "pki" / name).read_bytes() == (pki.directory / name).read_bytes()
        assert reused and name in text
    env = dict(shlex.split(line.removeprefix("export "))[0].split("=", 1)
               for line in (seeded / "sandbox.env").read_text().splitlines())
    assert set(env) <= set(ENV_VARS.values())
    cfg = ATConfig.from_mapping({}, env=env)  # the printed settings are complete and valid
    assert cfg.series_url.startswith("https://127.0.0.1:")


def test_main_never_echoes_a_chosen_password(seeded, wsdl_dir):
    out = io.StringIO()
    main(["--dir", str(seeded), "--wsdl-dir", str(wsdl_dir), "--password", "MinhaSenha9",
          "--port", "0", "--exit-after", "0"], out=out)
    assert "MinhaSenha9" not in out.getvalue()
    assert "MinhaSenha9" not in (seeded / "sandbox.env").read_text()


def test_main_serves_until_stopped(seeded, wsdl_dir):
    stop, out = threading.Event(), io.StringIO()
    argv = ["--dir", str(seeded), "--wsdl-dir", str(wsdl_dir), "--port", "0"]
    t = threading.Thread(target=main, args=(argv,), kwargs={"out": out, "stop": stop})
    t.start()
    stop.set()
    t.join(timeout=10)
    assert not t.is_alive() and "at-sandbox stopped." in out.getvalue()


def test_main_reports_a_busy_port(seeded, wsdl_dir, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["--dir", str(seeded), "--wsdl-dir", str(wsdl_dir), "--port", str(port),
                     "--exit-after", "0"]) == 1
    assert "--port 0" in capsys.readouterr().err


def test_main_without_wsdls_explains(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CAIXA_AT_WSDL_DIR", raising=False)
    monkeypatch.setenv("CAIXA_DATA_DIR", str(tmp_path / "no-reference-here"))
    assert main(["--dir", str(tmp_path)]) == 2
    assert "--wsdl-dir" in capsys.readouterr().err


def test_sandbox_config_ignores_process_environment(sandbox, monkeypatch):
    monkeypatch.setenv("CAIXA_AT_SERIES_URL", "https://servicos.portaldasfinancas.gov.pt:422/x")
    assert sandbox.config().series_url == sandbox.url("series")
    assert isinstance(sandbox.config(), ATConfig)


@pytest.mark.parametrize("nif, ok", [("599999993", True), ("599999994", False),
                                     ("123456789", True), ("12345678", False)])
def test_sandbox_checks_the_nif_check_digit(nif, ok):
    assert nif_is_valid(nif) is ok
