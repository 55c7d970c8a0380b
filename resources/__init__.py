"""Icons, Qt style sheets and translations, found the same way from source and from a bundle.

The lookup is ``pos.installation.resource``: the one place that knows whether Caixa runs
from source or from a PyInstaller bundle (where packaging/caixa.spec copies this folder as
``resources/``).
"""

from pathlib import Path

from pos.installation import resource


def root() -> Path:
    return resource("resources")


def path(*parts: str) -> Path:
    """The file ``parts`` inside resources/, e.g. ``path("style", "till.qss")``."""
    return root().joinpath(*parts)
