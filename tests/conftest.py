"""Shared fixtures: a demo till on a real SQLite file, AT's reference files, the CLI."""

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


# Programs (and the library pyzbar loads) the tests run, with the Debian package of each:
# .ci/run installs them and the README lists them.
SYSTEM_PACKAGES = {"openssl": "openssl", "gs": "ghostscript", "zbarimg": "zbar-tools",
                   "initdb": "postgresql", "libzbar": "libzbar0"}


def missing_system_packages() -> list[str]:
    import ctypes.util

    from tests.pg import _bindir

    missing = []
    for tool, package in SYSTEM_PACKAGES.items():
        if tool == "initdb":
            try:
                _bindir()
            except RuntimeError:
                missing.append(package)
        elif tool == "libzbar":
            if ctypes.util.find_library("zbar") is None:
                missing.append(package)
        elif shutil.which(tool) is None:
            missing.append(package)
    return missing


def pytest_configure(config):
    """What every test may rely on, checked before any runs; without it the run stops now
    with one sentence (exit 4) rather than failing or skipping test by test:

    - AT's reference files (XSD, WSDLs): the set-up's copy in the data directory, made here
      from CAIXA_AT_REFERENCE or ../shared/at when needed (a test never downloads);
    - the system packages the tests run (SYSTEM_PACKAGES).
    """
    from pos import reference

    try:
        reference.setup(allow_download=False)
    except reference.ReferenceFilesError as exc:
        raise pytest.UsageError(str(exc)) from None
    missing = missing_system_packages()
    if missing:
        raise pytest.UsageError(
            f"Faltam pacotes do sistema para os testes: {', '.join(missing)} (Debian: "
            f"apt-get install {' '.join(missing)}; .ci/run instala-os).")


@pytest.fixture(scope="session")
def shared_at() -> Path:
    """The folder with AT's files as pos.reference finds them (``SAFTPT1.04_01.xsd``,
    ``wsdl/``): what the program itself uses at run time."""
    from pos import reference

    return reference.require()


@pytest.fixture
def clock():
    from pos.services.ports import FixedClock
    return FixedClock(datetime(2026, 3, 14, 10, 15, 30))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "caixa.db"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """Build the demo shop once; each test gets a copy (PIN hashing and keys are slow)."""
    from pos.bootstrap import open_app
    from pos.services.ports import FixedClock
    path = tmp_path_factory.mktemp("template") / "caixa.db"
    app = open_app(str(path), clock=FixedClock(datetime(2026, 3, 14, 9, 0, 0)))
    app.init_demo()
    app.close()
    return path


@pytest.fixture
def demo_db(demo_template, db_path) -> Path:
    """A fresh copy of the demo database (and its key secret) at ``db_path``."""
    for suffix in ("", "-wal"):
        src = Path(f"{demo_template}{suffix}")
        if src.exists():
            shutil.copyfile(src, f"{db_path}{suffix}")
    # shutil.copy keeps the secret's 0600: signing refuses a secret others can read.
    shutil.copy(demo_template.with_suffix(".secret"), db_path.with_suffix(".secret"))
    return db_path


@pytest.fixture
def app(demo_db, clock):
    """The application facade on a demo shop (training series, till CX1) on a fresh SQLite
    file, with a fixed clock."""
    from pos.bootstrap import open_app
    a = open_app(str(demo_db), clock=clock)
    yield a
    a.close()


@pytest.fixture
def normal_app(app):
    """The demo shop switched to normal series (kind N) with AT validation codes."""
    app.set_training_mode(False)
    for code in ("FS", "FT", "FR", "NC", "ND", "GT", "OR", "RG"):
        app.add_series(code, "A2026", f"ATC{code}2026X")
    return app


def run_cli(db: Path, *args: str, check: bool = False, env: dict | None = None
            ) -> subprocess.CompletedProcess:
    """Run the real `caixa` command in a subprocess."""
    full_env = {**os.environ, "CAIXA_DB": str(db), **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"caixa {' '.join(args)} failed: {proc.stderr}")
    return proc


@pytest.fixture
def cli(db_path):
    def _run(*args, **kw):
        return run_cli(db_path, *args, **kw)
    return _run


@pytest.fixture(scope="session")
def postgres():
    from tests.pg import PostgresServer
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres, request, monkeypatch):
    monkeypatch.setenv("CAIXA_KEY_PASSPHRASE", "test-passphrase")
    name = "t_" + request.node.name.lower().replace("[", "_").replace("]", "")[:50]
    return postgres.create_database(name)
