"""What a newcomer meets first with the real `caixa` command: the version, a pipe closed
early, a database that does not exist or is not a database, the default shop."""

import os
import subprocess
import sys
from importlib.metadata import version

import pytest

from tests.conftest import ROOT, run_cli


@pytest.fixture
def shop(cli):
    cli("init", "--demo", check=True)
    return cli


def test_version_comes_from_the_package_metadata(cli):
    proc = cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"caixa {version('caixa')}"


def test_a_reader_that_goes_away_ends_the_listing_quietly(shop, db_path):
    for _ in range(3):
        shop("sell", "--item", "PAO01", check=True)
    env = {**os.environ, "CAIXA_DB": str(db_path)}
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "documents"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()                 # `| head` that has read enough
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0 and err == b""


@pytest.mark.parametrize("args", [("verify",), ("documents",), ("saft", "export", "--out",
                                                                   "x.xml"),
                                  ("keys", "public"), ("queue", "list")])
def test_a_missing_database_is_named_and_never_created(tmp_path, args):
    db = tmp_path / "missing.db"
    proc = run_cli(db, *args)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert f"A base de dados {db} não existe" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_database_errors_name_the_file(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("not a database\n" * 100)
    proc = run_cli(junk, "documents")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith(f"caixa: erro da base de dados {junk}:")
    assert junk.read_text() == "not a database\n" * 100


def test_demo_sells_on_the_default_shop_and_never_on_a_real_one(tmp_path):
    env = {"CAIXA_DATA_DIR": str(tmp_path / "data")}
    full = {k: v for k, v in os.environ.items() if k != "CAIXA_DB"} | env
    demo = subprocess.run([sys.executable, "-m", "ui.cli", "demo"], cwd=ROOT, env=full,
                          capture_output=True, text=True, timeout=120)
    assert demo.returncode == 0, demo.stderr
    default_shop = tmp_path / "data" / "caixa.db"
    assert f"Loja de demonstração criada em {default_shop}" in demo.stdout
    listing = subprocess.run([sys.executable, "-m", "ui.cli", "documents"], cwd=ROOT,
                             env=full, capture_output=True, text=True, timeout=120)
    assert "FS DEMO" in listing.stdout            # `caixa` with no --db: the same shop
    off = run_cli(default_shop, "training", "off")
    assert off.returncode == 0, off.stderr
    again = subprocess.run([sys.executable, "-m", "ui.cli", "demo"], cwd=ROOT, env=full,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "não está em modo de formação" in again.stderr
