"""Shared fixtures: a demo till on a real SQLite file, the shared AT artefacts, the CLI."""

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_AT = ROOT.parent / "shared" / "at"


@pytest.fixture
def shared_at() -> Path:
    if not SHARED_AT.exists():
        pytest.fail(f"AT reference files not found at {SHARED_AT}")
    return SHARED_AT


SECURE_ENV = ("CAIXA_VAULT_DIR", "CAIXA_ANCHOR_DIR")


@pytest.fixture(autouse=True)
def secure_dirs(tmp_path, monkeypatch):
    """Each test keeps its OS key store and its anchors in its own folders (a shop's copy
    must not meet another copy's anchor)."""
    dirs = {}
    for name in SECURE_ENV:
        dirs[name] = tmp_path / name.lower()
        monkeypatch.setenv(name, str(dirs[name]))
    return dirs


@pytest.fixture
def clock():
    from pos.services.ports import FixedClock
    return FixedClock(datetime(2026, 3, 14, 10, 15, 30))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "caixa.db"


@contextmanager
def secure_env_beside(db: Path):
    """Build a template shop with its key store and anchors in folders beside it (a
    session-scoped template must not use the first test's folders)."""
    saved = {name: os.environ.get(name) for name in SECURE_ENV}
    try:
        for name in SECURE_ENV:
            os.environ[name] = str(db.parent / name.lower())
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
