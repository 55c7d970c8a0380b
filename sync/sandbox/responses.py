"""SOAP 1.1 envelopes and faults the sandbox sends back, built with lxml."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lxml import etree

from ..wsse import SOAP11_NS

XSD_BOOL = {True: "true", False: "false"}


def text_of(value: Any) -> str:
    if isinstance(value, bool):
        return XSD_BOOL[value]
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def build(parent: etree._Element, ns: str | None, data: dict[str, Any]) -> None:
    """Append ``data`` as child elements; ``ns=None`` for unqualified local elements."""
    for name, value in data.items():
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            tag = f"{{{ns}}}{name}" if ns else name
            child = etree.SubElement(parent, tag)
            if isinstance(item, dict):
                build(child, ns, item)
            else:
                child.text = text_of(item)


def envelope(body_child: etree._Element) -> bytes:
    env = etree.Element(f"{{{SOAP11_NS}}}Envelope", nsmap={"S": SOAP11_NS})
    body = etree.SubElement(env, f"{{{SOAP11_NS}}}Body")
    body.append(body_child)
    return etree.tostring(env, xml_declaration=True, encoding="UTF-8")


def fault(code: str, message: str, detail: str | None = None) -> bytes:
    env = etree.Element(f"{{{SOAP11_NS}}}Envelope", nsmap={"S": SOAP11_NS})
    body = etree.SubElement(env, f"{{{SOAP11_NS}}}Body")
    node = etree.SubElement(body, f"{{{SOAP11_NS}}}Fault")
    etree.SubElement(node, "faultcode").text = code
    etree.SubElement(node, "faultstring").text = message
    if detail:
        etree.SubElement(etree.SubElement(node, "detail"), "message").text = detail
    return etree.tostring(env, xml_declaration=True, encoding="UTF-8")


def response_element(ns: str, name: str, data: dict[str, Any], *,
                     qualified: bool) -> etree._Element:
    root = etree.Element(f"{{{ns}}}{name}", nsmap={"ns2": ns})
    build(root, ns if qualified else None, data)
    return root
