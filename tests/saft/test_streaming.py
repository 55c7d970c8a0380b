"""Streaming sanity (not a timing test): the export's memory does not follow the document
count. Python allocations are traced; lxml only ever holds the small envelope."""

import tracemalloc
from datetime import date, datetime

from lxml import etree

from pos.saft import elements, masterfiles, text
from pos.saft.period import period_for
from pos.saft.validator import KeyRing, validate
from pos.saft.writer import export
from pos.services import saft_demo


def peak_export(app, out) -> int:
    for cached in (masterfiles.customer_id, text.esc, text.unit_price, elements._product,
                   elements._tax_xml):
        cached.cache_clear()
    tracemalloc.start()
    try:
        export(app.db, out, period_for(date(2026, 4, 1), 2026, 3), date(2026, 4, 1))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_is_flat_from_200_to_2200_documents(app, tmp_path, monkeypatch):
    # Rows are fetched in batches; a small batch lets a small test see past it.
    monkeypatch.setattr("pos.saft.queries.BATCH", 100)
    saft_demo.bulk_sales(app, 200, start=datetime(2026, 3, 2, 8, 0, 0))
    small = peak_export(app, tmp_path / "small.xml")
    saft_demo.bulk_sales(app, 2000, start=datetime(2026, 3, 3, 8, 0, 0))
    big = peak_export(app, tmp_path / "big.xml")
    size = (tmp_path / "big.xml").stat().st_size
    # Holding the documents would cost at least their size (~1.5 kB each here).
    assert big - small < 300_000, (small, big)
    assert size > 3_000_000
    count = sum(1 for _ in etree.iterparse(str(tmp_path / "big.xml"),
                                           tag="{*}Invoice"))
    assert count == 2200
    report = validate(tmp_path / "big.xml", keyring=KeyRing(app.verifiers()))
    assert report.ok and report.signatures == 2200, report.text()
