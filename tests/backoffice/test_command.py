"""`caixa backoffice`: the real command, in its own process, offscreen; refused on a
database with no shop; opened even when the till's data failed the integrity check (the
report is acknowledged there)."""

import sqlite3

from tests.ui.test_command import run_gui


def test_backoffice_opens_on_a_shop_and_quits(demo_db):
    proc = run_gui("backoffice", "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr[-800:]
    assert "Traceback" not in proc.stderr


def test_backoffice_refuses_a_database_with_no_shop(tmp_path):
    proc = run_gui("backoffice", "--db", str(tmp_path / "new.db"))
    assert proc.returncode == 2
    assert "não está configurada" in proc.stderr and "assistente" in proc.stderr


def test_backoffice_opens_on_altered_data_where_the_till_would_not(demo_db):
    from pos.bootstrap import open_app
    app = open_app(str(demo_db))
    app.sell_items([("PAS01", 1)])
    app.close()
    con = sqlite3.connect(demo_db)
    for (name,) in con.execute("select name from sqlite_master where type='trigger' "
                               "and tbl_name='documents'").fetchall():
        con.execute(f"DROP TRIGGER {name}")
    con.execute("UPDATE documents SET gross_total='0.01'")
    con.commit()
    con.close()
    assert run_gui("gui", "--db", str(demo_db)).returncode == 2
    proc = run_gui("backoffice", "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr[-800:]
