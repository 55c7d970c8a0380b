"""The vocabulary of AT communication, shared by the core and the sync package.

What the queue does with one answer from AT is one of four actions, decided in ``sync`` and
recorded in ``pos``:

=========== ================================================================================
``done``    AT has it (or already had it: an "already registered" answer is reconciled)
``retry``   AT could not be reached or asked to try later: back off and send again
``park``    AT refused this one duty for a business reason: a manager must look at it
``stop``    every request would fail the same way (credentials, certificates, settings):
            stop the till's queue until a manager fixes the configuration
=========== ================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

DONE, RETRY, PARK, STOP = "done", "retry", "park", "stop"
RECONCILE = "reconcile"        # an error's verdict that becomes ``done`` once reconciled
ACTIONS = (DONE, RETRY, PARK, STOP)


@dataclass(frozen=True)
class RemoteSeries:
    """A series as AT knows it (``infoSerie``)."""

    series_id: str
    doc_type: str
    kind: str
    status: str                       # A | F | N
    validation_code: str
    first_number: int
    start_date: date | None = None
    last_number: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What happened to one duty, as the queue records it."""

    action: str                              # done | retry | park | stop
    message: str = ""
    code: str | int | None = None
    result: dict[str, Any] = field(default_factory=dict)
    at_doc_code: str | None = None
    remote_series: RemoteSeries | None = None


@dataclass
class DrainReport:
    """One pass over the queue: how many went each way, and each duty's outcome."""

    done: int = 0
    retried: int = 0
    parked: int = 0
    stopped: str | None = None
    outcomes: list[tuple[int, str, Outcome]] = field(default_factory=list)
    retry_after: timedelta | None = None
    taken_over: int = 0     # claimed here, but another sender held them when their turn came

    @property
    def sent(self) -> int:
        return self.done + self.retried + self.parked
