"""`caixa gui` on a database with no shop: the first-run choice (demo, wizard or leave) and
the wizard run as the command runs it (its own event loop until the shop exists or it is
closed)."""

import argparse

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def find_wizard():
    from ui.backoffice.wizard import Wizard
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, Wizard) and w.isVisible())


def drive(qtbot, steps) -> None:
    """Run ``steps(wizard)`` once the wizard is on screen, inside its event loop."""
    def go():
        steps(find_wizard())
    QTimer.singleShot(0, go)


def test_the_wizard_as_caixa_gui_runs_it_creates_the_shop(qtbot, db_path, monkeypatch,
                                                          tmp_path):
    from tests.backoffice.test_wizard import Walk, fill_until_series
    from ui.backoffice.launch import run_wizard

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CAIXA_CONFIG", raising=False)

    def steps(w):
        walk = Walk(qtbot, w)
        fill_until_series(walk)
        for i, t in enumerate(("FS", "FR", "FT", "NC"), 2):
            w.steps[6].codes[t].setText(f"AAJFJ{i}KC")
        walk.next(7)
        walk.next(8)
        w.next.click()                                 # 'Abrir a caixa'
    drive(qtbot, steps)
    assert run_wizard(str(db_path)) is True
    from pos.bootstrap import open_app
    app = open_app(str(db_path))
    try:
        assert app.is_configured() and app.setup_status().able_to_sell
    finally:
        app.close()


def test_a_wizard_closed_leaves_the_database_without_a_shop(qtbot, db_path):
    from ui.backoffice.launch import run_wizard
    drive(qtbot, lambda w: w.close())
    assert run_wizard(str(db_path)) is False
    from pos.bootstrap import open_app
    app = open_app(str(db_path))
    try:
        assert not app.is_configured()
    finally:
        app.close()


def test_caixa_gui_without_a_shop_leaves_when_nothing_is_chosen(db_path, monkeypatch,
                                                                capsys):
    from ui.commands import gui
    for choice, created in ((None, False), ("wizard", False)):
        monkeypatch.setattr(gui, "_first_run", lambda _db, c=choice: c)
        monkeypatch.setattr(gui, "_wizard", lambda _db, _fs=False, c=created: c)
        args = argparse.Namespace(gui_db=str(db_path), db=None, demo=False, lang="pt",
                                  fullscreen=False)
        assert gui.cmd_gui(args) == 2
        assert "assistente" in capsys.readouterr().err
