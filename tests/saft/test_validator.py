"""The validator names each alteration an inspector would look for."""

import pytest
from lxml import etree

from pos.saft.validator import KeyRing, validate

from .conftest import NS


def alter(exported, tmp_path, change) -> str:
    """Apply ``change(root)`` to a copy of the export; returns the new file."""
    tree = etree.parse(str(exported))
    change(tree.getroot())
    out = tmp_path / "altered.xml"
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    return out


def one(root, xpath):
    (node,) = root.xpath(xpath, namespaces=NS)
    return node


def problems(path, keyring):
    report = validate(path, keyring=keyring)
    assert not report.ok
    return [str(p) for p in report.problems]


def named(found, where, *words):
    return [p for p in found if p.startswith(f"{where}:") and all(w in p for w in words)]


def test_a_changed_line_amount(exported, tmp_path, keyring, roles):
    ft = roles["ft_foreign"]

    def change(root):
        one(root, f"//s:Invoice[s:InvoiceNo='{ft}']/s:Line[1]/s:CreditAmount").text = "40.00"

    found = problems(alter(exported, tmp_path, change), keyring)
    assert named(found, ft, "soma das linhas", "NetTotal")
    assert named(found, "SalesInvoices", "TotalCredit")


def test_a_changed_total_breaks_the_signature(exported, tmp_path, keyring, roles):
    ft = roles["ft"]

    def change(root):
        inv = one(root, f"//s:Invoice[s:InvoiceNo='{ft}']")
        for tag, value in (("GrossTotal", "6.58"), ("TaxPayable", "1.43"),
                           ("NetTotal", "5.15")):
            inv.find(f"s:DocumentTotals/s:{tag}", NS).text = value
        inv.find("s:Line/s:CreditAmount", NS).text = "0.00"
        inv.find("s:Line[2]/s:CreditAmount", NS).text = "1.96"

    found = problems(alter(exported, tmp_path, change), keyring)
    assert named(found, ft, "assinatura inválida")


def test_a_removed_document(exported, tmp_path, keyring, roles):
    removed, after = roles["ft_foreign"], roles["ft_cancelled"]   # FT n.º 2 of 3

    def change(root):
        inv = one(root, f"//s:Invoice[s:InvoiceNo='{removed}']")
        inv.getparent().remove(inv)

    found = problems(alter(exported, tmp_path, change), keyring)
    assert named(found, after, "numeração com falha", "2")
    assert named(found, after, "cadeia")
    assert named(found, "SalesInvoices", "NumberOfEntries")


def test_a_broken_chain(exported, tmp_path, keyring, roles):
    first, second = roles["fs"], roles["fs_exempt"]

    def change(root):   # the first FS gets another document's (valid) signature
        one(root, f"//s:Invoice[s:InvoiceNo='{first}']/s:Hash").text = \
            one(root, f"//s:Invoice[s:InvoiceNo='{roles['ft']}']/s:Hash").text

    found = problems(alter(exported, tmp_path, change), keyring)
    assert named(found, first, "assinatura inválida")
    assert named(found, second, "cadeia")
    assert len(found) == 2


@pytest.mark.parametrize("table, tag, value", [
    ("SalesInvoices", "TotalCredit", "1.00"),
    ("SalesInvoices", "TotalDebit", "0.00"),
    ("SalesInvoices", "NumberOfEntries", "8"),
    ("MovementOfGoods", "TotalQuantityIssued", "36"),
    ("MovementOfGoods", "NumberOfMovementLines", "2"),
    ("WorkingDocuments", "TotalCredit", "0.00"),
    ("Payments", "TotalCredit", "56.87"),
])
def test_a_wrong_control_total(exported, tmp_path, keyring, table, tag, value):
    def change(root):
        one(root, f"s:SourceDocuments/s:{table}/s:{tag}").text = value

    found = problems(alter(exported, tmp_path, change), keyring)
    assert found == [p for p in found if p.startswith(f"{table}: {tag} declarado {value}")]
    assert len(found) == 1


