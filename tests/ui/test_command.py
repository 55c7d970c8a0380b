"""`caixa gui`: the real command, in its own process, offscreen."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_gui(*args, env=None):
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAIXA_GUI_QUIT_AFTER_MS": "300",
            **(env or {})}
    full.pop("CAIXA_PRINTER", None)
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, env=full,
                          capture_output=True, text=True, timeout=120)


def test_gui_starts_on_a_new_demo_database_and_quits(tmp_path):
    db = tmp_path / "shop.db"
    proc = run_gui("gui", "--demo", "--db", str(db), "--lang", "en")
    assert proc.returncode == 0, proc.stderr[-600:]
    assert "demonstração criada" in proc.stderr
    from pos.bootstrap import open_app
    app = open_app(str(db))
    try:
        assert app.is_configured() and app.training_mode()
    finally:
        app.close()
    again = run_gui("--db", str(db), "gui")         # the global --db works too
    assert again.returncode == 0, again.stderr[-600:]
    assert "demonstração" not in again.stderr


def test_gui_refuses_an_altered_database(tmp_path):
    db = tmp_path / "shop.db"
    assert run_gui("gui", "--demo", "--db", str(db)).returncode == 0
    import sqlite3

    from pos.bootstrap import open_app
    app = open_app(str(db))
    app.sell_items([("PAS01", 1)])
    app.close()
    con = sqlite3.connect(db)                      # tamper, bypassing the triggers
    triggers = [r[0] for r in con.execute(
        "select name from sqlite_master where type='trigger' and tbl_name='documents'")]
    for name in triggers:
        con.execute(f"DROP TRIGGER {name}")
    con.execute("UPDATE documents SET gross_total='0.01'")
    con.commit()
    con.close()
    proc = run_gui("gui", "--db", str(db))
    assert proc.returncode == 2 and "alterados" in proc.stderr
