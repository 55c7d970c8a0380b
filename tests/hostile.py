"""Helpers for the hostile-input tests (issue 13): run the CLI in-process, digest a shop."""

import hashlib
import io
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path


def db_digest(path: Path, exclude: tuple[str, ...] = ()) -> str:
    """SHA-256 over every row of every table (in rowid order): byte-for-byte unchanged?"""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                             "ORDER BY name").fetchall()
        for (name,) in tables:
            if name in exclude:
                continue
            h.update(name.encode())
            for row in con.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()


PRINT_LOG = ("document_prints",)


def print_attempts(path: Path) -> list[str]:
    """The kinds of the print log's rows, in order (pos.services.prints): a print is claimed
    before anything is sent, so a print the printer refused leaves 'claim', 'failed'."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [k for (k,) in con.execute("SELECT kind FROM document_prints ORDER BY id")]
    finally:
        con.close()


def run_main(*args: str) -> tuple[int, str, str]:
    """``caixa ARGS`` through ``ui.cli.main`` in this process: (exit code, stdout, stderr).

    An exception that escapes main is not caught: to the test it is the traceback a
    person would have seen.
    """
    from ui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def assert_one_sentence(code: int, err: str, limit: int = 600) -> None:
    """Refused: exit 2, one line on stderr, no traceback, no huge echo."""
    assert code == 2, (code, err)
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and len(err) < limit, err
