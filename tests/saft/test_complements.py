"""What an invoice says beyond its lines (issue 14: service complements, defect 14): the
supply date, a contract and the period a service covers (its end the SAF-T TaxPointDate),
and a correcting note's purpose and coded reason — recorded, printed, exported."""

from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from pos.domain.complements import make_complements
from pos.domain.customer import make_customer
from pos.domain.errors import ValidationError

from .conftest import NS


def customer():
    return make_customer("123456789", "Cliente, Lda.", "Rua A, 1", "Lisboa", "1000-001")


def export_checked(app, tmp_path, xsd11):
    from pos.saft import schema
    from pos.saft.period import Period
    from pos.saft.validator import KeyRing, validate
    from pos.saft.writer import export

    out = tmp_path / "saft.xml"
    export(app.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), date(2026, 3, 14))
    assert schema.validate_xsd11(out, xsd11) == []
    report = validate(out, keyring=KeyRing(app.verifiers()))
    assert report.ok, report.text()
    return etree.parse(str(out)).getroot()


def invoice(root, number):
    (inv,) = root.xpath(f"//s:Invoice[s:InvoiceNo='{number}']", namespaces=NS)
    return inv


def test_a_service_on_contract_and_a_supply_date_are_kept_and_exported(normal_app, tmp_path,
                                                                     xsd11):
    from printing.layout import receipt_text

    app = normal_app
    monthly = app.sell_items([("SRV01", Decimal(1))], "FT", customer(),
                             complements=make_complements(
                                 contract="CT-2026/0042", period_start=date(2026, 2, 1),
                                 period_end=date(2026, 2, 28)))
    delivered = app.sell_items([("MER02", Decimal(1))], "FT", customer(),
                               complements=make_complements(supply_date=date(2026, 3, 9)))
    same_day = app.sell_items([("MER02", Decimal(1))], "FT", customer(),
                              complements=make_complements(supply_date=date(2026, 3, 14)))
    assert same_day.complements is None               # the invoice's own date says nothing
    stored = app.document(monthly.document_no).complements
    assert (stored.contract, stored.period_start, stored.period_end) == (
        "CT-2026/0042", date(2026, 2, 1), date(2026, 2, 28))

    text = receipt_text(monthly, app.issuer(), app.qr(monthly))
    assert "Contrato n.º: CT-2026/0042" in text
    assert "Período: 2026-02-01 a 2026-02-28" in text
    assert "Data de fornecimento: 2026-03-09" in receipt_text(delivered, app.issuer(),
                                                              app.qr(delivered))

    # The e-Fatura communication says the same (FATCORE LineSummary).
    from sync.payloads import line_summaries

    (summary,) = line_summaries(app.document(monthly.document_no))
    assert summary["TaxPointDate"] == date(2026, 2, 28)
    assert summary["OrderReferences"] == [{"OriginatingON": "CT-2026/0042"}]

    root = export_checked(app, tmp_path, xsd11)
    line = invoice(root, monthly.document_no).find("s:Line", NS)
    assert line.findtext("s:TaxPointDate", namespaces=NS) == "2026-02-28"
    assert line.findtext("s:OrderReferences/s:OriginatingON", namespaces=NS) == "CT-2026/0042"
    line = invoice(root, delivered.document_no).find("s:Line", NS)
    assert line.findtext("s:TaxPointDate", namespaces=NS) == "2026-03-09"
    assert line.find("s:OrderReferences", NS) is None
    line = invoice(root, same_day.document_no).find("s:Line", NS)
    assert line.findtext("s:TaxPointDate", namespaces=NS) == "2026-03-14"


def test_a_credit_note_says_its_purpose_and_coded_reason(normal_app, tmp_path, xsd11):
    from printing.layout import receipt_text

    app = normal_app
    ft = app.sell_items([("SRV01", Decimal(2))], "FT", customer(),
                        complements=make_complements(contract="CT-7"))
    nc = app.credit(ft.document_no, "Preço errado", [(1, Decimal(1))],
                    complements=make_complements(purpose="credit-adjustment",
                                                 reason_code="price_error", contract="CT-7"))
    kept = app.document(nc.document_no).complements
    assert (kept.purpose, kept.reason_code) == ("credit_adjustment", "price_error")
    text = receipt_text(nc, app.issuer(), app.qr(nc))
    assert "Finalidade: Ajuste a crédito" in text and "Motivo: Erro de preço" in text
    root = export_checked(app, tmp_path, xsd11)
    line = invoice(root, nc.document_no).find("s:Line", NS)
    assert line.findtext("s:OrderReferences/s:OriginatingON", namespaces=NS) == "CT-7"
    assert line.findtext("s:References/s:Reference", namespaces=NS) == ft.document_no


def test_the_a4_invoice_shows_complements_and_unit_prices_without_vat(normal_app, tmp_path):
    from printing.pdf import document_pdf
    from tests.printing.test_pdf import pdf_text

    app = normal_app
    ft = app.sell_items([("MER02", Decimal(3))], "FT", customer(), complements=make_complements(
        supply_date=date(2026, 3, 2), contract="CT-9"))
    path = tmp_path / "ft.pdf"
    path.write_bytes(document_pdf(ft, app.issuer(), app.qr(ft)))
    (page,) = pdf_text(path)
    assert "Preço s/ IVA" in page and "Preço c/ IVA" in page
    # 8.99 with 6 % VAT is 8.4811 without it: to 4 decimals, then the shelf price.
    assert "8,4811" in page and "8,99" in page
    assert "Data de fornecimento: 2026-03-02" in page and "Contrato n.º: CT-9" in page


