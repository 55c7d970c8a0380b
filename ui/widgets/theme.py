"""The till's style sheet, scaled to the screen.

All sizes in ``resources/style/till.qss`` are written for 1024×768. On a bigger screen the
same layout would leave small targets in a sea of space, so every ``px`` value is multiplied
by a factor from the window size (1.0 at 1024×768, ~1.4 at 1920×1080) and the sheet is
applied again when the factor changes. Qt's own high-DPI scaling still applies on top.
"""

import re

from PySide6.QtWidgets import QApplication

from resources import path

BASE = (1024, 768)
MAX_FACTOR = 1.6
_PX = re.compile(r"(\d+)px")
_cache: dict[str, str] = {}


def base_sheet() -> str:
    if "base" not in _cache:
        _cache["base"] = path("style", "till.qss").read_text(encoding="utf-8")
    return _cache["base"]


def factor_for(width: int, height: int) -> float:
    """Grow with the smaller of the two ratios, in steps of 0.1 so a drag does not
    restyle the whole window on every pixel."""
    raw = min(width / BASE[0], height / BASE[1])
    return max(1.0, min(MAX_FACTOR, round(raw * 10) / 10))


def scaled(sheet: str, factor: float) -> str:
    return _PX.sub(lambda m: f"{round(int(m.group(1)) * factor)}px", sheet)


def apply(app: QApplication, factor: float = 1.0) -> None:
    if app.property("caixaScale") == factor:
        return
    app.setProperty("caixaScale", factor)
    app.setStyleSheet(scaled(base_sheet(), factor))
