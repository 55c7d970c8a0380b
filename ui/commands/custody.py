"""Commands for what keeps the data trustworthy: backups, period archives, the clock,
closures, the journal and the keys' passphrase."""

import sys
from pathlib import Path

from pos.domain.errors import ValidationError
from pos.domain.money import fmt2

from .common import add_pin_option, app, dump_json, read_pin


def register(sub) -> None:
    p = sub.add_parser("backup", help="cópias de segurança cifradas da base de dados")
    bs = p.add_subparsers(dest="backup_command", required=True)
    b = bs.add_parser("create", help="cópia agora (também se faz em cada fecho Z)")
    b.add_argument("--to", help="pasta (por omissão: CAIXA_BACKUP_DIR ou backups/ ao lado "
                                "da base de dados)")
    b.add_argument("--user", default="admin")
    b.set_defaults(func=cmd_backup_create)
    b = bs.add_parser("list", help="cópias existentes")
    b.add_argument("--from", dest="folder")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_backup_list)
    b = bs.add_parser("verify", help="decifra e confere uma cópia inteira")
    b.add_argument("file")
    b.set_defaults(func=cmd_backup_verify)
    b = bs.add_parser("restore", help="repõe uma cópia (administrador); depois verifica tudo")
    b.add_argument("file")
    b.add_argument("--user", required=True, help="o administrador que repõe")
    add_pin_option(b)
    b.set_defaults(func=cmd_backup_restore)
    b = bs.add_parser("key", help="a chave das cópias, para guardar fora deste computador")
    kg = b.add_mutually_exclusive_group(required=True)
    kg.add_argument("--export", metavar="FICHEIRO")
    kg.add_argument("--import", dest="import_", metavar="FICHEIRO")
    b.set_defaults(func=cmd_backup_key)

    p = sub.add_parser("archive", help="arquivo assinado de um período")
    ars = p.add_subparsers(dest="archive_command", required=True)
    a = ars.add_parser("create", help="arquivo de um mês (ou de um ano)")
    a.add_argument("--year", type=int, required=True)
    a.add_argument("--month", type=int)
    a.add_argument("--out")
    a.add_argument("--user", default="admin")
    a.set_defaults(func=cmd_archive_create)
    a = ars.add_parser("verify", help="confere um arquivo sem precisar da base de dados")
    a.add_argument("file")
    a.add_argument("--expect-key", metavar="IMPRESSÃO",
                   help="impressão digital esperada da chave de selagem")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_archive_verify)

    p = sub.add_parser("clock", help="relógio da caixa")
    cs = p.add_subparsers(dest="clock_command", required=True)
    c = cs.add_parser("status", help="hora, último documento, hora da AT")
    c.set_defaults(func=cmd_clock_status)
    c = cs.add_parser("confirm", help="um gerente confirma que a hora está certa")
    c.add_argument("--user", required=True)
    c.add_argument("--reason", default="")
    add_pin_option(c)
    c.set_defaults(func=cmd_clock_confirm)
    c = cs.add_parser("recover", help="fecha as séries com datas futuras (relógio adiantado) "
                                      "e abre as que lhes sucedem")
    c.add_argument("--user", required=True)
    c.add_argument("--reason", required=True)
    add_pin_option(c)
    c.set_defaults(func=cmd_clock_recover)

    p = sub.add_parser("closures", help="fechos Z, diários, mensais e anuais")
    cls = p.add_subparsers(dest="closures_command", required=True)
    c = cls.add_parser("list")
    c.add_argument("--kind", choices=["Z", "day", "month", "year"])
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_closures_list)
    c = cls.add_parser("z", help="fecho Z sem sessão de caixa")
    c.add_argument("--user", default="admin")
    c.set_defaults(func=cmd_closures_z)
    c = cls.add_parser("run", help="fecha os dias, meses e anos terminados")
    c.set_defaults(func=cmd_closures_run)

    p = sub.add_parser("journal", help="o diário selado da caixa")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--kind", action="append", default=[])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_journal)

    p = sub.add_parser("settings", help="definições da caixa (fecho Z, relógio, cópias)")
    ss = p.add_subparsers(dest="settings_command", required=True)
    s = ss.add_parser("list")
    s.set_defaults(func=cmd_settings_list)
    s = ss.add_parser("set")
    s.add_argument("key")
    s.add_argument("value")
    s.add_argument("--user", default="admin")
    s.set_defaults(func=cmd_settings_set)

    p = sub.add_parser("passphrase", help="instala a palavra-passe das chaves (entregue pelo "
                                          "instalador) no porta-chaves deste computador")
    p.add_argument("--from-env", metavar="VARIÁVEL",
                   help="variável com a palavra-passe (sem ela: lida da entrada padrão)")
    p.add_argument("--shop", help="a identidade da loja, antes de repor uma cópia num "
                                  "computador novo ('caixa backup list' mostra-a)")
    p.set_defaults(func=cmd_passphrase)


# ---- backups ---------------------------------------------------------------------------

def _backup_line(b) -> str:
    kind = "automática" if b.automatic else "pedida"
    return (f"{b.path.name}  {b.created:%Y-%m-%d %H:%M}  {b.size // 1024} KiB  {kind}  "
            f"documentos até ao registo {b.documents}  loja {b.shop}")


def cmd_backup_create(args) -> int:
    b = app().backup_create(args.user, args.to)
    print(f"Cópia criada, cifrada e conferida: {b.path}")
    return 0


def cmd_backup_list(args) -> int:
    rows = app(require_setup=False).backups(args.folder)
    if args.json:
        print(dump_json([{**b.__dict__, "path": str(b.path)} for b in rows]))
        return 0
    for b in rows:
        print(_backup_line(b))
    if not rows:
        print("Sem cópias.")
    return 0


