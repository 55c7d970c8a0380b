"""`caixa product import|export`: the catalogue as CSV, with a preview before anything is
written (``--dry-run``), every refused row listed, and progress on the terminal."""

from __future__ import annotations

import sys
import time

from .common import app, dump_json

STAGES = {"reading": "a ler", "checking": "a verificar", "writing": "a gravar"}


def register(ps, user_arg) -> None:
    s = ps.add_parser("import", help="importa produtos de um CSV (cabeçalho: code;name;price;"
                                     "vat;exemption;unit;type;barcode;category;active)")
    s.add_argument("file")
    s.add_argument("--dry-run", action="store_true",
                   help="só mostra o que faria e as linhas com problemas")
    s.add_argument("--only-valid", action="store_true",
                   help="importa as linhas boas e deixa de fora as que têm problemas")
    s.add_argument("--json", action="store_true")
    user_arg(s)
    s.set_defaults(func=cmd_import)
    s = ps.add_parser("export", help="exporta o catálogo para CSV (lê-se de volta com import)")
    s.add_argument("file")
    s.add_argument("--active-only", action="store_true")
    s.set_defaults(func=cmd_export)


class Bar:
    """Progress on stderr when it is a terminal (at most ten updates a second)."""

    def __init__(self):
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if self.tty and (now - self.last > 0.1 or done == total):
            self.last = now
            sys.stderr.write(f"\r{STAGES.get(stage, stage)}: {done}/{total}   ")
            sys.stderr.flush()

    def end(self) -> None:
        if self.tty:
            sys.stderr.write("\r" + " " * 40 + "\r")


def _problems(problems, limit: int = 50) -> None:
    for p in problems[:limit]:
        print(f"  linha {p.line} ({p.code or '-'}): {p.message}")
    if len(problems) > limit:
        print(f"  … e mais {len(problems) - limit}.")


def cmd_import(args) -> int:
    a = app()
    bar = Bar()
    try:
        if args.dry_run:
            pv = a.preview_product_import(args.file, bar)
        else:
            result = a.import_products(args.file, args.only_valid, args.user, bar)
    finally:
        bar.end()
    if args.dry_run:
        if args.json:
            print(dump_json(pv))
            return 0
        print(f"{pv.rows} linha(s): {pv.new} novo(s), {pv.changed} alterado(s), "
              f"{pv.unchanged} sem alterações, {len(pv.problems)} com problemas "
              f"(separador {pv.delimiter!r}, {pv.encoding}).")
        _problems(pv.problems)
        return 0
    if args.json:
        print(dump_json(result))
        return 0
    print(f"Importados: {result.new} novo(s), {result.changed} alterado(s), "
          f"{result.unchanged} sem alterações.")
    if result.skipped:
        print(f"Deixadas de fora {len(result.skipped)} linha(s) com problemas:")
        _problems(result.skipped)
    return 0


def cmd_export(args) -> int:
    bar = Bar()
    try:
        count = app().export_products(args.file, not args.active_only, bar)
    finally:
        bar.end()
    print(f"{count} produto(s) exportado(s) para {args.file}.")
    return 0
