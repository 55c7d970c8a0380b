"""Property: whatever a person types, the command line answers with a result or one
sentence (issue 13).

Hypothesis drives the CLI's parsers and the domain's value types (through ``ui.cli.main``,
in-process) with arbitrary text, numbers and files. Never a traceback; a refusal is exit
2 with one line on stderr and leaves the database byte for byte as it was (a digest of
every row); values built to be hostile are always refused. A few real subprocesses at the
end check what only a real process shows (bytes that are not UTF-8 in argv).

Files and output paths are confined to a temporary folder: arbitrary *names* are tried,
never arbitrary places on this machine. Printer connections never name a network host
(no DNS look-ups).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, clone_shop, secure_env_beside, secure_env_of
from tests.hostile import PRINT_LOG, db_digest, print_attempts, run_main

FT = "FT DEMO2026/1"
REFUSED_CHARS = ["\x00", "\x1b", "\x07", "\n", "\r", "\t", "\x7f", "\x85", "\x9b", "\u202a",
                 "\u202e", "\u2066", "\u2069", "\u200f", "\u2028", "\ufeff", "\udce9",
                 "\ue000", "\uffff"]
HOSTILE_NUMBERS = ["1e30", "1e27", "-1e999999999", "1e999999999", "NaN", "sNaN", "-inf",
                   "Infinity", "9" * 25, "1" * 16, "0.1234567890123456", "²", "٣", "1_0",
                   "0x10", "", " ", "1e", "--1", "9" * 5000]

any_text = st.text(max_size=40)
hostile_text = st.one_of(
    st.tuples(st.text(max_size=8), st.sampled_from(REFUSED_CHARS), st.text(max_size=8))
    .map("".join),
    st.integers(4097, 12_000).map(lambda n: "x" * n))
numbers = st.one_of(st.integers().map(str), st.sampled_from(HOSTILE_NUMBERS),
                    st.decimals(allow_nan=True, allow_infinity=True).map(str),
                    st.text(alphabet="0123456789eE.,-+_ ", max_size=30))
hostile_numbers = st.one_of(st.sampled_from(HOSTILE_NUMBERS),
                            st.integers(2**31, 10**40).map(str),
                            st.integers(max_value=0).map(str))
names = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"),
               min_size=1, max_size=30).filter(lambda n: n not in (".", "..", "pipe", "folder"))
contents = st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode),
                     st.sampled_from([b"", b"<html><body/></html>", b"[queue]\nbatch=[1]\n",
                                      b'{"connection": 5}', b"-----BEGIN PRIVATE KEY-----\n",
                                      b"x = " + b"[" * 5000 + b"]" * 5000]))


@pytest.fixture(scope="module")
def hostile_shop(demo_template, tmp_path_factory):
    """One shop for every example, with an invoice to cancel, credit and print; its key
    store and anchors beside it."""
    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "caixa.db"
    with secure_env_beside(db):
        clone_shop(demo_template, db)
    files = folder / "files"
    files.mkdir()
    os.mkfifo(files / "pipe")
    (files / "folder").mkdir()
    with pytest.MonkeyPatch.context() as mp:
        for var in [v for v in os.environ if v.startswith("CAIXA_")]:
            mp.delenv(var)
        mp.setenv("CAIXA_DB", str(db))
        for name, value in secure_env_of(db).items():
            mp.setenv(name, value)
        mp.setenv("XDG_DATA_HOME", str(folder / "xdg"))
        mp.chdir(files)
        code, _, err = run_main("sell", "--item", "PAO01:3", "--item", "CAF01", "--type",
                                "FT", "--customer-nif", "503504564", "--customer-name",
                                "Cliente")
        assert code == 0, err
        yield db, files


@pytest.fixture
def shop(hostile_shop, monkeypatch):
    """The module's shop, with its own key store and anchors (not this test's folders)."""
    for name, value in secure_env_of(hostile_shop[0]).items():
        monkeypatch.setenv(name, value)
    return hostile_shop


class Ledger:
    """The database digest the next run must leave untouched if it refuses. A print the
    printer refused is the one refusal that writes: its claim, ended 'failed' (a print is
    claimed before anything is sent, pos.services.prints) — never a print nor a reprint."""

    def __init__(self, db: Path):
        self.db, self.digest = db, db_digest(db, PRINT_LOG)
        self.prints = print_attempts(db)

    def run(self, argv: list[str], must_refuse: bool) -> None:
        code, out, err = run_main(*argv)
        assert code in (0, 1, 2), (argv, code, err)
        assert "Traceback" not in err and len(err) < 1200, err
        after, prints = db_digest(self.db, PRINT_LOG), print_attempts(self.db)
        if code == 2:
            assert err.startswith("caixa") and err.endswith("\n") and err.count("\n") == 1, \
                (argv, err)
            assert after == self.digest, f"refused but the database changed: {argv}"
            assert prints[len(self.prints):] in ([], ["claim", "failed"]), (argv, prints)
        else:
            assert not must_refuse, (argv, code, out[:200])
        self.digest, self.prints = after, prints


def _text_commands(v: str) -> list[list[str]]:
    """Every command option that takes free text, with ``v`` in it."""
    return [
        ["sell", "--item", "PAO01", "--customer-name", v],
        ["sell", "--item", "PAO01", "--customer-nif", "503504564", "--customer-address", v],
        ["sell", "--item", "PAO01", "--customer-nif", "503504564", "--customer-city", v],
        ["sell", "--item", "PAO01", "--customer-nif", "503504564",
         "--customer-postal-code", v],
        ["sell", "--item", "PAO01", "--customer-country", v],
        ["sell", "--item", "PAO01", "--customer-nif", v, "--customer-country", "ES"],
        ["sell", "--item", "PAO01", "--customer-nif", v],
        ["sell", "--item", v],
        ["sell", "--item", "PAO01", "--user", v],
        ["sell", "--item", "PAO01", "--type", v],
        ["sell", "--item", "PAO01", "--series", v],
        ["show", v],
        ["cancel", FT, "--reason", v],
        ["cancel", v, "--reason", "Erro"],
        ["credit-note", FT, "--reason", v, "--line", "1:1"],
        ["credit-note", FT, "--reason", "Devolução", "--line", v],
        ["series", "add", "--doc-type", "FS", "--series", v, "--validation-code", "AAJFJMVN"],
        ["series", "add", "--doc-type", "FS", "--series", "LOJA9", "--validation-code", v],
        ["series", "add", "--doc-type", v, "--series", "LOJA9", "--validation-code",
         "AAJFJMVN"],
        ["manual", "book-add", "--doc-type", "FT", "--series", v, "--first", "1", "--last",
         "50", "--typography-name", "Tipografia", "--typography-nif", "509999999",
         "--authorization", "A1"],
        ["manual", "book-add", "--doc-type", "FT", "--series", "abc", "--first", "1",
         "--last", "50", "--typography-name", v, "--typography-nif", "509999999",
         "--authorization", "A1"],
        ["manual", "book-add", "--doc-type", "FT", "--series", "abc", "--first", "1",
         "--last", "50", "--typography-name", "T", "--typography-nif", "509999999",
         "--authorization", v],
        ["manual", "void", "--series", "abc", "--number", "1", "--reason", v],
        ["manual", "recover", "--series", "abc", "--number", "1", "--date", "2026-03-10",
         "--item", "PAO01", "--customer-name", v],
        ["manual", "down", "--from", v, "--reason", "Falha"],
        ["manual", "down", "--from", "2026-03-10", "--reason", v],
        ["queue", "saft-sent", v],
        ["queue", "resolve", "1", "--at-code", v],
        ["print", FT, "--copy", "--reason", v, "--to", "file:r.bin"],
        ["verify", "--acknowledge", v],
        ["training", "status", "--user", v],
    ]


def _number_commands(n: str) -> list[list[str]]:
    """Every option that takes a number (integers and amounts), with ``n`` in it."""
    return [
        ["sell", "--item", f"PAO01:{n}"],
        ["sell", "--item", "PAO01", "--pay", f"NU:{n}"],
        ["sell", "--item", "PAO01", "--pay", f"CC:{n}"],
        ["documents", "--limit", n],
        ["keys", "public", "--version", n],
        ["credit-note", FT, "--reason", "Devolução", "--line", f"1:{n}"],
        ["credit-note", FT, "--reason", "Devolução", "--line", f"{n}:1"],
        ["series", "register", "--doc-type", "FT", "--series", "X1", "--first", n],
        ["manual", "book-add", "--doc-type", "FT", "--series", "abc", "--first", "1",
         "--last", n, "--typography-name", "T", "--typography-nif", "509999999",
         "--authorization", "A1"],
        ["manual", "book-status", n, "closed"],
        ["manual", "void", "--series", "abc", "--number", n, "--reason", "x"],
        ["manual", "recover", "--series", "abc", "--number", "1", "--date", "2026-03-10",
         "--item", f"PAO01:1:{n}"],
        ["manual", "close-series", "--reason", "x", "--last", f"FT:A={n}"],
        ["queue", "retry", n],
        ["queue", "resolve", n, "--at-code", "X"],
        ["print", FT, "--copies", n, "--to", "file:r.bin"],
        ["receipt", FT, "--columns", n],
        ["saft", "export", "--out", "s.xml", "--year", n],
        ["saft", "export", "--out", "s.xml", "--year", "2026", "--month", n],
        ["demo", "--columns", n],
    ]


SETTINGS = settings(deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


@settings(SETTINGS, max_examples=270)
@given(data=st.data())
def test_hostile_values_are_always_refused_and_change_nothing(shop, data):
    commands = data.draw(st.one_of(hostile_text.map(_text_commands),
                                   hostile_numbers.map(_number_commands)))
    Ledger(shop[0]).run(data.draw(st.sampled_from(commands)), must_refuse=True)


@settings(SETTINGS, max_examples=150)
@given(data=st.data())
def test_arbitrary_text_and_numbers_give_a_result_or_one_sentence(shop, data):
    value = data.draw(st.one_of(any_text, numbers))
    argv = data.draw(st.sampled_from(_text_commands(value) + _number_commands(value)))
    Ledger(shop[0]).run(argv, must_refuse=False)


@settings(SETTINGS, max_examples=100)
@given(data=st.data())
def test_arbitrary_files_and_file_names_give_a_result_or_one_sentence(shop, data,
                                                                      monkeypatch):
    db, files = shop
    monkeypatch.delenv("CAIXA_CONFIG", raising=False)
    name = data.draw(st.one_of(names, st.sampled_from(["pipe", "folder", "folder/",
                                                       "nope/x.xml", " "])))
    path = files / name
    special = name in ("pipe", "folder", "folder/", "nope/x.xml", " ")
    if not special:
        path.write_bytes(data.draw(contents))
    as_config = data.draw(st.sampled_from(["queue", "printer", "key", "validate", "out",
                                           "png", "public-key"]))
    if as_config == "queue":
        monkeypatch.setenv("CAIXA_CONFIG", str(path))
        argv = ["queue", "list"]
    elif as_config == "printer":
        argv = ["printer-test", "--printer", str(path)]
    elif as_config == "key":
        argv = ["keys", "import", str(path)]
    elif as_config == "validate":
        argv = ["saft", "validate", str(path)]
    elif as_config == "public-key":
        argv = ["saft", "validate", str(path), "--public-key", str(path)]
    elif as_config == "out":
        argv = ["saft", "export", "--out", str(path), "--year", "2026"]
    else:
        argv = ["receipt", FT, "--png", str(path)]
    Ledger(db).run(argv, must_refuse=False)
    assert (files / "pipe").exists() and not (files / "pipe").is_file()   # never replaced
    if not special:
        path.unlink(missing_ok=True)


# Printer settings: any shape and type, but no value that names a reachable place (a host
# name would be looked up; a path outside the temporary folder would be written): those
# that could only come from hostile text, which is refused before any use.
junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                 any_text, hostile_text, st.lists(st.integers(), max_size=2))
connections = st.one_of(
    junk.filter(lambda v: not isinstance(v, str)), hostile_text,
    st.sampled_from(["file:r.bin", "r.bin", "file:folder", "tcp:", "tcp:" + "a" * 300,
                     "tcp:h\x1b", "tcp:[::1", "tcp:10.0.0.1:99999", "usb:zz:1", "usb:",
                     "serial:", "cups:", "win:\u202e", "fax:x", ":"]),
    st.fixed_dictionaries({"type": st.sampled_from(["file", "network", "usb", "serial",
                                                    "cups", "windows", "fax", 5])},
                          optional={"path": st.one_of(st.just("r.bin"), hostile_text, junk),
                                    "host": st.one_of(hostile_text, st.just("a" * 300)),
                                    "port": junk, "timeout": junk, "device": hostile_text,
                                    "name": hostile_text, "vendor_id": junk,
                                    "product_id": junk}))
profiles = st.one_of(junk, st.dictionaries(
    st.sampled_from(["preset", "columns", "codepage", "codepage_slot", "qr_mode", "qr_min_mm",
                     "dpi", "paper_px", "cutter", "cut_mode", "feed_lines", "drawer_pin",
                     "logo", "name", "colour"]), junk, max_size=4))


@settings(SETTINGS, max_examples=100)
@given(config=st.fixed_dictionaries({}, optional={"connection": connections,
                                                  "profile": profiles, "extra": junk}))
def test_arbitrary_printer_settings_give_a_result_or_one_sentence(shop, config):
    import json

    Ledger(shop[0]).run(["print", FT, "--printer", json.dumps(config)], must_refuse=False)


# ---- the real thing: a few subprocesses ------------------------------------------------

@pytest.mark.parametrize("args, words", [
    ([b"sell", b"--item", b"PAO01", b"--customer-name", b"Caf\xe9"], "UTF-8"),
    ([b"sell", b"--item", b"PAO01", b"--user", b"u" * 10_000], "caracteres"),
    ([b"--db", b"foo://bar", b"documents"], "não suportada"),
    ([b"documents", b"--limit", b"9" * 25], "entre 1 e"),
])
def test_real_processes_refuse_with_one_sentence(shop, args, words):
    db, files = shop
    before = db_digest(db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAIXA_")}
    env.update(CAIXA_DB=str(db), **secure_env_of(db))
    proc = subprocess.run([sys.executable.encode(), b"-m", b"ui.cli", *args], cwd=ROOT,
                          env=env, capture_output=True, timeout=120)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and err.count("\n") == 1 and words in err, err
    assert "Traceback" not in err and db_digest(db) == before
