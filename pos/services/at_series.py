"""Series reserved ahead of need: register, finalise, cancel and sync them with AT.

A till must hold a series with AT's validation code before it can issue in it (the code is
the prefix of every ATCUD). So series are registered while the till is online, well before
they are needed: when a till is set up and as a year ends. Every change is a local change
plus an outbox row in the same transaction; the worker carries it to AT through the
``SeriesRegistry`` port and reports back with ``apply_remote``. A series without a code is
never used for issuing, and the issuing error then sends the cashier to the pre-printed forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from sqlalchemy import select

from pos.domain.at import RemoteSeries
from pos.domain.doctypes import doc_type as get_doc_type
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.persistence.models import OutboxRow, Series
from pos.persistence.uow import UnitOfWork

from . import series_admin
from .outbox import OPEN, PARKED

DEFAULT_DOC_TYPES = ("FS", "FR", "FT", "NC", "ND", "GT")
DEFAULT_RECOVERY_DOC_TYPES = ("FS", "FT", "FR", "NC", "GT")


class SeriesRegistry(Protocol):
    """AT's series webservice, as ``pos`` needs it. ``sync.series_registry`` implements it.

    Implementations reconcile AT's "already registered/finalised/cancelled" answers (after a
    lost reply) into the normal return value, and raise for anything else.
    """

    def register(self, series_id: str, doc_type: str, kind: str, first_number: int,
                 start_date: date) -> RemoteSeries: ...

    def finalize(self, series_id: str, doc_type: str, validation_code: str, last_number: int,
                 reason: str | None = None) -> RemoteSeries: ...

    def cancel(self, series_id: str, doc_type: str, validation_code: str) -> RemoteSeries: ...

    def query(self, *, doc_type: str | None = None, series_id: str | None = None
              ) -> list[RemoteSeries]: ...


def _find(uow: UnitOfWork, doc_type: str, series_id: str) -> Series:
    """One of this till's series (another till finalises or cancels its own)."""
    row = uow.series.find(doc_type, series_id)
    if row is None or row.till_id != uow.till.id:
        raise NotFoundError(f"Série {series_id} para {doc_type} não existe nesta caixa.")
    return row


def _duty(uow: UnitOfWork, kind: str, series: Series, now: datetime, payload: dict | None,
          deadline: datetime | None = None) -> int:
    return uow.outbox.add(kind, now, series_pk=series.id, payload=payload, deadline=deadline)


def request_registration(uow: UnitOfWork, doc_type: str, series_id: str, now: datetime,
                         user: str, *, kind: str = "N", first_number: int = 1,
                         start_date: date | None = None) -> int:
    """Create the series locally (no code yet: unusable) and queue ``registarSerie``."""
    start = start_date or now.date()
    if start < now.date():
        raise ValidationError("A AT só aceita séries com início de utilização hoje ou depois.")
    if kind == "F":
        raise ValidationError("Séries de formação não se comunicam à AT.")
    row = series_admin.add(uow, doc_type, series_id, None, kind, now, user, first_number,
                           start, registered_by="ws")
    return _duty(uow, "series_register", row, now, None,
                 datetime.combine(start, time(0, 0)))


def request_finalize(uow: UnitOfWork, doc_type: str, series_id: str, now: datetime, user: str,
                     reason: str | None = None) -> int:
    """Stop issuing in the series now and queue ``finalizarSerie`` with its last number."""
    row = _find(uow, doc_type, series_id)
    if row.status != "A" or not row.validation_code:
        raise StateError(f"A série {row.series_id} ({row.doc_type}) não está ativa e "
                         "registada na AT.")
    if row.last_number < row.first_number:
        raise StateError(f"A série {row.series_id} ({row.doc_type}) não tem documentos: "
                         "anule-a em vez de a finalizar.")
    row.status = "F"
    uow.audit.append(now, user, "series", f"finalised {row.doc_type} {row.series_id} "
                                               f"at {row.last_number}")
    return _duty(uow, "series_finalize", row, now,
                 {"last_number": row.last_number, "reason": reason})


def request_cancel(uow: UnitOfWork, doc_type: str, series_id: str, now: datetime,
                   user: str) -> int:
    """Cancel a series registered by mistake (no document issued) and queue ``anularSerie``."""
    row = _find(uow, doc_type, series_id)
    if row.last_number >= row.first_number:
        raise StateError(f"A série {row.series_id} ({row.doc_type}) já tem documentos: "
                         "finalize-a em vez de a anular.")
    if row.status != "A" or not row.validation_code:
        raise StateError(f"A série {row.series_id} ({row.doc_type}) não está ativa e "
                         "registada na AT (se o registo está na fila, aguarde-o).")
    row.status = "N"
    uow.audit.append(now, user, "series", f"cancelled {row.doc_type} {row.series_id}")
    return _duty(uow, "series_cancel", row, now, None)


