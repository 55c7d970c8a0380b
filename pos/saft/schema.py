"""Schema validation against AT's XSD, whose location is configuration, never a copy.

AT publishes SAFTPT1.04_01.xsd (XSD 1.1, with assertions) at
https://info.portaldasfinancas.gov.pt/apps/saft-pt04/SAFTPT1.04_01.xsd. libxml2 (lxml) only
reads XSD 1.0, so there are two ways in:

- lxml with a 1.0 variant derived here from the official file (``xsd10_tree``): fast,
  streams, but without the 19 assertions;
- xmlschema's XMLSchema11 with the official file: also checks the assertions, but slow.

The path comes from ``--xsd``, else the ``CAIXA_SAFT_XSD`` environment variable, else the
copy the set-up keeps (``pos.reference``; the bundle carries one).
"""

import os
from functools import lru_cache
from pathlib import Path

from pos import reference
from pos.domain.errors import ValidationError

ENV = "CAIXA_SAFT_XSD"
WHOLE_TREE_LIMIT = 16 * 1024 * 1024   # above: stream, flat memory, stops at the first error
MAX_ERRORS = 50


def xsd_path(explicit: str | Path | None) -> Path | None:
    value = explicit or os.environ.get(ENV)
    if not value:
        return reference.saft_xsd()
    path = Path(value).expanduser()
    if not path.is_file():
        raise ValidationError(f"Esquema XSD não encontrado: {path}.")
    return path


XS = "{http://www.w3.org/2001/XMLSchema}"
_VC_MIN = "{http://www.w3.org/2007/XMLSchema-versioning}minVersion"


def xsd10_tree(xsd: Path):
    """AT's XSD as libxml2 can load it (an lxml tree; the file is left untouched).

    An XSD 1.0 file is returned as it is. From AT's XSD 1.1: every ``xs:assert`` goes (the
    business checks in pos.saft.checks and ``--xsd11`` cover them), and an ``xs:all``
    whose elements repeat (GeneralLedgerEntries' DebitLine/CreditLine: XSD 1.0 allows at
    most one of each) becomes a repeatable ``xs:choice`` of the same elements.
    """
    from lxml import etree

    tree = etree.parse(str(xsd))
    root = tree.getroot()
    asserts = list(root.iter(f"{XS}assert", f"{XS}assertion"))
    if root.get(_VC_MIN, "1.0") < "1.1" and not asserts:
        return tree
    for node in asserts:
        node.getparent().remove(node)
    for group in list(root.iter(f"{XS}all")):
        if all(child.get("maxOccurs", "1") in ("0", "1") for child in group):
            continue
        group.tag = f"{XS}choice"
        group.set("minOccurs", "0")
        group.set("maxOccurs", "unbounded")
        for child in group:
            child.attrib.pop("maxOccurs", None)
    return tree


@lru_cache(maxsize=4)
def _schema10(path: str, _mtime_ns: int):
    from lxml import etree

    return etree.XMLSchema(xsd10_tree(Path(path)))


def validate_xsd10(xml: Path, xsd: Path) -> list[str]:
    """Errors from lxml/libxml2 ('line N: message'); empty when valid.

    ``xsd`` is AT's official XSD 1.1 (the 1.0 variant is derived from it) or a 1.0 file.
    """
    from lxml import etree

    try:
        schema = _schema10(str(xsd), Path(xsd).stat().st_mtime_ns)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise ValidationError(f"O XSD {xsd.name} não é um esquema XSD válido para o "
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
