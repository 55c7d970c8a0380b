"""`caixa backoffice`: the manager's back office (PySide6 is imported only when it runs)."""

import os
import sys


def register(sub) -> None:
    p = sub.add_parser("backoffice", help="abre o back office do gerente (catálogo, "
                                          "relatórios, séries, SAF-T, definições)")
    p.add_argument("--db", dest="office_db", default=None, metavar="PATH",
                   help="base de dados (por omissão --db global, CAIXA_DB ou a do utilizador)")
    p.add_argument("--lang", choices=("pt", "en"), default=os.environ.get("CAIXA_LANG"),
                   help="língua da interface (por omissão, a escolhida para a loja)")
    p.add_argument("--fullscreen", action="store_true", help="ecrã inteiro")
    p.set_defaults(func=cmd_backoffice)


def cmd_backoffice(args) -> int:
    from pos.bootstrap import default_db, open_app

    db = args.office_db or args.db or default_db()
    shop = open_app(db)
    try:
        configured = shop.is_configured()
    finally:
        shop.close()
    if not configured:
        print(f"caixa: a base de dados {db} não está configurada: configure a loja com "
              "'caixa gui' (assistente) ou 'caixa init --from loja.toml'.", file=sys.stderr)
        return 2
    from ui.backoffice.app import run

    return run(db, args.lang, args.fullscreen)
