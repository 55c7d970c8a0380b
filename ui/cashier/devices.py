"""Printer, drawer and AT work, always through the background helper; their state goes to
the status strip through signals. Nothing here ever waits on a device on the UI thread."""

import logging

from PySide6.QtCore import QObject, Signal

from pos.domain.documents import Document

from ..ports import AtSnapshot, PrintOutcome
from .context import Context

log = logging.getLogger(__name__)


class Devices(QObject):
    printer_changed = Signal(object, str)     # ok (None = unknown), sentence
    at_changed = Signal(object)               # AtSnapshot
    printed = Signal(str, object)             # document number (or title), PrintOutcome

    def __init__(self, ctx: Context, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_at: AtSnapshot | None = None
        self.printer_ok: bool | None = None

    def _outcome(self, what: str, outcome: PrintOutcome) -> None:
        self.printer_ok = outcome.ok
        self.printer_changed.emit(outcome.ok, outcome.error or outcome.label)
        self.printed.emit(what, outcome)

    def _failed(self, what: str, exc: Exception) -> None:
        self._outcome(what, PrintOutcome(False, str(exc) or type(exc).__name__))

    def print_document(self, doc: Document, *, copy: bool = False, reason: str = "",
                       drawer: bool = False) -> None:
        """Print a committed document (and kick the drawer after it, for cash)."""
        ctx = self.ctx
        issuer = ctx.issuer()
        qr = ctx.till.qr(doc, issuer)
        user = ctx.user.login if ctx.user else ""
        ctx.worker.submit(
            ctx.printer.print_document, doc, issuer, qr, copy=copy, user=user, reason=reason,
            open_drawer=drawer, lane="printer", name=f"print {doc.document_no}",
            on_done=lambda out: self._outcome(doc.document_no, out),
            on_error=lambda exc: self._failed(doc.document_no, exc))

    def print_text(self, title: str, lines: list[str]) -> None:
        self.ctx.worker.submit(self.ctx.printer.print_text, title, lines, lane="printer",
                               on_done=lambda out: self._outcome(title, out),
                               on_error=lambda exc: self._failed(title, exc))

    def open_drawer(self) -> None:
        self.ctx.worker.submit(self.ctx.printer.open_drawer, lane="printer",
                               on_done=lambda out: self._outcome("drawer", out),
                               on_error=lambda exc: self._failed("drawer", exc))

    def sent_to_at(self) -> None:
        """A document with an AT duty was committed: nudge the sender, then refresh."""
        self.ctx.worker.submit(self.ctx.at.kick, name="at kick",
                               on_done=lambda _: self.refresh_at(),
                               on_error=lambda _exc: self.refresh_at())

    def refresh_at(self) -> None:
        self.ctx.worker.submit(self._snapshot, name="at snapshot", on_done=self._at)

    def _snapshot(self) -> AtSnapshot:
        """Runs in the background lane. When the AT side fails (unreachable, bad answer) the
        link shows offline and the queue figures come from the till's own outbox."""
        try:
            return self.ctx.at.snapshot()
        except Exception as exc:
            log.info("AT status unavailable: %s", exc)
            q = self.ctx.desk.queue()
            return AtSnapshot(False, q.pending, q.oldest, q.parked, str(exc))

    def _at(self, snap: AtSnapshot) -> None:
        self.last_at = snap
        self.at_changed.emit(snap)
