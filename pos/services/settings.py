"""Small key/value settings kept in the database (training mode, certificate number...)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain.producer import CAIXA_PRODUCER, SETTING_FIELDS, Producer, producer_from
from pos.persistence.models import Setting

DEFAULTS = {
    "certificate_number": "0000",
    # The software producer (never the shop): Caixa's unless an installation overrides it.
    **{key: getattr(CAIXA_PRODUCER, name) for key, name in SETTING_FIELDS.items()},
    "product_version": "0.1.0",
    "training_mode": "off",
    "till": "CX1",
}


def get(session: Session, key: str) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return value if value is not None else DEFAULTS.get(key, "")


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def producer(session: Session) -> Producer:
    return producer_from({key: get(session, key) for key in SETTING_FIELDS})


def training_mode(session: Session) -> bool:
    return get(session, "training_mode") == "on"
