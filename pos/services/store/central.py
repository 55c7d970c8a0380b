"""The central database's administration: set-up, tills joining, the store's office, and the
store's view of replication (lag, pending, conflicts per till).

Everything here runs on the central PostgreSQL as its owner (the person who ran
``caixa store init``); tills never call it. Tills act through their own roles, which can
only insert their own records, report their own health, publish their own anchor and read
master data.

The central database issues nothing: a till's numbers live in its own file, and issuing here
in a till's series would collide with them. It keeps one till of its own, the store's
**office** (code ``LOJA``): no series, never sells; the back office pointed at the store acts
for it, so every change of master data made there is sealed in the office's own journal,
like a till's, and ``verify`` checks it with the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import aliased

from pos import signing
from pos.domain.errors import ValidationError
from pos.persistence.models import (
    AuditEvent,
    Base,
    Company,
    DocumentEvent,
    DocumentRow,
    Establishment,
    Series,
    SigningKey,
    TillRow,
)
from pos.persistence.store_models import (
    MasterChange,
    StoreAnchor,
    StoreConflict,
    StoreEntry,
    StoreInbox,
    StoreSealKey,
    StoreTill,
)
from pos.persistence.uow import TillRef, UnitOfWork, till_ref

from .. import tills
from . import central_sql
from .registry import ENTRIES, MASTER

NOT_A_STORE = ("Esta base de dados ainda não é a base central de uma loja: execute "
               "'caixa store init URL' primeiro.")
OFFICE = "LOJA"                 # the store's office: the central database's own till
OFFICE_NAME = "Loja (base central)"


@dataclass(frozen=True)
class InitReport:
    group: str
    entries: int
    master_tables: int


@dataclass(frozen=True)
class Credentials:
    till: TillRef
    role: str
    password: str
    shop: str                   # the store's identity (settings.shop_uuid)


@dataclass(frozen=True)
class JoinFacts:
    """What a till brings when it joins: checked before anything is created."""

    company_nif: str | None
    series: tuple[tuple[str, str], ...]            # (doc type, series id)
    keys: tuple[tuple[int, bytes], ...]            # (version, public PEM)


@dataclass(frozen=True)
class TillStatus:
    code: str
    name: str
    establishment: str
    documents: int
    received: int
    last_received: datetime | None
    lag: timedelta | None              # last record: received here − recorded at the till
    unapplied: int                     # held here, not applied (a manager looks)
    conflicts: int
    reported_at: datetime | None       # the till's last report (its queue health)
    pending: int
    oldest_pending: datetime | None
    parked: int
    at_pending: int
    at_parked: int
    cursor: int
    master_head: int                   # the newest master data change here
    last_error: str | None
    anchored_at: datetime | None       # when the till last published its anchor here

    @property
    def master_behind(self) -> int:
        return max(0, self.master_head - self.cursor)


@dataclass(frozen=True)
class ConflictInfo:
    key: str
    till: str
    entry: str
    existing_till: str | None
    at: datetime


def _require_postgres(uow: UnitOfWork) -> None:
    if uow.is_sqlite:
        raise ValidationError("A base central de uma loja é PostgreSQL (um URL "
                              "postgresql://…), não um ficheiro.")


def is_store(uow: UnitOfWork) -> bool:
    if uow.is_sqlite:
        return False
    return uow.session.scalar(select(func.count()).select_from(StoreEntry)) > 0


def require_store(uow: UnitOfWork) -> None:
    _require_postgres(uow)
    if not is_store(uow):
        raise ValidationError(NOT_A_STORE)


def identifier(*parts: str) -> str:
    """A PostgreSQL role name from free text: lower case, [a-z0-9_], at most 63 bytes (a
    hash keeps long names apart)."""
    name = "_".join(re.sub(r"[^a-z0-9_]+", "_", p.lower()).strip("_") for p in parts)
    if len(name) > 63:
        name = name[:52] + "_" + hashlib.sha256(name.encode()).hexdigest()[:10]
    return name


def _names(uow: UnitOfWork) -> tuple[str, str, str]:
    database, schema = uow.session.execute(
        text("SELECT current_database(), current_schema()")).one()
    return database, schema, identifier("caixa", database, "tills")


def _run(uow: UnitOfWork, sql: str) -> None:
    """Statements with no parameters, as they are (PL/pgSQL bodies hold '%' and '$')."""
    cursor = uow.session.connection().connection.cursor()   # the driver's, no parameters
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def _columns(table: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[table].columns if c.name != "id"]


def _has_till(table: str) -> bool:
    return "till_id" in Base.metadata.tables[table].columns


def init(uow: UnitOfWork) -> InitReport:
    """Functions, triggers, registry, the tills' group role, grants and policies. Safe to
    run again (after an upgrade of Caixa it brings them up to date)."""
    _require_postgres(uow)
    database, schema, group = _names(uow)
    quoted = '"' + schema.replace('"', '""') + '"'
    _run(uow, central_sql.FUNCTIONS.format(schema=quoted))
    _run(uow, central_sql.TRIGGERS)
    for spec in MASTER:
        _run(uow, central_sql.MASTER_TRIGGER.format(
            table=spec.table, key=",".join(spec.key), local=",".join(spec.local),
            own=",".join(spec.own_rows)))
    s = uow.session
    for e in ENTRIES:
        # The columns of each table, worked out here once, not per record there.
        rules = {"refs": e.refs, "stamp": list(e.stamp),
                 "columns": _columns(e.central_table), "till": _has_till(e.central_table),
                 "ref_till": {col: _has_till(parent) for col, parent in e.refs.items()},
                 "children": [{"table": c.table, "fk": c.fk, "columns": _columns(c.table)}
                              for c in e.children]}
        if e.shared:
            rules["shared"] = {"key": e.shared[0], "same": list(e.shared[1])}
        rules = json.dumps(rules, sort_keys=True)
        row = s.get(StoreEntry, e.name) or StoreEntry(name=e.name)
        row.target, row.op, row.match, row.rules = e.central_table, e.op, \
            (e.match if e.op == "update" else None), rules
        s.add(row)
    s.flush()
    _run(uow, central_sql.GRANTS.format(
        group=group, schema=quoted, database='"' + database.replace('"', '""') + '"',
        master_tables=", ".join(spec.table for spec in MASTER)))
    return InitReport(group, len(ENTRIES), len(MASTER))


# ---- the store's office ----------------------------------------------------------------

def office(uow: UnitOfWork) -> TillRef | None:
    return till_ref(uow.session, OFFICE)


def office_establishment(uow: UnitOfWork) -> str | None:
    """Where the office is created: the company's first establishment (None before a till
    seeded the store)."""
    if uow.session.get(Company, 1) is None:
        return None
    return uow.session.scalars(select(Establishment.code).order_by(Establishment.id)).first()


def make_office(uow: UnitOfWork, establishment: str, now: datetime) -> TillRef:
    """The office's till row; the unit then acts for it (its seal key and first sealed
    entry are the caller's, as at a shop's set-up)."""
    return tills.create(uow, OFFICE, OFFICE_NAME, establishment, now)


# ---- tills joining -----------------------------------------------------------------------

def join_problems(uow: UnitOfWork, code: str, facts: JoinFacts) -> list[str]:
    """Why a till cannot join as it is (one sentence each), before anything is created."""
    require_store(uow)
    s = uow.session
    problems = []
    if code.upper() == OFFICE:
        problems.append(f"{OFFICE} é o código do escritório da loja na base central: escolha "
                        "outro código para a caixa.")
    company = s.get(Company, 1)
    if company is not None and facts.company_nif and company.nif != facts.company_nif:
        problems.append(f"Esta caixa é da empresa {facts.company_nif} e a loja da empresa "
                        f"{company.nif}.")
    owner = aliased(TillRow)
    for doc_type, series_id in facts.series:
        other = s.execute(select(owner.code).join(Series, Series.till_id == owner.id).where(
            Series.doc_type == doc_type, Series.series_key == series_id.upper(),
            owner.code != code)).scalar()
        if other is not None:
            problems.append(f"A série {doc_type} {series_id} já é da caixa {other}: cada "
                            "caixa emite nas suas próprias séries.")
    for version, public in facts.keys:
        held = s.scalar(select(SigningKey.public_pem).where(SigningKey.version == version))
        if held is not None and bytes(held) != bytes(public):
            problems.append(f"A chave de assinatura versão {version} desta caixa não é a da "
                            "loja: importe a chave da loja (caixa keys import) antes de a "
                            "ligar.")
    return problems


def held_heads(uow: UnitOfWork, code: str) -> dict[str, tuple[int, str]]:
    """The heads of till ``code``'s chains as the store holds them ({} for a till it has
    nothing of): a database joining as that till must continue them."""
    require_store(uow)
    ref = till_ref(uow.session, code)
    if ref is None:
        return {}
    out = {}
    for chain, model in (("documents", DocumentEvent), ("journal", AuditEvent)):
        row = uow.session.execute(select(model.seq, model.hash).where(model.till_id == ref.id)
                                  .order_by(model.seq.desc()).limit(1)).first()
        if row is not None:
            out[chain] = (row[0], row[1])
    return out


def enrol(uow: UnitOfWork, code: str, name: str, establishment: str, now: datetime,
          takeover: bool = False) -> Credentials:
    """The till's row here (created, or found when it joins again) and its own role with
    a new password. A till already attached is only taken over when ``takeover`` says so
    (the same till joining again, or its database moved to a new machine): its old password
    stops working."""
    require_store(uow)
    if uow.session.get(Company, 1) is None:
        raise ValidationError("A loja ainda não tem empresa: ligue primeiro uma caixa já "
                              "configurada (os dados mestre da loja vêm dela).")
    database, _schema, group = _names(uow)
    ref = till_ref(uow.session, code)
    if ref is not None and not takeover and uow.session.get(StoreTill, ref.id) is not None:
        raise ValidationError(f"A caixa {code} já está ligada a esta loja. Se esta máquina a "
                              "substitui (com a base de dados dela), repita com --replace (a "
                              "outra deixa de poder enviar).")
    ref = ref or tills.create(uow, code, name, establishment, now)
    role = identifier("caixa", database, code)
    password = secrets.token_urlsafe(24)
    exists = uow.session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    verb = "ALTER" if exists else "CREATE"
    membership = "" if exists else f" IN ROLE {group}"
    _run(uow, f"{verb} ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
              f"PASSWORD '{password}'{membership}")
    if exists:
        _disconnect(uow, role)
    row = uow.session.get(StoreTill, ref.id)
    if row is None:
        uow.session.add(StoreTill(till_id=ref.id, role=role, attached_at=now, pending=0,
                                  parked=0, at_pending=0, at_parked=0, cursor=0))
    else:
        row.role, row.attached_at = role, now
    return Credentials(ref, role, password, uow.settings.get("shop_uuid"))


def _disconnect(uow: UnitOfWork, role: str) -> None:
    """End the sessions the till's old password opened (a replaced machine is shut out at
    once). Only an owner allowed to signal them can; otherwise they end at their next
    connection, which the new password refuses."""
    try:
        with uow.session.begin_nested():
            uow.session.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE usename = :r AND pid <> pg_backend_pid()"),
                                {"r": role})
    except DBAPIError:      # not allowed to: see the docstring
        pass


# ---- checking what the tills sent ------------------------------------------------------

def seal_verifiers(uow: UnitOfWork) -> dict[int, dict[int, signing.SealVerifier]]:
    """Each till's seal keys as it sent them: {till id: {version: verifier}}."""
    out: dict[int, dict[int, signing.SealVerifier]] = {}
    for till_id, version, pem in uow.session.execute(
            select(StoreSealKey.till_id, StoreSealKey.version, StoreSealKey.public_pem)):
        out.setdefault(till_id, {})[version] = signing.SealVerifier(bytes(pem))
    return out


