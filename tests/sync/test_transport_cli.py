"""``caixa transport``: issue, send, print, list, phone, cancel, run in-process against the
HTTPS sandbox and a TCP receipt printer."""

from __future__ import annotations

import json

import pytest

from tests.printing.conftest import FakePrinter
from tests.printing.escpos_parse import text_of

RECIPIENT = ["--customer-nif", "123456789", "--customer-name", "Cliente Exemplo, Lda",
             "--customer-address", "Rua Nova 5", "--customer-city", "Porto",
             "--customer-postal-code", "4000-100"]


@pytest.fixture
def printer(monkeypatch):
    p = FakePrinter()
    monkeypatch.setenv("CAIXA_PRINTER", json.dumps({"connection": p.spec}))
    yield p
    p.close()


def test_issue_sends_at_once_and_prints_three_copies_with_the_code(configured, sandbox,
                                                                  printer):
    code, out, err = configured("transport", "issue", "--type", "GT", "--item", "MER01:2",
                                *RECIPIENT, "--vehicle", "aa-00-bb", "--print")
    assert code == 0, err
    number = out.split()[0] + " " + out.split()[1]
    at_code = out.split("código AT ")[1].split()[0]
    assert "comunicada" in out and "Três vias impressas" in out
    assert sandbox.accepted_count("transport", number) == 1
    printer.wait()
    assert text_of(printer.jobs[-1]).count(f"Código AT: {at_code}") == 3

    code, out, _ = configured("transport", "list", "--json")
    (row,) = json.loads(out)
    assert (row["number"], row["state"], row["at_doc_code"]) == (number, "communicated",
                                                                at_code)
    code, out, _ = configured("transport", "cancel", number, "--reason", "Desmarcado")
    assert code == 0 and "anulada" in out
    assert "<MovementStatus>A</MovementStatus>" in sandbox.requests_for(
        "transport")[-1].body.decode()


def test_offline_guide_phone_code_then_print(configured, sandbox, printer):
    code, out, _ = configured("transport", "issue", "--type", "GT", "--item", "MER01:1",
                              *RECIPIENT, "--queue-only", "--print")
    assert code == 0 and "à espera da AT" in out and "imprimem-se quando" in out
    number = " ".join(out.split()[:2])
    assert printer.jobs == [] and sandbox.received == []
    code, out, err = configured("transport", "phone", number)
    assert code == 0, err
    assert "Leia ao serviço telefónico" in out and "ATCUD" in out
    code, out, _ = configured("transport", "phone", number, "--at-code", "PHONE0002")
    assert code == 0 and "por telefone" in out and "PHONE0002" in out
    code, out, err = configured("transport", "print", number)
    assert code == 0, err
    printer.wait()
    assert text_of(printer.jobs[-1]).count("Código AT: PHONE0002") == 3
    code, _, err = configured("transport", "print", number)
    assert code == 2 and "reimpressão" in err


@pytest.mark.parametrize(("args", "sentence"), [
    (["--type", "GT", "--item", "MER01", "--start", "2020-01-01 10:00"], "não é posterior"),
    (["--type", "GT", "--item", "MER01", "--start", "amanhã"], "Data e hora"),
    (["--type", "GT", "--item", "NAOEXISTE"], "NAOEXISTE"),
    (["--type", "FS", "--item", "MER01"], "simplificada"),
    # Every argument with a control character is refused before any command runs.
    (["--type", "GT", "--item", "MER01", "--vehicle", "AA\x1b00"], "carácter de controlo"),
    (["--type", "GT", "--item", "MER01", "--vehicle", "A" * 33], "Matrícula"),
    (["--type", "GT", "--from-invoice", "FT L2026/99"], "FT L2026/99"),
    (["--type", "GT", "--item", "MER01", "--unload", "Rua|Porto"], "Morada inválida"),
])
def test_bad_input_is_one_sentence_and_exit_2(configured, sandbox, args, sentence):
    code, out, err = configured("transport", "issue", *args, *RECIPIENT)
    assert code == 2 and sentence in err and "Traceback" not in err
    assert sandbox.received == []
