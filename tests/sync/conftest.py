"""Fixtures for sync tests: one throwaway PKI per session, a fresh AT sandbox per test."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sync.clients import ATClients
from sync.sandbox import ATSandbox, generate_pki

# The shared reference folder is a sibling of the repository root.
WSDL_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "at" / "wsdl"


@pytest.fixture(scope="session")
def wsdl_dir() -> Path:
    if not (WSDL_DIR / "fatcorews.wsdl").is_file():
        pytest.skip(f"AT WSDLs not found at {WSDL_DIR}")
    return WSDL_DIR


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    return generate_pki(tmp_path_factory.mktemp("at-pki"))


@pytest.fixture
def sandbox(tmp_path, wsdl_dir, pki):
    with ATSandbox(tmp_path / "sandbox", wsdl_dir=wsdl_dir, pki=pki) as sb:
        yield sb
    assert sb.internal_errors == [], "the sandbox built an answer its own WSDL refuses"


@pytest.fixture
def config(sandbox):
    # Generous: CI machines can be loaded. Timeout tests build their own impatient client.
    return sandbox.config(connect_timeout=5.0, read_timeout=5.0)


@pytest.fixture
def clients(config):
    with ATClients(config) as c:
        yield c


def eventually(predicate, timeout: float = 2.0) -> bool:
    """Server threads record after the client has its answer; give them a moment."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
