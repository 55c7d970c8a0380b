"""`caixa manual …`: pre-printed forms used while the till was down, and their recovery.

books | book-add | book-status | void | recover | missing | down | up | periods |
close-series | duplicate | transport. Every step calls the application facade (pos.application).
"""

import sys
from datetime import date, datetime
from decimal import Decimal

from pos.domain.errors import ValidationError
from pos.domain.manual import format_ranges
from pos.domain.money import fmt2, to_decimal
from pos.domain.numbers import whole_number
from pos.domain.text import shown

from .common import USER, add_sale_options, app, complements_from, document_json, dump_json, integer

BOOK_STATUS = {"stock": "em armazém", "in_use": "em uso", "closed": "fechado"}
BOOK = integer(what="o livro")


def register(sub) -> None:
    p = sub.add_parser("manual", help="documentos pré-impressos (programa inoperacional)")
    ms = p.add_subparsers(dest="manual_command", metavar="AÇÃO", required=True)

    s = ms.add_parser("books", help="lista os livros de impressos")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_books)

    s = ms.add_parser("book-add", help="regista um livro da tipografia autorizada")
    s.add_argument("--doc-type", required=True, type=str.upper)
    s.add_argument("--series", required=True, help="série impressa nos documentos")
    s.add_argument("--first", required=True, type=integer(what="o primeiro número"))
    s.add_argument("--last", required=True, type=integer(what="o último número"))
    s.add_argument("--typography-name", required=True)
    s.add_argument("--typography-nif", required=True)
    s.add_argument("--authorization", required=True, help="autorização da tipografia")
    s.add_argument("--validation-code", help="código de validação AT da série (ATCUD)")
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_book_add)

    s = ms.add_parser("book-status", help="marca um livro em uso ou fechado")
    s.add_argument("book", type=BOOK)
    s.add_argument("status", choices=["in_use", "closed"])
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_book_status)

    s = ms.add_parser("void", help="inutiliza um impresso anulado no papel")
    _form_args(s)
    s.add_argument("--reason", required=True)
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_void)

    s = ms.add_parser("recover", help="recupera um documento pré-impresso (série R)")
    _form_args(s)
    _document_args(s)
    s.set_defaults(func=cmd_recover)

    s = ms.add_parser("missing", help="números recuperados, inutilizados e em falta")
    s.add_argument("--book", type=BOOK)
    s.add_argument("--all", action="store_true", help="inclui livros ainda em armazém")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_missing)

    s = ms.add_parser("down", help="regista um período de inoperacionalidade")
    s.add_argument("--from", dest="start", required=True, metavar="AAAA-MM-DD[ HH:MM]")
    s.add_argument("--to", dest="end", metavar="AAAA-MM-DD[ HH:MM]")
    s.add_argument("--reason", required=True)
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_down)

    s = ms.add_parser("up", help="fecha o período de inoperacionalidade em aberto")
    s.add_argument("--at", required=True, metavar="AAAA-MM-DD[ HH:MM]")
    s.add_argument("--id", type=integer(what="o período"))
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_up)

    s = ms.add_parser("periods", help="lista os períodos de inoperacionalidade")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_periods)

    s = ms.add_parser("close-series", help="perda de dados: finaliza as séries em uso "
                                           "(Despacho 8632/2014 §2.5.1)")
    s.add_argument("--reason", required=True)
    s.add_argument("--last", action="append", default=[], metavar="TIPO:SÉRIE=N",
                   help="último número real da série (dos duplicados em papel)")
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_close_series)

    s = ms.add_parser("duplicate", help="recupera um documento perdido pelo seu duplicado")
    s.add_argument("--original", required=True, help='número no duplicado, ex. "FT A2026/13"')
    _document_args(s)
    s.set_defaults(func=cmd_duplicate)

    s = ms.add_parser("transport", help="guia em papel comunicada à AT por telefone")
    _form_args(s)
    _document_args(s, payments=False)
    s.add_argument("--start", required=True, metavar="AAAA-MM-DD HH:MM",
                   help="início do transporte")
    s.add_argument("--at-code", required=True, help="código dado pelo serviço telefónico da AT")
    s.add_argument("--called-on", metavar="AAAA-MM-DD", help="dia do telefonema")
    s.add_argument("--load", metavar="MORADA|LOCALIDADE|CP[|PAÍS]",
                   help="local de carga (por omissão, a morada da empresa)")
    s.add_argument("--unload", metavar="MORADA|LOCALIDADE|CP[|PAÍS]",
                   help="local de descarga (por omissão, a morada do destinatário)")
    s.add_argument("--vehicle", default="")
    s.set_defaults(func=cmd_transport)


