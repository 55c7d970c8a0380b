"""Everything owed to AT: the queue as people see it, what the sender claims and reports,
and series registered, finalised or cancelled through AT's webservice.

The sender itself (``sync``) is behind the ``AtLink`` port; it drains the queue through
``claim_duties`` / ``record_outcome`` / ``release_duties``, each a short unit of work of its
own, so a sale never waits for the network and a crash at any point loses nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime

from pos.domain.at import DONE, PARK, RETRY, DrainReport, Outcome, RemoteSeries
from pos.domain.clock import TOLERANCE
from pos.domain.errors import PosError, ValidationError
from pos.services import at_series, at_status, clock, outbox
from pos.services.outbox import Duty, QueuePolicy, StopInfo
from pos.services.ports import AtSnapshot

from .base import Base

LINK_KEY = "at_link"


def _journal_link(uow, now, duty: Duty, outcome: Outcome) -> None:
    """Offline/online transitions of the link and AT's refusals, in the journal."""
    state = uow.till_settings.get(LINK_KEY) or "online"
    if outcome.action == RETRY and state != "offline":
        uow.till_settings.put(LINK_KEY, "offline")
        uow.audit.append(now, "sistema", "at_offline", f"{duty.label}: {outcome.message}"[:500])
    elif outcome.action in (DONE, PARK) and state == "offline":
        uow.till_settings.put(LINK_KEY, "online")
        uow.audit.append(now, "sistema", "at_online", duty.label[:200])
    if outcome.action == PARK:
        uow.audit.append(now, "sistema", "at_failure",
                         f"{duty.label}: [{outcome.code}] {outcome.message}"[:500])


