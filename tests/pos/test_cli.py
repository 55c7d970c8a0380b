"""The `caixa` command line as a user and other programs use it (real subprocesses)."""

import base64
import json
import subprocess

import pytest


@pytest.fixture
def shop(cli):
    cli("init", "--demo", check=True)
    return cli


def test_sell_json_has_the_contract_fields(shop):
    out = shop("sell", "--item", "PAO01:2", "--item", "CAF01", "--pay", "NU:10", "--json",
               check=True)
    doc = json.loads(out.stdout)
    for key in ("number", "atcud", "hash", "hash_control", "invoice_date",
                "system_entry_date", "gross_total", "qr"):
        assert doc[key] not in (None, ""), key
    assert doc["gross_total"] == "4.53" and doc["change"] == "5.47"
    assert doc["qr"].startswith("A:599999993*B:999999990*C:PT*D:FS*E:N*")
    assert f"H:{doc['atcud']}" in doc["qr"]
    shown = json.loads(shop("show", doc["number"], "--json", check=True).stdout)
    assert shown["previous_hash"] == "" and len(shown["lines"]) == 2 and shown["taxes"]
    assert shown["qr"] == doc["qr"]


def _openssl_verify(tmp_path, pubkey: str, message: str, hash_b64: str) -> bool:
    (tmp_path / "pub.pem").write_text(pubkey)
    (tmp_path / "msg.txt").write_bytes(message.encode("utf-8"))
    (tmp_path / "sig.bin").write_bytes(base64.b64decode(hash_b64))
    proc = subprocess.run(["openssl", "dgst", "-sha1", "-verify", str(tmp_path / "pub.pem"),
                           "-signature", str(tmp_path / "sig.bin"), str(tmp_path / "msg.txt")],
                          capture_output=True, text=True)
    return proc.returncode == 0 and "Verified OK" in proc.stdout


def test_signatures_verify_with_openssl_first_and_chained(shop, tmp_path):
    first = json.loads(shop("sell", "--item", "PAO01", "--json", check=True).stdout)
    second = json.loads(shop("sell", "--item", "BEB05:2", "--json", check=True).stdout)
    pub = shop("keys", "public", check=True).stdout
    assert pub.startswith("-----BEGIN PUBLIC KEY-----")
    for doc, prev in ((first, ""), (second, first["hash"])):
        message = ";".join((doc["invoice_date"], doc["system_entry_date"], doc["number"],
                            doc["gross_total"], prev))
        assert _openssl_verify(tmp_path, pub, message, doc["hash"]), doc["number"]
    assert not _openssl_verify(tmp_path, pub, message.replace(second["gross_total"], "0.01"),
                               second["hash"])


def test_user_mistakes_are_one_sentence_and_non_zero(shop):
    cases = [
        (["sell", "--item", "NOPE"], "Produto desconhecido"),
        (["sell", "--item", "PAO01", "--customer-nif", "123456780"], "NIF inválido"),
        (["sell", "--item", "PAO01:-2"], "Quantidade"),
        (["sell", "--item", "PAO01:abc"], "quantidade inválido"),
        (["show", "FS NOPE/1"], "não encontrado"),
        (["cancel", "FS NOPE/1", "--reason", "x"], "não encontrado"),
        (["series", "add", "--doc-type", "FS", "--series", "A B", "--validation-code",
          "ABCDEFGH"], "Identificador de série inválido"),
        (["sell", "--item", "MER02:200"], "Fatura simplificada só até"),
        (["credit-note", "FS DEMO2026/1", "--reason", "x"], "não encontrado"),
        (["sell", "--item", "PAO01", "--type", "FT", "--customer-nif", "ESB12345678",
          "--customer-country", "FR"], "prefixo de ES"),
    ]
    for args, message in cases:
        proc = shop(*args)
        assert proc.returncode != 0, args
        assert message in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1


def test_foreign_customer_typed_with_its_vat_prefix(shop):
    """The prefix names the country and comes off the number (SAF-T 2.2.3, QR B and C)."""
    ft = json.loads(shop("sell", "--item", "PAO01", "--type", "FT", "--customer-nif",
                         "ESB12345678", "--customer-name", "Cliente SL", "--json",
                         check=True).stdout)
    assert ft["customer"]["nif"] == "B12345678" and ft["customer"]["country"] == "ES"
    assert "*B:B12345678*C:ES*" in ft["qr"]


def test_cancel_credit_note_and_listing(shop):
    ft = json.loads(shop("sell", "--item", "PAO01:3", "--type", "FT", "--customer-nif",
                         "123456789", "--customer-name", "Cliente", "--json",
                         check=True).stdout)
    nc = json.loads(shop("credit-note", ft["number"], "--reason", "Devolução", "--line",
                         "1:1", "--json", check=True).stdout)
    assert nc["lines"][0]["reference"]["document_no"] == ft["number"]
    refused = shop("cancel", ft["number"], "--reason", "Erro")
    assert refused.returncode == 2 and "anule-a primeiro" in refused.stderr
    shop("cancel", nc["number"], "--reason", "Engano", check=True)
    shop("cancel", ft["number"], "--reason", "Erro", check=True)
    listing = json.loads(shop("documents", "--json", check=True).stdout)
    assert {d["document_no"]: d["status"] for d in listing} == {ft["number"]: "A",
                                                              nc["number"]: "A"}
    assert shop("verify", check=True).returncode == 0


def test_series_and_training_commands(shop):
    shop("series", "add", "--doc-type", "FS", "--series", "LOJA1-2026", "--validation-code",
         "AAJFJMVNTN", check=True)
    rows = json.loads(shop("series", "list", "--json", check=True).stdout)
    assert any(r["series_id"] == "LOJA1-2026" and r["kind"] == "N" for r in rows)
    assert "ligado" in shop("training", "status", check=True).stdout
    shop("training", "off", check=True)
    doc = json.loads(shop("sell", "--item", "PAO01", "--json", check=True).stdout)
    assert doc["number"] == "FS LOJA1-2026/1" and doc["atcud"] == "AAJFJMVNTN-1"
    assert doc["training"] is False


def test_session_rule_from_the_command_line(shop):
    assert "uma por caixa" in shop("session-rule", "status", check=True).stdout
    assert "uma por utilizador" in shop("session-rule", "user", check=True).stdout
    bad = shop("session-rule", "everyone")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
