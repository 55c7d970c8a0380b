"""SAF-T (PT) commands: `caixa saft export` and `caixa saft validate`."""

from pathlib import Path

from pos.domain.errors import ValidationError

from .common import app, dump_json, integer


def register(sub) -> None:
    p = sub.add_parser("saft", help="ficheiro SAF-T (PT) 1.04_01: exportar e validar")
    ss = p.add_subparsers(dest="saft_command", required=True)

    e = ss.add_parser("export", help="exporta o SAF-T de faturação de um período")
    e.add_argument("--out", required=True, metavar="FICHEIRO")
    e.add_argument("--year", type=integer(2000, 9999, "o ano"),
                   help="ano fiscal (por omissão, o atual)")
    e.add_argument("--month", type=integer(1, 12, "o mês"), help="só este mês do ano")
    e.add_argument("--from", dest="start", metavar="AAAA-MM-DD")
    e.add_argument("--to", dest="end", metavar="AAAA-MM-DD")
    e.add_argument("--establishment", help="TaxEntity (por omissão o da empresa, 'Global')")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_export)

    v = ss.add_parser("validate", help="valida um SAF-T: esquema, assinaturas e totais")
    v.add_argument("file")
    v.add_argument("--xsd", help="esquema XSD da AT (ou a variável CAIXA_SAFT_XSD; por "
                                 "omissão, o obtido por 'caixa at-reference')")
    v.add_argument("--xsd11", action="store_true",
                   help="usa o validador XSD 1.1 (xmlschema; lento, verifica os asserts)")
    v.add_argument("--public-key", action="append", default=[], metavar="PEM",
                   help="chave pública (pode repetir); por omissão, as da base de dados")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_validate)


def cmd_export(args) -> int:
    if args.month is not None and (args.start or args.end):
        raise ValidationError("Use --month ou --from/--to, não ambos.")
    result = app().export_saft(args.out, args.year, args.month, args.start, args.end,
                               args.establishment)
    period = result.period
    if args.json:
        print(dump_json({"file": str(result.path), "start": period.start,
                         "end": period.end, "documents": result.documents,
                         "entries": result.entries, "customers": result.customers,
                         "products": result.products}))
    else:
        tables = ", ".join(f"{name} {n}" for name, n in result.entries.items() if n)
        print(f"SAF-T {period} escrito em {result.path}: {result.documents} documentos "
              f"({tables or 'nenhum'}), {result.customers} clientes, "
              f"{result.products} produtos.")
    return 0


def _database_keys():
    """The database's public keys, when there is a database; never creates one."""
    from pos.bootstrap import default_db
    from pos.saft.validator import KeyRing

    db = default_db()
    if "://" not in db and not Path(db).expanduser().exists():
        return None
    ring = KeyRing(app().verifiers())
    return ring or None


def cmd_validate(args) -> int:
    from pos.saft.schema import xsd_path
    from pos.saft.validator import KeyRing, validate

    if args.xsd11 and xsd_path(args.xsd) is None:
        raise ValidationError("--xsd11 precisa do esquema da AT: indique --xsd ou "
                              "CAIXA_SAFT_XSD, ou obtenha-o com 'caixa at-reference'.")
    keyring = KeyRing.from_pem_files(args.public_key) if args.public_key \
        else _database_keys()
    report = validate(args.file, args.xsd, args.xsd11, keyring)
    print(dump_json(report.as_dict()) if args.json else report.text())
    return 0 if report.ok else 1
