"""Core commands: init, sell, products, documents, show, cancel, credit-note, verify, keys,
series, training."""

import sys
from decimal import Decimal

from pos.domain.errors import ValidationError
from pos.domain.money import fmt2, to_decimal
from pos.domain.numbers import whole_number
from pos.domain.text import shown

from .common import (
    USER,
    add_pin_option,
    add_sale_options,
    app,
    complements_from,
    document_json,
    dump_json,
    integer,
    read_pin,
)


def register(sub) -> None:
    p = sub.add_parser("init", help="configura uma loja nova: a partir de um ficheiro "
                                    "(--from), passo a passo no terminal, ou a loja de "
                                    "demonstração (--demo)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--demo", action="store_true",
                     help="empresa, catálogo e séries de formação de demonstração")
    how.add_argument("--from", dest="from_file", metavar="FICHEIRO.toml",
                     help="empresa, caixa, administrador, chave, pagamentos, impressora e "
                          "séries (exemplo comentado: docs/shop.example.toml)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="cria a loja de demonstração (se preciso), vende e "
                                    "mostra o talão")
    p.add_argument("--columns", type=integer(32, 48, "o número de colunas"), default=42,
                   choices=[32, 42, 48])
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("sell", help="emite um documento de venda")
    p.add_argument("--item", action="append", default=[], metavar="CODE[:QTY]", required=True)
    p.add_argument("--type", default="FS", choices=["FS", "FR", "FT"], type=str.upper)
    p.add_argument("--customer-nif")
    p.add_argument("--customer-name")
    p.add_argument("--customer-address", default="")
    p.add_argument("--customer-city", default="")
    p.add_argument("--customer-postal-code", default="")
    p.add_argument("--customer-country", default=None,
                   help="país (2 letras); por omissão, o do prefixo do número ou PT")
    p.add_argument("--pay", action="append", default=[], metavar="METHOD[:AMOUNT]")
    p.add_argument("--series")
    p.add_argument("--user", default="admin", type=USER)
    p.add_argument("--confirm-clock", action="store_true",
                   help="o gerente em --user confirma (com o PIN) que a hora está certa")
    add_sale_options(p)
    add_pin_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sell)

    p = sub.add_parser("products", help="lista o catálogo")
    p.add_argument("--search", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_products)

    p = sub.add_parser("documents", help="lista os documentos emitidos")
    p.add_argument("--limit", type=integer(what="o limite"), default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("show", help="mostra um documento")
    p.add_argument("number", help='por exemplo "FS DEMO2026/1"')
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("cancel", help="anula um documento")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.add_argument("--user", default="admin", type=USER)
    p.set_defaults(func=cmd_cancel)

    p = sub.add_parser("credit-note", help="emite nota de crédito sobre um documento")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.add_argument("--line", action="append", default=[], metavar="N[:QTY]")
    p.add_argument("--user", default="admin", type=USER)
    add_sale_options(p, exemption=False, corrections=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_credit_note)

    p = sub.add_parser("verify", help="verifica a integridade de todos os documentos")
    p.add_argument("--json", action="store_true")
    p.add_argument("--acknowledge", metavar="USER", type=USER,
                   help="um administrador (com o seu PIN) confirma o relatório e desbloqueia "
                        "a emissão")
    add_pin_option(p)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("keys", help="chave de assinatura")
    ks = p.add_subparsers(dest="keys_command", required=True)
    k = ks.add_parser("generate", help="gera uma nova chave RSA-1024 (nova versão)")
    k.set_defaults(func=cmd_keys_generate)
    k = ks.add_parser("public", help="chave pública (PEM) para a declaração Modelo 24")
    k.add_argument("--version", type=integer(what="a versão da chave"))
    k.set_defaults(func=cmd_keys_public)
    k = ks.add_parser("import", help="importa uma chave privada PEM")
    k.add_argument("file")
    k.add_argument("--password-env", help="variável de ambiente com a palavra-passe do PEM")
    k.set_defaults(func=cmd_keys_import)

    p = sub.add_parser("series", help="séries documentais")
    ss = p.add_subparsers(dest="series_command", required=True)
    s = ss.add_parser("list")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_series_list)
    s = ss.add_parser("add", help="série registada à mão no Portal das Finanças")
    s.add_argument("--doc-type", required=True, type=str.upper)
    s.add_argument("--series", required=True)
    s.add_argument("--validation-code", required=True)
    s.add_argument("--kind", default="N", choices=["N", "F", "R"], type=str.upper)
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_series_add)

    p = sub.add_parser("training", help="modo de formação")
    p.add_argument("state", choices=["on", "off", "status"])
    p.add_argument("--user", default="admin", type=USER)
    p.set_defaults(func=cmd_training)

    p = sub.add_parser("session-rule", help="sessões de caixa: uma por caixa (till) ou uma "
                                            "por utilizador (user)")
    p.add_argument("rule", choices=["till", "user", "status"])
    p.add_argument("--user", default="admin", type=USER)
    p.set_defaults(func=cmd_session_rule)


