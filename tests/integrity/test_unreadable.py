"""A value that cannot be read is an alteration (issue 13): a total 'abc', a timestamp
'garbage', a NaN quantity, a journal date no one wrote — with the guards dropped first.
``verify`` names it and exits 1, the start-up check blocks selling, nothing crashes."""

from decimal import Decimal

import pytest

from pos.domain.errors import IntegrityError
from tests.conftest import run_cli
from tests.integrity.conftest import attacker


def _sell(app):
    return app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")


@pytest.mark.parametrize("sql, role, words", [
    ("UPDATE documents SET gross_total = 'abc' WHERE document_no = ?", "ft",
     "gross_total ilegível ('abc')"),
    ("UPDATE documents SET system_entry_date = 'garbage' WHERE document_no = ?", "fs",
     "system_entry_date ilegível ('garbage')"),
    ("UPDATE documents SET invoice_date = '2026-02-30' WHERE document_no = ?", "fr_no_nif",
     "invoice_date ilegível ('2026-02-30')"),
    ("UPDATE document_lines SET quantity = 'NaN' WHERE document_id = "
     "(SELECT id FROM documents WHERE document_no = ?)", "nc", "linha 1: quantity ilegível"),
])
def test_an_unreadable_value_is_reported_and_blocks_selling(sql, role, words, full_db, roles,
                                                            open_shop):
    with attacker(full_db) as con:
        con.execute(sql, (roles[role],))
    con.close()
    app = open_shop()
    report = app.verify()
    assert not report.ok
    assert any(p.document_no == roles[role] and words in p.what for p in report.problems), \
        report.text()
    with pytest.raises(IntegrityError, match="bloqueada"):
        _sell(open_shop())


def test_the_start_up_check_blocks_on_an_unreadable_last_document(full_db, open_shop):
    app = open_shop()
    last = _sell(app)
    app.close()
    with attacker(full_db) as con:
        con.execute("UPDATE documents SET gross_total = '1,89' WHERE document_no = ?",
                    (last.document_no,))
    con.close()
    with pytest.raises(IntegrityError, match=f"{last.document_no}: gross_total ilegível"):
        open_shop().quick_check()


def test_an_unreadable_journal_date_is_reported(full_db, open_shop):
    with attacker(full_db) as con:
        con.execute("UPDATE audit_events SET at = 'ontem' WHERE seq = 3")
    con.close()
    report = open_shop().verify()
    assert any("registo 3" in p.what and "at ilegível ('ontem')" in p.what
               for p in report.problems), report.text()


def test_the_command_line_says_it_in_one_sentence(full_db, roles):
    with attacker(full_db) as con:
        con.execute("UPDATE documents SET gross_total = 'abc' WHERE document_no = ?",
                    (roles["ft"],))
        con.execute("UPDATE documents SET system_entry_date = 'garbage' WHERE "
                    "document_no = ?", (roles["fs"],))
    con.close()
    verify = run_cli(full_db, "verify")
    assert verify.returncode == 1 and "Traceback" not in verify.stderr
    assert f"{roles['ft']}: gross_total ilegível ('abc')" in verify.stdout
    assert f"{roles['fs']}: system_entry_date ilegível ('garbage')" in verify.stdout
    sell = run_cli(full_db, "sell", "--item", "PAO01")
    assert sell.returncode == 2 and "Traceback" not in sell.stderr
    assert sell.stderr.startswith("caixa: Dados fiscais alterados")
    show = run_cli(full_db, "show", roles["ft"])
    assert show.returncode == 2 and show.stderr.count("\n") == 1
    assert "Valor ilegível na base de dados ('abc')" in show.stderr
