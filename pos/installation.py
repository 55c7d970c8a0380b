"""Where Caixa runs from and keeps its data, the same way from source and from a bundle.

- ``resource(*parts)``: a file shipped with the program (translations, style, migrations,
  AT's reference files in a bundle). From source it is relative to the repository (or to
  site-packages after ``pip install``); in a PyInstaller bundle, to ``sys._MEIPASS``, where
  ``packaging/caixa.spec`` copies the same folders under the same names.
- ``data_dir()``: where the shop's data lives. Never inside the installation: a package
  under /opt or Program Files is read-only at run time.
- ``version()``: from the package metadata (the bundle carries it), never a second copy.

Standard library only: ``dev.py`` and the packaging scripts may import it before the
virtual environment has anything else.
"""

import os
import sys
from pathlib import Path

DIST_NAME = "caixa"
DATA_DIR_ENV = "CAIXA_DATA_DIR"


def frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None))


def install_root() -> Path:
    """The folder that holds ``pos/``, ``resources/`` and the other shipped folders."""
    if frozen():
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parents[1]


def resource(*parts: str) -> Path:
    """A shipped file or folder, e.g. ``resource("resources", "style", "till.qss")``."""
    return install_root().joinpath(*parts)


def data_dir(env: dict | None = None) -> Path:
    """The shop's data folder (database, key secret, config, AT's reference files).

    ``CAIXA_DATA_DIR`` wins. Linux: ``$XDG_DATA_HOME/caixa`` (``~/.local/share/caixa``).
    Windows: ``%ProgramData%\\Caixa`` when it exists (the installer creates it, writable by
    every user of the till: one shop per machine), else ``%LOCALAPPDATA%\\Caixa``.
    """
    env = os.environ if env is None else env
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    if sys.platform == "win32":
        machine = Path(env.get("ProgramData") or env.get("PROGRAMDATA") or r"C:\ProgramData")
        if (machine / "Caixa").is_dir():
            return machine / "Caixa"
        base = Path(env.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "Caixa"
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "caixa"


def version() -> str:
    """The installed version (``pyproject.toml`` through the package metadata)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(DIST_NAME)
    except PackageNotFoundError:       # a bare source tree nobody installed
        return "0+unknown"
