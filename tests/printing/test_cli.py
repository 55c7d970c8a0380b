"""`caixa print`, `caixa receipt`, `caixa printer-test`, in process against a real database."""

import json
from io import BytesIO

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from ui.cli import main

from .escpos_parse import text_of

FS = "FS DEMO2026/1"


@pytest.fixture
def caixa(shop_db, monkeypatch, capsys):
    monkeypatch.setenv("CAIXA_DB", str(shop_db))
    monkeypatch.delenv("CAIXA_PRINTER", raising=False)

    def run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_receipt_text_png_and_pdf(caixa, shop, tmp_path):
    png, pdf = tmp_path / "r.png", tmp_path / "r.pdf"
    code, out, err = caixa("receipt", FS, "--columns", "32", "--png", str(png), "--pdf",
                           str(pdf))
    assert code == 0
    lines = out.splitlines()
    at = lines.index("        ATCUD:DEMOFS26-1")
    assert lines[at + 1] == shop.qr["FS"]
    assert "Consumidor final" in out and "Documento emitido para fins de" in out
    img = Image.open(BytesIO(png.read_bytes()))
    assert img.width == 384 + 48                  # the 58 mm preset follows --columns 32
    assert [r.data.decode() for r in decode(img)] == [shop.qr["FS"]]
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert "PNG gravado" in err and "PDF gravado" in err


def test_print_to_a_network_printer(caixa, shop, fake_printer):
    printer = fake_printer()
    code, out, _ = caixa("print", FS, "--to", printer.spec, "--preset", "epson-tm-t20")
    printer.wait()
    assert code == 0
    assert out == f"{FS} impresso (Original) em rede 127.0.0.1:{printer.port}.\n"
    assert "Original" in text_of(printer.jobs[0])


def _recorded(shop_db, number):
    """(prints with how each ended, reprints rows, 'reprint' journal entries) of a document."""
    from pos.bootstrap import open_app
    from pos.persistence.models import AuditEvent, Reprint

    a = open_app(str(shop_db))
    try:
        with a.unit(write=False) as uow:
            row = uow.documents.by_number(number)
            reprints = [r.copy_number for r in uow.session.query(Reprint).filter_by(
                document_id=row.id)]
            journal = [e.detail for e in uow.session.query(AuditEvent).filter_by(
                kind="reprint").order_by(AuditEvent.seq)]
        return [(p.number, p.outcome) for p in a.prints(number)], reprints, journal
    finally:
        a.close()


def test_only_the_first_print_is_the_original_whatever_the_command(caixa, shop_db, tmp_path):
    """Issue 14, defect 5 (D8632 §2.2.15): a second print without --copy, in another
    process, a PDF: each later print is a marked, recorded copy."""
    from tests.conftest import run_cli

    job = tmp_path / "job.bin"
    code, out, _ = caixa("print", FS, "--to", f"file:{job}")
    assert code == 0 and "(Original)" in out and "Original" in text_of(job.read_bytes())
    proc = run_cli(shop_db, "print", FS, "--to", f"file:{job}", "--user", "caixa1")
    assert proc.returncode == 0 and "(2.ª via)" in proc.stdout, proc.stderr
    assert "2.ª via" in text_of(job.read_bytes())
    assert "Original" not in text_of(job.read_bytes())
    code, out, _ = caixa("print", FS, "--copy", "--reason", "Pedido do cliente", "--to",
                         f"file:{job}")
    assert code == 0 and "(3.ª via)" in out
    code, out, _ = caixa("receipt", FS, "--pdf", str(tmp_path / "r.pdf"), "--reason", "Email")
    assert code == 0 and "4.ª via" in out           # the preview shows what it will be
    prints, reprints, journal = _recorded(shop_db, FS)
    assert prints == [(0, "printed"), (1, "printed"), (2, "printed"), (3, "printed")]
    assert reprints == [1, 2, 3]
    assert journal == [f"{FS} copy 1: ", f"{FS} copy 2: Pedido do cliente",
                       f"{FS} copy 3: Email"]
    code, out, _ = caixa("receipt", FS)
    assert code == 0 and "5.ª via" in out and "Original" not in out


