"""`caixa saft export` and `caixa saft validate`: exit codes and messages."""

import json

from tests.conftest import secure_env_of
from ui.cli import main


def caixa(monkeypatch, capsys, db, *args):
    """The CLI in this process on the session's shop, with its key store and anchors."""
    monkeypatch.setenv("CAIXA_DB", str(db))
    for name, value in secure_env_of(db).items():
        monkeypatch.setenv(name, value)
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_then_validate_with_the_database_keys(saft_db, tmp_path, monkeypatch, capsys,
                                                     xsd10):
    db, _ = saft_db
    out = tmp_path / "saft.xml"
    code, text, _ = caixa(monkeypatch, capsys, db, "saft", "export", "--out", str(out),
                          "--year", "2026", "--month", "3")
    assert code == 0 and "13 documentos" in text and out.is_file()
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
    code, text, _ = caixa(monkeypatch, capsys, db, "saft", "validate", str(out),
                          "--xsd", str(xsd10), "--json")
    report = json.loads(text)
    assert code == 0 and report["ok"] and report["signatures_verified"] == 11


def test_validate_exits_1_and_names_the_document(saft_db, exported, roles, tmp_path,
                                                 monkeypatch, capsys):
    bad = tmp_path / "bad.xml"
    number = roles["fr_no_nif"]
    text = exported.read_text(encoding="utf-8")
    start = text.index(f"<InvoiceNo>{number}</InvoiceNo>")
    at = text.index("<GrossTotal>18.90</GrossTotal>", start)
    bad.write_text(text[:at] + "<GrossTotal>1.90</GrossTotal>"
                   + text[at + len("<GrossTotal>18.90</GrossTotal>"):], encoding="utf-8")
    code, out, _ = caixa(monkeypatch, capsys, saft_db[0], "saft", "validate", str(bad))
    assert code == 1
    assert f"- {number}: assinatura inválida" in out
    assert f"- {number}: NetTotal + TaxPayable" in out


def test_period_by_dates_and_errors_as_one_sentence(saft_db, tmp_path, monkeypatch, capsys):
    db, _ = saft_db
    out = tmp_path / "s.xml"
    code, text, _ = caixa(monkeypatch, capsys, db, "saft", "export", "--out", str(out),
                          "--from", "2026-03-14", "--to", "2026-03-14", "--json")
    assert code == 0 and json.loads(text)["documents"] == 13
    for args, words in [
        (("export", "--out", str(out), "--month", "13"), "mês tem de estar entre 1 e 12"),
        (("export", "--out", str(out), "--from", "2025-12-01", "--to", "2026-01-31"),
         "um só ano fiscal"),
        (("export", "--out", str(out), "--year", "2026", "--from", "2026-01-01",
          "--to", "2026-01-02"), "não ambos"),
        (("export", "--out", str(out), "--establishment", "Loja do Porto"),
         "estabelecimento"),
        (("validate", str(tmp_path / "nope.xml")), "não encontrado"),
        (("validate", str(out), "--xsd", str(tmp_path / "nope.xsd")), "XSD não encontrado"),
    ]:
        code, _, err = caixa(monkeypatch, capsys, db, "saft", *args)
        assert code == 2 and words in err and err.count("\n") == 1, (args, err)


def test_validate_uses_ats_xsd_from_the_setup(saft_db, exported, monkeypatch, capsys):
    monkeypatch.delenv("CAIXA_SAFT_XSD", raising=False)
    code, text, _ = caixa(monkeypatch, capsys, saft_db[0], "saft", "validate", str(exported))
    assert code == 0 and "esquema: XSD 1.0 (lxml) SAFTPT1.04_01.xsd: válido" in text


def test_without_ats_xsd_the_schema_is_not_checked_and_xsd11_says_why(
        saft_db, exported, monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("CAIXA_SAFT_XSD", raising=False)
    monkeypatch.setenv("CAIXA_DATA_DIR", str(tmp_path / "no-reference"))
    code, text, _ = caixa(monkeypatch, capsys, saft_db[0], "saft", "validate", str(exported))
    assert code == 0 and "esquema: não verificado" in text and "caixa at-reference" in text
    code, _, err = caixa(monkeypatch, capsys, saft_db[0], "saft", "validate", str(exported),
                         "--xsd11")
    assert code == 2 and "caixa at-reference" in err and err.count("\n") == 1


def test_the_real_command(saft_db, exported, xsd10):
    from tests.conftest import run_cli

    proc = run_cli(saft_db[0], "saft", "validate", str(exported), "--xsd", str(xsd10),
                   env=secure_env_of(saft_db[0]))
    assert proc.returncode == 0, proc.stderr
    assert "Sem problemas." in proc.stdout and "11 verificadas" in proc.stdout


def test_export_writes_only_to_regular_files_or_new_paths(saft_db, tmp_path, monkeypatch,
                                                          capsys):
    """Issue 13: an empty name, a named pipe (also through a symbolic link), a folder and a
    missing folder are refused with one sentence; none of them is replaced by a file."""
    import os
    import stat

    db, _ = saft_db
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    (tmp_path / "folder").mkdir()
    for out, words in [("", "Indique o nome"), (" ", "Indique o nome"),
                       (str(fifo), "dispositivo ou canal"), (str(link), "dispositivo ou canal"),
                       (str(tmp_path / "folder"), "pasta"),
                       (str(tmp_path / "folder") + "/", "pasta"),
                       (str(tmp_path / "nope" / "s.xml"), "não existe")]:
        code, text, err = caixa(monkeypatch, capsys, db, "saft", "export", "--out", out,
                                "--year", "2026")
        assert code == 2 and words in err and err.count("\n") == 1, (out, err)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "link", "pipe"]
    # An existing regular file (through a link too) is replaced whole.
    target = tmp_path / "old.xml"
    target.write_text("old")
    (tmp_path / "to-old").symlink_to(target)
    code, text, err = caixa(monkeypatch, capsys, db, "saft", "export", "--out",
                            str(tmp_path / "to-old"), "--year", "2026")
    assert code == 0, err
    assert target.read_bytes().startswith(b"<?xml") and (tmp_path / "to-old").is_symlink()


def test_validate_refuses_what_is_not_a_saft_file(saft_db, exported, tmp_path, monkeypatch,
                                                  capsys):
    db, _ = saft_db
    html = tmp_path / "page.xml"
    html.write_text("<html><body/></html>")
    other = tmp_path / "other-ns.xml"
    other.write_bytes(exported.read_bytes().replace(b"PT_1.04_01", b"PT_1.03_01"))
    headless = tmp_path / "headless.xml"
    headless.write_text('<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01"/>')
    empty = tmp_path / "empty.xml"
    empty.write_text("")
    for path, words in [(html, "a raiz é <html>"), (other, "PT_1.03_01"),
                        (headless, "falta o Header"), (empty, "XML mal formado")]:
        code, text, err = caixa(monkeypatch, capsys, db, "saft", "validate", str(path))
        assert code == 1 and words in text and "Sem problemas" not in text, (path, text)
