"""Master data commands: `caixa product|category|customer|user list|add|edit|…`.

Each calls the facade's back-office use cases with ``--user`` (default ``CAIXA_USER`` or
admin) as the person acting: refused unless their role may, audited under their login.
Lists take ``--json``; errors are one sentence and exit 2 (ui/cli.py).
"""

from __future__ import annotations

import os

from pos.domain.money import fmt2

from .common import USER, app, dump_json, integer


def _user(p) -> None:
    p.add_argument("--user", default=os.environ.get("CAIXA_USER") or "admin", type=USER,
                   help="quem faz a alteração (também CAIXA_USER)")


def _page(p, what: str) -> None:
    p.add_argument("--search", default="", help=f"texto a procurar nos {what}")
    p.add_argument("--offset", type=integer(0, what="o início"), default=0)
    p.add_argument("--limit", type=integer(1, 1000, "o limite"), default=100)
    p.add_argument("--json", action="store_true")


def register(sub) -> None:
    p = sub.add_parser("product", help="catálogo: produtos, preços, IVA, códigos de barras")
    ps = p.add_subparsers(dest="product_command", metavar="AÇÃO", required=True)
    s = ps.add_parser("list", help="lista os produtos (por páginas)")
    _page(s, "nomes, códigos e códigos de barras")
    s.add_argument("--category", default=None)
    s.add_argument("--all", action="store_true", help="também os desativados")
    s.set_defaults(func=cmd_product_list)
    s = ps.add_parser("add", help="novo produto")
    s.add_argument("code")
    s.add_argument("name")
    s.add_argument("price", help="preço com IVA (1.89 ou 1,89)")
    _product_options(s, defaults=True)
    s.set_defaults(func=cmd_product_add)
    for name in ("edit", "set"):
        s = ps.add_parser(name, help="muda um produto (a descrição de um produto vendido "
                                     "não muda)" if name == "edit" else "o mesmo que edit")
        s.add_argument("code")
        s.add_argument("--name")
        s.add_argument("--price")
        _product_options(s, defaults=False)
        state = s.add_mutually_exclusive_group()
        state.add_argument("--active", action="store_true", help="volta a vender-se")
        state.add_argument("--inactive", action="store_true", help="deixa de se vender")
        s.set_defaults(func=cmd_product_edit)
    s = ps.add_parser("remove", help="apaga um produto que nunca foi vendido")
    s.add_argument("code")
    _user(s)
    s.set_defaults(func=cmd_product_remove)
    from . import catalogue_io
    catalogue_io.register(ps, _user)

    p = sub.add_parser("category", help="categorias do catálogo (ordem na caixa)")
    cs = p.add_subparsers(dest="category_command", metavar="AÇÃO", required=True)
    s = cs.add_parser("list")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_category_list)
    s = cs.add_parser("add")
    s.add_argument("name")
    _user(s)
    s.set_defaults(func=cmd_category_add)
    s = cs.add_parser("edit", help="muda o nome (os produtos seguem), a posição ou esconde")
    s.add_argument("name")
    s.add_argument("--rename", metavar="NOVO")
    s.add_argument("--position", type=integer(1, 10_000, "a posição"))
    state = s.add_mutually_exclusive_group()
    state.add_argument("--show", action="store_true")
    state.add_argument("--hide", action="store_true")
    _user(s)
    s.set_defaults(func=cmd_category_edit)
    s = cs.add_parser("remove", help="apaga uma categoria sem produtos")
    s.add_argument("name")
    _user(s)
    s.set_defaults(func=cmd_category_remove)

    p = sub.add_parser("customer", help="ficheiro de clientes")
    us = p.add_subparsers(dest="customer_command", metavar="AÇÃO", required=True)
    s = us.add_parser("list")
    _page(s, "nomes, localidades e números de contribuinte")
    s.set_defaults(func=cmd_customer_list)
    s = us.add_parser("add", help="novo cliente (NIF português ou estrangeiro com país)")
    s.add_argument("nif")
    s.add_argument("name")
    _customer_options(s)
    s.set_defaults(func=cmd_customer_add)
    s = us.add_parser("edit", help="muda um cliente (NIF e nome não mudam depois de "
                                   "emitidos documentos)")
    s.add_argument("id", type=integer(what="o número do cliente"))
    s.add_argument("--nif")
    s.add_argument("--name")
    _customer_options(s)
    s.set_defaults(func=cmd_customer_edit)
    s = us.add_parser("remove", help="apaga um cliente sem documentos")
    s.add_argument("id", type=integer(what="o número do cliente"))
    _user(s)
    s.set_defaults(func=cmd_customer_remove)

    from . import staff
    staff.register(sub, _user)


