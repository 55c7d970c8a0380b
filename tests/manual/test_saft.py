"""A recovered invoice in the SAF-T file: SourceBilling M, HashControl, XSD, signature."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from lxml import etree

from .helpers import TYPOGRAPHY, entry, lines

NS = {"s": "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"}


@pytest.fixture
def exported(desk, book, clock, tmp_path, shared_at):
    from pos.saft.period import Period
    from pos.saft.writer import export
    from pos.services.manual_recovery import DuplicateEntry
    from pos.services.manual_transport import Address, PaperTransport
    from pos.services.till import make_customer

    till = desk.till
    # A training sale first: it must never reach the file.
    till.set_training_mode(True)
    till.sell([("PAO01", 1)], "FS")
    till.set_training_mode(False)
    clock.advance(minutes=1)
    # Recovered out of date order: the recovery series follows the forms' own dates.
    desk.recover(entry(till, "00005", day=date(2026, 3, 12),
                       customer=make_customer("123456789", "Cliente", "Rua A, 1", "Lisboa",
                                              "1000-001")))
    desk.recover(entry(till, "00002", day=date(2026, 3, 10), items=(("BEB05", 1),)))
    till.sell([("PAO01", 1)], "FS")
    clock.advance(minutes=1)
    till.credit_note("FT R2026/1", "Devolução")
    # A lost duplicate, re-entered after closing the series.
    desk.close_series("Reposição de cópia", {("FS", "A2026"): 2})
    desk.duplicate(DuplicateEntry("FS A2026/2", date(2026, 3, 14), lines(till, ("CAF01", 2)),
                                  payments=(("NU", Decimal("5")),)))
    gt = desk.add_book("GT", "gt", 1, 10, validation_code="GTVALID1", **TYPOGRAPHY)
    desk.transport(PaperTransport(
        entry(till, "01", day=date(2026, 3, 11), book_id=gt.id,
              customer=make_customer("123456789", "Cliente", "Rua A, 1", "Lisboa",
                                     "1000-001")),
        movement_start=datetime(2026, 3, 11, 9, 0), at_code="TEL-1",
        load=Address("Rua da Sé, 1", "Lisboa", "1100-585")))
    out = tmp_path / "saft.xml"
    export(till.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), clock.now().date())
    return out


def test_recovered_documents_export_and_validate(exported, shared_at, desk):
    from pos.saft import schema

    assert schema.validate_xsd10(exported, shared_at / "SAFTPT1.04_01.xsd") == []
    tree = etree.parse(str(exported))

    def invoice(number):
        (el,) = tree.xpath(f"//s:Invoice[s:InvoiceNo='{number}']", namespaces=NS)
        return {c: el.findtext(f"s:{c}", namespaces=NS) for c in (
            "InvoiceDate", "SystemEntryDate", "HashControl", "Hash")} | {
            "SourceBilling": el.findtext("s:DocumentStatus/s:SourceBilling", namespaces=NS)}

    ft = invoice("FT R2026/1")
    assert ft["SourceBilling"] == "M"
    assert ft["HashControl"] == "1-FTM abc/00005"
    assert ft["InvoiceDate"] == "2026-03-12"
    assert ft["SystemEntryDate"] == "2026-03-14T10:16:30"
    assert invoice("FT R2026/2")["HashControl"] == "1-FTM abc/00002"
    assert invoice("FS R2026/1")["HashControl"] == "1-FSD FS A2026/2"
    assert invoice("FS R2026/1")["SourceBilling"] == "M"
    refs = tree.xpath("//s:Invoice[s:InvoiceType='NC']//s:References/s:Reference/text()",
                      namespaces=NS)
    assert refs and set(refs) == {"FTM abc/00005"}
    (gt,) = tree.xpath("//s:StockMovement", namespaces=NS)
    assert gt.findtext("s:HashControl", namespaces=NS) == "1-GTM gt/01"
    assert gt.findtext("s:ATDocCodeID", namespaces=NS) == "TEL-1"
    # Training documents stay out of the file.
    assert "DEMO2026" not in exported.read_text(encoding="utf-8")


def test_recovered_file_passes_the_saft_validator_with_signatures(exported, shared_at, desk):
    from pos.saft.validator import KeyRing, validate

    report = validate(exported, shared_at / "SAFTPT1.04_01.xsd",
                      keyring=KeyRing(by_version=desk.till.keys.verifiers()))
    assert report.ok, report.text()
    assert report.signatures == report.documents
