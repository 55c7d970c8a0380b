"""The shop with every kind of document (tests/saft/every_kind.py) and the shops of companies
in the Azores and Madeira export a SAF-T that passes AT's XSD 1.1 with its assertions and
every cross-check of `caixa saft validate`, each signature verified (issue 14, "Done
when")."""

from datetime import date, datetime

import pytest
from lxml import etree

from pos.saft import schema
from pos.saft.validator import validate

from .conftest import NS, TODAY, _copy


def _export(demo_template, tmp_path_factory, name, build):
    from pos.bootstrap import open_app
    from pos.saft.period import Period
    from pos.saft.validator import KeyRing
    from pos.saft.writer import export
    from pos.services.ports import FixedClock

    with _copy(demo_template, tmp_path_factory.mktemp(name)) as path:
        app = open_app(str(path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
        roles = build(app)
        out = path.parent / f"saft-{name}.xml"
        export(app.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), TODAY)
        keyring = KeyRing(app.verifiers())
        app.close()
    return out, roles, keyring


@pytest.fixture(scope="module")
def every_kind(demo_template, tmp_path_factory):
    from .every_kind import build
    return _export(demo_template, tmp_path_factory, "every", build)


def passes(path, keyring, xsd11, receipts=0):
    assert schema.validate_xsd11(path, xsd11) == []
    report = validate(path, keyring=keyring)
    assert report.ok, report.text()
    # Every document's signature verified, but receipts' (RG are not signed).
    assert report.signatures == report.documents - receipts and report.unverifiable == 0
    return etree.parse(str(path)).getroot()


def test_every_kind_of_document_passes_the_xsd_and_every_check(every_kind, xsd11):
    path, roles, keyring = every_kind
    root = passes(path, keyring, xsd11, receipts=1)

    def types(table, tag):
        return {e.text for e in root.xpath(f"//s:{table}//s:{tag}", namespaces=NS)}

    assert types("SalesInvoices", "InvoiceType") == {"FS", "FR", "FT", "NC", "ND"}
    assert types("MovementOfGoods", "MovementType") == {"GT"}
    assert types("Payments", "PaymentType") == {"RG"}

    def invoice(role):
        (el,) = root.xpath(f"//*[s:InvoiceNo='{roles[role]}' or s:DocumentNumber="
                           f"'{roles[role]}']", namespaces=NS)
        return el

    def status(role):
        return invoice(role).findtext("s:DocumentStatus/s:InvoiceStatus", namespaces=NS)

    def control(role):
        return invoice(role).findtext("s:HashControl", namespaces=NS)

    assert status("ft_cancelled") == "A" and status("fs_cancelled") == "A"
    # Recovered from paper (M) and re-entered duplicates (D) say so.
    assert control("fs_paper") == "1-FSM fsp/00003"
    assert control("ft_paper") == "1-FTM abc/00005"
    assert control("fs_duplicate") == f"1-FSD {roles['fs_lost']}"
    # The exempt sale to Spain: M16 on every line, the supply date as its tax point.
    exempt = invoice("ft_exempt")
    assert {e.text for e in exempt.xpath(".//s:TaxExemptionCode", namespaces=NS)} == {"M16"}
    assert {e.text for e in exempt.xpath(".//s:TaxPointDate", namespaces=NS)} == \
        {"2026-03-12"}
    # The service on contract and its full credit note.
    assert invoice("ft_service").findtext("s:Line/s:TaxPointDate", namespaces=NS) == \
        "2026-02-28"
    note = invoice("nc_full")
    assert note.findtext("s:Line/s:References/s:Reference", namespaces=NS) == \
        roles["ft_service"]
    assert note.findtext("s:Line/s:OrderReferences/s:OriginatingON", namespaces=NS) == \
        "CT-0042"
    assert note.findtext("s:DocumentTotals/s:GrossTotal", namespaces=NS) == \
        invoice("ft_service").findtext("s:DocumentTotals/s:GrossTotal", namespaces=NS)
    # The electronic guide and the paper one with its AT code.
    assert invoice("gt").find("s:ATDocCodeID", NS) is None
    assert invoice("gt_paper").findtext("s:ATDocCodeID", namespaces=NS) == "PHONE-42"


@pytest.mark.parametrize("region, normal", [("PT-AC", "16"), ("PT-MA", "22")])
def test_shops_in_the_azores_and_madeira(demo_template, tmp_path_factory, xsd11, region,
                                         normal):
    from .every_kind import regional

    path, roles, keyring = _export(demo_template, tmp_path_factory, region,
                                   lambda app: regional(app, region))
    root = passes(path, keyring, xsd11)
    regions = {e.text for e in root.xpath("//s:SalesInvoices//s:Tax/s:TaxCountryRegion",
                                          namespaces=NS)}
    assert regions == {region}
    (ft,) = root.xpath(f"//s:Invoice[s:InvoiceNo='{roles['ft']}']", namespaces=NS)
    assert normal in {e.text for e in ft.xpath(".//s:TaxPercentage", namespaces=NS)}
    table = {(e.findtext("s:TaxCountryRegion", namespaces=NS),
              e.findtext("s:TaxCode", namespaces=NS))
             for e in root.xpath("//s:TaxTableEntry", namespaces=NS)}
    assert (region, "NOR") in table


@pytest.mark.parametrize("buyer, words", [("ft_service", "cliente de PT"),
                                          ("fs", "sem número de IVA")])
def test_an_intra_community_supply_to_a_buyer_outside_another_member_state(
        every_kind, tmp_path, buyer, words):
    from .test_validator import alter

    path, roles, keyring = every_kind

    def invoice(root, role):
        (el,) = root.xpath(f"//s:Invoice[s:InvoiceNo='{roles[role]}']", namespaces=NS)
        return el

    def change(root):
        who = invoice(root, buyer).findtext("s:CustomerID", namespaces=NS)
        invoice(root, "ft_exempt").find("s:CustomerID", NS).text = who

    report = validate(alter(path, tmp_path, change), keyring=keyring)
    found = [str(p) for p in report.problems]
    assert [p for p in found if p.startswith(roles["ft_exempt"]) and "M16" in p
            and words in p], found
