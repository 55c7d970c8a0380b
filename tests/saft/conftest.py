"""SAF-T fixtures: one demo database with every document type, exported once per session."""

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

NS = {"s": "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"}
TODAY = date(2026, 4, 2)


@pytest.fixture(scope="session")
def saft_db(demo_template, tmp_path_factory):
    """(database path, document numbers by role) of the SAF-T demo shop."""
    from pos.bootstrap import open_till
    from pos.services import saft_demo
    from pos.services.ports import FixedClock

    path = tmp_path_factory.mktemp("saft") / "caixa.db"
    for suffix in ("", "-wal"):
        if Path(f"{demo_template}{suffix}").exists():
            shutil.copyfile(f"{demo_template}{suffix}", f"{path}{suffix}")
    shutil.copyfile(demo_template.with_suffix(".secret"), path.with_suffix(".secret"))
    till = open_till(str(path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
    roles = saft_demo.build(till)
    till.db.dispose()
    return path, roles


@pytest.fixture(scope="session")
def saft_till(saft_db):
    from pos.bootstrap import open_till
    from pos.services.ports import FixedClock

    till = open_till(str(saft_db[0]), clock=FixedClock(datetime(2026, 4, 2, 9, 0, 0)))
    yield till
    till.db.dispose()


@pytest.fixture(scope="session")
def roles(saft_db) -> dict[str, str]:
    return saft_db[1]


@pytest.fixture(scope="session")
def exported(saft_till, tmp_path_factory) -> Path:
    """The March 2026 SAF-T of the demo shop (read-only: tests that alter it copy it)."""
    from pos.saft.period import period_for
    from pos.saft.writer import export

    out = tmp_path_factory.mktemp("export") / "saft-2026-03.xml"
    export(saft_till.db, out, period_for(TODAY, 2026, 3), TODAY)
    return out


@pytest.fixture(scope="session")
def keyring(saft_till):
    from pos.saft.validator import KeyRing
    return KeyRing(saft_till.keys.verifiers())


@pytest.fixture(scope="session")
def xsd11(shared_at) -> Path:
    """AT's official XSD (1.1, with its assertions), where the program finds it."""
    return shared_at / "SAFTPT1.04_01.xsd"


@pytest.fixture(scope="session")
def xsd10(xsd11) -> Path:
    """The file lxml validates with: the same official XSD, its 1.0 variant derived in
    memory by pos.saft.schema (no second file)."""
    return xsd11