@pytest.mark.parametrize("doc_type, given, words", [
    ("FS", dict(contract="X"), "não em FS"),
    ("FT", dict(supply_date=date(2026, 3, 20)), "posterior"),
    ("FT", dict(purpose="substitution"), "corrige outro"),
    ("FT", dict(reason_code="price_error"), "corrige outro"),
])
def test_complements_that_do_not_fit_the_document_are_refused(normal_app, doc_type, given,
                                                              words):
    before = len(normal_app.documents())
    with pytest.raises(ValidationError, match=words):
        normal_app.sell_items([("MER02", Decimal(1))], doc_type, customer(),
                              complements=make_complements(**given))
    assert len(normal_app.documents()) == before


@pytest.mark.parametrize("given, words", [
    (dict(period_start=date(2026, 3, 2), period_end=date(2026, 3, 1)), "antes"),
    (dict(period_start=date(2026, 3, 2)), "início e fim"),
    (dict(supply_date=date(2026, 3, 2), period_start=date(2026, 2, 1),
          period_end=date(2026, 2, 28)), "não os dois"),
    (dict(contract="C\x1b[2J"), "contrato"),
    (dict(contract="C" * 61), "contrato"),
    (dict(purpose="refund"), "Finalidade desconhecid"),
    (dict(reason_code="whim"), "Motivo desconhecido"),
])
def test_malformed_complements_are_one_sentence(given, words):
    with pytest.raises(ValidationError, match=words):
        make_complements(**given)


def test_a_debit_note_cannot_say_it_credits(normal_app):
    from pos.domain.complements import Complements, check

    with pytest.raises(ValidationError, match="debit_adjustment"):
        check(Complements(purpose="credit_adjustment"), "ND", date(2026, 3, 14))
    assert check(Complements(purpose="debit_adjustment"), "ND", date(2026, 3, 14))


def test_the_command_line_records_complements_on_sales_and_notes(cli):
    import json

    cli("init", "--demo", check=True)
    ft = json.loads(cli("sell", "--type", "FT", "--item", "SRV01", "--customer-nif",
                        "123456789", "--customer-name", "Cliente", "--contract", "CT-1",
                        "--period", "2026-01-01:2026-01-31", "--json", check=True).stdout)
    assert ft["complements"] == {"contract": "CT-1", "period_start": "2026-01-01",
                                 "period_end": "2026-01-31"}
    nc = json.loads(cli("credit-note", ft["number"], "--reason", "Serviço cancelado",
                        "--purpose", "credit_adjustment", "--reason-code",
                        "service_discontinued", "--json", check=True).stdout)
    assert nc["complements"] == {"purpose": "credit_adjustment",
                                 "reason_code": "service_discontinued"}
    for args, words in ((("--period", "2026-01-31"), "Período inválido"),
                        (("--period", "2026-02-01:2026-01-01"), "antes de começar")):
        bad = cli("sell", "--type", "FT", "--item", "SRV01", "--customer-nif", "123456789",
                  "--customer-name", "Cliente", *args)
        assert bad.returncode == 2 and words in bad.stderr and "Traceback" not in bad.stderr


def test_a_paper_invoice_recovered_with_its_complements_and_exemption(normal_app, tmp_path,
                                                                     xsd11):
    from datetime import datetime

    from pos.domain.documents import cart_line
    from pos.services.manual_recovery import ManualEntry

    from .inspected import TYPOGRAPHY

    app = normal_app
    app.add_series("FT", "R2026", "ATRFT2026X", kind="R")
    app.start_inoperability(datetime(2026, 3, 9, 8, 0), "Avaria do computador",
                            ended_at=datetime(2026, 3, 12, 20, 0))
    book = app.add_book("FT", "abc", 1, 50, validation_code="ABCD1234", **TYPOGRAPHY)
    spain = make_customer("ESB12345678", "Cliente Español, S.L.", "Calle Mayor, 5", "Madrid",
                          "28013")
    doc = app.recover_manual(ManualEntry(
        number="00007", doc_date=date(2026, 3, 10), book_id=book.id, customer=spain,
        lines=(cart_line(app.product("MER02"), Decimal(1)),), exemption="M16",
        complements=make_complements(supply_date=date(2026, 3, 6), contract="ES-1")))
    kept = app.document(doc.document_no)
    assert (kept.complements.supply_date, kept.complements.contract) == (date(2026, 3, 6),
                                                                         "ES-1")
    assert (kept.lines[0].exemption_code, kept.totals.gross) == ("M16", Decimal("8.48"))
    line = invoice(export_checked(app, tmp_path, xsd11), doc.document_no).find("s:Line", NS)
    assert line.findtext("s:TaxPointDate", namespaces=NS) == "2026-03-06"
    assert line.findtext("s:TaxExemptionCode", namespaces=NS) == "M16"