def apply_remote(uow: UnitOfWork, series_pk: int, remote: RemoteSeries, now: datetime
                 ) -> None:
    """Store what AT answered for a series duty (the validation code, its state)."""
    session = uow.session
    row = session.get(Series, series_pk)
    if row.validation_code and row.validation_code != remote.validation_code:
        raise StateError(f"A AT tem a série {row.series_id} ({row.doc_type}) com o código "
                         f"{remote.validation_code}, diferente do guardado "
                         f"({row.validation_code}).")
    if not row.validation_code:
        row.validation_code, row.registered_by = remote.validation_code, "ws"
        uow.audit.append(now, "sistema", "series",
                         f"AT code {remote.validation_code} for {row.doc_type} {row.series_id}")
    if remote.start_date is not None and row.start_date != remote.start_date:
        # The start date is decided when the registration is sent (a day after it was
        # queued, maybe): keep the one AT holds.
        row.start_date = remote.start_date
    if remote.status in ("F", "N"):
        row.status = remote.status


def sync(uow: UnitOfWork, remotes: list[RemoteSeries], now: datetime, user: str) -> list[str]:
    """Bring local codes and states in line with AT's list; returns what changed, in words.

    A code is only ever filled in, never replaced: documents already carry it in their
    ATCUD. A series AT closed is closed here too; one closed here but open at AT is
    reported, since closing it at AT is a queued duty, not something to undo locally.
    """
    changes = []
    for r in remotes:
        row = uow.series.find(r.doc_type, r.series_id)
        label = f"{r.doc_type} {r.series_id}"
        if row is not None and row.till_id != uow.till.id:
            continue          # another till of this database keeps its own series in line
        if row is None:
            changes.append(f"{label}: registada na AT mas desconhecida nesta caixa.")
            continue
        if not row.validation_code and r.status == "A":
            row.validation_code, row.registered_by = r.validation_code, "ws"
            changes.append(f"{label}: código de validação {r.validation_code} guardado.")
        elif row.validation_code and row.validation_code != r.validation_code:
            changes.append(f"{label}: a AT indica o código {r.validation_code}, esta caixa "
                           f"tem {row.validation_code}. Verifique no Portal das Finanças.")
        if r.status in ("F", "N") and row.status != r.status:
            row.status = r.status
            changes.append(f"{label}: estado {r.status} na AT, atualizado nesta caixa.")
        elif r.status == "A" and row.status != "A":
            changes.append(f"{label}: ainda ativa na AT; o fecho feito nesta caixa ainda não "
                           "foi aceite pela AT (veja 'caixa queue list').")
    if changes:
        uow.audit.append(now, user, "series_sync", "; ".join(changes)[:1000])
    return changes


def behind_at(uow: UnitOfWork, remotes: list[RemoteSeries]) -> list[tuple[str, int, int]]:
    """AT's own records as an anchor: (series, AT's last number, ours) for this till's series
    where AT has seen a number this database does not reach (an older copy restored)."""
    out = []
    for r in remotes:
        if not r.last_number:
            continue
        row = uow.series.find(r.doc_type, r.series_id)
        if row is not None and row.till_id == uow.till.id and r.last_number > row.last_number:
            out.append((f"{row.doc_type} {row.series_id}", r.last_number, row.last_number))
    return out


# ---- planning ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanItem:
    action: str          # register | finalize | cancel | ok | waiting
    doc_type: str
    series_id: str
    kind: str
    year: int
    start_date: date | None = None
    note: str = ""


def series_name(till: str, kind: str, year: int) -> str:
    """``<till>N<year>`` / ``<till>R<year>``: letters and digits only, as sgdtws' stricter
    DocumentNumber pattern wants, and unique per till (AT's uniqueness is per taxpayer)."""
    clean = re.sub(r"[^A-Za-z0-9]", "", till).upper() or "CX"
    return f"{clean}{kind}{year}"


def _years(now: datetime, warn_days: int) -> list[int]:
    year_end = date(now.year, 12, 31)
    return [now.year, now.year + 1] if (year_end - now.date()).days < warn_days else [now.year]


