"""Printing commands: print, receipt, printer-test.

The printer is given per call (``--to tcp:10.0.0.9`` or ``--printer CONFIG``) or by the
till's environment (``CAIXA_PRINTER``: JSON text or the path of a JSON file), e.g.
``{"connection": "tcp:192.168.1.50:9100", "profile": {"preset": "epson-tm-t20"}}``.
"""

import os
import sys

from pos.domain.errors import ValidationError

from .common import USER, app, integer

PRINTER_ENV = "CAIXA_PRINTER"
# Without --preset, the paper a column count usually means (58 mm: 32; 80 mm: 42 or 48).
PRESET_FOR_COLUMNS = {32: "generic-58", 42: "generic-80-42col", 48: "generic-80"}


def register(sub) -> None:
    p = sub.add_parser("print", help="imprime um documento na impressora de talões")
    p.add_argument("number", help='por exemplo "FS DEMO2026/1"')
    _printer_args(p)
    p.add_argument("--copy", action="store_true",
                   help="reimpressão (só a primeira impressão é o original: qualquer outra "
                        "sai marcada como 2.ª via, 3.ª via… e fica registada)")
    p.add_argument("--reason", default="", help="motivo da reimpressão")
    p.add_argument("--user", default="admin", type=USER)
    p.add_argument("--copies", type=integer(1, 3, "o número de exemplares"), default=1,
                   help="exemplares na emissão: 1 original, 2 + duplicado, 3 + triplicado")
    p.add_argument("--drawer", action="store_true", help="abre a gaveta no fim")
    p.add_argument("--pdf", metavar="FILE", help="grava também o documento em PDF A4")
    _sign_arg(p)
    p.add_argument("--png", metavar="FILE", help="grava também a pré-visualização PNG")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("receipt", help="mostra o talão de um documento (texto, PNG, PDF)")
    p.add_argument("number")
    p.add_argument("--columns", type=integer(32, 64, "o número de colunas"), default=None,
                   help="32, 42 ou 48 (ou do perfil)")
    p.add_argument("--preset", default=None, help="perfil de impressora da pré-visualização")
    p.add_argument("--png", metavar="FILE", help="grava a pré-visualização do talão em PNG")
    p.add_argument("--pdf", metavar="FILE", help="grava o documento em PDF A4 (conta como "
                                                 "uma impressão: original ou 2.ª via…)")
    p.add_argument("--user", default="admin", type=USER)
    p.add_argument("--reason", default="", help="motivo, quando o PDF é uma cópia")
    _sign_arg(p)
    p.set_defaults(func=cmd_receipt)

    p = sub.add_parser("printer-test", help="imprime uma página de teste")
    _printer_args(p)
    p.add_argument("--drawer", action="store_true", help="abre também a gaveta")
    p.set_defaults(func=cmd_printer_test)


def _sign_arg(p) -> None:
    p.add_argument("--sign", action="store_true",
                   help="assina o PDF (assinatura qualificada PAdES) com o certificado da "
                        "secção [pdf_signing] do ficheiro de configuração")


def _signing_config(args):
    """[pdf_signing] of the config file (secrets from files or CAIXA_PDF_SIGN_*), read
    before anything is printed or written; None without --sign."""
    if not args.sign:
        return None
    if not args.pdf:
        raise ValidationError("--sign assina o PDF: indique também --pdf FICHEIRO.")
    from pos.bootstrap import data_dir
    from printing.pdf_sign import PdfSigningError, SigningConfig
    from sync.config_file import load
    from sync.errors import SyncError

    try:
        cfg = load(data_dir=data_dir())
    except SyncError as err:
        raise PdfSigningError(str(err)) from None
    if not cfg.pdf_signing:
        where = cfg.path or "caixa.toml"
        raise PdfSigningError(f"Para assinar o PDF configure a secção [pdf_signing] em "
                              f"{where} (certificado PKCS#12 ou token PKCS#11).")
    return SigningConfig.from_mapping(cfg.pdf_signing)


def _printer_args(p) -> None:
    p.add_argument("--to", metavar="SPEC",
                   help="tcp:HOST[:PORTA] | usb:VID:PID | serial:DEV[:BAUD] | cups:NOME | "
                        "win:NOME | file:CAMINHO")
    p.add_argument("--printer", metavar="CONFIG",
                   help=f"configuração JSON (texto ou ficheiro); também {PRINTER_ENV}")
    p.add_argument("--preset", default=None, help="perfil: generic-80, generic-58, "
                                                  "epson-tm-t20, epson-tm-t88, pos-5890…")


