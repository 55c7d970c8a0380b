"""Connections: a real TCP printer on 127.0.0.1, a fake `lp`, files; config parsing."""

import json
import os
import shutil
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from pos.domain.errors import ValidationError
from printing.connections import (
    CupsConnection,
    EscposConnection,
    FileConnection,
    NetworkConnection,
    connection_from_config,
    connection_from_spec,
    parse_status,
    printer_from_config,
    read_config,
)
from printing.errors import PrinterError
from printing.escpos_render import render_receipt
from printing.profile import Profile

JOB = b"\x1b@\x1bt\x13Ol\xa0\n\x1dV\x00"


def test_network_sends_the_whole_job_after_asking_the_paper_status(fake_printer):
    printer = fake_printer()
    state = NetworkConnection("127.0.0.1", printer.port).send(JOB)
    printer.wait()
    assert printer.jobs == [JOB]
    assert printer.queries == [4, 2]
    assert state.paper == "ok" and state.problem is None


def test_network_receipt_arrives_byte_for_byte(shop, fake_printer):
    printer = fake_printer()
    data = render_receipt(shop.docs["FT"], shop.issuer, shop.qr["FT"], Profile())
    NetworkConnection("127.0.0.1", printer.port).send(data)
    printer.wait()
    assert printer.jobs == [data] and len(data) > 10_000


def test_network_paper_out_is_a_clear_error_and_nothing_is_sent(fake_printer):
    printer = fake_printer(paper=0x72)
    with pytest.raises(PrinterError, match="sem papel"):
        NetworkConnection("127.0.0.1", printer.port).send(JOB)
    printer.wait()
    assert printer.jobs == []


def test_network_cover_open(fake_printer):
    printer = fake_printer(cause=0x16)
    with pytest.raises(PrinterError, match="tampa"):
        NetworkConnection("127.0.0.1", printer.port).send(JOB)


def test_network_low_paper_is_a_warning(fake_printer):
    printer = fake_printer(paper=0x1E)
    state = NetworkConnection("127.0.0.1", printer.port).send(JOB)
    printer.wait()
    assert printer.jobs == [JOB] and state.warning == "O papel da impressora está a acabar."


def test_network_printer_that_never_answers_status_still_prints(fake_printer):
    printer = fake_printer(paper=None, cause=None)
    conn = NetworkConnection("127.0.0.1", printer.port, status_timeout=0.2)
    assert conn.send(JOB).paper == "unknown"
    printer.wait()
    assert printer.jobs == [JOB]


def test_network_without_status_check(fake_printer):
    printer = fake_printer()
    NetworkConnection("127.0.0.1", printer.port, check_status=False).send(JOB)
    printer.wait()
    assert printer.jobs == [JOB] and printer.queries == []


def test_network_status_query(fake_printer):
    printer = fake_printer(paper=0x72)
    assert NetworkConnection("127.0.0.1", printer.port).status().paper == "out"


def test_network_refused(closed_port):
    with pytest.raises(PrinterError) as err:
        NetworkConnection("127.0.0.1", closed_port, timeout=2).send(JOB)
    assert str(err.value) == (f"A impressora em 127.0.0.1:{closed_port} recusou a ligação: "
                              "está ligada e é a porta certa (normalmente 9100)?")


@pytest.mark.parametrize("paper, cause, expected", [
    (0x12, 0x12, ("ok", False, False)),
    (0x1E, 0x12, ("low", False, False)),
    (0x72, 0x12, ("out", False, False)),
    (0x12, 0x32, ("out", False, False)),
    (0x12, 0x16, ("ok", True, False)),
    (0x12, 0x52, ("ok", False, True)),
    (None, None, ("unknown", None, None)),
    (0x41, 0x00, ("unknown", None, None)),    # not status bytes (wrong fixed bits)
])
def test_parse_status(paper, cause, expected):
    s = parse_status(paper, cause)
    assert (s.paper, s.cover_open, s.error) == expected


def test_file_connection(tmp_path):
    path = tmp_path / "job.bin"
    FileConnection(str(path)).send(JOB)
    assert path.read_bytes() == JOB
    with pytest.raises(PrinterError, match="não existe"):
        FileConnection(str(tmp_path / "no" / "such" / "dir")).send(JOB)


