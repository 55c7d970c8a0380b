"""Tills and establishments: which point of sale a database row belongs to."""

from datetime import datetime

from sqlalchemy import select

from pos.domain.errors import ValidationError
from pos.persistence.models import Establishment, TillRow
from pos.persistence.uow import TillRef, UnitOfWork, till_ref

MAX_CODE = 20


def _code(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > MAX_CODE or not all(c.isalnum() or c in "-_." for c in value):
        raise ValidationError(f"Código de {what} inválido: use 1 a {MAX_CODE} letras, "
                              "algarismos, '-', '_' ou '.'.")
    return value


def create(uow: UnitOfWork, code: str, till_name: str, establishment: str, now: datetime,
           **establishment_fields) -> TillRef:
    """A new till (and its establishment, when new); the unit of work then acts for it."""
    code = _code(code, "caixa")
    establishment = _code(establishment, "estabelecimento")
    s = uow.session
    if s.scalars(select(TillRow).where(TillRow.code == code)).first() is not None:
        raise ValidationError(f"Já existe uma caixa com o código {code}.")
    est = s.scalars(select(Establishment).where(Establishment.code == establishment)).first()
    if est is None:
        est = Establishment(code=establishment, created_at=now, **{
            "name": "", "address": "", "city": "", "postal_code": "", **establishment_fields})
        s.add(est)
        s.flush()
    s.add(TillRow(code=code, name=(till_name or code)[:60], establishment_id=est.id, active=True,
                  created_at=now))
    s.flush()
    ref = till_ref(s, code)
    uow.adopt_till(ref)
    return ref