def plan(uow: UnitOfWork, now: datetime, doc_types=DEFAULT_DOC_TYPES,
         recovery_doc_types=DEFAULT_RECOVERY_DOC_TYPES, warn_days: int = 30,
) -> list[PlanItem]:
    """The series this till will need this year (and next, near the year's end), what is
    missing, and which older series of this till to close once their successor is live."""
    session = uow.session
    till = uow.till.code
    series = list(session.scalars(select(Series).where(Series.kind.in_(("N", "R")),
                                                       Series.till_id == uow.till.id)))
    waiting = dict(session.execute(select(OutboxRow.series_pk, OutboxRow.id).where(
        OutboxRow.kind == "series_register", OutboxRow.status.in_(OPEN))).all())
    refused = set(session.scalars(select(OutboxRow.series_pk).where(
        OutboxRow.kind == "series_register", OutboxRow.status == PARKED)))
    items: list[PlanItem] = []
    needs = [("N", t) for t in doc_types] + [("R", t) for t in recovery_doc_types]
    for year in _years(now, warn_days):
        for kind, dtype in needs:
            get_doc_type(dtype)
            name = series_name(till, kind, year)
            have = [s for s in series if s.doc_type == dtype and s.kind == kind
                    and s.status == "A" and (s.start_date or now.date()).year <= year
                    and (year == now.year or (s.start_date or now.date()).year == year)]
            live = [s for s in have if s.validation_code]
            if live:
                items.append(PlanItem("ok", dtype, live[0].series_id, kind, year))
            elif have:
                pk = have[0].id
                note = (f"registo recusado pela AT: veja 'caixa queue list', corrija e "
                        f"'caixa queue retry {waiting[pk]}'" if pk in refused else
                        "registo na fila de envios" if pk in waiting else
                        "sem registo na fila: veja 'caixa queue list' ou 'caixa series sync'")
                items.append(PlanItem("waiting", dtype, have[0].series_id, kind, year, note=note))
            else:
                start = max(now.date(), date(year, 1, 1))
                items.append(PlanItem("register", dtype, name, kind, year, start))
    # Year rollover: close this till's series of earlier years once this year's is live.
    live_now = {(i.doc_type, i.kind) for i in items if i.action == "ok" and i.year == now.year}
    for s in series:
        started = s.start_date.year if s.start_date else now.year
        if (s.status == "A" and s.validation_code and started < now.year
                and (s.doc_type, s.kind) in live_now
                and not any(i.series_id == s.series_id and i.doc_type == s.doc_type
                            for i in items)):
            action = "finalize" if s.last_number >= s.first_number else "cancel"
            items.append(PlanItem(action, s.doc_type, s.series_id, s.kind, started,
                                  note=f"substituída em {now.year}"))
    return items


def apply_plan(uow: UnitOfWork, items: list[PlanItem], now: datetime, user: str
               ) -> list[int]:
    """Queue every action of the plan (one transaction); the outbox row ids."""
    ids = []
    for i in items:
        if i.action == "register":
            ids.append(request_registration(uow, i.doc_type, i.series_id, now, user,
                                            kind=i.kind, start_date=i.start_date))
        elif i.action == "finalize":
            ids.append(request_finalize(uow, i.doc_type, i.series_id, now, user,
                                        f"Substituída pela série de {now.year}"))
        elif i.action == "cancel":
            ids.append(request_cancel(uow, i.doc_type, i.series_id, now, user))
    return ids


def warnings(uow: UnitOfWork, now: datetime, doc_types=DEFAULT_DOC_TYPES,
             warn_days: int = 30) -> list[str]:
    """Sentences for the manager: series missing for this year, or for next year soon."""
    out = []
    for item in plan(uow, now, doc_types, (), warn_days):
        if item.action == "register" and item.year == now.year:
            out.append(f"Sem série registada na AT para {item.doc_type}: sem ligação, as "
                       "vendas desse tipo terão de ser feitas em documentos pré-impressos. "
                       "Registe-a: caixa series plan --apply.")
        elif item.action == "register":
            days = (date(now.year, 12, 31) - now.date()).days + 1
            out.append(f"Faltam {days} dia(s) para {item.year}: registe já a série "
                       f"{item.series_id} ({item.doc_type}) com 'caixa series plan --apply'.")
        elif item.action == "waiting":
            out.append(f"Série {item.series_id} ({item.doc_type}) ainda sem código de "
                       f"validação da AT ({item.note}).")
    return out
