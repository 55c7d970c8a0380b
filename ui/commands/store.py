"""Store commands: a central PostgreSQL database for a shop with many tills.

``caixa store init URL`` (the central database: schema, functions, roles, policies),
``caixa store attach URL --till CÓDIGO`` (this till joins), ``caixa store status`` (on the
central database: every till's lag, pending records and conflicts; on a till: its own),
``caixa store sync`` (push and pull now; on the central database: apply again what could
not be applied), ``caixa store conflicts``. Master data is managed on the central database
(``caixa --db postgresql://… product edit …``, the back office pointed at it) and reaches
every till by itself.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pos.domain.errors import PosError

from .common import USER, app, dump_json


class StoreSyncError(PosError):
    """A pass could not reach the store (the records wait in the till's outbox)."""


def register(sub) -> None:
    p = sub.add_parser("store", help="loja com várias caixas (base central PostgreSQL)")
    ss = p.add_subparsers(dest="store_command", metavar="AÇÃO", required=True)
    s = ss.add_parser("init", help="prepara a base central da loja (esquema, funções, "
                                   "perfis e políticas); repita após atualizar o Caixa")
    s.add_argument("url", help="postgresql://dono@servidor/base (o dono da base)")
    s.set_defaults(func=cmd_init)
    s = ss.add_parser("attach", help="liga esta caixa à loja (cria o seu perfil na base "
                                     "central e envia o que já registou)")
    s.add_argument("url", help="postgresql://dono@servidor/base?sslmode=verify-full&"
                               "sslrootcert=ca.pem")
    # Its own dest: the global --till names the till this process acts for.
    s.add_argument("--till", required=True, metavar="CÓDIGO", dest="store_till",
                   help="código da caixa na loja")
    s.add_argument("--name", default="")
    s.add_argument("--establishment", default=None, metavar="CÓDIGO",
                   help="estabelecimento (predefinido: o desta caixa)")
    s.add_argument("--user", default="admin", type=USER)
    s.add_argument("--replace", action="store_true",
                   help="esta base de dados (a dessa caixa, noutra máquina) substitui a "
                        "caixa da loja com esse código")
    s.add_argument("--no-sync", action="store_true", help="não envia nem recebe já")
    s.set_defaults(func=cmd_attach)
    s = ss.add_parser("status", help="atraso, pendentes e conflitos por caixa")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_status)
    s = ss.add_parser("sync", help="envia e recebe agora (na base central: volta a aplicar "
                                   "o que ficou por aplicar)")
    s.set_defaults(func=cmd_sync)
    s = ss.add_parser("conflicts", help="registos recusados por conflito e por aplicar")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_conflicts)


def _when(d: datetime | None) -> str:
    return f"{d:%Y-%m-%d %H:%M:%S}" if d else "-"


def _span(t: timedelta | None) -> str:
    if t is None:
        return "-"
    seconds = t.total_seconds()
    return f"{seconds:.1f} s" if abs(seconds) < 120 else f"{seconds / 60:.0f} min"


def cmd_init(args) -> int:
    a = app(require_setup=False, db=args.url)
    try:
        r = a.store_init()
    finally:
        a.close()
    print(f"Base central da loja pronta: {r.entries} tipos de registo replicados, "
          f"{r.master_tables} tabelas de dados mestre, perfil das caixas {r.group}.")
    return 0


def cmd_attach(args) -> int:
    store = app(require_setup=False, db=args.url)
    till = app(require_setup=False, store=True)
    try:
        r = till.attach_to_store(store, args.url, args.store_till, args.name, args.establishment,
                                 args.user, args.replace)
        print(f"Caixa {r.code} ligada à loja (n.º {r.central_till_id} na base central); "
              f"{r.owed} registo(s) a enviar" + (", dados mestre da loja criados a partir "
                                                  "desta caixa" if r.seeded else "") + ".")
        if not args.no_sync:
            report = till.store_sync()
            print(report.text())
            if not report.ok:
                raise StoreSyncError(report.error)
    finally:
        till.close()
        store.close()
    return 0


def cmd_status(args) -> int:
    a = app(require_setup=False, store=True)
    try:
        if a.is_store():
            return _central_status(a.store_status(), args.json)
        st = a.store_local_status()
    finally:
        a.close()
    if args.json:
        print(dump_json(st))
        return 0
    if not st.attached:
        print(f"A caixa {st.code or '-'} não está ligada a nenhuma loja.")
        return 0
    h = st.health
    print(f"Caixa {st.code} ligada a {st.server}.")
    print(f"Por enviar: {h.pending} (o mais antigo de {_when(h.oldest_pending)}); "
          f"em conflito: {h.parked}; dados mestre até à alteração n.º {h.cursor}.")
    print(f"AT: {h.at_pending} por enviar, {h.at_parked} retido(s).")
    return 0


def _central_status(rows, as_json: bool) -> int:
    if as_json:
        print(dump_json(rows))
        return 0
    if not rows:
        print("Nenhuma caixa ligada a esta loja.")
        return 0
    head = ("Caixa", "Estab.", "Docs", "Recebidos", "Último", "Atraso", "Por aplicar",
            "Conflitos", "Por enviar", "Mais antigo", "AT pend./ret.", "Dados mestre")
    table = [head]
    for r in rows:
        behind = f"-{r.master_behind}" if r.master_behind else "em dia"
        table.append((r.code, r.establishment, str(r.documents), str(r.received),
                      _when(r.last_received), _span(r.lag), str(r.unapplied),
                      str(r.conflicts + r.parked), str(r.pending), _when(r.oldest_pending),
                      f"{r.at_pending}/{r.at_parked}", behind))
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    trouble = [r for r in rows if r.conflicts or r.parked or r.unapplied]
    for r in trouble:
        print(f"Atenção: caixa {r.code} tem registos em conflito ou por aplicar "
              "(caixa store conflicts).")
    return 0


def cmd_sync(args) -> int:
    a = app(require_setup=False, store=True)
    try:
        if a.is_store():
            n = a.store_reapply()
            left = len(a.store_problems())
            print(f"{n} registo(s) aplicado(s) agora; {left} ainda por aplicar.")
            return 0 if left == 0 else 1
        report = a.store_sync()
    finally:
        a.close()
    print(report.text())
    if not report.ok:
        raise StoreSyncError(report.error)
    return 0


def cmd_conflicts(args) -> int:
    a = app(require_setup=False)
    try:
        conflicts = a.store_conflicts()
        problems = a.store_problems()
    finally:
        a.close()
    if args.json:
        print(dump_json({"conflicts": conflicts, "unapplied": problems}))
        return 0
    for c in conflicts:
        held = f" (já existe da caixa {c.existing_till})" if c.existing_till else ""
        print(f"{_when(c.at)}  {c.till}  {c.entry}  {c.key}: conteúdo diferente do já "
              f"recebido{held}")
    for till, entry, key, why in problems:
        print(f"{till}  {entry}  {key}: por aplicar — {why}")
    if not conflicts and not problems:
        print("Sem conflitos nem registos por aplicar.")
    return 0