@contextmanager
def without_root():
    """Root ignores file modes: under root (CI), act as 'nobody' for the block. The real
    user id stays 0, so the effective one can be given back afterwards."""
    if os.name != "posix" or os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_file_connection_permission():
    base = Path(tempfile.mkdtemp(prefix="caixa-lp-"))    # traversable by 'nobody' as well
    try:
        base.chmod(0o755)
        ro = base / "ro"
        ro.mkdir()
        ro.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH
                 | stat.S_IXOTH)
        with without_root(), pytest.raises(PrinterError, match="grupo lp"):
            FileConnection(str(ro / "lp0")).send(JOB)
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def fake_lp(tmp_path, monkeypatch):
    """An `lp` on PATH that keeps its arguments and the job; exits with $FAKE_LP_RC."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "lp"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        f"out = {str(tmp_path)!r}\n"
        "open(os.path.join(out, 'args'), 'w').write(' '.join(sys.argv[1:]))\n"
        "open(os.path.join(out, 'job'), 'wb').write(sys.stdin.buffer.read())\n"
        "rc = int(os.environ.get('FAKE_LP_RC', '0'))\n"
        "if rc: sys.stderr.write('lp: The printer or class does not exist.\\n')\n"
        "else: print('request id is Talao-7 (1 file(s))')\n"
        "sys.exit(rc)\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def test_cups_sends_raw_with_lp(fake_lp):
    CupsConnection("Talao", server="cups.local:631").send(JOB)
    assert (fake_lp / "job").read_bytes() == JOB
    assert (fake_lp / "args").read_text() == "-d Talao -o raw -t Caixa -h cups.local:631"


def test_cups_refusal_is_reported(fake_lp, monkeypatch):
    monkeypatch.setenv("FAKE_LP_RC", "1")
    with pytest.raises(PrinterError, match="O CUPS recusou o trabalho para Talao: lp: The "
                                           "printer or class does not exist."):
        CupsConnection("Talao").send(JOB)


def test_cups_without_lp(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrinterError, match="cups-client"):
        CupsConnection("Talao").send(JOB)


def test_usb_without_pyusb_says_what_is_missing():
    pytest.importorskip("escpos")
    try:
        import usb.core  # noqa: F401
        pytest.skip("pyusb is installed here")
    except ImportError:
        pass
    with pytest.raises(PrinterError, match="pyusb"):
        connection_from_spec("usb:04b8:0e15").send(JOB)


@pytest.mark.parametrize("spec, kind, attrs", [
    ("tcp:192.168.1.50", NetworkConnection, {"host": "192.168.1.50", "port": 9100}),
    ("tcp:printer.lan:9101", NetworkConnection, {"host": "printer.lan", "port": 9101}),
    ("tcp:[fe80::1]:9100", NetworkConnection, {"host": "fe80::1", "port": 9100}),
    ("tcp:::1", NetworkConnection, {"host": "::1", "port": 9100}),
    ("cups:Talao", CupsConnection, {"name": "Talao"}),
    ("file:/dev/usb/lp0", FileConnection, {"path": "/dev/usb/lp0"}),
    ("/tmp/job.bin", FileConnection, {"path": "/tmp/job.bin"}),
    (r"C:\talao.bin", FileConnection, {"path": r"C:\talao.bin"}),
])
def test_connection_specs(spec, kind, attrs):
    conn = connection_from_spec(spec)
    assert isinstance(conn, kind)
    for k, v in attrs.items():
        assert getattr(conn, k) == v


def test_escpos_backed_specs():
    usb = connection_from_spec("usb:0x04b8:0e15")
    assert isinstance(usb, EscposConnection) and usb.kind == "Usb"
    assert usb.kwargs["idVendor"] == 0x04B8 and usb.kwargs["idProduct"] == 0x0E15
    serial = connection_from_spec("serial:/dev/ttyUSB0:38400")
    assert serial.kwargs["devfile"] == "/dev/ttyUSB0" and serial.kwargs["baudrate"] == 38400
    assert connection_from_spec("serial:COM3").kwargs["devfile"] == "COM3"
    assert connection_from_spec("win:EPSON TM-T20II Receipt").kwargs["printer_name"] == \
        "EPSON TM-T20II Receipt"


@pytest.mark.parametrize("spec", ["bogus:thing", "usb:04b8", "usb:xx:yy", "tcp:", "tcp:h:p",
                                  "tcp:host:port:x:y:z:w", "serial:"])
def test_bad_specs(spec):
    with pytest.raises(ValidationError):
        connection_from_spec(spec)


def test_printer_from_config():
    printer = printer_from_config({
        "connection": {"type": "network", "host": "10.0.0.9", "port": 9100, "timeout": 5},
        "profile": {"preset": "epson-tm-t88", "qr_mode": "native", "drawer_pin": "5"}})
    assert printer.connection.host == "10.0.0.9" and printer.connection.timeout == 5
    assert printer.profile.columns == 42 and printer.profile.native_qr
    assert printer.profile.drawer_pin == 5
    assert printer_from_config({"connection": "cups:Talao"}).profile.name == "generic-80"
    serial = connection_from_config({"type": "serial", "device": "/dev/ttyS0",
                                     "baudrate": 19200, "dsrdtr": False})
    assert serial.kwargs["baudrate"] == 19200 and serial.kwargs["dsrdtr"] is False


@pytest.mark.parametrize("config, message", [
    ({}, "connection"),
    ({"connection": "tcp:x", "colour": 1}, "desconhecida: colour"),
    ({"connection": {"type": "network"}}, "Falta 'host'"),
    ({"connection": {"type": "fax"}}, "desconhecido"),
    ({"connection": "tcp:x", "profile": {"cuter": False}}, "desconhecida: cuter"),
    ({"connection": "tcp:x", "profile": {"preset": "nope"}}, "desconhecido: nope"),
    ({"connection": "tcp:x", "profile": {"codepage": "CP437"}}, "não suportada"),
    ({"connection": "tcp:x", "profile": {"qr_min_mm": 20}}, "30 mm"),
    ({"connection": "tcp:x", "profile": {"drawer_pin": 3}}, "pino 2 ou 5"),
    ({"connection": "tcp:x", "profile": {"cutter": "talvez"}}, "Valor inválido"),
    ({"connection": "tcp:x", "profile": {"paper_px": 200}}, "não comporta"),
    # hostile or mistyped values (issue 13): one sentence, never a TypeError
    ({"connection": 5}, "'connection' da impressora"),
    ({"connection": None}, "'connection' da impressora"),
    ({"connection": "tcp:x", "profile": 5}, "'profile' da impressora"),
    ({"connection": "tcp:x", "profile": {"preset": 5}}, "desconhecido: 5"),
    ({"connection": "tcp:x", "profile": {"columns": [1]}}, "Valor inválido para columns"),
    ({"connection": "tcp:x", "profile": {"columns": 1e300}}, "Valor inválido para columns"),
    ({"connection": "tcp:x", "profile": {"qr_min_mm": "nan"}}, "Valor inválido"),
    ({"connection": "tcp:x", "profile": {"logo": "a\x00b"}}, "Valor inválido para logo"),
    ({"connection": "tcp:" + "a" * 300}, "Endereço de impressora inválido"),
    ({"connection": "tcp:" + "a" * 64 + ".lan"}, "Endereço de impressora inválido"),
    ({"connection": "tcp:impressora\x1b.lan"}, "Endereço de impressora inválido"),
    ({"connection": "tcp:10.0.0.9:99999"}, "Porta"),
    ({"connection": "file:/tmp/a\x00b"}, "caminho da impressora inválido"),
    ({"connection": "cups:\u202eTalao"}, "fila CUPS"),
    ({"connection": {"type": "network", "host": 5}}, "Endereço"),
    ({"connection": {"type": "network", "host": "h", "port": True}}, "Porta"),
    ({"connection": {"type": "network", "host": "h", "timeout": float("inf")}}, "limite"),
    ({"connection": {"type": "file", "path": ["x"]}}, "caminho"),
    ({"connection": {"type": "usb", "vendor_id": "zz", "product_id": "1"}}, "Valor inválido"),
    ({"connection": {"type": "serial", "device": "/dev/ttyS0", "baudrate": 10**20}},
     "Velocidade"),
    ({"connection": {"type": [1]}}, "desconhecido"),
])
def test_bad_configs(config, message):
    with pytest.raises(ValidationError, match=message) as err:
        printer_from_config(config)
    assert "\n" not in str(err.value) and len(str(err.value)) < 300


def test_read_config(tmp_path):
    data = {"connection": "tcp:10.0.0.9", "profile": {"preset": "generic-58"}}
    assert read_config(json.dumps(data)) == data
    path = tmp_path / "printer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_config(str(path)) == data
    with pytest.raises(ValidationError, match="JSON"):
        read_config("{nope")
    with pytest.raises(ValidationError, match="Não foi possível ler"):
        read_config(str(tmp_path / "missing.json"))
    with pytest.raises(ValidationError, match="'profile' da impressora"):
        read_config('{"connection": "tcp:x", "profile": 5}')
    with pytest.raises(ValidationError, match="encaixado"):
        read_config('{"a":' + "[" * 100_000 + "]" * 100_000 + "}")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ValidationError, match="não é um ficheiro normal"):
        read_config(str(tmp_path / "pipe"))
