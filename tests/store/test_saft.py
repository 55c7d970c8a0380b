"""The store's SAF-T: one file for the company with every till's documents, and one per
establishment with its tills' only; each validates against AT's XSD 1.1 and adds up to
exactly what the tills' own files say."""

from decimal import Decimal

from pos.domain.customer import make_customer
from pos.services.receipts import ReceiptRequest, Settlement

from . import helpers


def a_day(app, code: str) -> None:
    app.sell_items([("PAO01", 3), ("CAF01", 2)], payments=(("NU", None),))
    ft = app.sell_items([("SRV02", 1)], "FT", make_customer("123456789", f"Cliente {code}",
                                                            "Rua 1", "Lisboa"))
    fs = app.sell_items([("BEB05", 1), ("FRU01", Decimal("1.25"))])
    app.credit(fs.document_no, "Devolução", [(1, None)])
    wrong = app.sell_items([("MER02", 2)])
    app.cancel(wrong.document_no, "Engano")
    app.settle(ReceiptRequest((Settlement(ft.document_no, None),), payments=(("MB", None),)))


def test_company_and_establishment_files_add_up_to_the_tills(
        demo_template, tmp_path, central, admin_url, clock):
    till1 = helpers.first_till(demo_template, tmp_path / "cx1.db", clock)
    helpers.join(till1, central, admin_url, "CX1", establishment="LOJA1")
    assert till1.store_sync().ok
    key_pem = helpers.store_key_pem(till1)
    till2 = helpers.new_till(tmp_path / "cx2.db", central, admin_url, "CX2", key_pem, clock)
    till3 = helpers.open_till(tmp_path / "cx3.db", clock)
    helpers.join(till3, central, admin_url, "CX3", establishment="LOJA2")
    assert till3.store_sync().ok
    till3.import_key(key_pem, None)
    helpers.own_series(till3, "CX3")
    tills = {"CX1": till1, "CX2": till2, "CX3": till3}
    assert {c: t.till_info().establishment for c, t in tills.items()} == \
        {"CX1": "LOJA1", "CX2": "Global", "CX3": "LOJA2"}
    for code, till in tills.items():
        a_day(till, code)
        assert till.store_sync().ok

    own = {}
    for code, till in tills.items():
        path = tmp_path / f"own-{code}.xml"
        till.export_saft(path, year=2026, month=3)
        report = helpers.validate_saft(till, path)
        assert report.ok, report.text()
        own[code] = helpers.saft_totals(path)

    company = tmp_path / "company.xml"
    result = central.export_saft(company, year=2026, month=3)
    report = helpers.validate_saft(central, company)
    assert report.ok, report.text()
    assert report.signatures == sum(len(t["numbers"]) for t in own.values()) - 3  # RG unsigned
    whole = helpers.saft_totals(company)
    assert whole["entity"] == "Global"
    assert whole["numbers"] == set().union(*(t["numbers"] for t in own.values()))
    assert {k: v for k, v in whole.items() if k not in ("numbers", "entity")} == \
        helpers.summed(list(own.values()))
    assert result.documents == len(whole["numbers"])

    for establishment, codes in (("LOJA1", ["CX1"]), ("LOJA2", ["CX3"]),
                                 ("Global", ["CX1", "CX2", "CX3"])):
        path = tmp_path / f"{establishment}.xml"
        central.export_saft(path, year=2026, month=3, establishment=establishment)
        report = helpers.validate_saft(central, path)
        assert report.ok, report.text()
        part = helpers.saft_totals(path)
        assert part["entity"] == establishment
        assert part["numbers"] == set().union(*(own[c]["numbers"] for c in codes))
        assert {k: v for k, v in part.items() if k not in ("numbers", "entity")} == \
            helpers.summed([own[c] for c in codes])
    checked = central.verify()
    assert checked.ok, checked.text()
    for till in (till2, till3):
        till.close()
    till1.close()
