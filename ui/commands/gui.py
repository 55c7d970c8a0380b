"""`caixa gui`: start the touchscreen till (PySide6 is imported only when it runs). On a
database with no shop yet it offers the demo shop or the first-run wizard."""

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
    try:
        configured = shop.is_configured()
        if not configured and args.demo:
            _demo(shop, db)
    finally:
        shop.close()
    if not configured and not args.demo:
        choice = _first_run(db)
        if choice == "demo":
            shop = open_app(db)
            try:
                _demo(shop, db)
            finally:
                shop.close()
        elif choice != "wizard" or not _wizard(db, args.fullscreen):
            print(f"caixa: a base de dados {db} não está configurada; use 'caixa gui' e o "
                  "assistente, 'caixa init --from loja.toml' ou 'caixa gui --demo'.",
                  file=sys.stderr)
            return 2
    from ui.app import run

    return run(db, args.lang, args.fullscreen)


def _demo(shop, db: str) -> None:
    shop.init_demo()
    print(f"caixa: loja de demonstração criada em {db} (séries de formação; "
          "utilizadores admin/1234, gerente/2222, caixa1/1111).", file=sys.stderr)


def _first_run(db: str) -> str | None:
    """First run without a shop: the demo, the set-up wizard, or nothing ('demo',
    'wizard' or None)."""
    from PySide6.QtWidgets import QMessageBox

    from ui.app import application

    application()
    box = QMessageBox()
    box.setWindowTitle("Caixa")
    box.setText(f"Não há loja configurada em\n{db}.")
    box.setInformativeText("Configurar uma loja real (empresa, caixa, administrador, séries "
                           "da AT), ou experimentar a loja de demonstração (séries de "
                           "formação, sem valor fiscal)?")
    wizard = box.addButton("Configurar a loja", QMessageBox.ButtonRole.AcceptRole)
    demo = box.addButton("Loja de demonstração", QMessageBox.ButtonRole.YesRole)
    box.addButton("Sair", QMessageBox.ButtonRole.RejectRole)
    for b in box.buttons():
        b.setMinimumHeight(56)
    box.exec()
    clicked = box.clickedButton()
    return "wizard" if clicked is wizard else "demo" if clicked is demo else None


def _wizard(db: str, fullscreen: bool = False) -> bool:
    """The first-run wizard; True once the shop exists."""
    from ui.backoffice.launch import run_wizard

    return run_wizard(db, fullscreen)
