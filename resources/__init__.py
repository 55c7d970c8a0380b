"""Icons, Qt style sheets and translations, found the same way from source and from a bundle.

A PyInstaller one-folder build unpacks data under ``sys._MEIPASS``; the spec must copy this
folder there as ``resources/`` (e.g. ``datas=[("resources", "resources")]``).
"""

import sys
from pathlib import Path


def root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """The file ``parts`` inside resources/, e.g. ``path("style", "till.qss")``."""
    return root().joinpath(*parts)
