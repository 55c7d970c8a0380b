"""Schema validation against AT's XSD, whose location is configuration, never a copy.

AT publishes SAFTPT1.04_01.xsd (XSD 1.1, with assertions) at
https://info.portaldasfinancas.gov.pt/apps/saft-pt04/SAFTPT1.04_01.xsd. libxml2 (lxml) only
reads XSD 1.0, so there are two ways in:

- lxml with a 1.0 variant (the official file with its xs:assert removed): fast, streams;
- xmlschema's XMLSchema11 with the official file: also checks the assertions, but slow.

The path comes from ``--xsd`` or the ``CAIXA_SAFT_XSD`` environment variable; packaging may
bundle the file and set the variable.
"""

import os
from pathlib import Path

from pos.domain.errors import ValidationError

ENV = "CAIXA_SAFT_XSD"
WHOLE_TREE_LIMIT = 16 * 1024 * 1024   # above: stream, flat memory, stops at the first error
MAX_ERRORS = 50


def xsd_path(explicit: str | Path | None) -> Path | None:
    value = explicit or os.environ.get(ENV)
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_file():
        raise ValidationError(f"Esquema XSD não encontrado: {path}.")
    return path


def validate_xsd10(xml: Path, xsd: Path) -> list[str]:
    """Errors from lxml/libxml2 ('line N: message'); empty when valid."""
    from lxml import etree

    try:
        schema = etree.XMLSchema(etree.parse(str(xsd)))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise ValidationError(f"O XSD {xsd.name} não é um esquema XSD 1.0 válido para o "
                              f"lxml ({exc}); use --xsd11 para o esquema oficial.") from None
    if xml.stat().st_size <= WHOLE_TREE_LIMIT:
        try:
            tree = etree.parse(str(xml))
        except etree.XMLSyntaxError as exc:
            return [f"XML mal formado: {exc}"]
        if schema.validate(tree):
            return []
        return [f"linha {e.line}: {e.message}" for e in list(schema.error_log)[:MAX_ERRORS]]
    ns = "{urn:OECD:StandardAuditFile-Tax:PT_1.04_01}"
    records = [ns + t for t in ("Customer", "Product", "Invoice", "StockMovement",
                                "WorkDocument", "Payment")]
    try:
        # libxml2 validates the parser's event stream, so records already seen can be
        # dropped from the tree: memory stays flat on files of any size.
        for _event, elem in etree.iterparse(str(xml), schema=schema, events=("end",),
                                            tag=records):
            elem.clear(keep_tail=True)
            while elem.getprevious() is not None:
                del elem.getparent()[0]
    except etree.XMLSyntaxError as exc:
        return [f"{exc.msg} (a validação parou no primeiro erro)"]
    return []


def validate_xsd11(xml: Path, xsd: Path) -> list[str]:
    """Errors from xmlschema's XSD 1.1 validator, assertions included."""
    import xmlschema

    try:
        schema = xmlschema.XMLSchema11(str(xsd))
    except xmlschema.XMLSchemaException as exc:
        raise ValidationError(f"Não foi possível ler o XSD {xsd.name}: {exc}") from None
    lazy = xml.stat().st_size > WHOLE_TREE_LIMIT
    source = xmlschema.XMLResource(str(xml), lazy=lazy)
    errors = []
    for err in schema.iter_errors(source):
        errors.append(f"{err.path}: {err.reason or err.message}")
        if len(errors) >= MAX_ERRORS:
            break
    return errors
