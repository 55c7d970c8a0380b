"""The command line's boundary (issue 13): every malformed value is one sentence, exit 2,
and the shop's database is left exactly as it was."""

import re

import pytest

from tests.hostile import assert_one_sentence, db_digest, run_main

HUGE = "x" * 10_000
DIGITS25 = "9" * 25


@pytest.fixture
def shop(demo_db, monkeypatch, tmp_path):
    for var in ("CAIXA_CONFIG", "CAIXA_PRINTER", "CAIXA_KEY_PASSPHRASE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("CAIXA_DB", str(demo_db))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run_main("sell", "--item", "PAO01", "--type", "FT", "--customer-nif",
                    "503504564", "--customer-name", "Cliente")[0] == 0
    return demo_db


REFUSED = [
    # numbers: money and quantities
    (["sell", "--item", "PAO01", "--pay", "NU:1e30"], "grande"),
    (["sell", "--item", "PAO01:1e27"], "grande"),
    (["sell", "--item", "PAO01:1234567890123456"], "grande"),
    (["sell", "--item", "PAO01:0.1234567890123456"], "casas decimais"),
    (["sell", "--item", "PAO01:1e999999999"], "grande"),
    (["sell", "--item", "PAO01", "--pay", "NU:NaN"], "inválido"),
    (["sell", "--item", "PAO01", "--pay", "NU:-inf"], "inválido"),
    (["manual", "recover", "--series", "abc", "--number", "1", "--date", "2026-03-10",
      "--item", "PAO01:1:1e30"], "grande"),
    # integers that reach SQLite
    (["documents", "--limit", DIGITS25], "entre 1 e"),
    (["documents", "--limit", "0"], "entre 1 e"),
    (["keys", "public", "--version", DIGITS25], "entre 1 e"),
    (["series", "register", "--doc-type", "FT", "--series", "X", "--first", DIGITS25],
     "entre 1 e"),
    (["manual", "book-add", "--doc-type", "FT", "--series", "abc", "--first", "1",
      "--last", DIGITS25, "--typography-name", "T", "--typography-nif", "509999999",
      "--authorization", "A"], "entre 1 e"),
    (["manual", "void", "--series", "abc", "--number", "9" * 20, "--reason", "x"],
     "Número manual"),
    (["queue", "retry", DIGITS25], "entre 1 e"),
    (["queue", "resolve", DIGITS25, "--at-code", "X"], "entre 1 e"),
    (["print", "FT DEMO2026/1", "--to", "file:/dev/null", "--copies", "4"], "entre 1 e 3"),
    (["receipt", "FT DEMO2026/1", "--columns", DIGITS25], "colunas"),
    (["credit-note", "FT DEMO2026/1", "--reason", "x", "--line", "²:1"], "Linha"),
    (["manual", "close-series", "--reason", "x", "--last", f"FT:A=1{DIGITS25}"],
     "último número"),
    # text
    (["sell", "--item", "PAO01", "--customer-name", "Caf\udce9"], "UTF-8"),
    (["sell", "--item", "PAO01", "--type", "FT", "--customer-nif", "503504564",
      "--customer-name", "Evil\x1bp0\x19"], "controlo"),
    (["sell", "--item", "PAO01", "--customer-name", "Ana\u202eavlis"], "direção"),
    (["sell", "--item", "PAO01", "--customer-nif", "503504564", "--customer-city",
      "C" * 2000], "localidade"),
    (["sell", "--item", "PAO01", "--customer-nif", "503504564", "--customer-postal-code",
      "1" * 2000], "código postal"),
    (["sell", "--item", "PAO01", "--customer-nif", "B\u2066123", "--customer-country", "ES"],
     "direção"),
    (["sell", "--item", "PAO01", "--customer-country", "ZZ"], "País"),
    (["sell", "--item", "PAO01", "--user", "u" * 31], "no máximo 30"),
    (["sell", "--item", "PAO01", "--user", ""], "Indique o utilizador"),
    (["sell", "--item", "PAO01", "--user", HUGE], "caracteres"),
    (["sell", "--item", "PAO01", "--user", "caixa\n1"], "controlo"),
    (["cancel", "FT DEMO2026/1", "--reason", "Erro\x1b@"], "controlo"),
    (["cancel", "FT DEMO2026/1", "--reason", "r" * 51], "no máximo 50"),
    (["credit-note", "FT DEMO2026/1", "--reason", "Devolu\u202e", "--line", "1:1"], "direção"),
    (["series", "add", "--doc-type", "FS", "--series", "LOJA1", "--validation-code",
      "A" * 2000], "validação"),
    (["manual", "book-add", "--doc-type", "FT", "--series", "ab\u202ec", "--first", "1",
      "--last", "50", "--typography-name", "T", "--typography-nif", "509999999",
      "--authorization", "A"], "direção"),
    (["manual", "book-add", "--doc-type", "FT", "--series", "abc", "--first", "1",
      "--last", "50", "--typography-name", "T" * 101, "--typography-nif", "509999999",
      "--authorization", "A"], "tipografia"),
    (["manual", "transport", "--series", "g", "--number", "1", "--date", "2026-03-10",
      "--item", "PAO01", "--start", "2026-03-10 10:00", "--at-code", "X",
      "--load", "R" * 300 + "|Porto|4000-001"], "morada"),
    (["manual", "transport", "--series", "g", "--number", "1", "--date", "2026-03-10",
      "--item", "PAO01", "--start", "2026-03-10 10:00", "--at-code", "X",
      "--unload", "Rua A|Porto|4000-001|XX"], "País"),
    (["show", "FS " + HUGE], "caracteres"),
    (["show", "F" * 3000], "não encontrado"),
    (["sell", "--item", "P" * 3000], "Produto desconhecido"),
    (["sell", "--item", "PAO01", "--series", "S" * 3000], "Série"),
    (["series", "add", "--doc-type", "Z" * 3000, "--series", "LOJA1", "--validation-code",
      "AAJFJMVN"], "Tipo de documento"),
    (["queue", "saft-sent", "99999-01"], "Mês inválido"),
    (["queue", "saft-sent", "2026-00"], "Mês inválido"),
    (["queue", "saft-sent", "1999-12"], "Mês inválido"),
    (["saft", "export", "--out", "s.xml", "--year", "0"], "ano"),
    (["sell", "--type", HUGE[:3000], "--item", "PAO01"], "invalid choice"),
]


@pytest.mark.parametrize("args, words", REFUSED,
                         ids=[" ".join(a)[:50] for a, _ in REFUSED])
def test_refused_with_one_sentence_and_nothing_written(shop, args, words):
    before = db_digest(shop)
    code, out, err = run_main(*args)
    assert_one_sentence(code, err)
    assert words in err
    assert not re.search(r"(.)\1{59}", err), err       # no long input echoed back whole
    assert db_digest(shop) == before


def test_ordinary_values_still_pass(shop):
    code, out, err = run_main("sell", "--item", "PAO01:1,5", "--pay", "NU:999999",
                              "--user", " caixa1 ")
    assert code == 0, err
    code, out, err = run_main("documents", "--limit", "1", "--json")
    assert code == 0 and '"FS DEMO2026/1"' in out


def test_the_last_month_there_is_can_be_confirmed(shop):
    code, out, err = run_main("queue", "saft-sent", "9999-12")
    assert code == 0 and out.startswith("0 envio(s) de 9999-12"), err
