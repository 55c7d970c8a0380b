"""Adding and listing series registered with AT (by hand on the Portal, or by webservice)."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from pos.domain.doctypes import doc_type
from pos.domain.errors import ValidationError
from pos.domain.series import KINDS, validate_series_id, validate_validation_code
from pos.persistence.models import Series, TillRow
from pos.persistence.uow import UnitOfWork


@dataclass(frozen=True)
class SeriesInfo:
    series_id: str
    doc_type: str
    kind: str
    status: str
    validation_code: str | None
    last_number: int                    # the real last number (of a series closed after a
    last_system_entry: datetime | None  # loss of data: the one its paper duplicates show)
    till: str = ""                      # the till that issues in it


def add(uow: UnitOfWork, doc_type_code: str, series_id: str, validation_code: str | None,
        kind: str, now: datetime, user: str, first_number: int = 1,
        start_date: date | None = None, registered_by: str = "manual") -> Series:
    session = uow.session
    dtype = doc_type(doc_type_code)
    series_id = validate_series_id(series_id)
    if kind not in KINDS:
        raise ValidationError(f"Tipo de série desconhecido: {kind} (use N, F ou R).")
    code = validate_validation_code(validation_code) if validation_code else None
    exists = session.scalars(select(Series).where(
        Series.doc_type == dtype.code, Series.series_key == series_id.upper())).first()
    if exists is not None:
        raise ValidationError(
            f"A série {series_id} já existe para {dtype.code} (maiúsculas e minúsculas contam "
            "como iguais).")
    if first_number < 1:
        raise ValidationError("O número inicial da série tem de ser pelo menos 1.")
    row = Series(till_id=uow.till.id, series_id=series_id, series_key=series_id.upper(),
                 doc_type=dtype.code, kind=kind, status="A", validation_code=code,
                 first_number=first_number, last_number=first_number - 1, last_hash="",
                 start_date=start_date or now.date(), registered_by=registered_by,
                 created_at=now)
    session.add(row)
    uow.audit.append(now, user, "series", f"added {dtype.code} {series_id} kind {kind}")
    return row


def listing(uow: UnitOfWork) -> list[SeriesInfo]:
    """Every series of the database, with the till that issues in it."""
    rows = uow.session.execute(select(Series, TillRow.code)
                               .join(TillRow, TillRow.id == Series.till_id)
                               .order_by(Series.doc_type, Series.id))
    return [SeriesInfo(s.series_id, s.doc_type, s.kind, s.status, s.validation_code,
                       max(s.last_number, s.final_number or 0), s.last_system_entry, till)
            for s, till in rows]
