"""The AT QR code as a 1-bit image sized for a given resolution (qrcode + Pillow).

One function serves the printer raster, the PNG preview and the tests, so the preview and
the paper carry the same symbol. Error correction M (QRSPEC §2); the symbol itself, without
the quiet zone, is at least ``min_mm`` wide at ``dpi``.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

QUIET_MODULES = 4   # ISO 18004 quiet zone; shrunk only when the paper is too narrow


@dataclass(frozen=True)
class QrGeometry:
    modules: int       # symbol side in modules (version v: 17 + 4 v)
    module_px: int     # dots per module
    quiet: int         # quiet-zone modules on each side

    @property
    def symbol_px(self) -> int:
        return self.modules * self.module_px

    @property
    def image_px(self) -> int:
        return (self.modules + 2 * self.quiet) * self.module_px

    def symbol_mm(self, dpi: int) -> float:
        return self.symbol_px / dpi * 25.4


MIN_VERSION = 9     # QRSPEC §2: byte mode, ECC M, version 9 at least


def qr_symbol(payload: str, spec: bool = True):
    """The qrcode.QRCode for the payload (see ``_make``); read it, never change it."""
    return _make(payload, spec)


@lru_cache(maxsize=16)   # the printer, the preview and the PDF ask for the same symbol
def _make(payload: str, spec: bool):
    """The symbol as QRSPEC asks (byte mode, version ≥ 9); ``spec=False`` gives the smallest
    symbol any encoder could choose (mixed modes, any version) — used to size native QR.
    Choosing the mask is the slow part (~0.1 s), hence the cache."""
    import qrcode
    from qrcode.util import MODE_8BIT_BYTE, QRData

    code = qrcode.QRCode(version=MIN_VERSION if spec else None,
                         error_correction=qrcode.constants.ERROR_CORRECT_M,
                         box_size=1, border=0)
    if spec:
        code.add_data(QRData(payload.encode("utf-8"), mode=MODE_8BIT_BYTE))
    else:
        code.add_data(payload)
    code.make(fit=True)
    return code


def qr_modules(payload: str, spec: bool = True) -> int:
    """Side in modules of the symbol for the payload (see ``_make``)."""
    return qr_symbol(payload, spec).modules_count


def module_px_for(modules: int, dpi: int, min_mm: float = 30.0) -> int:
    return max(1, math.ceil(min_mm / 25.4 * dpi / modules))


def geometry(payload: str, dpi: int, min_mm: float = 30.0,
             max_px: int | None = None) -> QrGeometry:
    modules = qr_modules(payload)
    box = module_px_for(modules, dpi, min_mm)
    quiet = QUIET_MODULES
    if max_px:
        # Narrow paper: the white paper margin already gives some quiet zone, so give up
        # quiet modules first; a smaller symbol is the last resort (and validate() in the
        # profile makes sure the paper fits 30 mm, so this only bites on absurd payloads).
        while quiet > 1 and (modules + 2 * quiet) * box > max_px:
            quiet -= 1
        while box > 1 and (modules + 2 * quiet) * box > max_px:
            box -= 1
    return QrGeometry(modules, box, quiet)


def qr_image(payload: str, dpi: int, min_mm: float = 30.0, max_px: int | None = None):
    """A Pillow mode-'1' image of the QR symbol with its quiet zone."""
    from PIL import Image

    geo = geometry(payload, dpi, min_mm, max_px)
    matrix = qr_symbol(payload).get_matrix()
    side = geo.modules + 2 * geo.quiet
    img = Image.new("1", (side, side), 1)
    img.putdata([0 if (0 <= r - geo.quiet < geo.modules and 0 <= c - geo.quiet < geo.modules
                       and matrix[r - geo.quiet][c - geo.quiet]) else 1
                 for r in range(side) for c in range(side)])
    # One pixel per module, then scaled: NEAREST keeps every module a crisp square.
    return img.resize((geo.image_px, geo.image_px), Image.Resampling.NEAREST)
