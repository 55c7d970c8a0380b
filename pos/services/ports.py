"""Ports the core needs from the outside world, implemented by adapters the composition
roots hand to ``pos.bootstrap`` (ui/app.py, ui/cli.py) or by tests.

- ``Clock``: local wall-clock time.
- ``Printer``: the receipt printer (printing.PrintService behind ui/adapters.py).
- ``AtLink``: the AT sender (sync's outbox worker behind sync/link.py).
- ``StoreLink``: the store's sender (replication to the central database, sync/store_link.py).

Printer and AT calls may block on a device or the network: the till calls them through its
background helper, never on the screen's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pos.domain.at import DrainReport
    from pos.domain.company import Issuer
    from pos.domain.documents import Document
    from pos.domain.store import SyncReport

    from .outbox import QueuePolicy


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
        self.at += timedelta(**delta)


# ---- the printer ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    error: str | None = None      # one sentence for the cashier
    label: str = ""               # 'Original', '2.ª via'…
    copy: int = 0                 # reprint number recorded (0 at issue)
    not_configured: bool = False  # no printer at all (the till says so in its language)


class Printer(Protocol):
    description: str

    def print_document(self, doc: Document, issuer: Issuer, qr: str, *, copy: bool = False,
                       user: str = "", reason: str = "", open_drawer: bool = False,
                       copies: int = 1) -> PrintOutcome:
        """Print a committed document. The adapter claims each print through the
        application's ``claim_print`` and finishes it (``finish_print``): only the first is
        the original, whatever ``copy`` says. ``copies``
        (at issue, 1-3): Original, Duplicado, Triplicado in one job (transport documents
        are processed in three, RBC art. 5.º n.º 2)."""
        ...

    def print_text(self, title: str, lines: list[str]) -> PrintOutcome:
        """A non-fiscal slip: the X and Z reports."""
        ...

    def open_drawer(self) -> PrintOutcome: ...


class NoPrinter:
    """No printer configured: sales go on; the document can be printed later (reprint)."""

    description = ""

    def print_document(self, doc, issuer, qr, *, copy=False, user="", reason="",
                       open_drawer=False, copies=1) -> PrintOutcome:
        return PrintOutcome(False, "Impressora não configurada (CAIXA_PRINTER).",
                            not_configured=True)

    def print_text(self, title, lines) -> PrintOutcome:
        return self.print_document(None, None, "")

    def open_drawer(self) -> PrintOutcome:
        return self.print_document(None, None, "")


# ---- the AT link ---------------------------------------------------------------------------

@dataclass(frozen=True)
class AtSnapshot:
    """The AT queue as the till's status bar shows it."""

    online: bool | None           # None: unknown (no AT link, or nothing tried yet)
    pending: int
    oldest: datetime | None
    parked: int = 0               # rejected: a manager must look, never retried blindly
    detail: str = ""


class AtLink(Protocol):
    """The AT sender of this process. Each call may read the configuration, start the
    sending thread or wait for the network: call it off the screen's thread."""

    def policy(self) -> QueuePolicy | None:
        """The ``[queue]`` settings in force (None: defaults)."""
        ...

    def online(self) -> bool | None:
        """Whether AT answered the last attempt (None: not configured or not tried yet)."""
        ...

    def problem(self) -> str:
        """Why nothing is being sent (configuration), or ''."""
        ...

    def kick(self) -> None:
        """A new duty is in the outbox: send it when possible (never raises to the sale)."""
        ...

    def drain(self, kinds: tuple[str, ...] | None = None) -> DrainReport:
        """Send what is due now (only ``kinds`` when given) and report; a PosError when AT
        cannot be used at all (not configured)."""
        ...

    def close(self) -> None: ...


class NoAtLink:
    """No AT sender in this process: duties wait in the outbox for one that has it."""

    def policy(self):
        return None

    def online(self):
        return None

    def problem(self) -> str:
        return ""

    def kick(self) -> None:
        pass

    def drain(self, kinds=None):
        from pos.domain.errors import ValidationError
        raise ValidationError("Este programa não comunica com a AT.")

    def close(self) -> None:
        pass


# ---- the store link ------------------------------------------------------------------------

class StoreLink(Protocol):
    """The store's sender of an attached till (sync/store_link.py): pushes the records the
    till owes the central database and pulls master data. Calls may wait for the network:
    call them off the screen's thread."""

    def kick(self) -> None:
        """Something new was recorded: send it soon (never raises to the sale)."""
        ...

    def sync(self) -> SyncReport:
        """Push and pull now, in the calling thread, and say what happened."""
        ...

    def online(self) -> bool | None:
        """Whether the central database answered the last attempt (None: not tried)."""
        ...

    def close(self) -> None: ...


class NoStoreLink:
    """No store sender in this process: records wait in the outbox for one that has it."""

    def kick(self) -> None:
        pass

    def sync(self):
        from pos.domain.errors import ValidationError
        raise ValidationError("Este programa não comunica com a loja.")

    def online(self):
        return None

    def close(self) -> None:
        pass