def _form_args(s) -> None:
    s.add_argument("--book", type=BOOK, help="livro (caixa manual books)")
    s.add_argument("--series", help="série impressa no documento")
    s.add_argument("--type", type=str.upper, help="tipo, quando a série existe em vários")
    s.add_argument("--number", required=True, help="número como está impresso, ex. 00001")


def _document_args(s, payments: bool = True) -> None:
    s.add_argument("--date", required=True, metavar="AAAA-MM-DD", help="data do documento")
    s.add_argument("--item", action="append", default=[], required=True,
                   metavar="CODE[:QTY[:PRICE]]", help="preço com IVA, como no papel")
    s.add_argument("--customer-nif")
    s.add_argument("--customer-name")
    s.add_argument("--customer-address", default="")
    s.add_argument("--customer-city", default="")
    s.add_argument("--customer-postal-code", default="")
    s.add_argument("--customer-country", default=None,
                   help="país (2 letras); por omissão, o do prefixo do número ou PT")
    if payments:
        s.add_argument("--pay", action="append", default=[], metavar="METHOD[:AMOUNT]")
        s.add_argument("--ref", help="nota de crédito/débito: documento que corrige, com o "
                                     "número do papel (ex. FT abc/00005)")
        s.add_argument("--ref-reason", help="nota de crédito/débito: motivo")
        add_sale_options(s, corrections=True)
    s.add_argument("--date-reason", metavar="MOTIVO",
                   help="porque a data está fora dos períodos de inoperacionalidade "
                        "registados ou é anterior à do último documento recuperado")
    s.add_argument("--user", default="admin", type=USER)
    s.add_argument("--confirm-clock", action="store_true")
    s.add_argument("--json", action="store_true")


# ---- parsing ---------------------------------------------------------------------------

def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"Data {what} inválida: {shown(text)} (use AAAA-MM-DD).") from None


def _when(text: str, what: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip()).replace(microsecond=0, tzinfo=None)
    except ValueError:
        raise ValidationError(
            f"Data e hora {what} inválidas: {shown(text)} (use AAAA-MM-DD HH:MM).") from None


def _lines(t, specs: list[str]) -> tuple:
    from pos.domain.documents import cart_line

    out = []
    for spec in specs:
        parts = spec.split(":")
        if not parts[0] or len(parts) > 3:
            raise ValidationError(f"Artigo inválido: {shown(spec)} (use CÓDIGO[:QTD[:PREÇO]]).")
        qty = to_decimal(parts[1], "quantidade") if len(parts) > 1 else Decimal(1)
        price = to_decimal(parts[2], "preço") if len(parts) > 2 else None
        out.append(cart_line(t.product(parts[0]), qty, price))
    return tuple(out)


def _payments(specs: list[str]) -> tuple:
    out = []
    for spec in specs:
        method, sep, amount = spec.partition(":")
        out.append((method.upper(), to_decimal(amount, "valor") if sep else None))
    return tuple(out)


def _customer(args):
    from pos.domain.customer import make_customer
    return make_customer(args.customer_nif, args.customer_name, args.customer_address,
                         args.customer_city, args.customer_postal_code, args.customer_country)


def _address(text: str | None):
    from pos.services.manual_transport import Address
    if not text:
        return None
    parts = [p.strip() for p in text.split("|")]
    if len(parts) not in (3, 4) or not all(parts):
        raise ValidationError(f"Morada inválida: {shown(text)} (use MORADA|LOCALIDADE|CP[|PAÍS]).")
    return Address(*parts)


