"""`caixa transport …`: transport documents issued by the program, electronically.

issue | list | show | phone | cancel | print. A guide (GT, GR, GA, GC, GD) or an invoice that
serves as one (FT) is issued, signed and sent to AT at once when AT answers; its AT code is
printed on the three copies. A guide AT could not be reached for before its start goes
through AT's phone service (``phone``). Paper guides stay under ``caixa manual transport``.
Every step calls the application facade.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pos.domain.errors import PosError, StateError, ValidationError
from pos.domain.money import fmt2, to_decimal

from .common import app, document_json, dump_json
from .manual import _address, _customer, _date, _lines, _when

WORDS = {"training": "formação", "communicated": "comunicada", "phoned": "por telefone",
         "waiting": "à espera da AT", "late": "NÃO COMUNICADA", "after_start":
         "comunicada tarde", "refused": "RECUSADA", "cancelled": "anulada",
         "cancelling": "anulada (a comunicar)"}


def register(sub) -> None:
    p = sub.add_parser("transport", help="documentos de transporte (guias) comunicados à AT")
    ts = p.add_subparsers(dest="transport_command", metavar="AÇÃO", required=True)

    s = ts.add_parser("issue", help="emite uma guia (ou fatura que serve de guia) e "
                                    "comunica-a à AT")
    s.add_argument("--type", required=True, type=str.upper,
                   help="GT, GR, GA, GC, GD, ou FT (fatura que serve de documento de "
                        "transporte)")
    s.add_argument("--start", metavar="AAAA-MM-DD HH:MM",
                   help="início do transporte (por omissão, daqui a 15 minutos)")
    s.add_argument("--load", metavar="MORADA|LOCALIDADE|CP[|PAÍS]",
                   help="local de carga (por omissão, a morada da empresa)")
    s.add_argument("--unload", metavar="MORADA|LOCALIDADE|CP[|PAÍS]",
                   help="local de descarga (por omissão, a morada do destinatário)")
    s.add_argument("--vehicle", default="", help="matrícula, ex. AA-00-BB")
    s.add_argument("--item", action="append", default=[], metavar="CODE[:QTY[:PRICE]]",
                   help="artigo do catálogo (repita para vários)")
    s.add_argument("--from-invoice", metavar="NÚMERO", help='linhas de uma fatura, ex. '
                                                            '"FT A2026/7"')
    s.add_argument("--line", action="append", default=[], metavar="N[:QTD]",
                   help="com --from-invoice: só estas linhas (e quantidades)")
    s.add_argument("--customer-nif", help="NIF do destinatário (sem ele: consumidor final)")
    s.add_argument("--customer-name")
    s.add_argument("--customer-address", default="")
    s.add_argument("--customer-city", default="")
    s.add_argument("--customer-postal-code", default="")
    s.add_argument("--customer-country", default=None)
    s.add_argument("--series", help="série (por omissão, a ativa do tipo)")
    s.add_argument("--user", default="admin")
    s.add_argument("--confirm-clock", action="store_true")
    s.add_argument("--queue-only", action="store_true",
                   help="só põe na fila; o envio fica para o trabalhador da fila")
    s.add_argument("--print", action="store_true", dest="print_copies",
                   help="imprime as três vias quando a AT der o código (CAIXA_PRINTER)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_issue)

    s = ts.add_parser("list", help="guias desta caixa e o seu estado na AT")
    s.add_argument("--open", action="store_true", help="só as que ainda pedem alguma ação")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list)

    s = ts.add_parser("show", help="uma guia: estado na AT e o que fazer")
    s.add_argument("number")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show)

    s = ts.add_parser("phone", help="serviço telefónico da AT: o que ler e, com --at-code, "
                                    "o código que a AT deu")
    s.add_argument("number")
    s.add_argument("--at-code", help="código dado pelo serviço telefónico da AT")
    s.add_argument("--called-on", metavar="AAAA-MM-DD", help="dia do telefonema (hoje)")
    s.add_argument("--user", default="admin")
    s.set_defaults(func=cmd_phone)

    s = ts.add_parser("cancel", help="anula uma guia antes do início do transporte e "
                                     "comunica a anulação")
    s.add_argument("number")
    s.add_argument("--reason", required=True)
    s.add_argument("--user", default="admin")
    s.add_argument("--queue-only", action="store_true")
    s.set_defaults(func=cmd_cancel)

    s = ts.add_parser("print", help="imprime as três vias (Original, Duplicado, Triplicado) "
                                    "com o código AT")
    s.add_argument("number")
    from .printing import _printer_args
    _printer_args(s)
    s.add_argument("--user", default="admin")
    s.set_defaults(func=cmd_print)


# ---- parsing ---------------------------------------------------------------------------

def _picks(specs: list[str]) -> tuple:
    out = []
    for spec in specs:
        number, sep, qty = spec.partition(":")
        if not number.strip().isdigit():
            raise ValidationError(f"Linha inválida: {spec!r} (use N ou N:QUANTIDADE).")
        out.append((int(number), to_decimal(qty, "quantidade") if sep else None))
    return tuple(out)


def _start(text: str | None, t) -> datetime:
    if text:
        return _when(text, "de início do transporte")
    return (t.clock.now() + timedelta(minutes=15)).replace(second=0, microsecond=0)


def _request(t, args):
    from pos.services.transport import TransportRequest

    return TransportRequest(
        doc_type=args.type, movement_start=_start(args.start, t),
        customer=_customer(args), lines=_lines(t, args.item) if args.item else (),
        from_invoice=args.from_invoice, picks=_picks(args.line), load=_address(args.load),
        unload=_address(args.unload), vehicle=args.vehicle, series_id=args.series,
        user=args.user, confirm_clock=args.confirm_clock)


def _at_app(args):
    return app(at=not getattr(args, "queue_only", False))


def _not_sent(t, args) -> str:
    """Why nothing could be sent from this process (configuration, a stopped queue)."""
    if args.queue_only:
        return ""
    try:
        t.require_at()
    except PosError as err:
        return str(err)
    stop = t.queue_stopped()
    return f"envios parados: {stop.message}" if stop else ""


def _info_json(i) -> dict:
    return {"number": i.document_no, "doc_type": i.doc_type, "state": i.state,
            "detail": i.detail, "at_doc_code": i.at_doc_code, "status": i.status,
            "movement_start": i.movement_start, "customer_nif": i.customer_nif,
            "customer_name": i.customer_name, "queue_row": i.row_id,
            "deadline": i.deadline, "can_travel": i.can_travel}


def _say(i) -> None:
    print(f"{i.document_no}  {WORDS.get(i.state, i.state)}"
          + (f"  código AT {i.at_doc_code}" if i.at_doc_code else "")
          + (f"  início {i.movement_start:%Y-%m-%d %H:%M}" if i.movement_start else ""))
    print(f"  {i.detail}")


# ---- commands --------------------------------------------------------------------------

def cmd_issue(args) -> int:
    t = _at_app(args)
    try:
        doc = t.issue_transport(_request(t, args))
        info = t.transport_info(doc.document_no) if args.queue_only else \
            t.send_transport(doc.document_no)
        why = _not_sent(t, args)
        data = {**document_json(t.document(doc.document_no), t.qr(doc)), **_info_json(info)}
    finally:
        t.close()
    if not args.json:
        print(f"{doc.document_no}  ATCUD {doc.atcud}  total {fmt2(doc.totals.gross)} €")
        _say(info)
        if why:
            print(f"  Não enviado agora: {why}")
    printed = _print_when_ready(args, info) if args.print_copies else None
    if args.json:
        print(dump_json({**data, "printed": printed}))
    elif printed:
        print(f"  Três vias impressas ({printed}).")
    elif args.print_copies:
        print("  As vias imprimem-se quando a AT (ou o serviço telefónico) der o código: "
              f"caixa transport print {info.document_no}")
    return 0


def _print_when_ready(args, info) -> str | None:
    if not info.can_travel and info.state != "training":
        return None
    outcome = _printing_app(args).print_transport(info.document_no, args.user)
    if not outcome.ok:
        raise StateError(f"{info.document_no} está emitido e comunicado, mas não foi "
                         f"impresso: {outcome.error} Imprima com 'caixa transport print "
                         f"{info.document_no}'.")
    return outcome.label or "Original, Duplicado, Triplicado"


def _printing_app(args):
    from ui.adapters import ReceiptPrinter

    from .printing import _service

    def printer(application):
        return ReceiptPrinter(_service(_PrinterArgs(args), application))
    return app(printer=printer)


class _PrinterArgs:
    """The printing options of ``transport print`` (or none: CAIXA_PRINTER)."""

    def __init__(self, args):
        self.to = getattr(args, "to", None)
        self.printer = getattr(args, "printer", None)
        self.preset = getattr(args, "preset", None)


def cmd_list(args) -> int:
    rows = app().transport_documents(args.limit, args.open)
    if args.json:
        print(dump_json([_info_json(i) for i in rows]))
        return 0
    if not rows:
        print("Nenhum documento de transporte" + (" por tratar." if args.open else "."))
    for i in rows:
        print(f"{i.document_no:<18} {WORDS.get(i.state, i.state):<22} "
              + (f"{i.movement_start:%Y-%m-%d %H:%M}  " if i.movement_start else "")
              + (i.at_doc_code or "-"))
        if i.state in ("late", "after_start", "refused", "cancelling", "phoned"):
            print(f"    {i.detail}")
    return 0


def cmd_show(args) -> int:
    info = app().transport_info(args.number)
    if args.json:
        print(dump_json(_info_json(info)))
        return 0
    _say(info)
    return 0


def cmd_phone(args) -> int:
    t = app()
    if not args.at_code:
        sheet = t.transport_phone_sheet(args.number)
        print("Leia ao serviço telefónico da AT:")
        for line in sheet.lines:
            print(f"  {line}")
        print(f"Depois: caixa transport phone {args.number} --at-code CÓDIGO")
        return 0
    info = t.record_transport_phone_code(
        args.number, args.at_code, args.user,
        _date(args.called_on, "do telefonema") if args.called_on else None)
    _say(info)
    return 0


def cmd_cancel(args) -> int:
    t = _at_app(args)
    try:
        info = t.cancel_transport(args.number, args.reason, args.user)
        if not args.queue_only:
            info = t.send_transport(args.number)
        why = _not_sent(t, args)
    finally:
        t.close()
    _say(info)
    if why:
        print(f"  Não enviado agora: {why}")
    return 0


def cmd_print(args) -> int:
    t = _printing_app(args)
    outcome = t.print_transport(args.number, args.user)
    if not outcome.ok:
        raise PosError(f"{outcome.error} {args.number} está guardado; pode voltar a imprimir.")
    print(f"{args.number}: três vias impressas (Original, Duplicado, Triplicado).")
    return 0

