"""`caixa at-reference`: obtain AT's reference files (SAF-T XSD, webservice WSDLs)."""

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "at-reference",
        help="obtém o XSD do SAF-T e os WSDL da AT (verificados) para a pasta de dados")
    p.add_argument("--from", dest="source", type=Path, metavar="PASTA",
                   help="copia desta pasta, sem descarregar (também CAIXA_AT_REFERENCE)")
    p.add_argument("--download", action="store_true",
                   help="descarrega da AT mesmo havendo uma pasta local")
    p.add_argument("--check", action="store_true",
                   help="só verifica: exit 0 se os ficheiros estão presentes e intactos")
    p.set_defaults(func=cmd_at_reference)


def cmd_at_reference(args) -> int:
    from pos import reference

    if args.check:
        folder = reference.require()
        print(f"Ficheiros de referência da AT verificados em {folder}.")
        return 0
    local = args.source if args.source else (None if args.download else reference.FIND_LOCAL)
    folder = reference.setup(local=local, report=lambda msg: print(msg, file=sys.stderr))
    print(f"Ficheiros de referência da AT verificados em {folder}.")
    return 0