def _entry(t, args):
    from pos.services.manual_recovery import ManualEntry
    return ManualEntry(
        number=args.number, doc_date=_date(args.date, "do documento"),
        lines=_lines(t, args.item), customer=_customer(args),
        payments=_payments(getattr(args, "pay", [])), book_id=args.book,
        manual_series=args.series, doc_type=args.type, user=args.user,
        reference=getattr(args, "ref", None), reason=getattr(args, "ref_reason", None),
        confirm_clock=args.confirm_clock, date_reason=args.date_reason,
        **_sale(args))


def _sale(args) -> dict:
    """The exemption and complements of a recovered sale (none on a paper guide)."""
    if not hasattr(args, "exemption"):
        return {}
    return {"exemption": args.exemption, "complements": complements_from(args)}


def _warn_dates(desk, entry) -> None:
    """Said before a recovery whose date needed a reason (it is journaled with it)."""
    if entry.date_reason:
        for warning in desk.recovery_date_warnings(entry):
            print(f"caixa: aviso: {warning} (motivo: {entry.date_reason}).", file=sys.stderr)




def _print_doc(t, doc, as_json: bool) -> None:
    if as_json:
        print(dump_json({**document_json(doc, t.qr(doc)), "manual_ref": doc.manual_ref,
                         "at_doc_code": doc.at_doc_code}))
        return
    mention = doc.hash_control.partition("-")[2]
    print(f"{doc.document_no}  ATCUD {doc.atcud}  data {doc.invoice_date}  "
          f"total {fmt2(doc.totals.gross)} €\n  HashControl {doc.hash_control}  "
          f"(Cópia do documento original -{mention})")


# ---- commands --------------------------------------------------------------------------

def cmd_books(args) -> int:
    desk = app()
    rows = desk.books()
    if args.json:
        print(dump_json(rows))
        return 0
    if not rows:
        print("Nenhum livro de impressos registado ('caixa manual book-add').")
    for b in rows:
        print(f"{b.id:>3}  {b.doc_type} {b.manual_series:<12} {b.first_number}-{b.last_number}"
              f"  {BOOK_STATUS.get(b.status, b.status):<10}  {b.typography_name} "
              f"({b.authorization})  ATCUD {b.validation_code or '-'}")
    return 0


def cmd_book_add(args) -> int:
    desk = app()
    b = desk.add_book(args.doc_type, args.series, args.first, args.last, args.typography_name,
                      args.typography_nif, args.authorization, args.validation_code, args.user)
    print(f"Livro {b.id} registado: {b.doc_type} {b.manual_series} "
          f"{b.first_number}-{b.last_number}.")
    return 0


def cmd_book_status(args) -> int:
    desk = app()
    b = desk.set_book_status(args.book, args.status, args.user)
    print(f"Livro {b.id}: {BOOK_STATUS[b.status]}.")
    if b.status == "closed":
        rep = desk.book_report(b.id)
        if rep.missing:
            print(f"Atenção: faltam {rep.missing_count} números: {format_ranges(rep.missing)}.")
    return 0


def cmd_void(args) -> int:
    desk = app()
    b = desk.void_form(args.number, args.reason, args.user, args.book, args.series, args.type)
    print(f"Impresso {b.manual_series}/{args.number} ({b.doc_type}, livro {b.id}) inutilizado.")
    return 0


def cmd_recover(args) -> int:
    t = desk = app()
    entry = _entry(t, args)
    _warn_dates(desk, entry)
    _print_doc(t, desk.recover_manual(entry), args.json)
    return 0