def _product_options(s, defaults: bool) -> None:
    s.add_argument("--tax", "--vat", dest="tax", default="NOR" if defaults else None,
                   type=str.upper, help="RED, INT, NOR ou ISE")
    s.add_argument("--exemption", default=None, help="motivo de isenção (ISE): M01…M99")
    s.add_argument("--unit", default="UN" if defaults else None, type=str.upper,
                   help="UN, KG (pesado), L, M, H, CX")
    s.add_argument("--type", default="P" if defaults else None, type=str.upper,
                   help="P bem, S serviço, O outro")
    s.add_argument("--barcode", default=None, help="código de barras ('' para tirar)")
    s.add_argument("--category", default="" if defaults else None)
    _user(s)


def _customer_options(s) -> None:
    s.add_argument("--address")
    s.add_argument("--city")
    s.add_argument("--postal-code")
    s.add_argument("--country", help="país (2 letras) de um cliente estrangeiro")
    _user(s)


# ---- products ---------------------------------------------------------------------------
def _product_row(p) -> str:
    flags = ("" if p.active else " [desativado]") + (" [vendido]" if p.sold else "")
    vat = p.tax_code + (f" {p.exemption_code}" if p.exemption_code else
                        f" {p.vat_rate.normalize():f}%")
    return (f"{p.code:<12} {p.name[:36]:<36} {fmt2(p.price):>9} € {vat:<8} {p.unit:<3} "
            f"{p.barcode or '':<14} {p.category}{flags}")


def cmd_product_list(args) -> int:
    page = app().product_page(args.search, args.category, args.all, args.offset, args.limit)
    if args.json:
        print(dump_json({"total": page.total, "offset": page.offset,
                         "items": [dict(p.__dict__, weighed=p.weighed) for p in page.items]}))
        return 0
    for p in page.items:
        print(_product_row(p))
    shown = f"{page.offset + 1}-{page.offset + len(page.items)}" if page.items else "0"
    print(f"({shown} de {page.total})")
    return 0


def cmd_product_add(args) -> int:
    p = app().add_product(args.code, args.name, args.price, args.tax, args.exemption,
                          args.unit, args.type, args.barcode, args.category, user=args.user)
    print(_product_row(p))
    return 0


def cmd_product_edit(args) -> int:
    active = True if args.active else (False if args.inactive else None)
    p = app().update_product(args.code, name=args.name, price=args.price, tax_code=args.tax,
                             exemption_code=args.exemption, unit=args.unit,
                             product_type=args.type, barcode=args.barcode,
                             category=args.category, active=active, user=args.user)
    print(_product_row(p))
    return 0


def cmd_product_remove(args) -> int:
    app().remove_product(args.code, user=args.user)
    print(f"Produto {args.code} apagado.")
    return 0


# ---- categories -------------------------------------------------------------------------
def cmd_category_list(args) -> int:
    cats = app().category_list()
    if args.json:
        print(dump_json(cats))
        return 0
    for c in cats:
        print(f"{c.position:>4}  {c.name:<40} {c.products:>6} produto(s)"
              + ("" if c.active else "  [escondida]"))
    return 0


def cmd_category_add(args) -> int:
    app().add_category(args.name, user=args.user)
    print(f"Categoria {args.name} criada.")
    return 0


def cmd_category_edit(args) -> int:
    active = True if args.show else (False if args.hide else None)
    app().update_category(args.name, new_name=args.rename, position=args.position,
                          active=active, user=args.user)
    print(f"Categoria {args.rename or args.name} alterada.")
    return 0


def cmd_category_remove(args) -> int:
    app().remove_category(args.name, user=args.user)
    print(f"Categoria {args.name} apagada.")
    return 0


# ---- customers --------------------------------------------------------------------------
def _customer_row(c) -> str:
    tax = c.nif if c.country == "PT" else f"{c.country} {c.nif}"
    where = ", ".join(x for x in (c.address, c.postal_code, c.city) if x)
    return (f"{c.id:>6} {tax:<16} {c.name[:40]:<40} {where}"
            + (f"  [{c.documents} doc.]" if c.documents else ""))


def cmd_customer_list(args) -> int:
    page = app().customer_page(args.search, args.offset, args.limit)
    if args.json:
        print(dump_json({"total": page.total, "offset": page.offset,
                         "items": [dict(c.__dict__, locked=c.locked) for c in page.items]}))
        return 0
    for c in page.items:
        print(_customer_row(c))
    print(f"({len(page.items)} de {page.total})")
    return 0


def cmd_customer_add(args) -> int:
    c = app().add_customer(args.nif, args.name, args.address or "", args.city or "",
                           args.postal_code or "", args.country, user=args.user)
    print(_customer_row(c))
    return 0


def cmd_customer_edit(args) -> int:
    c = app().update_customer(args.id, nif=args.nif, name=args.name, address=args.address,
                              city=args.city, postal_code=args.postal_code,
                              country=args.country, user=args.user)
    print(_customer_row(c))
    return 0


def cmd_customer_remove(args) -> int:
    app().remove_customer(args.id, user=args.user)
    print(f"Cliente n.º {args.id} apagado.")
    return 0
