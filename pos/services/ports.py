"""Ports the core needs from the outside world (implemented by adapters or tests)."""

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    """Local wall-clock time to the second (SAF-T dates are local, second precision)."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FixedClock:
    """A settable clock for tests and demos."""

    def __init__(self, at: datetime):
        self.at = at.replace(microsecond=0)

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta) -> None:
        from datetime import timedelta
        self.at += timedelta(**delta)