def cmd_missing(args) -> int:
    desk = app()
    reports = [desk.book_report(args.book)] if args.book else desk.book_reports(args.all)
    if args.json:
        print(dump_json([{"book": r.book, "recovered": r.recovered, "voided": r.voided,
                          "missing": r.missing_numbers(), "missing_ranges": r.missing,
                          "missing_count": r.missing_count}
                         for r in reports]))
        return 0
    if not reports:
        print("Nenhum livro em uso ou fechado (use --all para incluir os em armazém).")
    for r in reports:
        b = r.book
        print(f"Livro {b.id}  {b.doc_type} {b.manual_series} {b.first_number}-{b.last_number}"
              f"  {BOOK_STATUS.get(b.status, b.status)}")
        print(f"  recuperados ({len(r.recovered)}): "
              + (", ".join(f"{n}→{d}" for n, d in r.recovered.items()) or "-"))
        print(f"  inutilizados ({len(r.voided)}): "
              + (", ".join(str(n) for n in r.voided) or "-"))
        print(f"  em falta ({r.missing_count}): {format_ranges(r.missing)}")
    return 0


def cmd_down(args) -> int:
    desk = app()
    p = desk.start_inoperability(_when(args.start, "de início"), args.reason, args.user,
                          _when(args.end, "de fim") if args.end else None)
    until = f" até {p.ended_at:%Y-%m-%d %H:%M}" if p.ended_at else " (em aberto)"
    print(f"Período {p.id}: inoperacional desde {p.started_at:%Y-%m-%d %H:%M}{until}.")
    return 0


def cmd_up(args) -> int:
    desk = app()
    p = desk.end_inoperability(_when(args.at, "de fim"), args.user, args.id)
    print(f"Período {p.id} terminado em {p.ended_at:%Y-%m-%d %H:%M}.")
    return 0


def cmd_periods(args) -> int:
    desk = app()
    rows = desk.inoperability_periods()
    if args.json:
        print(dump_json(rows))
        return 0
    for p in rows:
        end = f"{p.ended_at:%Y-%m-%d %H:%M}" if p.ended_at else "em aberto"
        print(f"{p.id:>3}  {p.started_at:%Y-%m-%d %H:%M} → {end}  {p.reason}  ({p.recorded_by})")
    return 0


def cmd_close_series(args) -> int:
    desk = app()
    last = {}
    for spec in args.last:
        key, sep, number = spec.partition("=")
        doc_type, colon, series = key.partition(":")
        if not (sep and colon and doc_type and series and number.isascii()
                and number.isdigit()):
            raise ValidationError(f"--last inválido: {shown(spec)} (use TIPO:SÉRIE=N).")
        last[(doc_type, series)] = whole_number(number, "o último número", 0)
    for c in desk.close_series_for_data_loss(args.reason, last, args.user):
        print(f"Série {c.series_id} ({c.doc_type}, tipo {c.kind}) finalizada no n.º "
              f"{c.last_number}.")
    print("Adicione séries novas ('caixa series add') e uma de recuperação (--kind R) para "
          "os duplicados ('caixa manual duplicate').")
    return 0


def cmd_duplicate(args) -> int:
    from pos.services.manual_recovery import DuplicateEntry

    t = desk = app()
    entry = DuplicateEntry(
        original=args.original, doc_date=_date(args.date, "do duplicado"),
        lines=_lines(t, args.item), customer=_customer(args), payments=_payments(args.pay),
        user=args.user, reference=args.ref, reason=args.ref_reason,
        confirm_clock=args.confirm_clock, date_reason=args.date_reason, **_sale(args))
    _warn_dates(desk, entry)
    _print_doc(t, desk.reenter_duplicate(entry), args.json)
    return 0


def cmd_transport(args) -> int:
    from pos.services.manual_transport import PaperTransport

    t = desk = app()
    entry = _entry(t, args)
    _warn_dates(desk, entry)
    doc = desk.record_paper_transport(PaperTransport(
        entry=entry, movement_start=_when(args.start, "de início"),
        at_code=args.at_code, load=_address(args.load), unload=_address(args.unload),
        vehicle=args.vehicle,
        called_on=_date(args.called_on, "do telefonema") if args.called_on else None))
    _print_doc(t, doc, args.json)
    if not args.json:
        print(f"  Código AT {doc.at_doc_code}: dados completos em fila para a AT.")
    return 0
