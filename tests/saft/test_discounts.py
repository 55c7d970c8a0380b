"""Line discounts in SAF-T: SettlementAmount (Portaria 302/2016 4.1.4.19.18, D8632 §2.6.2)."""

from datetime import date
from decimal import Decimal

from lxml import etree

from .conftest import NS


def test_a_discounted_line_exports_its_settlement_amount(normal_app, tmp_path, xsd11):
    from pos.domain.documents import Customer, cart_line
    from pos.saft import schema
    from pos.saft.period import Period
    from pos.saft.writer import export
    from pos.services.issuing import IssueRequest

    app = normal_app
    customer = Customer("123456789", "Cliente, Lda.", "Rua A, 1", "Lisboa", "1000-001")
    # MER02 8.99 at 6 %: 2 x 8.99 = 17.98, minus 1.06 = 16.92; the discount without VAT
    # is 1.00. PAO01 has none.
    ft = app.sell(IssueRequest(doc_type="FT", customer=customer, lines=(
        cart_line(app.product("MER02"), 2, discount=Decimal("1.06")),
        cart_line(app.product("PAO01"), 1))))
    assert ft.lines[0].settlement_amount == Decimal("1.00")
    out = tmp_path / "saft.xml"
    export(app.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), date(2026, 3, 14))
    assert schema.validate_xsd11(out, xsd11) == []
    (inv,) = etree.parse(str(out)).xpath(f"//s:Invoice[s:InvoiceNo='{ft.document_no}']",
                                         namespaces=NS)
    first, second = inv.findall("s:Line", NS)
    assert first.findtext("s:SettlementAmount", namespaces=NS) == "1.00"
    assert second.find("s:SettlementAmount", NS) is None
    # UnitPrice stays net of VAT and of the discount (4.1.4.19.7): ~16.92 / 1.06 / 2.
    net = ft.lines[0].net_amount
    assert abs(net - Decimal("15.96")) <= Decimal("0.01")        # the rate's cent may land here
    assert first.findtext("s:CreditAmount", namespaces=NS) == str(net)
    assert Decimal(first.findtext("s:UnitPrice", namespaces=NS)) == net / 2
    tags = [etree.QName(e).localname for e in first]
    assert tags[-1] == "SettlementAmount" and tags[-2] == "Tax"    # the XSD's order
