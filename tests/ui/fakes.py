"""Fakes for the application's printer and AT ports: a printer that records (or fails, or
hangs) and an AT link that is online or unreachable; and ``Watched``, the application seen
through a window that notes, holds or breaks its use cases. The real printing/sync adapters are
tested in their own folders (and in test_real_printer.py, test_at_link.py); these let the
screen tests decide what the outside world does."""

import threading

from pos.domain.at import DrainReport
from pos.services.ports import PrintOutcome


def reprinted(app, document_no: str, user: str, reason: str) -> None:
    """What printing ``document_no`` and then a copy of it records (the copy is the reprint:
    pos.services.prints), without a printer."""
    for why in ("", reason):
        claim = app.claim_print(document_no, user, why)
        app.finish_print(claim.id, "printed")


class FakePrinter:
    """The ``Printer`` port. Every print is claimed through ``print_log`` (the application)
    before it is "sent" and finished after, as ``printing.PrintService`` does: only the
    first is the original."""

    description = "impressora de teste"

    def __init__(self, print_log=None, fail: str | None = None,
                 hold: threading.Event | None = None):
        self.print_log, self.fail, self.hold = print_log, fail, hold
        self.jobs: list[dict] = []
        self.threads: set[str] = set()
        self._lock = threading.Lock()

    def _job(self, **job) -> PrintOutcome:
        self.threads.add(threading.current_thread().name)
        if self.hold is not None:
            self.hold.wait(20)             # a printer that takes its time (or hangs)
        with self._lock:
            self.jobs.append(job)
        if self.fail:
            return PrintOutcome(False, self.fail)
        return PrintOutcome(True, label=job.get("label", "Original"), copy=job.get("copy", 0))

    def print_document(self, doc, issuer, qr, *, copy=False, user="", reason="",
                       open_drawer=False, copies=1) -> PrintOutcome:
        assert qr.startswith(f"A:{issuer.nif}*")
        claim = None
        if self.print_log is not None:      # like PrintService: claim, print, finish
            claim = self.print_log.claim_print(doc.document_no, user, reason)
        n = claim.number if claim else 0
        outcome = self._job(kind="document", number=doc.document_no, copy=n, reason=reason,
                            drawer=open_drawer, user=user,
                            label="Original" if n == 0 else f"{n + 1}.ª via",
                            **({"copies": copies} if copies != 1 else {}))
        if claim is not None:
            self.print_log.finish_print(claim.id, "printed" if outcome.ok else "failed",
                                        outcome.error or "")
        return outcome

    def print_text(self, title, lines) -> PrintOutcome:
        return self._job(kind="text", title=title, lines=list(lines))

    def open_drawer(self) -> PrintOutcome:
        return self._job(kind="drawer")

    def documents(self) -> list[dict]:
        return [j for j in self.jobs if j["kind"] == "document"]


class FakeAt:
    """The ``AtLink`` port. Online: AT answered the last attempt. Unreachable: it did not,
    and every send fails like a timeout (the queue figures come from the database)."""

    def __init__(self, unreachable: bool = False):
        self.unreachable = unreachable
        self.kicks = 0
        self.closed = False

    def policy(self):
        return None

    def online(self) -> bool:
        return not self.unreachable

    def problem(self) -> str:
        return ""

    def kick(self) -> None:
        self.kicks += 1
        if self.unreachable:
            raise ConnectionError("AT não responde (tempo esgotado)")

    def drain(self, kinds=None) -> DrainReport:
        if self.unreachable:
            raise ConnectionError("AT não responde (tempo esgotado)")
        return DrainReport()

    def close(self) -> None:
        self.closed = True


class Watched:
    """The application as the till sees it, noting which use cases run on the UI thread,
    and able to hold one use case until the test lets it go (a slow disk, a busy lock)."""

    def __init__(self, app):
        self._app = app
        self.on_ui_thread: set[str] = set()
        self.watching = False
        self.gates: dict[str, threading.Event] = {}
        self.calls: list[str] = []
        self.broken: dict[str, Exception] = {}

    def __getattr__(self, name):
        value = getattr(self._app, name)
        if not callable(value) or name.startswith("_"):
            return value

        def call(*args, **kwargs):
            if self.watching and threading.current_thread() is threading.main_thread():
                self.on_ui_thread.add(name)
            self.calls.append(name)
            gate = self.gates.get(name)
            if gate is not None:
                assert gate.wait(10), f"{name} held too long"
            if name in self.broken:
                raise self.broken[name]
            return value(*args, **kwargs)
        return call


def watched_driver(make_driver, app):
    """A till driven over ``Watched(app)``; returns (driver, watched)."""
    w = Watched(app)
    d = make_driver(w)
    d.app = app                       # the test's own reads go straight to the application
    w.watching = True                 # after start-up (the composition root reads first)
    return d, w