def _service(args, print_log=None):
    from printing.connections import read_config
    from printing.service import PrintService

    source = args.printer or os.environ.get(PRINTER_ENV)
    config = read_config(source) if source else {}
    if args.to:
        config["connection"] = args.to
    if args.preset:
        config["profile"] = {**(config.get("profile") or {}), "preset": args.preset}
    if "connection" not in config:
        raise ValidationError(f"Indique a impressora: --to tcp:IP, --printer CONFIG ou a "
                              f"variável {PRINTER_ENV}.")
    return PrintService.from_config(config, print_log)


def _write(path: str, data: bytes, what: str) -> None:
    from pos.files import write_file

    write_file(path, data, f"ficheiro {what}")
    print(f"{what} gravado em {path}.", file=sys.stderr)


def _pdf(args, doc, issuer, qr, copy: int, signing) -> bytes:
    from printing.pdf import document_pdf

    data = document_pdf(doc, issuer, qr, copy, copy > 0)
    if signing is not None:
        from printing.pdf_sign import sign_pdf

        data = sign_pdf(data, signing)
    return data


def _files(args, doc, issuer, qr, profile, copy: int = 0, signing=None) -> None:
    """The PDF and PNG of the print numbered ``copy`` (0: the original)."""
    if args.pdf:
        _write(args.pdf, _pdf(args, doc, issuer, qr, copy, signing),
               "PDF assinado" if signing else "PDF")
    if args.png:
        from printing.preview import receipt_png

        _write(args.png, receipt_png(doc, issuer, qr, profile, copy, copy > 0), "PNG")


def cmd_print(args) -> int:
    from printing.errors import PrinterError

    signing = _signing_config(args)
    t = app()
    doc = t.document(args.number)
    issuer = t.issuer()
    qr = t.qr(doc, issuer)
    service = _service(args, t)        # the application claims and records each print
    result = service.print_document(doc, issuer, qr, copy=args.copy, user=args.user,
                                    reason=args.reason, copies=args.copies,
                                    open_drawer=args.drawer)
    for warning in result.warnings:
        print(f"caixa: aviso: {warning}", file=sys.stderr)
    if not result.ok:
        raise PrinterError(f"{result.error} O documento {doc.document_no} está guardado; "
                           "pode voltar a imprimir.")
    _files(args, doc, issuer, qr, service.profile, result.copy, signing)
    print(f"{doc.document_no} impresso ({result.label}) em {service.connection.description}.")
    return 0


def cmd_receipt(args) -> int:
    """The receipt as text on the terminal (a preview: it shows the mark the next print
    would carry, nothing is recorded) and, with --pdf, the A4 document: a print like any
    other, claimed first and recorded once the file is written."""
    from printing.layout import receipt_text
    from printing.profile import profile_from_config

    signing = _signing_config(args)
    t = app()
    doc = t.document(args.number)
    issuer = t.issuer()
    qr = t.qr(doc, issuer)
    config = {"preset": args.preset or PRESET_FOR_COLUMNS.get(args.columns, "generic-80")}
    if args.columns:
        config["columns"] = args.columns
    profile = profile_from_config(config)
    preview = t.next_print(doc.document_no)
    sys.stdout.write(receipt_text(doc, issuer, qr, profile.columns, preview, preview > 0))
    if args.png:
        from printing.preview import receipt_png

        _write(args.png, receipt_png(doc, issuer, qr, profile, preview, preview > 0), "PNG")
    if args.pdf:
        claim = t.claim_print(doc.document_no, args.user, args.reason)
        try:
            data = _pdf(args, doc, issuer, qr, claim.number, signing)
            _write(args.pdf, data, "PDF assinado" if signing else "PDF")
        except BaseException as exc:       # no file written: no print
            t.finish_print(claim.id, "failed", str(exc) or type(exc).__name__)
            raise
        t.finish_print(claim.id, "printed", f"PDF {args.pdf}")
    return 0


def cmd_printer_test(args) -> int:
    from printing.errors import PrinterError

    service = _service(args)
    result = service.test_print(open_drawer=args.drawer)
    for warning in result.warnings:
        print(f"caixa: aviso: {warning}", file=sys.stderr)
    if not result.ok:
        raise PrinterError(result.error)
    print(f"Página de teste enviada para {service.connection.description} "
          f"({result.bytes_sent} bytes).")
    return 0
