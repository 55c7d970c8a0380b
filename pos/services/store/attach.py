"""A till joining a store, on the till's side: its code and establishment as the store knows
them, how it reaches the central database, its triggers, and everything it recorded before
(owed to the store, oldest first).

A till's code is sealed into every entry of its chains (pos.domain.seal): it never changes.
A till already set up joins under its own code; a new database joins as a new till, and is
brought under seal here exactly as a shop's set-up does it (its own seal key, journaled with
the store's identity)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.domain.errors import ValidationError
from pos.domain.store import StoreConnection
from pos.persistence.models import (
    AuditEvent,
    Company,
    DocumentEvent,
    Establishment,
    Series,
    SigningKey,
    TillRow,
)
from pos.persistence.uow import TillRef, UnitOfWork, till_ref

from .. import sealing, tills
from . import local
from .central import JoinFacts

LINK_KEY = "store_link"       # till setting: JSON {url, till_id, attached_at}


@dataclass(frozen=True)
class AttachReport:
    code: str
    central_till_id: int
    owed: int                  # records owed to the store at once (what came before)
    seeded: bool               # the store's master data came from this till


def link_settings(uow: UnitOfWork) -> dict | None:
    if not uow.has_till:
        return None
    raw = uow.till_settings.get(LINK_KEY)
    return json.loads(raw) if raw else None


def connection(uow: UnitOfWork, password: str) -> StoreConnection | None:
    data = link_settings(uow)
    if data is None:
        return None
    return StoreConnection(data["url"], password, int(data["till_id"]), uow.till.code)


def facts(uow: UnitOfWork) -> JoinFacts:
    """What the store checks before this till joins: company, series, signing keys."""
    s = uow.session
    company = s.get(Company, 1)
    series = tuple(s.execute(select(Series.doc_type, Series.series_id)
                             .where(Series.till_id == uow.till.id)).all())
    keys = tuple((v, bytes(p)) for v, p in s.execute(
        select(SigningKey.version, SigningKey.public_pem)).all())
    return JoinFacts(company.nif if company else None, series, keys)


def continues(uow: UnitOfWork, held: dict[str, tuple[int, str]]) -> list[str]:
    """Why this database does not continue the chains the store holds for its till (empty
    when it does: each head the store holds is here, the same entry)."""
    out = []
    names = {"documents": "cadeia de documentos", "journal": "diário"}
    for chain, model in (("documents", DocumentEvent), ("journal", AuditEvent)):
        if chain not in held:
            continue
        seq, digest = held[chain]
        mine = uow.session.scalar(select(model.hash).where(model.till_id == uow.till.id,
                                                           model.seq == seq)) \
            if uow.has_till else None
        if mine != digest:
            out.append(f"a loja tem o registo {seq} da {names[chain]} desta caixa e esta base "
                       "de dados não o tem igual")
    return out


def _move(uow: UnitOfWork, establishment: str, now: datetime) -> TillRef:
    """This till belongs to ``establishment`` (as the store has it)."""
    s = uow.session
    row = s.get(TillRow, uow.till.id)
    est = s.scalars(select(Establishment).where(Establishment.code == establishment)).first()
    if est is None:
        est = Establishment(code=establishment, name="", address="", city="", postal_code="",
                            created_at=now)
        s.add(est)
        s.flush()
    if row.establishment_id != est.id:
        row.establishment_id = est.id
        s.flush()
    ref = till_ref(s, row.code)
    uow.adopt_till(ref)
    return ref


def join(uow: UnitOfWork, code: str, name: str, establishment: str, url: str,
         central_till_id: int, now: datetime, user: str,
         skip: dict[str, set] | None = None,
         seal: tuple[str, int, str] | None = None) -> tuple[TillRef, int]:
    """Make this database the till ``code`` of a store (creating the till when the database
    is new: ``seal`` is then (shop, seal key version, fingerprint), sealed as its first
    journal entry); returns the till and how many records it now owes the store."""
    again = False
    if uow.has_till:
        if uow.till.code != code:
            raise ValidationError(f"Esta caixa é a {uow.till.code}: o código de uma caixa faz "
                                  "parte dos seus registos selados e não muda. Ligue-a à loja "
                                  f"como {uow.till.code}.")
        linked = link_settings(uow)
        if linked is not None and int(linked["till_id"]) != central_till_id:
            raise ValidationError("Esta caixa já está ligada a outra loja.")
        again = linked is not None     # joining again: what came before is owed already
        ref = _move(uow, establishment, now)
    else:
        ref = tills.create(uow, code, name or code, establishment, now)
        if seal is not None:
            sealing.record_setup(uow, now, user, *seal)
    uow.till_settings.put(LINK_KEY, json.dumps(
        {"url": url, "till_id": central_till_id, "attached_at": now.isoformat()}))
    local.install(uow, central_till_id)
    owed = 0 if again else local.backfill(uow, central_till_id, skip)
    uow.audit.append(now, user, "store_attach", f"{code} -> {url.split('@')[-1]}"[:500])
    return ref, owed + 1
