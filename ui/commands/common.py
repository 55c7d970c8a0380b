"""Helpers shared by the CLI command modules."""

import argparse
import json
from dataclasses import asdict, is_dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from pos.domain import text
from pos.domain.documents import Document
from pos.domain.errors import NotFoundError, ValidationError
from pos.domain.money import fmt2
from pos.domain.numbers import MAX_INT, whole_number
from pos.domain.signature import printed_hash_chars

# ---- argument types: the CLI's boundary, one sentence and exit 2 for anything else -----

def integer(low: int = 1, high: int = MAX_INT, what: str = "o número"):
    """An argparse type for every whole number option: ASCII digits within [low, high].

    The default range is what every integer column holds, so no number typed on the
    command line can overflow SQLite or PostgreSQL.
    """
    def parse(value: str) -> int:
        try:
            return whole_number(value, what, low, high)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    parse.__name__ = "número inteiro"
    return parse


def text_arg(field: text.Field):
    """An argparse type checking a text option with the domain's rules for that field."""
    def parse(value: str) -> str:
        try:
            return field(value)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    parse.__name__ = "texto"
    return parse


USER = text_arg(text.USER)


def day(value: str) -> date:
    """An argparse type for a date option (AAAA-MM-DD)."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"Data inválida: {text.shown(value)} (use "
                                         "AAAA-MM-DD).") from None


day.__name__ = "data"


def add_sale_options(parser, exemption: bool = True, corrections: bool = False) -> None:
    """What an invoice may say beyond its lines (pos.domain.complements), and the sale's
    exemption (pos.domain.exemptions)."""
    from pos.domain.complements import PURPOSES, REASONS
    from pos.domain.exemptions import SALE_EXEMPTIONS

    if exemption:
        parser.add_argument("--exemption", metavar="CÓDIGO", type=str.upper,
                            help="venda isenta de IVA: " + "; ".join(
                                f"{c} {n}" for c, n in SALE_EXEMPTIONS.items()))
    parser.add_argument("--supply-date", type=day, metavar="AAAA-MM-DD",
                        help="data do fornecimento, quando é anterior à do documento")
    parser.add_argument("--contract", help="número do contrato do serviço")
    parser.add_argument("--period", metavar="AAAA-MM-DD:AAAA-MM-DD",
                        help="período a que o serviço respeita (o fim é a data do "
                             "fornecimento)")
    if corrections:
        parser.add_argument("--purpose", choices=list(PURPOSES),
                            help="finalidade: " + "; ".join(f"{k} {v}"
                                                            for k, v in PURPOSES.items()))
        parser.add_argument("--reason-code", choices=list(REASONS),
                            help="motivo codificado: " + "; ".join(f"{k} {v}"
                                                                   for k, v in REASONS.items()))


def complements_from(args):
    """The complements the options gave (None when none was given)."""
    from pos.domain.complements import make_complements

    start = end = None
    if args.period:
        first, sep, last = args.period.partition(":")
        try:
            start, end = day(first), day(last)
        except argparse.ArgumentTypeError:
            start = None
        if not sep or start is None:
            raise ValidationError(f"Período inválido: {text.shown(args.period)} (use "
                                  "AAAA-MM-DD:AAAA-MM-DD).")
    c = make_complements(args.supply_date, args.contract, start, end,
                         getattr(args, "purpose", None), getattr(args, "reason_code", None))
    return c or None


def app(require_setup: bool = True, at: bool = False, printer=None, store: bool = False,
        db: str | None = None):
    """The application for the configured database and till (``--db``/``CAIXA_DB``,
    ``--till``/``CAIXA_TILL``, or ``db``: another database, for no particular till);
    refuses a database nobody has set up, and never creates a file for a command that only
    reads or needs an existing shop. ``at``: with the AT sender, for commands that talk to
    AT now (it sends in this process, no thread); ``store``: with the store's sender,
    likewise (an attached till: it also keeps the till's anchor at the store)."""
    # Imported here, not at the top: the command line imports only what the command it
    # runs needs (``caixa --help`` never loads the database layer or the keys).
    from pos.bootstrap import default_db, open_app

    named = db
    db = db or default_db()
    if require_setup and "://" not in db and not Path(db).expanduser().exists():
        raise NotFoundError(f"A base de dados {db} não existe (nada foi criado): indique a "
                            "loja com --db ou CAIXA_DB, ou crie uma com 'caixa init --demo'.")
    link = store_link = None
    if at:
        from sync.link import OutboxLink

        def link(application):
            return OutboxLink(application)
    if store:
        from sync.store_link import StoreSyncLink

        def store_link(application):
            return StoreSyncLink(application)
    from ui.adapters import check_printer_config

    a = open_app(db, printer=printer, at_link=link, printer_check=check_printer_config,
                 store_link=store_link, till=None if named is None else "")
    OPENED.append(a)
    if require_setup:
        a.require_configured()
    return a


OPENED: list = []       # the applications this command opened (``finished`` lets them go)


def finished() -> None:
    """The command is done: a passive checkpoint of what it wrote through a till's own
    connection (a sale's log pages go into the file now, not inside a later sale's commit;
    a command run inside another process — tests, the self-test — leaves no growing log),
    and the applications let go. Never fails the command: a full disk leaves the log as it
    is, complete, for the next connection."""
    while OPENED:
        a = OPENED.pop()
        try:
            a.db.checkpoint()
        except Exception:        # noqa: BLE001, S110 - the command's outcome is already final
            pass


def add_pin_option(parser) -> None:
    parser.add_argument("--pin-env", metavar="VARIÁVEL",
                        help="variável de ambiente com o PIN (sem ela, o PIN é lido do "
                             "terminal ou da entrada padrão)")


def read_pin(args, who: str) -> str:
    """The PIN of ``who``: from --pin-env, else asked on the terminal (not echoed), else one
    line of standard input (scripts). Never an argument: it would show in the process list."""
    import getpass
    import os
    import sys

    from pos.domain.errors import ValidationError

    if getattr(args, "pin_env", None):
        pin = os.environ.get(args.pin_env, "")
    elif sys.stdin.isatty():
        pin = getpass.getpass(f"PIN de {who}: ")
    else:
        pin = sys.stdin.readline()
    pin = pin.strip()
    if not pin:
        raise ValidationError(f"Indique o PIN de {who}.")
    return pin


def _default(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if is_dataclass(value):
        return asdict(value)
    raise TypeError(type(value).__name__)


def dump_json(data) -> str:
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def document_json(doc: Document, qr: str) -> dict:
    return {
        "number": doc.document_no, "doc_type": doc.doc_type, "series": doc.series_id,
        "sequence": doc.number, "atcud": doc.atcud, "status": doc.status,
        "invoice_date": doc.invoice_date.isoformat(),
        "system_entry_date": doc.system_entry_date.strftime("%Y-%m-%dT%H:%M:%S"),
        "customer": asdict(doc.customer),
        "net_total": fmt2(doc.totals.net), "tax_payable": fmt2(doc.totals.tax),
        "gross_total": fmt2(doc.totals.gross), "change": fmt2(doc.change),
        "hash": doc.hash, "hash_chars": printed_hash_chars(doc.hash) if doc.hash else "0",
        "hash_control": doc.hash_control, "previous_hash": doc.previous_hash,
        "source_billing": doc.source_billing, "training": doc.training,
        "lines": [{
            "line": ln.line_no, "code": ln.product_code, "description": ln.description,
            "quantity": str(ln.quantity), "unit": ln.unit, "unit_price": str(ln.unit_price),
            "discount": fmt2(ln.discount), "amount": fmt2(ln.gross_amount),
            "net": fmt2(ln.net_amount), "vat": fmt2(ln.tax_amount), "tax_code": ln.tax_code,
            "tax_percentage": str(ln.tax_percentage), "exemption_code": ln.exemption_code,
            "exemption_reason": ln.exemption_reason,
            "reference": asdict(ln.reference) if ln.reference else None,
        } for ln in doc.lines],
        "taxes": [{"code": t.code, "percentage": str(t.percentage), "base": fmt2(t.base),
                   "vat": fmt2(t.tax), "exemption_code": t.exemption_code}
                  for t in doc.totals.taxes],
        "payments": [{"method": p.method, "amount": fmt2(p.amount),
                      "tendered": fmt2(p.tendered)} for p in doc.payments],
        "complements": doc.complements.as_extra() if doc.complements else None,
        "qr": qr,
    }