def test_a_failed_reprint_records_no_reprint(caixa, shop_db, tmp_path, closed_port):
    """Issue 13: a copy that never reached the printer is neither a reprint nor journaled,
    and the next print carries the number it would have had."""
    job = tmp_path / "job.bin"
    down = f"tcp:127.0.0.1:{closed_port}"
    code, _, err = caixa("print", FS, "--to", down, "--copy", "--reason", "x")
    assert code == 2 and "recusou a ligação" in err
    assert _recorded(shop_db, FS) == ([(0, "failed")], [], [])
    code, out, _ = caixa("print", FS, "--to", f"file:{job}")
    assert code == 0 and "(Original)" in out        # nothing had come out: the original
    code, _, _ = caixa("print", FS, "--to", down, "--copy", "--reason", "x")
    assert code == 2
    assert _recorded(shop_db, FS) == ([(0, "failed"), (0, "printed"), (1, "failed")], [], [])
    code, out, _ = caixa("print", FS, "--to", f"file:{job}", "--copy", "--reason", "y")
    assert code == 0 and "(2.ª via)" in out
    assert _recorded(shop_db, FS)[1:] == ([1], [f"{FS} copy 1: y"])


def test_printer_down_is_one_sentence_and_the_document_stays(caixa, closed_port):
    code, out, err = caixa("print", FS, "--to", f"tcp:127.0.0.1:{closed_port}")
    assert code == 2 and out == ""
    assert err == (f"caixa: A impressora em 127.0.0.1:{closed_port} recusou a ligação: está "
                   f"ligada e é a porta certa (normalmente 9100)? O documento {FS} está "
                   "guardado; pode voltar a imprimir.\n")
    code, out, _ = caixa("show", FS)
    assert code == 0 and FS in out


def test_printer_from_the_environment(caixa, monkeypatch, tmp_path):
    job = tmp_path / "env.bin"
    monkeypatch.setenv("CAIXA_PRINTER", json.dumps(
        {"connection": {"type": "file", "path": str(job)},
         "profile": {"preset": "generic-58", "drawer_pin": 5}}))
    code, _, _ = caixa("print", "FT DEMO2026/1", "--drawer", "--copies", "2")
    assert code == 0
    data = job.read_bytes()
    assert data.endswith(b"\x1bp\x01\x32\x32") and data.count(b"\x1b@") == 2


def test_print_without_a_printer(caixa):
    code, _, err = caixa("print", FS)
    assert code == 2 and "Indique a impressora" in err


def test_unknown_document(caixa, tmp_path):
    code, _, err = caixa("print", "FS NADA/1", "--to", f"file:{tmp_path / 'x'}")
    assert code == 2 and err == "caixa: Documento não encontrado: FS NADA/1.\n"


def test_printer_test(caixa, tmp_path):
    job = tmp_path / "test.bin"
    code, out, err = caixa("printer-test", "--to", str(job), "--preset", "generic-58",
                           "--drawer")
    assert code == 0 and out.startswith("Página de teste enviada")
    assert "guilhotina" in err
    data = job.read_bytes()
    assert "ç ã õ á é í ó ú à â ê ô €" in text_of(data)


@pytest.mark.parametrize("args", [
    ["--printer", '{"connection": 5}'],
    ["--printer", '{"connection": "tcp:x", "profile": 5}'],
    ["--printer", '{"connection": "tcp:x", "profile": 5}', "--preset", "generic-58"],
    ["--printer", '{"connection": "tcp:x", "profile": {"preset": 5}}'],
    ["--to", "tcp:" + "a" * 300],
    ["--to", "tcp:127.0.0.1:0"],
    ["--printer", '{"connection": "file:/tmp/r\\u0000.bin"}'],
    ["--printer", '{"connection": {"type": "file", "path": "/tmp/r\\u0000.bin"}}'],
    ["--printer", "[1, 2]"],
])
def test_bad_printer_settings_are_one_sentence_without_a_logged_traceback(caixa, args, caplog):
    for command in (["print", FS], ["printer-test"]):
        code, out, err = caixa(*command, *args)
        assert code == 2 and out == "" and err.count("\n") == 1, err
        assert "Traceback" not in err and "impressora" in err.lower()
        assert [r.getMessage() for r in caplog.records if r.exc_info] == []


def test_png_and_pdf_are_never_written_into_a_named_pipe(caixa, tmp_path):
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)                     # writing into it would block until a reader came
    for option in ("--png", "--pdf"):
        code, out, err = caixa("receipt", FS, option, str(fifo))
        assert code == 2 and "dispositivo ou canal" in err and err.count("\n") == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)
