"""The same SAF-T export on PostgreSQL (dates come back as objects, money as text)."""

from datetime import datetime

import pytest

from pos.bootstrap import open_app
from pos.saft.validator import KeyRing, validate
from pos.services import saft_demo
from pos.services.ports import FixedClock

pytestmark = pytest.mark.postgres


def test_demo_export_on_postgres_is_valid(pg_url, tmp_path, xsd10, exported):
    app = open_app(pg_url, clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
    try:
        app.init_demo()
        saft_demo.build(app)
        out = tmp_path / "pg.xml"
        result = app.export_saft(out, 2026, 3)
        report = validate(out, xsd10, keyring=KeyRing(app.verifiers()))
    finally:
        app.close()
    assert result.documents == 13
    assert report.ok and report.signatures == 11, report.text()
    # The same content as the SQLite export but for the signatures (another key).
    assert abs(out.stat().st_size - exported.stat().st_size) < 200