def seal_fingerprints(uow: UnitOfWork) -> list[tuple[str, int, str]]:
    """(till code, version, fingerprint) of every till's seal key held here."""
    return [tuple(r) for r in uow.session.execute(
        select(TillRow.code, StoreSealKey.version, StoreSealKey.fingerprint)
        .join(TillRow, TillRow.id == StoreSealKey.till_id)
        .order_by(TillRow.code, StoreSealKey.version))]


def anchor(uow: UnitOfWork, till_id: int) -> str | None:
    return uow.session.scalar(select(StoreAnchor.state).where(StoreAnchor.till_id == till_id))


# ---- the store's view ------------------------------------------------------------------

def status(uow: UnitOfWork) -> list[TillStatus]:
    """Each till of the store: what arrived, how late, what is stuck, what it reported."""
    require_store(uow)
    s = uow.session
    docs = dict(s.execute(select(DocumentRow.till_id, func.count())
                          .group_by(DocumentRow.till_id)).all())
    inbox = {r[0]: r[1:] for r in s.execute(
        select(StoreInbox.till_id, func.count(), func.max(StoreInbox.id),
               func.sum(case((StoreInbox.applied, 0), else_=1)))
        .group_by(StoreInbox.till_id))}
    lasts = {}
    ids = [v[1] for v in inbox.values() if v[1] is not None]
    if ids:
        lasts = {r[0]: r[1:] for r in s.execute(
            select(StoreInbox.till_id, StoreInbox.received_at, StoreInbox.recorded_at)
            .where(StoreInbox.id.in_(ids)))}
    conflicts = dict(s.execute(select(StoreConflict.till_id, func.count())
                               .group_by(StoreConflict.till_id)).all())
    anchored = dict(s.execute(select(StoreAnchor.till_id, StoreAnchor.at)).all())
    head = s.scalar(select(func.max(MasterChange.seq))) or 0
    out = []
    for till, est, st in s.execute(
            select(TillRow, Establishment.code, StoreTill)
            .join(Establishment, Establishment.id == TillRow.establishment_id)
            .join(StoreTill, StoreTill.till_id == TillRow.id).order_by(TillRow.code)):
        count, _last_id, unapplied = inbox.get(till.id, (0, None, 0))
        received, recorded = lasts.get(till.id, (None, None))
        out.append(TillStatus(
            till.code, till.name, est, docs.get(till.id, 0), count, received,
            received - recorded if received and recorded else None, int(unapplied or 0),
            conflicts.get(till.id, 0), st.reported_at, st.pending, st.oldest_pending,
            st.parked, st.at_pending, st.at_parked, st.cursor, head, st.last_error,
            anchored.get(till.id)))
    return out