def cmd_backup_verify(args) -> int:
    b = app(require_setup=False).backup_verify(args.file)
    print(f"Cópia íntegra: {_backup_line(b)}")
    return 0


def cmd_backup_restore(args) -> int:
    report = app(require_setup=False).backup_restore(args.file, args.user,
                                                     read_pin(args, args.user))
    print(f"Cópia reposta: {args.file}")
    print(report.text())
    if report.blocking:
        print("A emissão fica bloqueada até um administrador confirmar: "
              "caixa verify --acknowledge UTILIZADOR")
        return 1
    return 0


def cmd_backup_key(args) -> int:
    a = app(require_setup=not args.import_)
    if args.export:
        out = a.backup_key_export(args.export)
        print(f"Chave das cópias escrita em {out}: guarde-a fora deste computador.")
    else:
        a.backup_key_import(args.import_)
        print("Chave das cópias instalada no porta-chaves deste computador.")
    return 0


# ---- archives ------------------------------------------------------------------------

def cmd_archive_create(args) -> int:
    out = app().archive_create(args.year, args.month, args.out, args.user)
    print(f"Arquivo assinado: {out}")
    return 0


def cmd_archive_verify(args) -> int:
    """Runs without the shop's database (an inspector's machine)."""
    from pos import archive

    path = Path(args.file)
    if not path.is_file():
        raise ValidationError(f"Arquivo não encontrado: {path}.")
    report = archive.verify(path, args.expect_key)
    if args.json:
        print(dump_json({"ok": report.ok, "seal_key": report.seal_key,
                         "manifest": report.manifest, "problems": report.problems}))
    else:
        print(report.text())
    return 0 if report.ok else 1


# ---- the clock -----------------------------------------------------------------------

def cmd_clock_status(args) -> int:
    st = app().clock_status()
    print(f"Relógio: {st.now:%Y-%m-%d %H:%M:%S}")
    print(f"Último documento: {st.last_document:%Y-%m-%d %H:%M:%S}" if st.last_document
          else "Último documento: nenhum")
    if st.at_time:
        minutes = int(st.at_time.offset.total_seconds() // 60)
        print(f"Hora da AT: {st.at_time.server:%Y-%m-%d %H:%M:%S} (recebida às "
              f"{st.at_time.local:%H:%M:%S}, diferença {minutes:+d} min)")
    print(st.problem or "Sem avisos.")
    return 0 if st.problem is None else 1


def cmd_clock_confirm(args) -> int:
    app().confirm_clock(args.user, read_pin(args, args.user), args.reason)
    print("Hora confirmada (registada no diário); vale para os próximos 15 minutos.")
    return 0


def cmd_clock_recover(args) -> int:
    done = app().recover_clock_ahead(args.user, read_pin(args, args.user), args.reason)
    for r in done:
        after = "registo pedido à AT" if r.queued else "série de formação criada"
        print(f"{r.doc_type} {r.closed} fechada (documentos até {r.last_date}); segue "
              f"{r.successor} ({after})")
    return 0


# ---- closures and the journal -----------------------------------------------------------

def _closure_line(c) -> str:
    n, g = c.totals.get("N"), c.grand.get("N")
    f = c.totals.get("F")
    training = f" formação {fmt2(f.gross)} €" if f and f.documents else ""
    return (f"{c.kind} {c.number:>4} {c.period}: total {fmt2(n.gross)} € (IVA {fmt2(n.tax)}, "
            f"créditos {fmt2(n.credits)}, anulações {fmt2(n.cancellations)}) "
            f"perpétuo {fmt2(g.gross)} €{training}")


def cmd_closures_list(args) -> int:
    rows = app().closures(args.kind)
    if args.json:
        print(dump_json([{"kind": c.kind, "number": c.number, "period": c.period,
                          "totals": {m: t.to_dict() for m, t in c.totals.items()},
                          "grand": {m: t.to_dict() for m, t in c.grand.items()}}
                         for c in rows]))
        return 0
    for c in rows:
        print(_closure_line(c))
    return 0


def cmd_closures_z(args) -> int:
    print(_closure_line(app().z_closure(args.user)))
    return 0


def cmd_closures_run(args) -> int:
    made = app().close_periods()
    for c in made:
        print(_closure_line(c))
    if not made:
        print("Nada por fechar.")
    return 0


def cmd_journal(args) -> int:
    entries = app().journal(args.limit, tuple(args.kind) or None)
    if args.json:
        print(dump_json([{"seq": e.seq, "at": e.at, "user": e.user, "kind": e.kind,
                          "detail": e.detail, "sealed": e.sealed} for e in entries]))
        return 0
    for e in entries:
        mark = "" if e.sealed else " (anterior à selagem)"
        print(f"{e.seq:>6} {e.at:%Y-%m-%d %H:%M:%S} {e.user:<10} {e.label}: "
              f"{e.summary}{mark}")
    return 0


def cmd_settings_list(args) -> int:
    a = app()
    for key, value in a.till_settings().items():
        print(f"{key:<20} {value:<6} {a.TILL_SETTINGS[key]}")
    return 0


def cmd_settings_set(args) -> int:
    app().set_till_setting(args.key, args.value, args.user)
    print(f"{args.key} = {args.value}")
    return 0


def cmd_passphrase(args) -> int:
    import os

    value = os.environ.get(args.from_env, "") if args.from_env else sys.stdin.readline()
    app(require_setup=False).import_passphrase(value.encode("utf-8"), args.shop)
    print("Palavra-passe das chaves guardada no porta-chaves deste computador.")
    return 0
