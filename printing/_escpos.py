"""Import python-escpos on first use, without its import-time side effects (LIBRARIES §1.6).

python-escpos 3.1, when imported, (1) calls ``logging.basicConfig()``, which adds a stderr
handler to the root logger of the whole application, and (2) evaluates
``environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR", mkdtemp())`` — the default is computed even
when the variable is set, so every process leaves an empty directory in the temp folder.
We point the pickle at a per-user cache directory, hand escpos that directory instead of a
fresh temp one, and take the root handler back off. Everything else in ``printing`` imports
escpos only through ``escpos()`` below, and only where bytes are actually produced.

(3) escpos writes that pickle in place: it opens it for writing (truncating it), parses the
YAML, then dumps. Another process starting meanwhile finds the file, reads it empty or half
written and dies with "EOFError: Ran out of input" (several tills or commands printing for
the first time after an install). So the pickle is built here first, in a temporary file
renamed over the real one: readers only ever see no file or a whole one, and escpos, finding
a complete and fresh pickle, never writes it.
"""

import importlib.util
import logging
import os
import pickle
import platform
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


def _capabilities_file() -> Path:
    """The capabilities database escpos will read (found without importing escpos)."""
    if os.environ.get("ESCPOS_CAPABILITIES_FILE"):
        return Path(os.environ["ESCPOS_CAPABILITIES_FILE"])
    spec = importlib.util.find_spec("escpos")
    return Path(next(iter(spec.submodule_search_locations))) / "capabilities.json"


def _pickle_is_whole(path: Path, source: Path) -> bool:
    try:
        if path.stat().st_mtime < source.stat().st_mtime:
            return False           # escpos would rebuild it, in place
        with open(path, "rb") as fh:
            return isinstance(pickle.load(fh), dict)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError,
            ImportError, IndexError):
        return False


def prebuild_capabilities(cache: Path) -> Path:
    """Write escpos' capabilities pickle atomically unless a whole, fresh one is there."""
    import yaml  # a python-escpos dependency; escpos parses the same file the same way

    target = cache / f"{platform.python_version()}.capabilities.pickle"
    source = _capabilities_file()
    if _pickle_is_whole(target, source):
        return target
    with open(source, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    fd, tmp = tempfile.mkstemp(prefix=".capabilities.", suffix=".partial", dir=cache)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=2)
            fh.flush()
            os.fsync(fh.fileno())
        # Never older than its source, even with a clock behind the install: escpos would
        # otherwise rebuild it in place.
        newest = max(source.stat().st_mtime, Path(tmp).stat().st_mtime)
        os.utime(tmp, (newest, newest))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


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
        try:
            prebuild_capabilities(Path(os.environ[PICKLE_ENV]))
        except OSError as exc:
            # A read-only cache: escpos can still build its own; a race is then possible
            # again, but printing is not refused for it.
            logging.getLogger(__name__).warning("escpos capabilities cache: %s", exc)
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