def conflicts(uow: UnitOfWork, limit: int = 200) -> list[ConflictInfo]:
    require_store(uow)
    other = aliased(TillRow)
    rows = uow.session.execute(
        select(StoreConflict.key, TillRow.code, StoreConflict.entry, other.code,
               StoreConflict.at)
        .join(TillRow, TillRow.id == StoreConflict.till_id)
        .outerjoin(other, other.id == StoreConflict.existing_till_id)
        .order_by(StoreConflict.id.desc()).limit(limit))
    return [ConflictInfo(*r) for r in rows]


def problems(uow: UnitOfWork, limit: int = 200) -> list[tuple[str, str, str, str]]:
    """Records held but not applied: (till, kind, key, why)."""
    require_store(uow)
    rows = uow.session.execute(
        select(TillRow.code, StoreInbox.entry, StoreInbox.key, StoreInbox.problem)
        .join(TillRow, TillRow.id == StoreInbox.till_id).where(~StoreInbox.applied)
        .order_by(StoreInbox.id).limit(limit))
    return [tuple(r) for r in rows]


def reapply(uow: UnitOfWork) -> int:
    """Apply again what could not be applied when it arrived (after a manager fixed the
    cause); how many now were."""
    require_store(uow)
    return int(uow.session.scalar(text("SELECT caixa_store_reapply()")) or 0)
