"""XML Schema validation from the types embedded in AT's WSDLs.

zeep serialises without checking facets (lengths, patterns, enumerations), so a document
that would earn a 4000 / -28 / SOAP "Validation error" from AT can be caught on the till
before it leaves. The sandbox uses the same schemas to judge what it receives.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from lxml import etree

WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
XSD_NS = "http://www.w3.org/2001/XMLSchema"


@functools.lru_cache(maxsize=8)
def load_wsdl_schema(wsdl_path: Path | str) -> etree.XMLSchema:
    """The single ``<xsd:schema>`` inside ``wsdl:types`` as an lxml ``XMLSchema``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(str(wsdl_path), parser)
    schemas = tree.getroot().findall(f"{{{WSDL_NS}}}types/{{{XSD_NS}}}schema")
    if len(schemas) != 1:
        raise ValueError(f"{wsdl_path}: expected one xsd:schema in wsdl:types, "
                         f"found {len(schemas)}")
    embedded = schemas[0]
    # QName-valued attributes (type="tns:Foo") need the prefixes declared on
    # wsdl:definitions; .nsmap includes inherited ones, so re-root with all of them.
    root = etree.Element(embedded.tag, attrib=dict(embedded.attrib), nsmap=embedded.nsmap)
    for child in embedded:
        root.append(copy.deepcopy(child))
    return etree.XMLSchema(etree.ElementTree(root))


def validation_errors(schema: etree.XMLSchema, element: etree._Element) -> list[str]:
    """Schema errors for one body element (empty list when valid)."""
    doc = etree.ElementTree(copy.deepcopy(element))
    if schema.validate(doc):
        return []
    return [e.message for e in schema.error_log]
