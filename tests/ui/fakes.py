"""Fakes for the till's ports: a printer that records (or fails, or hangs) and an AT link
that is online or unreachable. The real printing/sync adapters are tested in their own
folders; these let the screen tests decide what the outside world does."""

import threading

from ui.ports import AtSnapshot, PrintOutcome


class FakePrinter:
    description = "impressora de teste"

    def __init__(self, reprint_log=None, fail: str | None = None,
                 hold: threading.Event | None = None):
        self.reprint_log, self.fail, self.hold = reprint_log, fail, hold
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
                       open_drawer=False) -> PrintOutcome:
        n = 0
        if copy:                            # like PrintService: record first, then print
            n = self.reprint_log.record_reprint(doc.document_no, user, reason)
        assert qr.startswith(f"A:{issuer.nif}*")
        return self._job(kind="document", number=doc.document_no, copy=n, reason=reason,
                         drawer=open_drawer, user=user)

    def print_text(self, title, lines) -> PrintOutcome:
        return self._job(kind="text", title=title, lines=list(lines))

    def open_drawer(self) -> PrintOutcome:
        return self._job(kind="drawer")

    def documents(self) -> list[dict]:
        return [j for j in self.jobs if j["kind"] == "document"]


class FakeAt:
    """Online: reports the outbox figures. Unreachable: every call fails like a timeout."""

    def __init__(self, desk_factory, unreachable: bool = False):
        self.desk_factory, self.unreachable = desk_factory, unreachable
        self.kicks = 0

    def snapshot(self) -> AtSnapshot:
        if self.unreachable:
            raise ConnectionError("AT não responde (tempo esgotado)")
        q = self.desk_factory().queue()
        return AtSnapshot(True, q.pending, q.oldest, q.parked)

    def kick(self) -> None:
        self.kicks += 1
        if self.unreachable:
            raise ConnectionError("AT não responde (tempo esgotado)")
