"""The same SAF-T export on PostgreSQL (dates come back as objects, money as text)."""

from datetime import datetime

import pytest

from pos.bootstrap import open_till
from pos.saft.period import period_for
from pos.saft.validator import KeyRing, validate
from pos.saft.writer import export
from pos.services import demo, saft_demo
from pos.services.ports import FixedClock

from .conftest import TODAY

pytestmark = pytest.mark.postgres


def test_demo_export_on_postgres_is_valid(pg_url, tmp_path, xsd10, exported):
    till = open_till(pg_url, clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
    try:
        demo.init_demo(till.db, till.keys, till.clock)
        saft_demo.build(till)
        out = tmp_path / "pg.xml"
        result = export(till.db, out, period_for(TODAY, 2026, 3), TODAY)
        report = validate(out, xsd10, keyring=KeyRing(till.keys.verifiers()))
    finally:
        till.db.dispose()
    assert result.documents == 13
    assert report.ok and report.signatures == 11, report.text()
    # The same content as the SQLite export but for the signatures (another key).
    assert abs(out.stat().st_size - exported.stat().st_size) < 200
