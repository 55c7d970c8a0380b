"""Fixtures for pre-printed documents: the demo shop on normal series plus recovery series."""

import pytest

from .helpers import TYPOGRAPHY


@pytest.fixture
def desk(normal_till):
    """Normal series, a recovery series (kind R) for the usual types, and the facade."""
    from pos.services.manual_desk import ManualDesk
    for code in ("FT", "FS", "FR", "NC", "GT"):
        normal_till.add_series(code, "R2026", f"ATR{code}2026X", kind="R")
    return ManualDesk(normal_till)


@pytest.fixture
def book(desk):
    """An FT book 'abc' with forms 1 to 50."""
    return desk.add_book("FT", "abc", 1, 50, validation_code="ABCD1234", **TYPOGRAPHY)
