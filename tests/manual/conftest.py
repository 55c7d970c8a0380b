"""Fixtures for pre-printed documents: the demo shop on normal series plus recovery series."""

import pytest

from .helpers import DOWN, TYPOGRAPHY


@pytest.fixture
def shop(normal_app):
    """The application on normal series, with a recovery series (kind R) for the usual
    types, and the days the till was down (9 to 13 March: the forms are from then)."""
    for code in ("FT", "FS", "FR", "NC", "GT"):
        normal_app.add_series(code, "R2026", f"ATR{code}2026X", kind="R")
    normal_app.start_inoperability(DOWN[0], "Avaria do computador", ended_at=DOWN[1])
    return normal_app


@pytest.fixture
def book(shop):
    """An FT book 'abc' with forms 1 to 50."""
    return shop.add_book("FT", "abc", 1, 50, validation_code="ABCD1234", **TYPOGRAPHY)
