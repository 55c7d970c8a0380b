"""`caixa saft validate` beyond the XSD: each cross-check an inspector makes, shown failing on
an export altered the way a wrong program (or a hand) would alter it.

The unaltered export of tests/saft/inspected.py passes every check: each test below changes
one thing and expects the validator to name it, so removing a check makes its test fail.
"""

from decimal import Decimal

import pytest
from lxml import etree

from pos.saft import schema
from pos.saft.validator import validate

from .conftest import NS
from .test_validator import alter, one


def doc(root, number):
    return one(root, f"//*[s:InvoiceNo='{number}' or s:DocumentNumber='{number}']")


def found(inspected, tmp_path, change) -> list[str]:
    report = validate(alter(inspected[0], tmp_path, change), keyring=inspected[2])
    return [str(p) for p in report.problems]


def named(problems, where, *words):
    hits = [p for p in problems if p.startswith(f"{where}:") and all(w in p for w in words)]
    assert hits, "\n".join(problems)
    return hits


def test_the_unaltered_export_passes_the_xsd_and_every_check(inspected, xsd11):
    path, roles, keyring = inspected
    assert schema.validate_xsd11(path, xsd11) == []
    report = validate(path, keyring=keyring)
    assert report.ok, report.text()
    assert report.signatures == report.documents == 8
    root = etree.parse(str(path)).getroot()
    # Defects 6 and 7 of issue 14, as exported.
    assert one(root, "//s:Customer[s:BillingAddress/s:Country='ES']/s:CustomerTaxID").text \
        == "B12345678"
    assert doc(root, roles["ft"]).findtext("s:Line[1]/s:SettlementAmount", namespaces=NS) \
        == "1.00"


# ---- NC/ND References ----------------------------------------------------------------------

def test_a_note_line_without_references(inspected, tmp_path):
    nc = inspected[1]["nc"]

    def change(root):
        line = doc(root, nc).find("s:Line", NS)
        line.remove(line.find("s:References", NS))

    named(found(inspected, tmp_path, change), nc, "linha 1", "sem References")


def test_a_reference_without_its_reason(inspected, tmp_path):
    nd = inspected[1]["nd"]

    def change(root):
        refs = doc(root, nd).find("s:Line/s:References", NS)
        refs.remove(refs.find("s:Reason", NS))

    named(found(inspected, tmp_path, change), nd, "não tem Reason")


def test_a_reference_that_is_not_type_series_number(inspected, tmp_path):
    nc = inspected[1]["nc_paper_paper"]

    def change(root):   # what 'credit-note' writes today on a recovered FT (defect 3)
        doc(root, nc).find("s:Line/s:References/s:Reference", NS).text = "FTM abc/00005"

    named(found(inspected, tmp_path, change), nc, "'FTM abc/00005'", "TIPO SÉRIE/N")


def test_a_recovered_document_cited_by_its_recovery_number(inspected, tmp_path):
    roles = inspected[1]
    nc, recovered = roles["nc_paper_paper"], roles["ft_paper"]

    def change(root):
        doc(root, nc).find("s:Line/s:References/s:Reference", NS).text = recovered

    named(found(inspected, tmp_path, change), nc, f"cita {recovered}", "FT abc/00005")


# ---- credits never exceed what was sold ----------------------------------------------------

def test_credits_from_the_program_and_from_paper_add_up(inspected, tmp_path):
    """The program's NC credited 1 PAO01 of 2, the paper NC 1 more: a paper NC of 2 makes 3."""
    roles = inspected[1]

    def change(root):
        doc(root, roles["nc_paper_ft"]).find("s:Line/s:Quantity", NS).text = "2"

    named(found(inspected, tmp_path, change), roles["ft"], "creditado 3 de PAO01",
          "mais do que 2", roles["nc"], roles["nc_paper_ft"])


def test_a_credit_of_a_product_the_invoice_did_not_sell(inspected, tmp_path):
    roles = inspected[1]

    def change(root):
        doc(root, roles["nc_paper_paper"]).find("s:Line/s:ProductCode", NS).text = "PAS01"

    named(found(inspected, tmp_path, change), roles["nc_paper_paper"],
          "credita o produto PAS01", "FT abc/00005")


def test_credited_amounts_above_the_invoice(inspected, tmp_path):
    roles = inspected[1]

    def change(root):
        nc = doc(root, roles["nc_paper_ft"])
        nc.find("s:Line/s:DebitAmount", NS).text = "99.00"

    named(found(inspected, tmp_path, change), roles["ft"], "acima do NetTotal")


# ---- cancelled documents ---------------------------------------------------------------------

def test_a_cancelled_document_without_its_reason(inspected, tmp_path):
    fs = inspected[1]["fs_cancelled"]

    def change(root):
        status = doc(root, fs).find("s:DocumentStatus", NS)
        status.remove(status.find("s:Reason", NS))

    named(found(inspected, tmp_path, change), fs, "anulado sem motivo")


