"""The store link: the ``StoreLink`` port of an attached till, over the store transport.

The till's composition root hands ``StoreSyncLink`` to ``pos.bootstrap.open_app``
(``store_link=lambda app: StoreSyncLink(app, background=True)``). In the background a
plain thread (no Qt) makes passes: push every record the till owes (in order, a batch at a
time), pull master data (every ``pull_every``), report the till's queue health (every
``report_every``); then it sleeps until the application kicks it (a sale: the pass starts
``settle`` later) or the interval ends. When the central database is unreachable it waits
longer each time (up to ``max_backoff``), and sales do not wake it: selling never waits for
the store, records simply stay in the outbox. ``sync()`` is the same pass in the calling thread
(``caixa store sync``).

A pass and a crash at any point lose nothing: a record leaves the outbox only once the store
holds it, and one sent twice is accepted once.

The link is also the till's ``AnchorStore`` (pos.services.anchors): ``publish`` keeps the
till's anchor for the next pass (a checkpoint never waits for the network: the Pay that
triggered one must not), ``latest`` reads the store's copy at start-up and in ``verify``
(a connection of its own, short timeouts; when the store is known to be away, at once).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from pos.domain.anchor import AnchorState
from pos.domain.errors import PosError, ValidationError
from pos.domain.store import StoreConnection, SyncReport

from .store_transport import StoreTransport, StoreUnavailable

if TYPE_CHECKING:
    from pos.application import Application

log = logging.getLogger(__name__)
NOT_ATTACHED = "Esta caixa não está ligada a uma loja (caixa store attach URL --till CÓDIGO)."


class StoreSyncLink:
    def __init__(self, app: Application, *, background: bool = False, interval: float = 5.0,
                 pull_every: float = 10.0, batch: int = 200, max_backoff: float = 30.0,
                 settle: float = 0.1, report_every: float = 5.0, purge_every: float = 3600.0,
                 transport_factory: Callable[[StoreConnection], StoreTransport] | None = None):
        self.app, self.background = app, background
        self.interval, self.pull_every, self.batch = interval, pull_every, batch
        self.max_backoff, self.purge_every = max_backoff, purge_every
        self.settle, self.report_every = settle, report_every
        self.transport_factory = transport_factory or StoreTransport
        self.last_report: SyncReport | None = None
        self._transport: StoreTransport | None = None
        self._pass_lock = threading.Lock()     # one pass at a time in this process
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._last_pull = self._last_purge = self._last_report = 0.0
        self._anchor: AnchorState | None = None   # published, not yet at the store
        self._anchor_lock = threading.Lock()
        if background:      # a restarted till sends its backlog without waiting for a sale
            self._ensure_thread()

    # ---- the port --------------------------------------------------------------------
    def kick(self) -> None:
        if self.background:
            self._ensure_thread()
            self._wake.set()

    def sync(self) -> SyncReport:
        if self.app.store_connection() is None:
            raise ValidationError(NOT_ATTACHED)
        report = self._pass(pull=True)
        self.last_report = report
        return report

    def online(self) -> bool | None:
        r = self.last_report
        return None if r is None else r.ok

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._thread.is_alive():
            self._thread.join(10)
        if self._anchor is not None and self.online() is not False:
            self._send_anchor_now()      # the exit's checkpoint, when the store is there
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    # ---- the anchor port -------------------------------------------------------------
    def publish(self, state: AnchorState) -> None:
        with self._anchor_lock:
            self._anchor = state
        self.kick()

    def latest(self, shop: str, till: str) -> AnchorState | None:
        connection = self.app.store_connection()
        if connection is None:
            return None
        if self.online() is False:
            raise StoreUnavailable("a loja não respondeu à última tentativa")
        transport = self.transport_factory(connection)
        try:
            held = transport.anchor()
        finally:
            transport.close()
        if held is None:
            return None
        state = AnchorState.from_json(held[1])
        return state if (state.shop, state.till) == (shop, till) else None

    def _send_anchor(self, transport: StoreTransport) -> None:
        with self._anchor_lock:
            state = self._anchor
        if state is None:
            return
        if not transport.publish_anchor(state.shop, state.to_json()):
            log.warning("store link: the store holds a later anchor of this till than %s",
                        state.to_json()[:200])
        with self._anchor_lock:
            if self._anchor is state:
                self._anchor = None

    def _send_anchor_now(self) -> None:
        try:
            connection = self.app.store_connection()
            if connection is not None:
                with self._pass_lock:
                    self._send_anchor(self._transport_for(connection))
        except Exception as exc:   # noqa: BLE001 - at exit: the next start publishes again
            log.info("store link: anchor not sent: %s", exc)

    # ---- the work --------------------------------------------------------------------
    def _ensure_thread(self) -> None:
        with self._start_lock:
            if self._thread is not None or self._stop.is_set():
                return
            self._thread = threading.Thread(target=self._run, name="caixa-store-link",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            wait = self.interval
            try:
                if self.app.store_connection() is None:
                    wait = max(self.interval, 30.0)     # not attached (yet)
                else:
                    due = time.monotonic() - self._last_pull >= self.pull_every
                    report = self._pass(pull=due)
                    self.last_report = report
                    if report.ok:
                        failures = 0
                        self._maybe_purge()
                    else:
                        failures += 1
                        wait = min(self.max_backoff, self.interval * 2 ** min(failures, 8) / 4)
            except Exception:      # the thread must survive anything; the till keeps selling
                log.exception("store link: pass failed")
                failures += 1
                wait = self.max_backoff
            if failures:
                # Sales do not cut a backoff short: with the server away, every sale would
                # otherwise try (and fail) to reach it, competing with the next Pay.
                self._stop.wait(wait)
            elif self._wake.wait(wait):
                # Woken by a sale: let the moment pass (printing, the next scan) and let a
                # burst of sales go together.
                self._stop.wait(self.settle)
            self._wake.clear()

    def _maybe_purge(self) -> None:
        now = time.monotonic()
        if now - self._last_purge >= self.purge_every:
            self._last_purge = now
            self.app.store_purge()

    def _transport_for(self, connection: StoreConnection) -> StoreTransport:
        t = self._transport
        if t is None or t.connection != connection:
            if t is not None:
                t.close()
            t = self._transport = self.transport_factory(connection)
        return t

    def _pass(self, pull: bool) -> SyncReport:
        with self._pass_lock:
            report = SyncReport()
            connection = self.app.store_connection()
            if connection is None:
                report.error = NOT_ATTACHED
                return report
            transport = self._transport_for(connection)
            try:
                self._push(transport, report)
                self._send_anchor(transport)
                if pull:
                    changes = transport.pull(self.app.store_cursor())
                    report.pulled = self.app.store_apply(changes)
                    self._last_pull = time.monotonic()
                now = time.monotonic()
                if pull or now - self._last_report >= self.report_every:
                    transport.report(self.app.store_health())
                    self._last_report = now
            except StoreUnavailable as exc:
                report.error = str(exc)
                log.info("store link: %s", exc)
            except PosError as exc:            # a record the till cannot build or apply
                report.error = str(exc)
                log.warning("store link: %s", exc)
            return report

    def _push(self, transport: StoreTransport, report: SyncReport) -> None:
        while not self._stop.is_set():
            items = self.app.store_claim(self.batch)
            if not items:
                return
            receipts = transport.push(items)
            accepted, conflicts, problems = self.app.store_record(items, receipts)
            report.sent += len(items)
            report.accepted += accepted
            report.conflicts += conflicts
            report.problems += problems
            if len(items) < self.batch:
                return
