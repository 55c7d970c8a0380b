"""The command line over the sealed data: verify, acknowledge with an administrator's PIN,
the journal, closures and the clock."""

import os
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT
from tests.integrity.conftest import attacker


def caixa(db, *args, pin: str | None = None):
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT,
                          input=f"{pin}\n" if pin is not None else "",
                          env={**os.environ, "CAIXA_DB": str(db)}, capture_output=True,
                          text=True, timeout=120)


def test_only_an_administrator_with_his_pin_unblocks(demo_db):
    for _ in range(3):
        assert caixa(demo_db, "sell", "--item", "PAO01").returncode == 0
    assert caixa(demo_db, "verify").returncode == 0
    with attacker(demo_db) as con:
        con.execute("UPDATE documents SET customer_name = 'Outro' WHERE number = 2")
    con.close()
    found = caixa(demo_db, "verify")
    assert found.returncode == 1 and "customer_name alterado: 'Outro'" in found.stdout
    assert "bloqueada" in caixa(demo_db, "sell", "--item", "PAO01").stderr
    for login, pin in (("caixa1", "1111"), ("gerente", "2222")):   # a manager neither
        refused = caixa(demo_db, "verify", "--acknowledge", login, pin=pin)
        assert refused.returncode == 2 and "administrador" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    nobody = caixa(demo_db, "verify", "--acknowledge", "nobody-at-all", pin="1234")
    assert nobody.returncode == 2 and "desconhecido" in nobody.stderr
    wrong = caixa(demo_db, "verify", "--acknowledge", "admin", pin="0000")
    assert wrong.returncode == 2 and "PIN errado" in wrong.stderr
    con = sqlite3.connect(demo_db)
    con.execute("UPDATE integrity_state SET blocked = 0")
    con.commit()
    con.close()
    assert caixa(demo_db, "sell", "--item", "PAO01").returncode == 2
    ok = caixa(demo_db, "verify", "--acknowledge", "admin", pin="1234")
    assert ok.returncode == 0, ok.stderr
    assert caixa(demo_db, "sell", "--item", "PAO01").returncode == 0
    again = caixa(demo_db, "verify")
    assert again.returncode == 1 and "confirmado por um administrador" in again.stdout
    journal = caixa(demo_db, "journal", "--kind", "integrity_acknowledged").stdout
    assert "admin" in journal and "relatório confirmado" in journal


def test_sell_with_a_confirmed_clock_takes_the_manager_s_pin(demo_db):
    assert caixa(demo_db, "sell", "--item", "PAO01").returncode == 0
    refused = caixa(demo_db, "sell", "--item", "PAO01", "--confirm-clock", "--user", "caixa1",
                    pin="1111")
    assert refused.returncode == 2 and "gerente" in refused.stderr
    status = caixa(demo_db, "clock", "status")
    assert "Último documento" in status.stdout


def test_closures_and_journal_commands(demo_db):
    assert caixa(demo_db, "sell", "--item", "PAO01").returncode == 0
    z = caixa(demo_db, "closures", "z", "--user", "gerente")
    assert z.returncode == 0 and z.stdout.startswith("Z    1")
    listed = caixa(demo_db, "closures", "list", "--kind", "Z")
    assert "perpétuo" in listed.stdout
    journal = caixa(demo_db, "journal", "--limit", "5")
    assert "fecho Z" in journal.stdout


def test_till_settings_are_journaled(demo_db):
    assert caixa(demo_db, "settings", "set", "z_max_hours", "12").returncode == 0
    assert "z_max_hours          12" in caixa(demo_db, "settings", "list").stdout
    assert caixa(demo_db, "settings", "set", "z_max_hours", "muito").returncode == 2
    assert "z_max_hours: 24 -> 12" in caixa(demo_db, "journal", "--kind", "setting").stdout