def _split(spec: str, what: str) -> tuple[str, Decimal | None]:
    head, sep, tail = spec.rpartition(":")
    if not sep:
        return spec, None
    if not head:
        raise ValidationError(f"{what} inválido: {shown(spec)}.")
    return head, to_decimal(tail, what)


def cmd_init(args) -> int:
    if not args.demo:
        from . import shop_setup
        return shop_setup.run(args)
    a = app(require_setup=False)
    a.init_demo()
    print(f"Loja de demonstração criada em {a.db.url}. Modo de formação ativo.")
    return 0


def cmd_demo(args) -> int:
    """The README's first command: a sale on the demo shop, receipt printed to the terminal.

    The shop is the one every command opens by default (``dev.py run`` too), created as the
    demo shop when there is none; a shop out of training mode is never sold to here.
    """
    from printing.layout import receipt_text

    a = app(require_setup=False)
    where = a.db.url.removeprefix('sqlite:///')
    if not a.is_configured():
        a.init_demo()
        print(f"Loja de demonstração criada em {where}")
    elif not a.training_mode():
        raise ValidationError(f"A loja em {where} não está em modo de formação: 'caixa demo' "
                              "não vende nela (use --db com outro ficheiro).")
    a.quick_check()
    doc = a.sell_items([("PAO01", Decimal(2)), ("CAF01", Decimal(1)), ("BEB02", Decimal(1)),
                        ("SRV02", Decimal(1))], "FS", payments=(("NU", Decimal("40")),),
                       user="caixa1")
    issuer = a.issuer()
    print(receipt_text(doc, issuer, a.qr(doc, issuer), args.columns))
    print(f"Base de dados: {a.db.url.removeprefix('sqlite:///')}  "
          f"(experimente: caixa --db … documents | verify | show \"{doc.document_no}\")")
    return 0


def cmd_sell(args) -> int:
    from pos.domain.customer import make_customer

    t = app()
    items = []
    for spec in args.item:
        code, qty = _split(spec, "quantidade")
        items.append((code, qty if qty is not None else Decimal(1)))
    payments = tuple((m.upper(), a) for m, a in (_split(p, "valor") for p in args.pay))
    customer = make_customer(args.customer_nif, args.customer_name, args.customer_address,
                             args.customer_city, args.customer_postal_code,
                             args.customer_country)
    t.quick_check()
    if args.confirm_clock:
        t.confirm_clock(args.user, read_pin(args, args.user))
    doc = t.sell_items(items, args.type, customer, payments, args.series, args.user,
                       exemption=args.exemption, complements=complements_from(args))
    if args.json:
        print(dump_json(document_json(doc, t.qr(doc))))
    else:
        print(f"{doc.document_no}  ATCUD {doc.atcud}  total {fmt2(doc.totals.gross)} €"
              + (f"  troco {fmt2(doc.change)} €" if doc.change else ""))
    return 0


def cmd_products(args) -> int:
    products = app().products(args.search)
    if args.json:
        print(dump_json([{"code": p.code, "name": p.name, "price": str(p.unit_price),
                          "vat": p.tax_code, "exemption_code": p.exemption_code,
                          "unit": p.unit, "barcode": p.barcode} for p in products]))
        return 0
    for p in products:
        print(f"{p.code:<8} {p.name:<32} {fmt2(p.unit_price):>8} €  {p.tax_code}"
              + (f" {p.exemption_code}" if p.exemption_code else ""))
    return 0


def cmd_documents(args) -> int:
    docs = app().documents(args.limit)
    if args.json:
        print(dump_json([d.__dict__ for d in docs]))
        return 0
    for d in docs:
        print(f"{d.document_no:<22} {d.system_entry_date:%Y-%m-%d %H:%M} {d.customer_nif:>11} "
              f"{fmt2(d.gross_total):>10} € {d.status}  {d.atcud}")
    return 0


