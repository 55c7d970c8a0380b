"""A document's ``extra``: what it records beyond the columns (a guide's transport, an
invoice's complements), kept as JSON and sealed with it."""

import json
from collections.abc import Mapping
from typing import Any


def extra_mapping(extra: Mapping[str, Any] | str | None) -> Mapping[str, Any] | None:
    """The ``extra`` as a mapping (given as stored JSON or already read); None when it is
    empty or not an object (an unreadable one says nothing: verify reports alterations)."""
    if isinstance(extra, str):
        try:
            extra = json.loads(extra)
        except ValueError:
            return None
    return extra if isinstance(extra, Mapping) else None
