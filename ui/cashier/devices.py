"""Printer, drawer and AT status, always through the background helper; their state goes to
the status strip through signals. Nothing here ever waits on a device on the UI thread.

Printing goes through the facade (``print_document``, ``open_drawer``, ``print_text``) on
the printer lane: the application reads the committed document, records a copy before it
is printed, and hands the result of the printer port back as a ``PrintOutcome``."""

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.domain.documents import Document
from pos.domain.errors import PosError
from pos.services.ports import AtSnapshot, PrintOutcome

from .context import Context
from .page import message

log = logging.getLogger(__name__)


class Devices(QObject):
    printer_changed = Signal(object, str)     # ok (None = unknown), sentence
    at_changed = Signal(object)               # AtSnapshot
    at_failed = Signal(str)                   # the AT status could not be read (sentence)
    printed = Signal(str, object)             # document number (or title), PrintOutcome

    def __init__(self, ctx: Context, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_at: AtSnapshot | None = None
        self.printer_ok: bool | None = None
        self.printer_text = ""                # the last answer, in the till's language
        self._at_asked = itertools.count(1)
        self._at_shown = 0                    # the newest AT look delivered

    @staticmethod
    def describe(outcome: PrintOutcome) -> str:
        """What the printer answered, in the till's language: with no printer at all the
        till says so itself (the core's sentence would be Portuguese in an English till)."""
        if outcome.ok:
            return outcome.label
        if outcome.not_configured:
            return QCoreApplication.translate("Devices", "não configurada")
        return outcome.error or QCoreApplication.translate("Devices", "não respondeu")

    def _outcome(self, what: str, outcome: PrintOutcome, then: Callable | None = None) -> None:
        self.printer_ok = outcome.ok
        self.printer_text = self.describe(outcome)
        self.printer_changed.emit(outcome.ok, self.printer_text)
        self.printed.emit(what, outcome)
        if then is not None:
            then(outcome)

    def _failed(self, what: str, exc: Exception, then: Callable | None = None) -> None:
        self._outcome(what, PrintOutcome(False, message(exc)), then)

    def print_document(self, doc: Document, *, copy: bool = False, reason: str = "",
                       drawer: bool = False, on_outcome: Callable | None = None) -> None:
        """Print a committed document (and kick the drawer after it, for cash);
        ``on_outcome(PrintOutcome)`` hears what the printer answered."""
        ctx = self.ctx
        ctx.worker.submit(
            ctx.app.print_document, doc.document_no, copy=copy, user=ctx.login,
            reason=reason, open_drawer=drawer, lane="printer",
            name=f"print {doc.document_no}",
            on_done=lambda out: self._outcome(doc.document_no, out, on_outcome),
            on_error=lambda exc: self._failed(doc.document_no, exc, on_outcome))

    def print_text(self, title: str, lines: list[str],
                   on_outcome: Callable | None = None) -> None:
        self.ctx.worker.submit(self.ctx.app.print_text, title, lines, lane="printer",
                               on_done=lambda out: self._outcome(title, out, on_outcome),
                               on_error=lambda exc: self._failed(title, exc, on_outcome))

    def open_drawer(self, reason: str = "", session_id: int | None = None,
                    on_done: Callable | None = None,
                    on_refused: Callable | None = None) -> None:
        """Open the drawer; with ``session_id`` it is first put on record (a drawer opened
        without a sale), and ``on_refused(exc)`` hears when the record was refused."""
        def done(out: PrintOutcome) -> None:
            self._outcome("drawer", out)
            if on_done is not None:
                on_done(out)

        def failed(exc: Exception) -> None:
            if isinstance(exc, PosError) and on_refused is not None:
                on_refused(exc)               # not recorded, so not opened
                return
            self._failed("drawer", exc)
            if on_done is not None:
                on_done(None)

        self.ctx.worker.submit(self.ctx.app.open_drawer, self.ctx.login, reason, session_id,
                               lane="printer", name="drawer", on_done=done, on_error=failed)

    def refresh_at(self) -> None:
        """Ask for the AT status (the queue in the database and whether AT answered)."""
        asked = next(self._at_asked)
        self.ctx.worker.submit(self.ctx.app.at_snapshot, name="at snapshot",
                               on_done=lambda snap: self._at(asked, snap),
                               on_error=lambda exc: self._at_error(asked, exc))

    def _newest(self, asked: int) -> bool:
        """Two looks may come back out of order (two background threads): keep the newer."""
        if asked < self._at_shown:
            return False
        self._at_shown = asked
        return True

    def _at(self, asked: int, snap: AtSnapshot) -> None:
        if self._newest(asked):
            self.last_at = snap
            self.at_changed.emit(snap)

    def _at_error(self, asked: int, exc: Exception) -> None:
        if self._newest(asked):
            self.at_failed.emit(message(exc))