def _print_document(doc, qr: str) -> None:
    print(f"{doc.document_no}   ATCUD:{doc.atcud}   estado {doc.status}")
    print(f"Data {doc.invoice_date}  registo {doc.system_entry_date:%Y-%m-%dT%H:%M:%S}  "
          f"cliente {doc.customer.nif} {doc.customer.name}")
    for ln in doc.lines:
        print(f"  {ln.line_no:>2} {ln.description[:30]:<30} {ln.quantity.normalize():>6} x "
              f"{fmt2(ln.unit_price):>8} = {fmt2(ln.gross_amount):>9}  {ln.tax_code}")
    print(f"  Líquido {fmt2(doc.totals.net)}  IVA {fmt2(doc.totals.tax)}  "
          f"Total {fmt2(doc.totals.gross)} €")
    for label, value in (doc.complements.printed() if doc.complements else ()):
        print(f"  {label}: {value}")
    print(f"  Hash {doc.hash or '-'}\n  HashControl {doc.hash_control or '-'}\n  QR {qr}")


def cmd_show(args) -> int:
    t = app()
    doc = t.document(args.number)
    if args.json:
        print(dump_json(document_json(doc, t.qr(doc))))
    else:
        _print_document(doc, t.qr(doc))
    return 0


def cmd_cancel(args) -> int:
    doc = app().cancel(args.number, args.reason, args.user)
    print(f"{doc.document_no} anulado: {doc.status_reason}")
    return 0


def cmd_credit_note(args) -> int:
    t = app()
    picks = []
    for spec in args.line:
        n, qty = _split(spec, "linha")
        if not (n.isascii() and n.isdigit()):
            raise ValidationError(f"Linha inválida: {shown(spec)} (use N ou N:QTD).")
        picks.append((whole_number(n, "o número da linha"), qty))
    doc = t.credit(args.number, args.reason, picks or None, args.user,
                   complements=complements_from(args))
    if args.json:
        print(dump_json(document_json(doc, t.qr(doc))))
    else:
        print(f"{doc.document_no}  ATCUD {doc.atcud}  total {fmt2(doc.totals.gross)} €")
    return 0


def cmd_verify(args) -> int:
    t = app()
    if args.acknowledge:
        done = t.acknowledge_integrity(args.acknowledge, read_pin(args, args.acknowledge))
        print("Relatório confirmado; a emissão está desbloqueada." if done
              else "Não havia bloqueio de integridade.")
        return 0
    report = t.verify()
    if args.json:
        print(dump_json({"ok": report.ok, "documents": report.documents,
                         "series": report.series,
                         "problems": [{"series": p.series, "document": p.document_no,
                                       "problem": p.what,
                                       "acknowledged": p.key in report.acknowledged}
                                      for p in report.problems]}))
    else:
        print(report.text())
    return 0 if report.ok else 1


def cmd_keys_generate(args) -> int:
    version = app().generate_key()
    print(f"Chave de assinatura versão {version} criada. Entregue a chave pública à AT "
          "(Modelo 24): caixa keys public")
    return 0


def cmd_keys_public(args) -> int:
    sys.stdout.write(app().public_key(args.version).decode("ascii"))
    return 0


def cmd_keys_import(args) -> int:
    import os

    from pos.files import read_file

    password = os.environ.get(args.password_env, "").encode() if args.password_env else None
    version = app().import_key(read_file(args.file, "ficheiro da chave", 1 << 16), password)
    print(f"Chave importada como versão {version}.")
    return 0


def cmd_series_list(args) -> int:
    rows = app().series()
    if args.json:
        print(dump_json([r.__dict__ for r in rows]))
        return 0
    for r in rows:
        print(f"{r.doc_type} {r.series_id:<20} tipo {r.kind} estado {r.status} "
              f"código {r.validation_code or '-':<12} último n.º {r.last_number}")
    return 0


def cmd_series_add(args) -> int:
    app().add_series(args.doc_type, args.series, args.validation_code, args.kind, args.user)
    print(f"Série {args.series} ({args.doc_type}) adicionada.")
    return 0


def cmd_session_rule(args) -> int:
    t = app()
    if args.rule != "status":
        t.set_session_rule(args.rule, args.user)
    rule = t.session_rule()
    print("Sessões de caixa: " + ("uma por caixa (quem entra vende na sessão aberta)"
                                  if rule == "till" else
                                  "uma por utilizador (cada um abre e fecha a sua)"))
    return 0


def cmd_training(args) -> int:
    t = app()
    if args.state != "status":
        t.set_training_mode(args.state == "on", args.user)
    print("Modo de formação: " + ("ligado" if t.training_mode() else "desligado"))
    return 0
