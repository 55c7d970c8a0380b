"""What the till screen needs from the printer and from the AT link, as small ports.

The screen depends on these Protocols only; ``ui/app.py`` plugs in the real adapters
(``ui/adapters.py`` over ``printing.PrintService``; the sync outbox worker when it exists) and
tests plug in fakes. Every method here may block (a device, the network), so the screen
calls them through ``ui.workers.Worker``, never on the UI thread.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from pos.domain.company import Issuer
from pos.domain.documents import Document


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    error: str | None = None      # one sentence for the cashier
    label: str = ""               # 'Original', '2.ª via'…
    copy: int = 0                 # reprint number recorded (0 at issue)


class PrinterPort(Protocol):
    description: str

    def print_document(self, doc: Document, issuer: Issuer, qr: str, *, copy: bool = False,
                       user: str = "", reason: str = "", open_drawer: bool = False
                       ) -> PrintOutcome:
        """Print a committed document. ``copy=True`` is a reprint: the adapter records it
        (Till.record_reprint) before printing, so no copy leaves the printer unrecorded."""
        ...

    def print_text(self, title: str, lines: list[str]) -> PrintOutcome:
        """A non-fiscal slip: the X and Z reports."""
        ...

    def open_drawer(self) -> PrintOutcome: ...


@dataclass(frozen=True)
class AtSnapshot:
    online: bool | None           # None: no AT link configured (queue kept for later)
    pending: int
    oldest: datetime | None
    parked: int = 0               # rejected: a manager must look, never retried blindly
    detail: str = ""


class AtPort(Protocol):
    def snapshot(self) -> AtSnapshot:
        """Queue figures and whether AT answered lately (may touch the network)."""
        ...

    def kick(self) -> None:
        """A new duty is in the outbox: send it when possible (never raises to the sale)."""
        ...


class NoPrinter:
    """No printer configured: sales go on; the document can be printed later (reprint)."""

    description = ""

    def print_document(self, doc, issuer, qr, *, copy=False, user="", reason="",
                       open_drawer=False) -> PrintOutcome:
        return PrintOutcome(False, "não configurada (CAIXA_PRINTER)")

    def print_text(self, title, lines) -> PrintOutcome:
        return self.print_document(None, None, "")

    def open_drawer(self) -> PrintOutcome:
        return self.print_document(None, None, "")
