"""Work-arounds for the Qt binding in use (imported by the app before it makes any widget,
and by the UI tests).

PySide6 6.12.0 on CPython 3.11 drops references it does not own: one to ``None`` on every
call of a method that returns nothing (``setText``, ``update``, ``show``…: 1,000 ``setText``
calls take ``sys.getrefcount(None)`` down by exactly 1,000) and one to ``True`` on every
``Signal.emit`` made from Python. 6.11.3 does not. ``None`` starts near 5,000 references in
a fresh interpreter and ``True`` far lower, so a till dies with "Fatal Python error:
none_dealloc" (or bool_dealloc) after a few minutes of selling. CPython 3.12 made these
singletons immortal (PEP 683), which is why the bug hides there. Until the dependency
excludes 6.12.0 (or the project moves to Python 3.12), give them the same practical
immortality on the affected versions.
"""

import sys

HEADROOM = 1 << 40            # a trillion void calls: the lifetime of any till


def affected() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if hasattr(sys, "gettotalrefcount"):      # debug build: another object layout
        return False
    import PySide6

    return PySide6.__version__.startswith("6.12.")


SINGLETONS = (None, True, False, Ellipsis, NotImplemented)


def protect_none() -> bool:
    """Raise the singletons' reference counts out of reach; returns whether it was needed."""
    if not affected():
        return False
    if getattr(protect_none, "done", False):
        return True
    import ctypes

    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    for obj in SINGLETONS:
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    protect_none.done = True
    return True