def test_a_cancelled_invoice_still_corrected_by_an_active_note(inspected, tmp_path):
    roles = inspected[1]

    def change(root):
        status = doc(root, roles["ft"]).find("s:DocumentStatus", NS)
        status.find("s:InvoiceStatus", NS).text = "A"
        reason = etree.SubElement(status, f"{{{NS['s']}}}Reason")
        reason.text = "Erro"
        status.insert(2, reason)

    problems = found(inspected, tmp_path, change)
    for note in (roles["nc"], roles["nc_paper_ft"], roles["nd"]):
        named(problems, roles["ft"], "anulado", f"a {note} (ativa)")


# ---- HashControl ------------------------------------------------------------------------------

@pytest.mark.parametrize("role, control, source, words", [
    ("ft_paper", "1-FSM abc/00005", None, ("é de FS", "o documento é FT")),
    ("ft_paper", None, "P", ("SourceBilling P", "devia ser M")),
    ("ft", None, "M", ("SourceBilling M com HashControl '1'",)),
])
def test_hash_control_agrees_with_the_document(inspected, tmp_path, role, control, source,
                                               words):
    number = inspected[1][role]

    def change(root):
        d = doc(root, number)
        if control:
            d.find("s:HashControl", NS).text = control
        if source:
            d.find("s:DocumentStatus/s:SourceBilling", NS).text = source

    named(found(inspected, tmp_path, change), number, *words)


# ---- MovementOfGoods ---------------------------------------------------------------------------

def test_a_cancelled_guide_leaves_the_quantity_but_not_the_line_count(inspected, tmp_path):
    gt = inspected[1]["gt_paper"]

    def cancel(root, adjust):
        status = doc(root, gt).find("s:DocumentStatus", NS)
        status.find("s:MovementStatus", NS).text = "A"
        reason = etree.Element(f"{{{NS['s']}}}Reason")
        reason.text = "Transporte não realizado"
        status.insert(2, reason)
        if adjust:
            one(root, "//s:MovementOfGoods/s:TotalQuantityIssued").text = "0"

    problems = found(inspected, tmp_path, lambda r: cancel(r, False))
    assert [p for p in problems if p.startswith("MovementOfGoods:")] == [
        "MovementOfGoods: TotalQuantityIssued declarado 14.000, mas os documentos dão 0.00"]
    assert found(inspected, tmp_path, lambda r: cancel(r, True)) == []


@pytest.mark.parametrize("tag, value, words", [
    ("ShipFrom", None, ("sem local de carga",)),
    ("ShipTo", "Desconhecido", ("sem local de descarga",)),
    ("MovementStartTime", "2026-03-11T08:30:00", ("anterior à data da guia 2026-03-12",)),
])
def test_guides_name_their_places_and_start_after_their_date(inspected, tmp_path, tag, value,
                                                               words):
    gt = inspected[1]["gt_paper"]

    def change(root):
        el = doc(root, gt).find(f"s:{tag}", NS)
        if value is None:
            el.getparent().remove(el)
        elif tag == "ShipTo":
            el.find("s:Address/s:AddressDetail", NS).text = value
        else:
            el.text = value

    named(found(inspected, tmp_path, change), gt, *words)


def test_the_guide_exports_its_vehicle_and_paper_places(inspected):
    gt = doc(etree.parse(str(inspected[0])).getroot(), inspected[1]["gt_paper"])
    assert gt.findtext("s:ShipFrom/s:DeliveryID", namespaces=NS) == "AA-00-BB"
    assert gt.findtext("s:ShipFrom/s:Address/s:AddressDetail", namespaces=NS) == \
        "Armazém, Rua da Sé, 1"


# ---- MasterFiles --------------------------------------------------------------------------------

def test_a_product_missing_from_master_files(inspected, tmp_path):
    roles = inspected[1]

    def change(root):
        product = one(root, "s:MasterFiles/s:Product[s:ProductCode='MER02']")
        product.getparent().remove(product)

    problems = found(inspected, tmp_path, change)
    for role in ("ft", "ft_paper", "nc_paper_paper"):
        named(problems, roles[role], "produto MER02 não está em MasterFiles")


def test_a_customer_tax_id_with_its_country_prefix(inspected, tmp_path):
    def change(root):
        one(root, "//s:Customer[s:BillingAddress/s:Country='ES']/s:CustomerTaxID").text = \
            "ESB12345678"

    named(found(inspected, tmp_path, change), "cliente ES-B12345678", "ESB12345678",
          "deve ser B12345678")


# ---- SettlementAmount and UnitPrice -------------------------------------------------------------

def test_a_unit_price_that_ignores_the_discount(inspected, tmp_path):
    ft = inspected[1]["ft"]

    def change(root):
        line = doc(root, ft).find("s:Line", NS)
        amount = Decimal(line.findtext("s:CreditAmount", namespaces=NS))
        discount = Decimal(line.findtext("s:SettlementAmount", namespaces=NS))
        line.find("s:UnitPrice", NS).text = str((amount + discount) / 2)

    named(found(inspected, tmp_path, change), ft, "linha 1", "não desconta o SettlementAmount")


def test_a_unit_price_that_does_not_make_the_line(inspected, tmp_path):
    ft = inspected[1]["ft"]

    def change(root):
        doc(root, ft).find("s:Line[2]/s:UnitPrice", NS).text = "9.99"

    named(found(inspected, tmp_path, change), ft, "linha 2", "UnitPrice × Quantity")
