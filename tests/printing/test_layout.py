"""Every printed mention the law asks for (FISCAL-PT §1.4, §2, §3, §10), on the pure layout."""

import dataclasses
from datetime import datetime
from decimal import Decimal

import pytest

from pos.domain.errors import ValidationError
from printing.layout import (
    QR,
    Cut,
    Logo,
    Separator,
    Text,
    copy_label,
    original_copy_mention,
    receipt_lines,
    receipt_text,
)

TRAINING = "Documento emitido para fins de Formação"
NOT_INVOICE = "Este documento não serve de fatura"


def texts(elements) -> list[str]:
    return [e.text for e in elements if isinstance(e, Text)]


def joined(elements) -> str:
    """All text with wrapped lines joined by spaces, to search mentions across wraps."""
    return " ".join(t.strip() for t in texts(elements))


def lines_for(shop, key, columns=42, **kw):
    return receipt_lines(shop.docs[key], shop.issuer, shop.qr[key], columns, **kw)


@pytest.mark.parametrize("key", ["FS", "FT", "NC", "recovered", "normal"])
@pytest.mark.parametrize("columns", [32, 42, 48])
def test_every_line_fits_the_paper(shop, key, columns):
    for el in lines_for(shop, key, columns):
        if isinstance(el, Text):
            assert len(el.text) <= columns // el.width, el
            assert el.align in ("left", "center", "right")


@pytest.mark.parametrize("columns", [32, 42, 48])
@pytest.mark.parametrize("key", ["FS", "FT", "NC", "recovered", "normal"])
def test_atcud_is_immediately_above_the_qr_code(shop, key, columns):
    els = lines_for(shop, key, columns)
    qr_at = [i for i, e in enumerate(els) if isinstance(e, QR)]
    assert len(qr_at) == 1
    above = els[qr_at[0] - 1]
    assert isinstance(above, Text) and above.text == f"ATCUD:{shop.docs[key].atcud}"
    assert els[qr_at[0]].payload == shop.qr[key]
    assert isinstance(els[-1], Cut)


@pytest.mark.parametrize("columns", [32, 42, 48])
@pytest.mark.parametrize("key", ["FS", "FT", "NC", "normal"])
def test_four_hash_characters_and_certificate(shop, key, columns):
    doc = shop.docs[key]
    chars = doc.hash[0] + doc.hash[10] + doc.hash[20] + doc.hash[30]
    assert f"{chars}-Processado por programa certificado n.º 9999/AT" in \
        joined(lines_for(shop, key, columns))
    # D8632 §2.2.12: not on the first or last line of the document.
    body = texts(lines_for(shop, key, columns))
    assert chars not in body[0] and chars not in body[-1]


def test_receipt_without_hash_says_emitido_por(shop):
    rg = dataclasses.replace(shop.docs["FS"], doc_type="RG", hash="", hash_control="0")
    text = joined(receipt_lines(rg, shop.issuer, "x", 42))
    assert "Emitido por programa certificado n.º 9999/AT" in text
    assert "Processado por" not in text
    assert NOT_INVOICE in text          # a receipt is not an invoice either


def test_training_series_mentions_training_and_the_software(shop):
    text = joined(lines_for(shop, "FS"))
    assert text.count(TRAINING) == 2     # under the header and again by the certificate
    assert "Software: Caixa" in text
    assert TRAINING not in joined(lines_for(shop, "normal"))


def test_training_header_is_the_producers_instead_of_the_shops(shop):
    """D8632 §1.5: the software producer's identification *instead of* the shop's."""
    from pos.domain.producer import CAIXA_PRODUCER
    producer, issuer = shop.issuer.producer, shop.issuer
    assert producer == CAIXA_PRODUCER and producer.nif != issuer.nif
    training = lines_for(shop, "FS")
    header = texts(training)[:texts(training).index(TRAINING)]
    assert header[0] == producer.name and f"NIF: {producer.nif}" in header
    text = joined(training)
    assert issuer.nif not in text and issuer.name not in text
    assert issuer.business_name not in text
    assert not any(isinstance(e, Logo) for e in training)
    normal = joined(lines_for(shop, "normal"))
    assert f"NIF: {issuer.nif}" in normal and producer.nif not in normal


@pytest.mark.parametrize("code", ["OR", "PF", "CM", "GT", "GR"])
def test_documents_that_are_not_invoices_say_so(shop, code):
    doc = dataclasses.replace(shop.docs["FT"], doc_type=code)
    assert NOT_INVOICE in joined(receipt_lines(doc, shop.issuer, "x", 32))


@pytest.mark.parametrize("key", ["FS", "FT", "NC", "normal"])
def test_invoices_do_not_say_they_are_not_invoices(shop, key):
    assert NOT_INVOICE not in joined(lines_for(shop, key))


def test_recovered_manual_document_mention(shop):
    text = joined(lines_for(shop, "recovered", 48))
    assert "Cópia do documento original -FTM abc/00001" in text
    # the recovered document is signed normally, so it also carries the hash characters
    assert "-Processado por programa certificado n.º 9999/AT" in text


def test_recovered_duplicate_and_integrated_mentions(shop):
    doc = shop.docs["FT"]
    dup = dataclasses.replace(doc, source_billing="M", hash_control="1-FTD XY 2013A/00099")
    assert original_copy_mention(dup) == "Cópia do documento original - FTD XY 2013A/00099"
    integrated = dataclasses.replace(doc, source_billing="I", hash_control="9999.1")
    assert original_copy_mention(integrated) == "Cópia do documento original"
    assert original_copy_mention(doc) is None


def test_final_consumer(shop):
    assert "Cliente: Consumidor final" in texts(lines_for(shop, "FS"))


