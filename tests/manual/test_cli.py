"""`caixa manual …` as a manager uses it (real subprocesses, real clock)."""

import json
from datetime import date, timedelta

import pytest

YESTERDAY = (date.today() - timedelta(days=1)).isoformat()


@pytest.fixture
def shop(cli):
    cli("init", "--demo", check=True)
    cli("training", "off", check=True)
    year = date.today().year
    for code in ("FT", "GT"):
        cli("series", "add", "--doc-type", code, "--series", f"R{year}", "--kind", "R",
            "--validation-code", f"ATR{code}{year}X", check=True)
    cli("manual", "book-add", "--doc-type", "FT", "--series", "abc", "--first", "1",
        "--last", "20", "--typography-name", "Tipografia, Lda", "--typography-nif",
        "509999999", "--authorization", "AUT-7", check=True)
    return cli


@pytest.fixture
def down(shop):
    """Yesterday the till was down (the forms are recovered from then)."""
    shop("manual", "down", "--from", f"{YESTERDAY} 08:00", "--to", f"{YESTERDAY} 20:00",
         "--reason", "Sem luz", check=True)
    return shop


def _recover(shop, number, *extra, check=False):
    return shop("manual", "recover", "--series", "abc", "--number", number, "--date",
                YESTERDAY, "--item", "PAO01:2", "--item", "CAF01:1:0.80", *extra, check=check)


def test_recover_json_and_refusal_of_the_same_form(shop, down):
    doc = json.loads(_recover(shop, "00004", "--customer-nif", "123456789", "--json",
                              check=True).stdout)
    assert doc["hash_control"] == "1-FTM abc/00004"
    assert doc["source_billing"] == "M" and doc["manual_ref"] == "abc/00004"
    assert doc["invoice_date"] == YESTERDAY
    assert doc["gross_total"] == "4.58"                  # the paper's price for CAF01 kept
    again = _recover(shop, "4")
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1 and "já foi recuperado" in again.stderr
    assert doc["number"] in again.stderr
    assert "Traceback" not in again.stderr


def test_void_and_missing_report(shop, down):
    _recover(shop, "00002", check=True)
    shop("manual", "void", "--book", "1", "--number", "00005", "--reason", "Rasurado",
         check=True)
    (rep,) = json.loads(shop("manual", "missing", "--json", check=True).stdout)
    assert rep["recovered"] == {"2": f"FT R{date.today().year}/1"}
    assert rep["voided"] == {"5": "Rasurado"}
    assert rep["missing_ranges"] == [[1, 1], [3, 4], [6, 20]]
    text = shop("manual", "missing", check=True).stdout
    assert "em falta (18): 1, 3-4, 6-20" in text


def test_periods_and_errors(shop):
    out = shop("manual", "down", "--from", f"{YESTERDAY} 09:00", "--reason", "Sem luz",
               check=True)
    assert "em aberto" in out.stdout
    bad = shop("manual", "up", "--at", f"{YESTERDAY} 08:00")
    assert bad.returncode == 2 and "anterior ao início" in bad.stderr
    shop("manual", "up", "--at", f"{YESTERDAY} 18:00", check=True)
    (p,) = json.loads(shop("manual", "periods", "--json", check=True).stdout)
    assert p["reason"] == "Sem luz" and p["ended_at"].endswith("18:00:00")
    bad = shop("manual", "down", "--from", "ontem", "--reason", "x")
    assert bad.returncode == 2 and "AAAA-MM-DD" in bad.stderr


def test_transport_on_paper(shop):
    shop("manual", "book-add", "--doc-type", "GT", "--series", "GT1", "--first", "1",
         "--last", "50", "--typography-name", "Tipografia, Lda", "--typography-nif",
         "509999999", "--authorization", "AUT-8", "--validation-code", "GTVALID9",
         check=True)
    out = shop("manual", "transport", "--series", "GT1", "--number", "007", "--date",
               YESTERDAY, "--start", f"{YESTERDAY} 08:00", "--at-code", "TEL-999",
               "--item", "MER01:10", "--customer-nif", "123456789", "--unload",
               "Rua Nova, 5|Porto|4000-001", "--json", check=True)
    doc = json.loads(out.stdout)
    assert doc["hash_control"] == "1-GTM GT1/007" and doc["at_doc_code"] == "TEL-999"


def test_a_form_dated_outside_every_inoperability_period_needs_a_reason(shop):
    """Issue 14, defect 12: warned, and recovered only with a reason (journaled)."""
    refused = _recover(shop, "00003")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "fora de todos os períodos de inoperacionalidade registados (nenhum)" in \
        refused.stderr and "--date-reason" in refused.stderr
    done = _recover(shop, "00003", "--date-reason", "Avaria do portátil, não registada",
                    check=True)
    assert "aviso: a data" in done.stderr and "Avaria do portátil" in done.stderr
    journal = shop("journal", "--kind", "manual_recover", "--json", check=True).stdout
    assert "fora de todos os períodos" in journal and "Avaria do portátil" in journal


def test_recover_an_exempt_invoice_with_its_supply_date_and_contract(shop, down):
    """Issue 14 defects 11 and 14 on paper: the form's exemption and complements."""
    before = (date.today() - timedelta(days=3)).isoformat()
    doc = json.loads(_recover(
        shop, "00006", "--customer-nif", "ESB12345678", "--customer-name", "Hola, S.L.",
        "--exemption", "M16", "--supply-date", before, "--contract", "PED-9", "--json",
        check=True).stdout)
    assert {ln["exemption_code"] for ln in doc["lines"]} == {"M16"}
    assert doc["taxes"][0]["percentage"] == "0" and doc["customer"]["country"] == "ES"
    assert doc["complements"] == {"supply_date": before, "contract": "PED-9"}
    bad = _recover(shop, "00007", "--customer-nif", "123456789", "--exemption", "M16")
    assert bad.returncode == 2 and "o país do cliente é PT" in bad.stderr
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
