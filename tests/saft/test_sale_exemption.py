"""A sale exempt from Portuguese VAT because of who buys (issue 14 defect 11): goods to a
company in another EU member state (RITI art. 14.º, M16), an export (CIVA art. 14.º, M05),
services to a business abroad (reverse charge, M40) — at the facade, in SAF-T, on a note."""

from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from pos.domain.customer import make_customer
from pos.domain.errors import ValidationError

from .conftest import NS

SPAIN = dict(nif="ESB12345678", name="Cliente Español, S.L.", address="Calle Mayor, 5",
             city="Madrid", postal_code="28013")


def spanish():
    return make_customer(**SPAIN)


def test_an_intra_community_supply_is_invoiced_without_vat(normal_app, tmp_path, xsd11):
    from pos.saft import schema
    from pos.saft.period import Period
    from pos.saft.validator import KeyRing, validate
    from pos.saft.writer import export

    app = normal_app
    # MER02 8.99 with 6 % VAT: 8.48 without it; PAO01 1.89 at 6 %: 1.78.
    ft = app.sell_items([("MER02", Decimal(2)), ("PAO01", Decimal(1))], "FT", spanish(),
                        exemption="m16")
    assert [(ln.tax_code, ln.tax_percentage, ln.exemption_code) for ln in ft.lines] == \
        [("ISE", Decimal(0), "M16")] * 2
    assert ft.lines[0].exemption_reason == "Isento artigo 14.º do RITI"
    assert ft.lines[0].unit_price == Decimal("8.48")
    assert (ft.totals.tax, ft.totals.gross) == (Decimal("0.00"), Decimal("18.74"))
    # A credit note keeps the exemption of what it corrects.
    nc = app.credit(ft.document_no, "Devolução", [(1, Decimal(1))])
    assert (nc.lines[0].exemption_code, nc.totals.gross) == ("M16", Decimal("8.48"))

    out = tmp_path / "saft.xml"
    export(app.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), date(2026, 3, 14))
    assert schema.validate_xsd11(out, xsd11) == []
    report = validate(out, keyring=KeyRing(app.verifiers()))
    assert report.ok, report.text()
    root = etree.parse(str(out)).getroot()
    (inv,) = root.xpath(f"//s:Invoice[s:InvoiceNo='{ft.document_no}']", namespaces=NS)
    tax = inv.find("s:Line/s:Tax", NS)
    assert (tax.findtext("s:TaxCode", namespaces=NS),
            tax.findtext("s:TaxPercentage", namespaces=NS)) == ("ISE", "0")
    line = inv.find("s:Line", NS)
    assert line.findtext("s:TaxExemptionCode", namespaces=NS) == "M16"
    assert line.findtext("s:TaxExemptionReason", namespaces=NS) == "Isento artigo 14.º do RITI"
    who = inv.findtext("s:CustomerID", namespaces=NS)
    (customer,) = root.xpath(f"//s:Customer[s:CustomerID='{who}']", namespaces=NS)
    assert customer.findtext("s:CustomerTaxID", namespaces=NS) == "B12345678"
    assert customer.findtext("s:BillingAddress/s:Country", namespaces=NS) == "ES"


def test_an_export_and_a_reverse_charged_service(normal_app):
    app = normal_app
    us = make_customer("123-45-6789", "Acme Inc.", "1 Main St", "Boston", "02108", "US")
    export = app.sell_items([("MER02", Decimal(1))], "FR", us, payments=(("NU", None),),
                            exemption="M05")
    assert (export.lines[0].exemption_code, export.totals.gross) == ("M05", Decimal("8.48"))
    # SRV01 is a service at 23 %: 3.00 is 2.44 without VAT, reverse charged by the buyer.
    service = app.sell_items([("SRV01", Decimal(1))], "FT", spanish(), exemption="M40")
    assert service.lines[0].exemption_reason == "IVA - autoliquidação"
    assert service.totals.gross == Decimal("2.44")


@pytest.mark.parametrize("doc_type, customer, code, items, words", [
    ("FT", "pt", "M16", [("MER02", 1)], "o país do cliente é PT"),
    ("FT", "us", "M16", [("MER02", 1)], "Estado-Membro"),
    ("FT", "pt", "M05", [("MER02", 1)], "cliente estrangeiro"),
    ("FS", "es", "M16", [("MER02", 1)], "não em FS"),
    ("FT", None, "M05", [("MER02", 1)], "número de contribuinte do cliente"),
    ("FT", "es", "M99", [("MER02", 1)], "Isenção desconhecida"),
    ("FT", "es", "M40", [("MER02", 1)], "serviços"),
    ("FT", "es", "M16", [("SRV01", 1)], "bens"),
])
def test_an_exemption_that_does_not_fit_the_sale_is_refused(normal_app, doc_type, customer,
                                                            code, items, words):
    customers = {"pt": make_customer("123456789", "Cliente, Lda.", "Rua A", "Lisboa",
                                     "1000-001"),
                 "us": make_customer("123-45-6789", "Acme Inc.", "1 Main St", "Boston",
                                     "02108", "US"),
                 "es": spanish(), None: None}
    before = len(normal_app.documents())
    with pytest.raises(ValidationError, match=words):
        normal_app.sell_items([(c, Decimal(q)) for c, q in items], doc_type,
                              customers[customer], exemption=code)
    assert len(normal_app.documents()) == before


def test_the_command_line_sells_with_an_exemption(cli):
    import json

    cli("init", "--demo", check=True)
    out = cli("sell", "--type", "FT", "--item", "MER02:2", "--customer-nif", "ESB12345678",
              "--customer-name", "Hola, S.L.", "--customer-city", "Madrid",
              "--exemption", "m16", "--json", check=True)
    doc = json.loads(out.stdout)
    assert doc["customer"]["nif"] == "B12345678" and doc["customer"]["country"] == "ES"
    assert doc["gross_total"] == "16.96"
    assert {ln["exemption_code"] for ln in doc["lines"]} == {"M16"}
    bad = cli("sell", "--type", "FT", "--item", "MER02", "--customer-nif", "123456789",
              "--customer-name", "X", "--exemption", "M16")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().count("\n") == 0 and "M16" in bad.stderr
