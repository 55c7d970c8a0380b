"""A transport guide written on a form, with the code from AT's phone service (RBC5 n.º 6 b)."""

import json
from datetime import date, datetime

import pytest

from pos.domain.errors import ValidationError

from .helpers import TYPOGRAPHY, entry, outbox


def _paper(shop, book_id, number="0001", vehicle="12-AB-34", **kw):
    from pos.domain.customer import make_customer
    from pos.services.manual_transport import Address, PaperTransport
    customer = make_customer("123456789", "Cliente Exemplo", "Rua Nova, 5", "Porto",
                             "4000-001")
    kw.setdefault("at_code", "PHONE-123456")
    return PaperTransport(
        entry=entry(shop, number, book_id=book_id, customer=customer,
                    items=(("MER01", 10), ("MER02", 2))),
        movement_start=datetime(2026, 3, 10, 8, 30), vehicle=vehicle,
        load=Address("Armazém, Rua da Sé, 1", "Lisboa", "1100-585"), **kw)


@pytest.fixture
def gt_book(shop):
    return shop.add_book("GT", "gt", 1, 100, validation_code="GTVALID1", **TYPOGRAPHY)


def test_paper_transport_is_recovered_and_queued_with_its_deadline(shop, gt_book):
    doc = shop.record_paper_transport(_paper(shop, gt_book.id))
    assert doc.doc_type == "GT" and doc.document_no == "GT R2026/1"
    assert doc.hash_control == "1-GTM gt/0001" and doc.source_billing == "M"
    assert doc.at_doc_code == "PHONE-123456"
    assert shop.document(doc.document_no).at_doc_code == "PHONE-123456"
    rows = outbox(shop, document_id=doc.id)
    assert [r.kind for r in rows] == ["transport_paper"]   # never a second electronic one
    # Tuesday 10 March 2026 + 5 working days = Tuesday 17 March, end of day.
    assert rows[0].deadline == datetime(2026, 3, 17, 23, 59, 59)
    data = json.loads(rows[0].payload)
    assert data["ATDocCodeID"] == "PHONE-123456"
    assert data["DocumentNumber"] == "GT gt/0001"
    assert data["ATCUD"] == "GTVALID1-0001"   # the form's digits, zeros kept
    assert data["MovementType"] == "GT" and data["MovementStatus"] == "N"
    assert data["MovementDate"] == "2026-03-10"
    assert data["MovementStartTime"] == "2026-03-10T08:30:00"
    assert data["CustomerTaxID"] == "123456789"
    assert data["AddressFrom"]["City"] == "Lisboa"
    assert data["AddressTo"] == {"Addressdetail": "Rua Nova, 5", "City": "Porto",
                                 "PostalCode": "4000-001", "Country": "PT"}
    assert data["VehicleID"] == "12-AB-34"
    assert [ln["ProductDescription"] for ln in data["Line"]] == [
        "Arroz carolino 1 kg", "Azeite virgem extra 75 cl"]
    assert data["recovered_document"] == "GT R2026/1"
    assert shop.book_report(gt_book.id).recovered == {1: "GT R2026/1"}


def test_deadline_skips_weekends_and_national_holidays():
    from pos.services.manual_transport import deadline_for
    # Thursday 2 April 2026: Good Friday 3 April is a holiday.
    assert deadline_for(date(2026, 4, 2)) == datetime(2026, 4, 10, 23, 59, 59)
    # Saturday: counting starts on Monday.
    assert deadline_for(date(2026, 3, 14)) == datetime(2026, 3, 20, 23, 59, 59)


def test_deadline_counts_from_the_phone_call(shop, gt_book):
    doc = shop.record_paper_transport(_paper(shop, gt_book.id, called_on=date(2026, 3, 9)))
    (row,) = outbox(shop, document_id=doc.id)
    assert row.deadline == datetime(2026, 3, 16, 23, 59, 59)


def test_paper_transport_checks(shop, gt_book, book):
    with pytest.raises(ValidationError, match="código dado pela AT"):
        shop.record_paper_transport(_paper(shop, gt_book.id, at_code=" "))
    with pytest.raises(ValidationError, match="só para guias"):
        shop.record_paper_transport(_paper(shop, book.id, number="00001"))
    no_code = shop.add_book("GT", "gx", 1, 10, **TYPOGRAPHY)
    with pytest.raises(ValidationError, match="ATCUD"):
        shop.record_paper_transport(_paper(shop, no_code.id))
    assert outbox(shop, kind="transport_paper") == []


def test_paper_guide_prints_its_places_and_vehicle(shop, gt_book, tmp_path):
    """The vehicle and the load/unload places are on the guide, on paper and in the PDF."""
    import shutil
    import subprocess

    from printing.layout import receipt_text
    from printing.pdf import document_pdf

    issued = shop.record_paper_transport(_paper(shop, gt_book.id, vehicle="aa-00-bb"))
    for doc in (issued, shop.document(issued.document_no)):    # fresh and read back
        assert doc.transport.vehicle == "AA-00-BB"
        text = " ".join(receipt_text(doc, shop.issuer(), shop.qr(doc)).split())
        assert "Viatura: AA-00-BB" in text
        assert "Carga: Armazém, Rua da Sé, 1, 1100-585 Lisboa" in text
        assert "Descarga: Rua Nova, 5, 4000-001 Porto" in text
    pdf = tmp_path / "gt.pdf"
    pdf.write_bytes(document_pdf(issued, shop.issuer(), shop.qr(issued)))
    out = tmp_path / "gt.txt"
    subprocess.run([shutil.which("gs"), "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite",
                    f"-sOutputFile={out}", str(pdf)], check=True)
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "Viatura: AA-00-BB" in text and "Descarga: Rua Nova, 5" in text


@pytest.mark.parametrize("plate", ["AA\x1b00BB", "A" * 33, "AÇ-00-BB", "-AA"])
def test_a_malformed_vehicle_is_refused_before_signing(shop, gt_book, plate):
    with pytest.raises(ValidationError, match="Matrícula inválida"):
        shop.record_paper_transport(_paper(shop, gt_book.id, vehicle=plate))
    assert outbox(shop, kind="transport_paper") == []
