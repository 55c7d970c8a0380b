"""Shared fixtures: a demo till on a real SQLite file, AT's reference files, the CLI."""

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
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


SECURE_ENV = ("CAIXA_VAULT_DIR", "CAIXA_ANCHOR_DIR")


@pytest.fixture(autouse=True)
def secure_dirs(tmp_path, monkeypatch):
    """Each test keeps its OS key store and its anchors in its own folders (a shop's copy
    must not meet another copy's anchor). Where a run drops those variables, the defaults
    ($XDG_CONFIG_HOME/caixa/vault, $XDG_STATE_HOME/caixa/anchors) are this test's too,
    never the home folder of whoever runs the suite."""
    dirs = {}
    for name in SECURE_ENV:
        dirs[name] = tmp_path / name.lower()
        monkeypatch.setenv(name, str(dirs[name]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    return dirs


@pytest.fixture
def clock():
    from pos.services.ports import FixedClock
    return FixedClock(datetime(2026, 3, 14, 10, 15, 30))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "caixa.db"


def secure_env_of(db: Path) -> dict[str, str]:
    """The key store and anchor folders beside a shop built under ``secure_env_beside``
    (for a CLI run on a session-scoped shop: ``run_cli(db, ..., env=secure_env_of(db))``)."""
    return {name: str(db.parent / name.lower()) for name in SECURE_ENV}


@contextmanager
def secure_env_beside(db: Path):
    """Build a template shop with its key store and anchors in folders beside it (a
    session-scoped template must not use the first test's folders)."""
    saved = {name: os.environ.get(name) for name in SECURE_ENV}
    try:
        os.environ.update(secure_env_of(db))
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def clone_shop(src: Path, dst: Path) -> Path:
    """Copy a template shop built under ``secure_env_beside``: the database, and its key
    store entries and anchors into this test's folders (CAIXA_VAULT_DIR, CAIXA_ANCHOR_DIR)."""
    for suffix in ("", "-wal"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")
    for name in SECURE_ENV:
        shutil.copytree(src.parent / name.lower(), os.environ[name], dirs_exist_ok=True)
    return dst


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """Build the demo shop once; each test gets a copy (PIN hashing and keys are slow)."""
    from pos.bootstrap import open_app
    from pos.services.ports import FixedClock
    path = tmp_path_factory.mktemp("template") / "caixa.db"
    with secure_env_beside(path):
        app = open_app(str(path), clock=FixedClock(datetime(2026, 3, 14, 9, 0, 0)))
        app.init_demo()
        app.close()
    return path


@pytest.fixture
def demo_db(demo_template, db_path, secure_dirs) -> Path:
    """A fresh copy of the demo database at ``db_path``, with its key store entries and
    anchors (the template's, copied into this test's folders)."""
    return clone_shop(demo_template, db_path)


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
