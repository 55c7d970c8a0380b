"""PNG preview: drawn from the same elements, QR decodable, fonts with a fallback."""

from io import BytesIO

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from printing import preview
from printing.layout import Text
from printing.preview import MARGIN, elements_png, receipt_png
from printing.profile import PRESETS, Profile


@pytest.mark.parametrize("key", ["FS", "FT", "NC", "recovered"])
@pytest.mark.parametrize("profile", [Profile(), PRESETS["generic-58"]], ids=lambda p: p.name)
def test_preview_png_has_a_readable_qr(shop, key, profile):
    img = Image.open(BytesIO(receipt_png(shop.docs[key], shop.issuer, shop.qr[key], profile)))
    assert img.format == "PNG" and img.width == profile.paper_px + 2 * MARGIN
    assert [r.data.decode() for r in decode(img)] == [shop.qr[key]]


def test_preview_without_a_monospace_font(monkeypatch):
    monkeypatch.setattr(preview, "FONT_NAMES", ("no-such-font.ttf",))
    monkeypatch.setattr(preview, "BOLD_NAMES", ("no-such-font.ttf",))
    img = Image.open(BytesIO(elements_png([Text("Olá € ç"), Text("x", bold=True)])))
    assert img.height > 2 * MARGIN


def test_double_size_text_is_twice_as_big():
    normal = Image.open(BytesIO(elements_png([Text("TOTAL")])))
    big = Image.open(BytesIO(elements_png([Text("TOTAL", width=2, height=2)])))
    assert big.height - 2 * MARGIN == 2 * (normal.height - 2 * MARGIN)
