"""SAF-T fixtures: one demo database with every document type, exported once per session."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import clone_shop, secure_env_beside

NS = {"s": "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"}
TODAY = date(2026, 4, 2)


@contextmanager
def _copy(template: Path, folder: Path) -> Iterator[Path]:
    """A copy of the demo shop in ``folder``, its key store and anchors beside it: the
    session's shop keeps them while the tests' own folders come and go."""
    path = folder / "caixa.db"
    with secure_env_beside(path):
        yield clone_shop(template, path)


@pytest.fixture(scope="session")
def saft_db(demo_template, tmp_path_factory):
    """(database path, document numbers by role) of the SAF-T demo shop."""
    from pos.bootstrap import open_app
    from pos.services import saft_demo
    from pos.services.ports import FixedClock

    with _copy(demo_template, tmp_path_factory.mktemp("saft")) as path:
        app = open_app(str(path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
        roles = saft_demo.build(app)
        app.close()
    return path, roles


@pytest.fixture(scope="session")
def saft_app(saft_db):
    from pos.bootstrap import open_app
    from pos.services.ports import FixedClock

    with secure_env_beside(saft_db[0]):
        app = open_app(str(saft_db[0]), clock=FixedClock(datetime(2026, 4, 2, 9, 0, 0)))
    yield app
    app.close()


@pytest.fixture(scope="session")
def roles(saft_db) -> dict[str, str]:
    return saft_db[1]


@pytest.fixture(scope="session")
def exported(saft_app, tmp_path_factory) -> Path:
    """The March 2026 SAF-T of the demo shop (read-only: tests that alter it copy it)."""
    out = tmp_path_factory.mktemp("export") / "saft-2026-03.xml"
    saft_app.export_saft(out, 2026, 3)
    return out


@pytest.fixture(scope="session")
def keyring(saft_app):
    from pos.saft.validator import KeyRing
    return KeyRing(saft_app.verifiers())


@pytest.fixture(scope="session")
def xsd11(shared_at) -> Path:
    """AT's official XSD (1.1, with its assertions), where the program finds it."""
    return shared_at / "SAFTPT1.04_01.xsd"


@pytest.fixture(scope="session")
def xsd10(xsd11) -> Path:
    """The file lxml validates with: the same official XSD, its 1.0 variant derived in
    memory by pos.saft.schema (no second file)."""
    return xsd11


@pytest.fixture(scope="session")
def inspected(demo_template, tmp_path_factory):
    """(export path, roles, keyring) of tests/saft/inspected.py's shop, March 2026."""
    from pos.bootstrap import open_app
    from pos.saft.period import Period
    from pos.saft.validator import KeyRing
    from pos.saft.writer import export
    from pos.services.ports import FixedClock

    from .inspected import build

    with _copy(demo_template, tmp_path_factory.mktemp("inspected")) as path:
        app = open_app(str(path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
        roles = build(app)
        out = path.parent / "saft-inspected.xml"
        export(app.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), TODAY)
        keyring = KeyRing(app.verifiers())
        app.close()
    return out, roles, keyring