class AtMixin(Base):
    def queue_policy(self) -> QueuePolicy:
        return self.at_link.policy() or QueuePolicy()

    # ---- what people see -------------------------------------------------------------
    def at_snapshot(self) -> AtSnapshot:
        """The status bar's view: pending, oldest, parked and urgent warnings, and whether
        AT answered lately."""
        policy = self.queue_policy()
        online = self.at_link.online()
        with self._read() as uow:
            st = at_status.snapshot(uow, self.clock.now(), policy)
        if st.stopped is not None:
            online = False
        urgent = [w.text for w in st.warnings if w.level == "urgent"]
        detail = "\n".join(urgent + [w.text for w in st.warnings if w.level != "urgent"])
        problem = self.at_link.problem()
        if problem:
            detail = f"{problem}\n{detail}".strip()
        return AtSnapshot(online, st.pending + st.sending, st.oldest_pending,
                          st.parked + len(urgent), detail or (st.last_error or ""))

    def queue_status(self) -> at_status.QueueStatus:
        with self._read() as uow:
            return at_status.snapshot(uow, self.clock.now(), self.queue_policy())

    def queue_rows(self, include_done: bool = False) -> list[at_status.RowInfo]:
        statuses = outbox.OPEN + ((outbox.DONE,) if include_done else ())
        with self._read() as uow:
            return at_status.rows(uow, statuses, now=self.clock.now())

    def queue_stopped(self) -> StopInfo | None:
        with self._read() as uow:
            return outbox.stopped(uow)

    def series_warnings(self, doc_types=at_series.DEFAULT_DOC_TYPES, warn_days: int = 30
                        ) -> list[str]:
        with self._read() as uow:
            return at_series.warnings(uow, self.clock.now(), doc_types, warn_days)

    # ---- what managers do ------------------------------------------------------------
    def queue_retry(self, row_id: int, user: str = "admin") -> None:
        """Send again a duty AT refused (after correcting what it asked)."""
        with self._write() as uow:
            outbox.retry_parked(uow, row_id, self.clock.now(), user)
        self._kick()

    def queue_resume(self, user: str = "admin") -> bool:
        with self._write() as uow:
            resumed = outbox.resume(uow, self.clock.now(), user)
        self._kick()
        return resumed

    def queue_resolve(self, row_id: int, at_code: str, user: str = "admin") -> None:
        """Close a guide AT already had, with the code copied from AT's portal."""
        with self._write() as uow:
            outbox.resolve_transport(uow, row_id, at_code, self.clock.now(), user)

    def queue_confirm_saft(self, year: int, month: int, user: str = "admin") -> int:
        """The month's SAF-T was uploaded to AT: its invoice duties are done."""
        with self._write() as uow:
            return outbox.confirm_saft(uow, year, month, self.clock.now(), user)

    def require_at(self) -> None:
        """Refuse, with the reason, when this process cannot talk to AT (configuration)."""
        problem = self.at_link.problem()
        if problem:
            raise ValidationError(problem)

    def drain_queue(self, kinds: tuple[str, ...] | None = None) -> DrainReport:
        """Send what is due now, in this process, and say what happened."""
        return self.at_link.drain(kinds)

    # ---- series with AT --------------------------------------------------------------
    def request_series_registration(self, doc_type: str, series_id: str, user: str = "admin",
                                    kind: str = "N", first_number: int = 1,
                                    start_date: date | None = None) -> int:
        """Create the series here (unusable until AT's code comes back) and queue its
        registration; the outbox row id."""
        with self._write() as uow:
            return at_series.request_registration(
                uow, doc_type, series_id, self.clock.now(), user, kind=kind,
                first_number=first_number, start_date=start_date)

    def request_series_finalize(self, doc_type: str, series_id: str, user: str = "admin",
                                reason: str | None = None) -> int:
        with self._write() as uow:
            return at_series.request_finalize(uow, doc_type, series_id, self.clock.now(),
                                              user, reason)

    def request_series_cancel(self, doc_type: str, series_id: str, user: str = "admin"
                              ) -> int:
        with self._write() as uow:
            return at_series.request_cancel(uow, doc_type, series_id, self.clock.now(), user)

    def apply_series_sync(self, remotes: list[RemoteSeries], user: str = "admin") -> list[str]:
        """Bring codes and states in line with AT's list of series; what changed, in words.
        AT's last numbers are also an anchor: a series behind them blocks the till."""
        from pos.services.integrity import Problem, Report

        with self._write() as uow:
            changes = at_series.sync(uow, remotes, self.clock.now(), user)
            behind = at_series.behind_at(uow, remotes)
        if behind:
            problems = [Problem(label, None, f"a AT regista o n.º {theirs} nesta série, a base "
                                             f"de dados só chega ao n.º {ours}: números já "
                                             "emitidos seriam repetidos", self.till.id,
                                "rollback") for label, theirs, ours in behind]
            self._settle(problems, Report(problems=problems))
        return changes

    def series_plan(self, doc_types=at_series.DEFAULT_DOC_TYPES,
                    recovery_doc_types=at_series.DEFAULT_RECOVERY_DOC_TYPES,
                    warn_days: int = 30) -> list[at_series.PlanItem]:
        with self._read() as uow:
            return at_series.plan(uow, self.clock.now(), doc_types, recovery_doc_types,
                                  warn_days)

    def apply_series_plan(self, items: list[at_series.PlanItem], user: str = "admin"
                          ) -> list[int]:
        with self._write() as uow:
            return at_series.apply_plan(uow, items, self.clock.now(), user)

    # ---- the sender's side -----------------------------------------------------------
    def claim_duties(self, limit: int, kinds: tuple[str, ...] | None = None,
                     policy: QueuePolicy | None = None) -> list[Duty]:
        """Lease up to ``limit`` of this till's due duties, as values to send; each carries
        the claim (``Duty.claim``) that ``renew_duty``, ``record_outcome`` and
        ``release_duties`` check. Rows held by a process of this machine that is gone are
        taken back first."""
        policy = policy or self.queue_policy()
        with self._write() as uow:
            ids = outbox.claim(uow, self.clock.now(), policy, limit, kinds)
            return outbox.load(uow, ids) if ids else []

    def renew_duty(self, duty: Duty, policy: QueuePolicy | None = None) -> bool:
        """Extend the lease of a claimed duty before and while it is sent; False when this
        sender no longer holds it (another took it after the lease ran out): do not send."""
        policy = policy or self.queue_policy()
        with self._write() as uow:
            return outbox.renew(uow, duty.id, duty.claim, self.clock.now(), policy)

    def release_duties(self, ids: list[int], claim: str | None = None) -> None:
        """Give back claimed duties that were not tried (the pass stopped early); with
        ``claim``, only those still held under it."""
        if ids:
            with self._write() as uow:
                outbox.release(uow.session, ids, self.clock.now(), claim)

    def record_outcome(self, duty: Duty, outcome: Outcome,
                       policy: QueuePolicy | None = None,
                       rng: Callable[[], float] = random.random,
                       server_time: datetime | None = None) -> tuple[Outcome, object]:
        """Record what AT answered for ``duty``; the outcome as recorded (a series code that
        disagrees with ours parks the duty instead) and, for a retry, when it is due.

        Only a sender that still holds the row records a retry, a refusal or a stop: once
        another sender has it, that one's answer counts. "AT has it" is recorded whoever
        holds the row, unless it is already done. Journaled: the link going offline (a
        retry after a success) and online again, and every refusal (AT failures).
        ``server_time``: the ``Date`` of AT's answer, kept as the clock's second reference."""
        policy = policy or self.queue_policy()
        when = None
        with self._write() as uow:
            now = self.clock.now()
            if server_time is not None and server_time.tzinfo is not None:
                clock.record_at_time(uow, server_time.astimezone().replace(
                    tzinfo=None, microsecond=0), now, TOLERANCE)
            if not outbox.holds(uow.session, duty.id, duty.claim or None):
                if outcome.action != DONE or outbox.is_done(uow.session, duty.id):
                    return outcome, None
            if outcome.action == DONE and outcome.remote_series is not None:
                try:   # checks before it changes anything, so the transaction stays clean
                    at_series.apply_remote(uow, duty.series.pk, outcome.remote_series, now)
                except PosError as err:
                    outcome = Outcome(PARK, str(err), "LOCAL")
            if outcome.action == DONE:
                outbox.record_done(uow, duty.id, now, outcome.result,
                                   outcome.at_doc_code)
            elif outcome.action == RETRY:
                when = outbox.record_retry(uow.session, duty.id, now, outcome.message, policy,
                                           rng) - now
            elif outcome.action == PARK:
                outbox.record_park(uow.session, duty.id, now, outcome.code, outcome.message)
            else:
                outbox.record_stop(uow, now, outcome.message, outcome.code, duty.id,
                                   duty.claim or None)
            _journal_link(uow, now, duty, outcome)
        return outcome, when
