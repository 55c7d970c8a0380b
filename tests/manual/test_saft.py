"""A recovered invoice in the SAF-T file: SourceBilling M, HashControl, XSD, signature."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from lxml import etree

from .helpers import TYPOGRAPHY, entry, lines

NS = {"s": "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"}


@pytest.fixture
def exported(shop, book, clock, tmp_path, shared_at):
    from pos.domain.customer import make_customer
    from pos.saft.period import Period
    from pos.saft.writer import export
    from pos.services.manual_recovery import DuplicateEntry
    from pos.services.manual_transport import Address, PaperTransport

    # A training sale first: it must never reach the file.
    shop.set_training_mode(True)
    shop.sell_items([("PAO01", 1)], "FS")
    shop.set_training_mode(False)
    clock.advance(minutes=1)
    # Recovered out of date order: the recovery series follows the forms' own dates.
    shop.recover_manual(entry(shop, "00005", day=date(2026, 3, 12),
                              customer=make_customer("123456789", "Cliente", "Rua A, 1",
                                                     "Lisboa", "1000-001")))
    shop.recover_manual(entry(shop, "00002", day=date(2026, 3, 10), items=(("BEB05", 1),),
                              date_reason="Impresso esquecido na gaveta"))
    shop.sell_items([("PAO01", 1)], "FS")
    clock.advance(minutes=1)
    shop.credit("FT R2026/1", "Devolução")
    # A lost duplicate, re-entered after closing the series.
    shop.close_series_for_data_loss("Reposição de cópia", {("FS", "A2026"): 2})
    shop.reenter_duplicate(DuplicateEntry("FS A2026/2", date(2026, 3, 14),
                                          lines(shop, ("CAF01", 2)),
                                          payments=(("NU", Decimal("5")),)))
    gt = shop.add_book("GT", "gt", 1, 10, validation_code="GTVALID1", **TYPOGRAPHY)
    shop.record_paper_transport(PaperTransport(
        entry(shop, "01", day=date(2026, 3, 11), book_id=gt.id,
              customer=make_customer("123456789", "Cliente", "Rua A, 1", "Lisboa",
                                     "1000-001")),
        movement_start=datetime(2026, 3, 11, 9, 0), at_code="TEL-1", vehicle="AA-00-BB",
        load=Address("Rua da Sé, 1", "Lisboa", "1100-585")))
    out = tmp_path / "saft.xml"
    export(shop.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), clock.now().date())
    return out


def test_recovered_documents_export_and_validate(exported, shared_at, shop):
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
    assert refs and set(refs) == {"FT abc/00005"}
    (gt,) = tree.xpath("//s:StockMovement", namespaces=NS)
    assert gt.findtext("s:HashControl", namespaces=NS) == "1-GTM gt/01"
    assert gt.findtext("s:ATDocCodeID", namespaces=NS) == "TEL-1"
    # The vehicle is ShipFrom/DeliveryID (P302 4.2.3.17.1); the places are the guide's own.
    assert gt.findtext("s:ShipFrom/s:DeliveryID", namespaces=NS) == "AA-00-BB"
    assert gt.findtext("s:ShipFrom/s:Address/s:AddressDetail", namespaces=NS) == \
        "Rua da Sé, 1"
    assert gt.findtext("s:ShipTo/s:Address/s:AddressDetail", namespaces=NS) == "Rua A, 1"
    assert schema.validate_xsd11(exported, shared_at / "SAFTPT1.04_01.xsd") == []
    # Training documents stay out of the file.
    assert "DEMO2026" not in exported.read_text(encoding="utf-8")


def test_recovered_file_passes_the_saft_validator_with_signatures(exported, shared_at, shop):
    from pos.saft.validator import KeyRing, validate

    report = validate(exported, shared_at / "SAFTPT1.04_01.xsd",
                      keyring=KeyRing(by_version=shop.verifiers()))
    # The credit note on the recovered FT cites it as 'FT abc/00005' (issue 14, defect 3):
    # nothing is wrong.
    assert report.ok, report.text()
    assert report.signatures == report.documents
