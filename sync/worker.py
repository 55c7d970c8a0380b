"""The background worker that empties the AT outbox: a plain thread, no Qt.

::

    worker = OutboxWorker(app, lambda: ATClients(config), policy=policy)
    worker.start()          # daemon thread: drains, then sleeps ``interval`` or until wake()
    worker.wake()           # after a sale: "there is something new"
    worker.stop()           # on exit: finishes the request in flight, closes the session

``drain_once()`` is the same work done synchronously, for ``caixa queue drain`` and tests.
Each row is claimed (leased), sent, and its outcome recorded in its own short transaction,
so a sale never waits for the network and a crash at any point loses nothing.

Leases are per row: a batch is claimed at once, but each row's lease is renewed just before
it is sent, and a ``LeaseKeeper`` thread renews it while the request is in flight. A row
whose lease ran out while it waited and that another sender claimed meanwhile is skipped:
two senders never send the same row.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from pos.domain.at import DONE, PARK, RETRY, STOP, DrainReport, Outcome
from pos.services import outbox

from . import errors as e
from .clients import ATClients
from .dispatch import send
from .series_registry import ATSeriesRegistry

if TYPE_CHECKING:
    from pos.application import Application

log = logging.getLogger(__name__)


class OutboxWorker(threading.Thread):
    """Claims due rows, sends them through ``ATClients``, records each outcome.

    ``clients_factory`` is called in the worker thread when there is something to send
    (requests sessions are not shared between threads) and again after the queue was
    stopped, so a corrected configuration is picked up without restarting the till.
    """

    def __init__(self, app: Application, clients_factory: Callable[[], ATClients], *,
                 policy: outbox.QueuePolicy | None = None,
                 interval: float = 60.0, batch: int = 10,
                 rng: Callable[[], float] = random.random,
                 on_report: Callable[[DrainReport], None] | None = None):
        super().__init__(name="caixa-at-outbox", daemon=True)
        self.app, self.clients_factory = app, clients_factory
        self.policy = policy or outbox.QueuePolicy()
        self.interval, self.batch, self.rng = interval, batch, rng
        self.on_report = on_report
        self._stop_event = threading.Event()
        self._wake = threading.Event()
        self._clients: ATClients | None = None

    # -- thread -----------------------------------------------------------------------------

    def run(self) -> None:
        while not self._stop_event.is_set():
            try:
                report = self.drain_once()
            except Exception:  # the thread must survive a database hiccup; log and go on
                log.exception("AT outbox: drain failed")
                report = DrainReport(retry_after=timedelta(seconds=self.interval))
            if self.on_report is not None and report.sent:
                self.on_report(report)
            wait = self.interval
            if report.retry_after is not None:
                wait = min(wait, max(1.0, report.retry_after.total_seconds()))
            self._wake.wait(wait)
            self._wake.clear()
        self._close_clients()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        self._stop_event.set()
        self._wake.set()
        if self.is_alive():
            self.join(timeout)
        else:
            self._close_clients()

    # -- the work ---------------------------------------------------------------------------

    def _close_clients(self) -> None:
        if self._clients is not None:
            self._clients.close()
            self._clients = None

    def _get_clients(self) -> ATClients:
        if self._clients is None:
            self._clients = self.clients_factory()
        return self._clients

    def drain_once(self, max_rows: int | None = None,
                   kinds: tuple[str, ...] | None = None) -> DrainReport:
        """Send every due row (or ``max_rows``, or only ``kinds``); stop early when AT is
        unreachable.

        After a network failure the rest of the batch is given back untouched: with AT
        down, trying 200 documents would cost 200 timeouts for nothing. The report's
        ``retry_after`` tells the thread when the next pass is worth it.
        """
        report = DrainReport()
        while not self._stop_event.is_set():
            limit = self.batch if max_rows is None else min(self.batch, max_rows - report.sent)
            if limit <= 0:
                break
            duties = self.app.claim_duties(limit, kinds, self.policy)
            if not duties:
                break
            if not self._send_batch(duties, report):
                break
        return report

    def _send_batch(self, duties: list[outbox.Duty], report: DrainReport) -> bool:
        for i, duty in enumerate(duties):
            if self._stop_event.is_set():
                self._release(duties[i:])
                return False
            try:
                clients = self._get_clients()
            except e.SyncError as err:   # configuration missing or unreadable
                outcome = Outcome(STOP, str(err), err.code)
            else:
                if not self.app.renew_duty(duty, self.policy):
                    report.taken_over += 1     # its lease ran out and another sender has it
                    log.info("AT outbox: %s %s taken over by another sender", duty.kind,
                             duty.label)
                    continue
                with LeaseKeeper(self.app, duty, self.policy):
                    outcome = send(duty, clients, ATSeriesRegistry(clients),
                                   today=self.app.clock.now().date())
            self._record(duty, outcome, report)
            if outcome.action in (RETRY, STOP):
                self._release(duties[i + 1:])
                return False
        return True

    def _release(self, duties: list[outbox.Duty]) -> None:
        if duties:
            self.app.release_duties([d.id for d in duties], duties[0].claim or None)

    def _record(self, duty: outbox.Duty, outcome: Outcome, report: DrainReport) -> None:
        server = getattr(self._clients, "server_time", None)   # AT's Date: a clock reference
        if self._clients is not None:
            self._clients.server_time = None                    # used once, while fresh
        outcome, wait = self.app.record_outcome(duty, outcome, self.policy, self.rng,
                                                server_time=server)
        report.outcomes.append((duty.id, duty.label, outcome))
        if outcome.action == DONE:
            report.done += 1
        elif outcome.action == RETRY:
            report.retried += 1
            report.retry_after = wait
        elif outcome.action == PARK:
            report.parked += 1
        else:
            report.stopped = outcome.message
            # Rebuilt on the next pass after a resume: the configuration may have changed.
            self._close_clients()
        log.info("AT outbox: %s %s -> %s %s", duty.kind, duty.label, outcome.action,
                 outcome.code if outcome.code is not None else "")


class LeaseKeeper:
    """Renews one duty's lease while its request is in flight (``with LeaseKeeper(...)``).

    A request can take longer than a lease (slow answers, long timeouts); without renewal
    another sender would see the lease run out and send the same row again. Renewing every
    quarter of the lease leaves three chances to fail (a busy database, a loaded machine)
    before it runs out."""

    def __init__(self, app: Application, duty: outbox.Duty, policy: outbox.QueuePolicy):
        self.app, self.duty, self.policy = app, duty, policy
        self.interval = max(0.05, policy.lease_seconds / 4)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="caixa-at-lease", daemon=True)

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            try:
                if not self.app.renew_duty(self.duty, self.policy):
                    return            # recorded meanwhile, or lost: nothing left to keep
            except Exception:         # a locked database: try again at the next beat
                log.warning("AT outbox: could not renew the lease of %s", self.duty.label,
                            exc_info=True)
