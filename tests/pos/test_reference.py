"""AT's reference files: downloaded and pinned, copied from a local folder with no download,
refused when altered, and one clear sentence when they cannot be had. AT is played by a
local HTTP server serving the real files (a test never touches the internet)."""

import hashlib
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pos import reference
from pos.reference import FILES, ReferenceFilesError

ROOT = Path(__file__).resolve().parents[2]


class FakeAT:
    """Serves ``folder`` over HTTP and counts the requests it receives."""

    def __init__(self, folder: Path):
        self.folder, self.requests = folder, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(self.path)
                file = outer.folder / self.path.lstrip("/")
                if not file.is_file():
                    self.send_error(404)
                    return
                body = file.read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def published(shared_at, tmp_path) -> Path:
    """A copy of AT's files as AT publishes them (a test may alter its copy)."""
    folder = tmp_path / "published"
    for f in FILES:
        (folder / f.name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shared_at / f.name, folder / f.name)
    return folder


@pytest.fixture
def fake_at(published):
    server = FakeAT(published)
    yield server
    server.close()


@pytest.fixture
def env(tmp_path, fake_at) -> dict:
    """An empty data directory and AT's addresses pointing at the local server."""
    return {"CAIXA_DATA_DIR": str(tmp_path / "data"),
            reference.ENV_MIRROR: fake_at.url}


def closed_port_url() -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{port}"


def test_pins_are_the_sha256_of_ats_files(shared_at):
    for f in FILES:
        assert hashlib.sha256((shared_at / f.name).read_bytes()).hexdigest() == f.sha256
    assert all(f.url.startswith("https://info.portaldasfinancas.gov.pt/") for f in FILES)


def test_download_puts_every_verified_file_in_the_data_directory(env, fake_at, shared_at):
    folder = reference.setup(env, local=None)
    assert folder == Path(env["CAIXA_DATA_DIR"]) / "at-reference"
    assert sorted(fake_at.requests) == sorted(f"/{f.name}" for f in FILES)
    for f in FILES:
        assert (folder / f.name).read_bytes() == (shared_at / f.name).read_bytes()
    assert reference.locate(env) == folder
    assert reference.saft_xsd(env) == folder / "SAFTPT1.04_01.xsd"
    assert (reference.wsdl_dir(env) / "fatcorews.wsdl").is_file()
    assert not [p for p in folder.rglob(".*")]      # no temporary file left behind


def test_a_complete_copy_is_not_downloaded_again(env, fake_at):
    reference.setup(env, local=None)
    fake_at.requests.clear()
    reference.setup(env, local=None)
    assert fake_at.requests == []


def test_an_altered_download_is_refused_and_not_kept(env, published, tmp_path):
    wsdl = published / "wsdl" / "fatcorews.wsdl"
    wsdl.write_bytes(wsdl.read_bytes().replace(b"RegisterInvoice", b"RegisterInvoicX", 1))
    with pytest.raises(ReferenceFilesError) as err:
        reference.setup(env, local=None)
    message = str(err.value)
    assert "wsdl/fatcorews.wsdl" in message and "não é o publicado pela AT" in message
    target = Path(env["CAIXA_DATA_DIR"]) / "at-reference"
    assert not (target / "wsdl" / "fatcorews.wsdl").exists()
    assert reference.locate(env) is None


def test_a_local_folder_is_copied_and_nothing_is_downloaded(env, fake_at, published):
    folder = reference.setup(env, local=published)
    assert fake_at.requests == []
    assert reference.locate(env) == folder


def test_the_environment_names_the_local_folder(env, fake_at, published):
    folder = reference.setup({**env, reference.ENV_LOCAL: str(published)})
    assert fake_at.requests == [] and reference.locate(env) == folder


def test_offline_falls_back_to_the_local_folder(tmp_path, published):
    env = {"CAIXA_DATA_DIR": str(tmp_path / "data"), reference.ENV_MIRROR: closed_port_url(),
           reference.ENV_LOCAL: str(published)}
    folder = reference.setup(env)        # AT unreachable: the local folder is enough
    assert reference.locate(env) == folder


def test_offline_without_a_local_folder_says_where_to_put_the_files(tmp_path):
    env = {"CAIXA_DATA_DIR": str(tmp_path / "data"), reference.ENV_MIRROR: closed_port_url()}
    with pytest.raises(ReferenceFilesError) as err:
        reference.setup(env, local=None)
    message = str(err.value)
    assert str(tmp_path / "data" / "at-reference") in message
    assert "CAIXA_AT_REFERENCE" in message and "não foi possível descarregar" in message
    assert "\n" not in message


def test_an_altered_local_file_is_refused(env, fake_at, published):
    xsd = published / "SAFTPT1.04_01.xsd"
    xsd.write_bytes(xsd.read_bytes() + b"\n")
    with pytest.raises(ReferenceFilesError, match="SAFTPT1.04_01.xsd"):
        reference.setup(env, local=published)
    assert fake_at.requests == []


def test_a_file_altered_after_the_setup_is_no_longer_trusted(env):
    folder = reference.setup(env, local=None)
    wsdl = folder / "wsdl" / "SeriesWSService.wsdl"
    wsdl.write_bytes(wsdl.read_bytes().replace(b"registarSerie", b"registarSeriX", 1))
    assert reference.locate(env) is None
    with pytest.raises(ReferenceFilesError, match="CAIXA_AT_REFERENCE"):
        reference.require(env)


def test_without_downloads_a_missing_set_is_one_sentence(tmp_path):
    env = {"CAIXA_DATA_DIR": str(tmp_path / "data")}
    with pytest.raises(ReferenceFilesError) as err:
        reference.setup(env, local=None, allow_download=False)
    assert "caixa at-reference" in str(err.value)


def test_the_command_downloads_and_checks(env, fake_at, tmp_path):
    run = [sys.executable, "-m", "ui.cli", "at-reference"]
    full = {**_clean_env(), **env}
    proc = subprocess.run([*run, "--download"], cwd=ROOT, env=full, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "descarregados" in proc.stderr and len(fake_at.requests) == len(FILES)
    proc = subprocess.run([*run, "--check"], cwd=ROOT, env=full, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "verificados" in proc.stdout


def test_the_command_without_the_files_exits_2_with_one_sentence(tmp_path):
    env = {**_clean_env(), "CAIXA_DATA_DIR": str(tmp_path / "data"),
           reference.ENV_MIRROR: closed_port_url()}
    proc = subprocess.run([sys.executable, "-m", "ui.cli", "at-reference", "--download"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("caixa: Faltam os ficheiros de referência da AT")


def test_the_test_command_stops_at_once_without_the_files(tmp_path):
    """pytest's session hook: one sentence and no test run, not a hundred failures."""
    env = {**_clean_env(), "CAIXA_DATA_DIR": str(tmp_path / "data"),
           reference.ENV_LOCAL: str(tmp_path / "nowhere"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "tests/pos/test_nif.py"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 4, output
    assert "Faltam os ficheiros de referência da AT" in output
    assert "passed" not in output and "failed" not in output


def _clean_env() -> dict:
    import os

    return {k: v for k, v in os.environ.items()
            if k not in (reference.ENV_LOCAL, reference.ENV_MIRROR, "CAIXA_DATA_DIR")}