def test_an_atcud_out_of_step_with_the_series(exported, tmp_path, keyring, roles):
    nc = roles["nc_fs"]

    def change(root):
        one(root, f"//s:Invoice[s:InvoiceNo='{nc}']/s:ATCUD").text = "SAFTNCS2026-7"

    def other_code(root):
        one(root, f"//s:Invoice[s:InvoiceNo='{nc}']/s:ATCUD").text = "OUTROCODIGO-2"

    assert named(problems(alter(exported, tmp_path, change), keyring), nc,
                 "ATCUD", "não corresponde ao número 2")
    assert named(problems(alter(exported, tmp_path, other_code), keyring), nc,
                 "ATCUD com código OUTROCODIGO")


def test_a_customer_missing_from_master_files(exported, tmp_path, keyring, roles):
    def change(root):
        cust = one(root, "s:MasterFiles/s:Customer[s:CustomerID='ES-B12345678']")
        cust.getparent().remove(cust)

    found = problems(alter(exported, tmp_path, change), keyring)
    assert named(found, roles["ft_foreign"], "cliente ES-B12345678")
    assert named(found, roles["or"], "cliente ES-B12345678")


def test_a_zero_rate_line_without_exemption_reason(exported, tmp_path, keyring, roles):
    def change(root):
        line = one(root, f"//s:Invoice[s:InvoiceNo='{roles['ft']}']/s:Line[2]")
        for tag in ("TaxExemptionReason", "TaxExemptionCode"):
            line.remove(line.find(f"s:{tag}", NS))

    found = problems(alter(exported, tmp_path, change), keyring)
    assert named(found, roles["ft"], "linha 2", "sem motivo de isenção")


def test_signatures_with_a_public_key_file_or_the_wrong_key(exported, tmp_path, saft_app):
    pem = tmp_path / "public.pem"
    pem.write_bytes(saft_app.public_key())
    assert validate(exported, keyring=KeyRing.from_pem_files([pem])).signatures == 11
    from pos import signing
    _, other = signing.generate_private_pem(b"x")
    pem.write_bytes(other)
    found = problems(exported, KeyRing.from_pem_files([pem]))
    assert len(found) == 11 and all("assinatura inválida" in p for p in found)


def test_without_keys_signatures_are_reported_as_not_verified(exported):
    report = validate(exported)
    assert report.ok and report.signatures == 0
    assert "não verificadas" in report.text()


def test_schema_errors_are_reported(exported, tmp_path, xsd10, keyring):
    def change(root):
        one(root, "s:Header/s:TaxAccountingBasis").text = "Q"

    report = validate(alter(exported, tmp_path, change), xsd10, keyring=keyring)
    assert [p.where for p in report.problems] == ["esquema"]
    assert "TaxAccountingBasis" in report.problems[0].what


def test_a_file_that_starts_in_the_middle_of_a_chain(exported, tmp_path, keyring, roles):
    """A monthly file: the first document's previous Hash is in last month's file."""
    from decimal import Decimal

    def change(root):
        inv = one(root, f"//s:Invoice[s:InvoiceNo='{roles['fs']}']")
        sales = inv.getparent()
        credit = sum(Decimal(x.text) for x in inv.iterfind("s:Line/s:CreditAmount", NS))
        sales.remove(inv)
        for tag, value in (("NumberOfEntries", lambda t: str(int(t) - 1)),
                           ("TotalCredit", lambda t: str(Decimal(t) - credit))):
            node = sales.find(f"s:{tag}", NS)
            node.text = value(node.text)

    report = validate(alter(exported, tmp_path, change), keyring=keyring)
    assert report.ok, report.text()
    assert report.unverifiable == 1 and report.signatures == 9
    assert "1 sem verificação possível" in report.text()
