"""The receipt renderer, fuzzed (issue 13): whatever text a document carries — typed by a
cashier, imported with a catalogue, replicated from another till, answered by AT — the
bytes sent to the printer hold no command the layout did not put there.

Oracle: decode the job (tests/printing/escpos_parse.py) and compare its commands with
those of the same layout whose texts are all plain 'x's. Text runs may hold printable
bytes and line feeds only.
"""

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from printing.escpos_render import render
from printing.layout import QR, Text, elements_text, receipt_lines
from printing.profile import PRESETS, Profile

from .escpos_parse import tokens

HOSTILE = ["\x1bp\x00\x19\xfa", "\x1b@", "\x1dV\x00", "\x1bt\x10", "\x10\x04\x01", "\x1b!\x30",
           "\x1d(k\x03\x001Q0", "\x1dv0\x00", "\x00", "\n", "\r", "\t", "\x7f", "\x9b",
           "\u202e", "\u2066", "\u200f", "\ufeff", "\u2028", "\udce9", "\ue000", "€", "ç"]
chunks = st.one_of(st.text(st.characters(codec=None, exclude_categories=()), max_size=8),
                   st.sampled_from(HOSTILE))
texts = st.lists(chunks, max_size=6).map("".join)
# QR payloads are length-delimited in GS ( k or drawn as an image: any text that is
# valid UTF-8 (the QR itself is built from the document's data).
payloads = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=120)
PROFILES = [Profile(), PRESETS["generic-58"], dataclasses.replace(PRESETS["epson-tm-t20"],
                                                                  qr_mode="native")]


def _kind(token: tuple) -> tuple:
    """A command as the layout decides it; raster bits and QR data depend on the payload."""
    if token[0] == "GS v 0":
        return ("GS v 0",)
    if token[0] == "GS ( k":
        return ("GS ( k", token[1][:3])
    return token


def commands(data: bytes) -> list[tuple]:
    return [_kind(t) for t in tokens(data) if t[0] != "text"]


def plain(elements):
    return [Text("x" * len(el.text), el.align, el.bold, el.width, el.height)
            if isinstance(el, Text) else el for el in elements]


@st.composite
def documents(draw, shop):
    key = draw(st.sampled_from(["FS", "FT", "NC", "recovered"]))
    doc = shop.docs[key]
    customer = dataclasses.replace(
        doc.customer, nif=draw(texts), name=draw(texts), address=draw(texts),
        city=draw(texts), postal_code=draw(texts), country=draw(texts))
    lines = tuple(dataclasses.replace(
        ln, description=draw(texts), unit=draw(texts), product_code=draw(texts),
        exemption_reason=draw(texts) if ln.exemption_code else None,
        exemption_code=draw(texts) if ln.exemption_code else None,
        reference=dataclasses.replace(ln.reference, document_no=draw(texts),
                                      reason=draw(texts)) if ln.reference else None)
        for ln in doc.lines)
    doc = dataclasses.replace(doc, customer=customer, lines=lines, user=draw(texts),
                              document_no=draw(texts), atcud=draw(texts),
                              at_doc_code=draw(texts) or None, status=draw(
                                  st.sampled_from(["N", "A"])))
    issuer = dataclasses.replace(
        shop.issuer, name=draw(texts), business_name=draw(texts), address=draw(texts),
        city=draw(texts), postal_code=draw(texts), phone=draw(texts), nif=draw(texts),
        certificate_number=draw(texts), software=draw(texts),
        producer=dataclasses.replace(shop.issuer.producer, name=draw(texts), nif=draw(texts),
                                     address=draw(texts), city=draw(texts),
                                     postal_code=draw(texts)))
    return doc, issuer


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_command_reaches_the_printer_from_document_text(shop, data):
    doc, issuer = data.draw(documents(shop))
    payload = data.draw(payloads)
    profile = data.draw(st.sampled_from(PROFILES))
    drawer = data.draw(st.booleans())
    elements = receipt_lines(doc, issuer, payload, profile.columns,
                             data.draw(st.integers(0, 3)), data.draw(st.booleans()))
    job = render(elements, profile, drawer)
    assert commands(job) == commands(render(plain(elements), profile, drawer))
    for token in tokens(job):
        if token[0] == "text":
            assert all(b >= 0x20 and b != 0x7F or b == 0x0A for b in token[1]), token
    assert sum(1 for t in tokens(job) if t[0] == "ESC p") == (1 if drawer else 0)
    terminal = elements_text(elements, profile.columns)
    assert not any(ch < " " and ch != "\n" or "\x7f" <= ch <= "\x9f" for ch in terminal)


def test_a_drawer_kick_typed_as_a_customer_name_stays_text(shop):
    """The issue's reproduction: 'Evil ESC p 0 EM' as the customer's name."""
    doc = shop.docs["FT"]
    doc = dataclasses.replace(doc, customer=dataclasses.replace(doc.customer,
                                                                name="Evil\x1bp0\x19"))
    elements = receipt_lines(doc, shop.issuer, shop.qr["FT"], 48)
    job = render(elements, Profile())
    assert not [t for t in tokens(job) if t[0] == "ESC p"]
    assert b"Evil?p0?" in job
    assert commands(job) == commands(render(plain(elements), Profile()))


def test_every_printable_character_encodes_to_printable_bytes():
    """Only control characters map to control bytes in the code pages Caixa prints with,
    so refusing those (layout.visible) is enough."""
    from printing.profile import CODEPAGES

    for codec in CODEPAGES.values():
        for n in range(0x110000):
            ch = chr(n)
            if not ch.isprintable():
                continue
            try:
                encoded = ch.encode(codec)
            except UnicodeEncodeError:
                continue
            assert all(b >= 0x20 and b != 0x7F for b in encoded), (codec, hex(n))


def test_qr_payload_with_controls_is_length_delimited(shop):
    """A native QR keeps its data inside GS ( k, whatever bytes it holds."""
    profile = PROFILES[2]
    job = render([QR("A:1\x1bp0\x19*B:2"), Text("fim")], profile)
    kinds = [t[0] for t in tokens(job)]
    assert "ESC p" not in kinds and kinds.count("GS ( k") == 5
