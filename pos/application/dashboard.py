"""The back office's first screen and its watch on the shop: today's and a period's sales,
open cash sessions, the AT queue and its nearest deadline, the integrity state, warnings;
one AT duty with its history; a manager stopping the queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pos.services import (
    at_series,
    at_status,
    history_report,
    outbox,
    sales_report,
    shop_health,
    staff,
)
from pos.services.at_status import QueueStatus, RowInfo, Warning
from pos.services.cash import SessionInfo
from pos.services.sales_report import SalesSummary
from pos.services.shop_health import Deadline, DutyDetail, IntegrityInfo

from .base import Base

BACKUP_DAYS = 7                 # a backup older than this is overdue
DEADLINE_DAYS = 3               # a deadline closer than this is a warning


@dataclass(frozen=True)
class Dashboard:
    now: datetime
    today: SalesSummary
    period: SalesSummary
    open_sessions: tuple[SessionInfo, ...]
    queue: QueueStatus
    deadline: Deadline | None
    integrity: IntegrityInfo
    last_backup: datetime | None
    warnings: tuple[Warning, ...]       # the most urgent first


def series_warnings(plan: list[at_series.PlanItem], now: datetime) -> list[Warning]:
    """What the series plan asks of a manager, in a few sentences (one per kind of want,
    not one per document type)."""
    out = []
    missing = [i.doc_type for i in plan if i.action == "register" and i.year == now.year]
    if missing:
        out.append(Warning(at_status.WARN, f"Sem série registada na AT para "
                                           f"{', '.join(missing)}: sem ligação, essas vendas "
                                           "terão de ser feitas em documentos pré-impressos. "
                                           "Registe-as em Séries e AT."))
    coming = [i for i in plan if i.action == "register" and i.year > now.year]
    if coming:
        days = (date(now.year, 12, 31) - now.date()).days + 1
        out.append(Warning(at_status.WARN, f"Faltam {days} dia(s) para {coming[0].year}: "
                                           f"registe já as séries de "
                                           f"{', '.join(i.doc_type for i in coming)} "
                                           "(Séries e AT)."))
    out += [Warning(at_status.WARN, f"Série {i.series_id} ({i.doc_type}) ainda sem código de "
                                    f"validação da AT ({i.note}).")
            for i in plan if i.action == "waiting"]
    return out


class DashboardMixin(Base):
    def dashboard(self, start: date | None = None, end: date | None = None) -> Dashboard:
        """Everything the dashboard shows, read in one unit of work; the period defaults to
        today."""
        now = self.clock.now()
        start, end = start or now.date(), end or now.date()
        policy = self.queue_policy()
        with self._read() as uow:
            today = sales_report.summary(uow, now.date(), now.date())
            period = today if (start, end) == (now.date(), now.date()) else \
                sales_report.summary(uow, start, end)
            queue = at_status.snapshot(uow, now, policy)
            deadline = shop_health.nearest_deadline(uow)
            state = shop_health.integrity(uow)
            backup = shop_health.last_backup(uow)
            plan = at_series.plan(uow, now, at_series.DEFAULT_DOC_TYPES, ())
            sessions = history_report.open_sessions(uow)
        warnings = [Warning(at_status.URGENT, "Emissão bloqueada: a verificação encontrou "
                                              "dados alterados; veja Integridade.")] \
            if state.blocked else []
        warnings += list(queue.warnings)
        warnings += series_warnings(plan, now)
        if deadline is not None and deadline.at - now <= timedelta(days=DEADLINE_DAYS) \
                and not any(deadline.subject in w.text for w in queue.warnings):
            level = at_status.URGENT if deadline.at < now else at_status.WARN
            warnings.append(Warning(level, f"Prazo da AT: {deadline.kind} de "
                                           f"{deadline.subject} até {deadline.at:%Y-%m-%d %H:%M}."))
        if backup is None:
            warnings.append(Warning(at_status.WARN, "Nenhuma cópia de segurança registada "
                                                    "nesta caixa."))
        elif now - backup > timedelta(days=BACKUP_DAYS):
            warnings.append(Warning(at_status.WARN, f"Última cópia de segurança há "
                                                    f"{(now - backup).days} dias "
                                                    f"({backup:%Y-%m-%d}): faça uma."))
        order = {at_status.URGENT: 0, at_status.WARN: 1, at_status.INFO: 2}
        warnings.sort(key=lambda w: order.get(w.level, 3))
        return Dashboard(now, today, period, tuple(sessions), queue, deadline, state, backup,
                         tuple(warnings))

    def integrity_status(self) -> IntegrityInfo:
        """Whether issuing is blocked on this till, with the report and who acknowledged."""
        with self._read() as uow:
            return shop_health.integrity(uow)

    def queue_list(self, include_done: bool = False, limit: int = 200) -> list[RowInfo]:
        """This till's AT duties as a manager goes through them: those AT refused first
        (never pushed out of the list by a long queue), then those waiting or being sent,
        then, when asked, those AT has."""
        order = [(outbox.PARKED,), (outbox.SENDING, outbox.PENDING)]
        if include_done:
            order.append((outbox.DONE,))
        now = self.clock.now()
        with self._read() as uow:
            return [r for statuses in order
                    for r in at_status.rows(uow, statuses, limit, now)][:limit]

    def queue_item(self, row_id: int) -> DutyDetail:
        """One AT duty of this till with its history and AT's answer."""
        with self._read() as uow:
            return shop_health.duty(uow, row_id)

    def queue_stop(self, reason: str, user: str = "admin") -> bool:
        """Stop this till's sending to AT until ``queue_resume`` (audited with the reason);
        False when it was already stopped."""
        with self._write() as uow:
            staff.require(uow, user, "back_office")
            return shop_health.stop_queue(uow, self.clock.now(), user, reason)
