"""`caixa gui`: start the touchscreen till (PySide6 is imported only when it runs)."""

import os
import sys


def register(sub) -> None:
    p = sub.add_parser("gui", help="abre o ecrã de venda (interface tátil)")
    p.add_argument("--db", dest="gui_db", default=None, metavar="PATH",
                   help="base de dados (por omissão --db global, CAIXA_DB ou a do utilizador)")
    p.add_argument("--lang", choices=("pt", "en"), default=os.environ.get("CAIXA_LANG", "pt"),
                   help="língua da interface (pt por omissão)")
    p.add_argument("--fullscreen", action="store_true", help="ecrã inteiro (modo quiosque)")
    p.add_argument("--demo", action="store_true",
                   help="sem base de dados configurada, cria a loja de demonstração")
    p.set_defaults(func=cmd_gui)


def cmd_gui(args) -> int:
    from pos.bootstrap import default_db, open_app

    db = args.gui_db or args.db or default_db()
    shop = open_app(db)
    if not shop.is_configured():
        if not (args.demo or _ask_demo(db)):
            print(f"caixa: a base de dados {db} não está configurada; "
                  "use 'caixa gui --demo' ou 'caixa init'.", file=sys.stderr)
            return 2
        shop.init_demo()
        print(f"caixa: loja de demonstração criada em {db} (séries de formação; "
              "utilizadores admin/1234, gerente/2222, caixa1/1111).", file=sys.stderr)
    shop.close()
    from ui.app import run

    return run(db, args.lang, args.fullscreen)


def _ask_demo(db: str) -> bool:
    """First run without a database: offer the demo shop in a small dialog."""
    from PySide6.QtWidgets import QMessageBox

    from ui.app import application

    application()
    box = QMessageBox()
    box.setWindowTitle("Caixa")
    box.setText(f"Não há loja configurada em\n{db}.\n\nCriar a loja de demonstração "
                "(séries de formação, sem valor fiscal)?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
