"""Receipt preview as a PNG, drawn from the same elements the printer gets.

Each character is drawn in its own cell of the printer's column grid, so the preview keeps
the printer's alignment even with a proportional fallback font. The QR is the very image
the printer receives (``qrimage``), at the printer's dots, so the preview is to scale.
"""

from io import BytesIO

from pos.domain.company import Issuer
from pos.domain.documents import Document

from .layout import QR, Cut, Element, Feed, Logo, Separator, Text, receipt_lines, visible
from .profile import Profile
from .qrimage import qr_image

MARGIN = 24
FONT_NAMES = ("DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
              "NotoSansMono-Regular.ttf", "consola.ttf", "cour.ttf", "Menlo.ttc")
BOLD_NAMES = ("DejaVuSansMono-Bold.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
              "NotoSansMono-Bold.ttf", "consolab.ttf", "courbd.ttf")


def _font(names: tuple[str, ...], size: int):
    from PIL import ImageFont

    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


class _Canvas:
    def __init__(self, profile: Profile):
        from PIL import Image

        self.profile = profile
        self.cell = profile.paper_px / profile.columns          # dots per column
        self.line = round(self.cell * 2)                         # font A is 12 × 24 dots
        size = max(8, round(self.cell * 1.55))
        self.fonts = {False: _font(FONT_NAMES, size), True: _font(BOLD_NAMES, size)}
        self.parts: list[tuple[object, int]] = []                # (image, x offset)
        self.Image = Image

    def _line_image(self, text: str, bold: bool, width: int, height: int):
        from PIL import ImageDraw

        w = max(1, round(len(text) * self.cell))
        img = self.Image.new("L", (w, self.line), 255)
        draw = ImageDraw.Draw(img)
        font = self.fonts[bold]
        for i, ch in enumerate(text):
            draw.text((round(i * self.cell), self.line // 2), ch, font=font, fill=0,
                      anchor="lm")
        if width > 1 or height > 1:
            img = img.resize((img.width * width, img.height * height))
        return img

    def text(self, el: Text) -> None:
        img = self._line_image(visible(el.text), el.bold, el.width, el.height)
        paper = self.profile.paper_px
        x = {"left": 0, "center": (paper - img.width) // 2,
             "right": paper - img.width}.get(el.align, 0)
        self.parts.append((img, max(0, x)))

    def blank(self, lines: int = 1) -> None:
        self.parts.append((self.Image.new("L", (1, self.line * lines), 255), 0))

    def image(self, img) -> None:
        self.parts.append((img.convert("L"), max(0, (self.profile.paper_px - img.width) // 2)))

    def cut(self) -> None:
        from PIL import ImageDraw

        img = self.Image.new("L", (self.profile.paper_px + 2 * MARGIN, self.line * 2), 255)
        draw = ImageDraw.Draw(img)
        for x in range(0, img.width, 12):
            draw.line((x, self.line, x + 6, self.line), fill=150, width=2)
        self.parts.append((img, -MARGIN))

    def add(self, el: Element) -> None:
        if isinstance(el, Text):
            self.text(el)
        elif isinstance(el, Separator):
            self.text(Text(el.char * self.profile.columns))
        elif isinstance(el, QR):
            p = self.profile
            self.image(qr_image(el.payload, p.dpi, p.qr_min_mm, max_px=p.paper_px))
        elif isinstance(el, Feed):
            self.blank(el.lines)
        elif isinstance(el, Logo) and self.profile.logo:
            try:
                logo = self.Image.open(self.profile.logo)
                logo.thumbnail((self.profile.paper_px, self.profile.paper_px * 4))
                self.image(logo)
            except OSError:
                pass                  # the printer skips a missing logo too
        elif isinstance(el, Cut):
            self.cut()

    def png(self) -> bytes:
        height = sum(img.height for img, _ in self.parts) + 2 * MARGIN
        out = self.Image.new("L", (self.profile.paper_px + 2 * MARGIN, height), 255)
        y = MARGIN
        for img, x in self.parts:
            out.paste(img, (MARGIN + x, y))
            y += img.height
        buf = BytesIO()
        out.save(buf, "PNG")
        return buf.getvalue()


def elements_png(elements: list[Element], profile: Profile | None = None) -> bytes:
    canvas = _Canvas((profile or Profile()).validate())
    for el in elements:
        canvas.add(el)
    return canvas.png()


def receipt_png(doc: Document, issuer: Issuer, qr_payload: str, profile: Profile | None = None,
                copy: int = 0, reprint: bool = False) -> bytes:
    """PNG bytes of the receipt as the profile's printer would print it."""
    profile = profile or Profile()
    return elements_png(receipt_lines(doc, issuer, qr_payload, profile.columns, copy, reprint),
                        profile)
