"""Import python-escpos on first use, without its import-time side effects (LIBRARIES §1.6).

python-escpos 3.1, when imported, (1) calls ``logging.basicConfig()``, which adds a stderr
handler to the root logger of the whole application, and (2) evaluates
``environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR", mkdtemp())`` — the default is computed even
when the variable is set, so every process leaves an empty directory in the temp folder.
We point the pickle at a per-user cache directory, hand escpos that directory instead of a
fresh temp one, and take the root handler back off. Everything else in ``printing`` imports
escpos only through ``escpos()`` below, and only where bytes are actually produced.
"""

import logging
import os
import sys
import tempfile
import threading
from pathlib import Path
from types import SimpleNamespace

_lock = threading.Lock()
_loaded: SimpleNamespace | None = None
PICKLE_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "Caixa" / "cache" / "escpos"
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "caixa" / "escpos"


def escpos() -> SimpleNamespace:
    """The few python-escpos names Caixa uses, imported once."""
    global _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        if not os.environ.get(PICKLE_ENV):
            path = cache_dir()
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.environ[PICKLE_ENV] = str(path)
        root = logging.getLogger()
        handlers_before = list(root.handlers)
        real_mkdtemp = tempfile.mkdtemp

        def mkdtemp(*args, **kwargs):
            # Only escpos.capabilities' module-level default gets the cache dir.
            if sys._getframe(1).f_globals.get("__name__") == "escpos.capabilities":
                return os.environ[PICKLE_ENV]
            return real_mkdtemp(*args, **kwargs)

        tempfile.mkdtemp = mkdtemp
        try:
            from escpos import capabilities, constants, exceptions, printer
            from escpos.magicencode import Encoder
        finally:
            tempfile.mkdtemp = real_mkdtemp
            for handler in list(root.handlers):
                if handler not in handlers_before:
                    root.removeHandler(handler)
        _loaded = SimpleNamespace(
            printer=printer, capabilities=capabilities, constants=constants,
            exceptions=exceptions, Encoder=Encoder)
        return _loaded