def test_customer_nif_name_and_address(shop):
    t = texts(lines_for(shop, "FT"))
    for line in ("Cliente: Cliente Exemplo, Lda.", "NIF: 123456789", "Morada: Rua do Almada, 10",
                 "4050-038 Porto"):
        assert line in t
    assert "Consumidor final" not in " ".join(t)


def test_document_type_number_date_and_copy_label(shop):
    t = texts(lines_for(shop, "FT"))
    assert t.index("Fatura") < t.index("FT DEMO2026/1") < t.index("Original")
    assert "Data: 2026-03-14 10:15:30" in t


def test_lines_have_quantity_price_amount_and_vat_marker(shop):
    t = texts(lines_for(shop, "FT", 42))
    assert "Pão de forma" in t
    assert any(s.startswith("  2 x 1,89") and s.endswith("3,78 6%") for s in t)
    assert any(s.startswith("  1,25 KG x 2,29") for s in t)
    assert any(s.endswith("3,45 23%") for s in t)       # 3 × 1,15 at the normal rate


def test_tax_summary_per_rate(shop):
    t = texts(lines_for(shop, "FS", 42))
    doc = shop.docs["FS"]
    start = next(i for i, s in enumerate(t) if s.startswith("Taxa"))
    rows = t[start + 1:start + 1 + len(doc.totals.taxes)]
    assert [r.split() for r in rows] == [
        [label, f"{s.base:.2f}".replace(".", ","), f"{s.tax:.2f}".replace(".", ","),
         f"{s.gross:.2f}".replace(".", ",")]
        for label, s in zip(["M07", "M99", "6%", "13%", "23%"], doc.totals.taxes, strict=True)]


def test_exemption_reasons_are_printed_with_their_codes(shop):
    t = texts(lines_for(shop, "FS", 48))
    assert "M07: Isento artigo 9.º do CIVA" in t
    assert "M99: Não sujeito ou não tributado" in t
    assert any(s.endswith("25,00 M07") for s in t)     # the line is linked by its code


def test_totals_payments_and_change(shop):
    doc = shop.docs["FS"]
    t = texts(lines_for(shop, "FS", 42))
    assert any(s.startswith("Total sem IVA") and s.endswith(f"{doc.totals.net:.2f}"
                                                            .replace(".", ",")) for s in t)
    assert any(s.startswith("TOTAL") and s.endswith(f"{doc.totals.gross:.2f} €"
                                                    .replace(".", ",")) for s in t)
    assert any(s.startswith("Numerário") and s.endswith("50,00") for s in t)
    change = Decimal("50") - doc.totals.gross
    assert any(s.startswith("Troco") and s.endswith(f"{change:.2f}".replace(".", ","))
               for s in t)


def test_credit_note_names_the_document_and_reason(shop):
    t = texts(lines_for(shop, "NC"))
    assert "Nota de crédito" in t
    assert "Ref.: FS DEMO2026/1" in t and "Motivo: Devolução" in t
    assert not any(s.startswith("Troco") for s in t)


def test_discount_is_shown(shop):
    doc = shop.docs["FT"]
    line = dataclasses.replace(doc.lines[0], discount=Decimal("0.50"),
                               gross_amount=Decimal("3.28"))
    disc = dataclasses.replace(doc, lines=(line,) + doc.lines[1:])
    wide = texts(receipt_lines(disc, shop.issuer, "x", 48))
    assert any("2 x 1,89 desc. 0,50" in s and s.endswith("3,28 6%") for s in wide)
    narrow = texts(receipt_lines(disc, shop.issuer, "x", 32))
    assert "  Desconto: 0,50" in narrow


def test_copy_labels():
    assert copy_label(0) == "Original"
    assert copy_label(1) == "Duplicado"
    assert copy_label(2) == "Triplicado"
    assert copy_label(1, reprint=True) == "2.ª via"
    assert copy_label(3, reprint=True) == "4.ª via"


def test_reprint_is_marked_not_original(shop):
    t = texts(lines_for(shop, "FS", copy=1, reprint=True))
    assert "2.ª via" in t and "Original" not in t


def test_cancelled_document_says_so(shop):
    doc = dataclasses.replace(shop.docs["FS"], status="A")
    assert "DOCUMENTO ANULADO" in texts(receipt_lines(doc, shop.issuer, "x"))


def test_transport_document_shows_the_at_code(shop):
    doc = dataclasses.replace(shop.docs["FT"], doc_type="GT", at_doc_code="123456789012",
                              movement_start=datetime(2026, 3, 14, 11, 0))
    t = texts(receipt_lines(doc, shop.issuer, "x"))
    assert "Guia de transporte" in t and "Código AT: 123456789012" in t
    assert "Início do transporte: 2026-03-14 11:00" in t


def test_issuer_header(shop):
    t = texts(lines_for(shop, "normal"))
    assert t[:5] == ["Loja Demo", "Loja Demonstração, Lda.", "Rua da Sé, 1", "1100-585 Lisboa",
                     "NIF: 599999993"]


def test_receipt_text_shows_the_qr_payload_under_the_atcud(shop):
    out = receipt_text(shop.docs["FS"], shop.issuer, shop.qr["FS"], 42).splitlines()
    at = next(i for i, s in enumerate(out) if s.strip() == "ATCUD:DEMOFS26-1")
    assert out[at + 1] == shop.qr["FS"]
    assert all(len(s) <= 42 for s in out if s != shop.qr["FS"])
    assert "-" * 42 in out


def test_separator_and_unsupported_columns(shop):
    assert any(isinstance(e, Separator) for e in lines_for(shop, "FS"))
    with pytest.raises(ValidationError):
        lines_for(shop, "FS", columns=20)
