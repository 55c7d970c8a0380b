"""A4 PDF: the mentions, the QR decoded by zbar, multi-page rules (rendered with Ghostscript)."""

import dataclasses
import shutil
import subprocess

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from printing.pdf import QR_MM, document_pdf

GS = shutil.which("gs")       # present: tests/conftest.py stops the run without Ghostscript


def pdf_text(path) -> list[str]:
    """Text of each page (Ghostscript txtwrite, one file per page)."""
    out = path.parent / f"{path.stem}-text"
    out.mkdir()
    subprocess.run([GS, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite",
                    f"-sOutputFile={out}/%03d.txt", str(path)], check=True)
    return [" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(out.iterdir())]


def pdf_image(path, tmp_path, page=1, dpi=150) -> Image.Image:
    png = tmp_path / f"page{page}.png"
    subprocess.run([GS, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray", f"-r{dpi}",
                    f"-dFirstPage={page}", f"-dLastPage={page}", f"-sOutputFile={png}",
                    str(path)], check=True)
    return Image.open(png)


def write(tmp_path, data, name="doc.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pdf_is_a4_and_small(shop):
    data = document_pdf(shop.docs["FS"], shop.issuer, shop.qr["FS"])
    assert data.startswith(b"%PDF-") and b"/MediaBox [ 0 0 595.2756 841.8898 ]" in data
    assert len(data) < 20_000


@pytest.mark.parametrize("key", ["FS", "FT", "NC", "recovered"])
def test_pdf_mentions_and_qr(shop, tmp_path, key):
    doc = shop.docs[key]
    path = write(tmp_path, document_pdf(doc, shop.issuer, shop.qr[key]))
    [page] = pdf_text(path)
    chars = doc.hash[0] + doc.hash[10] + doc.hash[20] + doc.hash[30]
    for mention in (doc.document_no, f"ATCUD:{doc.atcud}", "Página 1/1", "Original",
                    f"{chars}-Processado por programa certificado n.º 9999/AT",
                    "Documento emitido para fins de Formação",
                    f"NIF: {shop.issuer.producer.nif}", shop.issuer.producer.name,
                    "Total sem IVA"):
        assert mention in page, mention
    # Training: the producer's identity instead of the shop's (D8632 §1.5).
    assert shop.issuer.nif not in page and shop.issuer.name not in page
    img = pdf_image(path, tmp_path)
    found = decode(img)
    assert [f.data.decode() for f in found] == [shop.qr[key]]
    assert found[0].rect.width / 150 * 25.4 >= 30.0
    assert QR_MM >= 30


def test_pdf_customer_exemptions_and_recovery(shop, tmp_path):
    [ft] = pdf_text(write(tmp_path, document_pdf(shop.docs["FT"], shop.issuer, shop.qr["FT"])))
    assert "NIF: 123456789" in ft and "Cliente Exemplo, Lda." in ft
    [fs] = pdf_text(write(tmp_path, document_pdf(shop.docs["FS"], shop.issuer, shop.qr["FS"]),
                          "fs.pdf"))
    assert "M07: Isento artigo 9.º do CIVA" in fs and "Consumidor final" in fs
    assert "Troco" in fs
    [rec] = pdf_text(write(tmp_path, document_pdf(shop.docs["recovered"], shop.issuer,
                                                  shop.qr["recovered"]), "rec.pdf"))
    assert "Cópia do documento original -FTM abc/00001" in rec
    [copy] = pdf_text(write(tmp_path, document_pdf(shop.docs["FS"], shop.issuer,
                                                   shop.qr["FS"], 2, True), "copy.pdf"))
    assert "3.ª via" in copy and "Original" not in copy
    other = dataclasses.replace(shop.docs["FT"], doc_type="OR")
    [orc] = pdf_text(write(tmp_path, document_pdf(other, shop.issuer, "x"), "or.pdf"))
    assert "Este documento não serve de fatura" in orc


def test_multi_page_rules(shop, tmp_path):
    doc = shop.docs["FS"]
    long = dataclasses.replace(doc, lines=doc.lines * 30)      # 150 lines
    path = write(tmp_path, document_pdf(long, shop.issuer, shop.qr["FS"]))
    pages = pdf_text(path)
    n = len(pages)
    assert n >= 3
    for k, page in enumerate(pages, start=1):
        assert f"Página {k}/{n}" in page
        assert f"ATCUD:{doc.atcud}" in page and doc.document_no in page
        assert "Fatura simplificada" in page
        assert ("A transportar" in page) == (k < n)
        assert ("Transporte" in page) == (k > 1)
        assert ("Total sem IVA" in page) == (k == n)          # totals on the last page only
    assert [f.data.decode() for f in decode(pdf_image(path, tmp_path, n))] == [shop.qr["FS"]]
    assert decode(pdf_image(path, tmp_path, 1)) == []
