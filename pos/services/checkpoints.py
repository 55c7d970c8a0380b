"""The start-up check that does not grow with the history: verify from a signed checkpoint.

A **checkpoint** is where a till's data was last found intact: the heads of its document
chain and journal, each of its series' last number and hash, the largest document id of the
file, and SQLite's schema cookie (``PRAGMA schema_version``), sealed with the till's Ed25519
seal key and kept in the till's settings (``verified_through``). A clean full verification
and a clean exit write one, and so does a clean start-up check that had much to read.

The start-up check then reads only what came after it: documents with a larger id, through
the same ordered pass as ``verify`` (pos.services.verify_pass); chain and journal entries
after its heads, linked to them; each series continuing from its checkpointed number and
hash; and it checks that the entries and documents at the checkpoint still carry the hashes
it sealed (a chain rewritten from any earlier point changes them). Its cost is what was
issued since the last check, not the history.

**An alteration anywhere, also behind the checkpoint.** Documents, lines, payments, chain
and journal entries are append-only: the database's guards (triggers) refuse UPDATE and
DELETE. Changing any of them through SQL therefore means dropping a guard first — and
dropping or re-creating a trigger changes the schema cookie, which the checkpoint seals.
A cookie that moved sends the start-up check to the full verification (which names what
changed), as does a missing or broken checkpoint; so does anything after the checkpoint
that does not hold together. Inserted rows need no dropped guard, but land after the
checkpoint (a larger id, a later sequence number) where they are read. What this cannot
see at start-up — bytes written into the file below SQLite, a connection that switched its
triggers off (SQLITE_DBCONFIG_ENABLE_TRIGGER) or a cookie set back by hand — the full
verification (``caixa verify``) still finds; INTEGRITY.md says so.

SQLite files only: on PostgreSQL the start-up check reads the heads as before.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, func, select, text

from pos.persistence.models import AuditEvent, DocumentEvent, DocumentRow, Series
from pos.persistence.uow import UnitOfWork

from . import chains, integrity, verify_pass
from .verification import series_holds

KEY = "verified_through"
FORMAT = 1
# A start-up check or a full verification that finds this many documents after the
# checkpoint moves it on (a clean exit always does); below that, they write nothing.
WRITE_AFTER = 256


@dataclass(frozen=True)
class Checkpoint:
    till: str
    documents: tuple[int, str] | None         # the document chain's head (seq, hash)
    journal: tuple[int, str] | None            # the journal's head
    top: int                                   # the largest document id in the file
    series: dict[int, tuple[int, str]]         # series pk -> (last number, last hash)
    schema: int                                # PRAGMA schema_version
    at: str = ""

    def payload(self) -> bytes:
        return json.dumps({
            "v": FORMAT, "till": self.till,
            "documents": list(self.documents) if self.documents else None,
            "journal": list(self.journal) if self.journal else None, "top": self.top,
            "series": {str(k): list(v) for k, v in sorted(self.series.items())},
            "schema": self.schema, "at": self.at}, sort_keys=True,
            separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_payload(cls, raw: bytes) -> Checkpoint:
        d = json.loads(raw)
        if d["v"] != FORMAT:
            raise ValueError("format")
        return cls(d["till"], tuple(d["documents"]) if d["documents"] else None,
                   tuple(d["journal"]) if d["journal"] else None, int(d["top"]),
                   {int(k): (int(v[0]), v[1]) for k, v in d["series"].items()},
                   int(d["schema"]), d.get("at", ""))

    def newer_than(self, other: Checkpoint | None) -> bool:
        if other is None:
            return True
        return (self.documents or (0, ""))[0] >= (other.documents or (0, ""))[0] and \
            (self.journal or (0, ""))[0] >= (other.journal or (0, ""))[0] and \
            self.top >= other.top and self != other


@dataclass
class Outcome:
    """What the start-up check did: ``mode`` "incremental" or "full" (and why), how many
    documents it read, and the checkpoint it may write once nothing blocks."""

    mode: str
    documents: int
    problems: list[integrity.Problem] = field(default_factory=list)
    reached: Checkpoint | None = None
    why: str = ""


def schema_version(conn: Connection) -> int:
    return conn.execute(text("PRAGMA schema_version")).scalar() or 0


def current(uow: UnitOfWork, at: datetime) -> Checkpoint:
    """This till's positions in the unit's snapshot."""
    conn = uow.session.connection()
    till = uow.till

    def head(model):
        row = conn.execute(select(model.seq, model.hash).where(model.till_id == till.id)
                           .order_by(model.seq.desc()).limit(1)).first()
        return (row[0], row[1]) if row else None

    top = max(conn.execute(select(func.max(DocumentRow.id))).scalar() or 0,
              conn.execute(select(func.max(DocumentEvent.document_id))).scalar() or 0)
    series = {pk: (n, h or "") for pk, n, h in conn.execute(
        select(Series.id, Series.last_number, Series.last_hash).where(Series.till_id == till.id))}
    return Checkpoint(till.code, head(DocumentEvent), head(AuditEvent), top, series,
                      schema_version(conn), at.isoformat(timespec="seconds"))


def read(uow: UnitOfWork, seal_verifiers: dict) -> Checkpoint | None:
    """The till's checkpoint when its seal holds (else None: the check starts from nothing)."""
    raw = uow.till_settings.get(KEY)
    if not raw:
        return None
    try:
        stored = json.loads(raw)
        payload = base64.b64decode(stored["data"], validate=True)
        verifier = seal_verifiers.get(int(stored["key"]))
        if verifier is None or not verifier.verify(hashlib.sha256(payload).digest(),
                                                   stored["seal"]):
            return None
        cp = Checkpoint.from_payload(payload)
    except (ValueError, KeyError, TypeError):
        return None
    return cp if cp.till == uow.till.code else None


def worth_writing(stored: Checkpoint | None, reached: Checkpoint) -> bool:
    """A full verification moves the checkpoint when there is none that holds, or when
    WRITE_AFTER documents came after it (a verification that finds the till where it was
    leaves the file as it was: reading never writes)."""
    if stored is None:
        return True
    return (reached.documents or (0, ""))[0] - (stored.documents or (0, ""))[0] >= WRITE_AFTER


def write(uow: UnitOfWork, reached: Checkpoint) -> None:
    """Seal ``reached`` as the till's checkpoint, unless the one there is already as far
    (another process of the till checked meanwhile)."""
    sealer = uow.sealer()
    payload = reached.payload()
    there = uow.till_settings.get(KEY)
    if there:
        try:
            old = Checkpoint.from_payload(base64.b64decode(json.loads(there)["data"]))
            if not reached.newer_than(old):
                return
        except (ValueError, KeyError, TypeError):
            pass
    uow.till_settings.put(KEY, json.dumps({
        "data": base64.b64encode(payload).decode("ascii"), "key": sealer.version,
        "seal": sealer.seal(hashlib.sha256(payload).digest())}))


def check(uow: UnitOfWork, verifiers: dict, seal_verifiers: dict,
          signing_fingerprints: dict[int, str], at: datetime) -> Outcome:
    """The start-up check of this till in the unit's snapshot (see the module docstring)."""
    cp = read(uow, seal_verifiers)
    reached = current(uow, at)
    why = ""
    if cp is None:
        why = "sem ponto de verificação selado"
    elif cp.schema != reached.schema:
        why = "a estrutura da base de dados mudou desde a última verificação"
    else:
        outcome = _incremental(uow, cp, reached, verifiers, seal_verifiers)
        if outcome is not None:
            outcome.problems += _always(uow, verifiers, seal_verifiers, signing_fingerprints)
            return outcome
        why = "dados depois do ponto de verificação não batem certo"
    return _full(uow, verifiers, seal_verifiers, signing_fingerprints, reached, why)


def _full(uow, verifiers, seal_verifiers, signing_fingerprints, reached, why) -> Outcome:
    report = integrity.verify(uow, verifiers, seal_verifiers, signing_fingerprints)
    mine = [p for p in report.problems if p.till_id in (uow.till.id, None)]
    return Outcome("full", report.documents, mine, reached, why)


def _always(uow, verifiers, seal_verifiers, signing_fingerprints) -> list[integrity.Problem]:
    """What every start-up check reads whatever the checkpoint: keys, the shop's identity,
    the guards."""
    facts = chains.journal_facts(uow.session.connection())
    return integrity.shop_problems(uow, facts, signing_fingerprints) + \
        integrity.guard_problems(uow)


def _incremental(uow: UnitOfWork, cp: Checkpoint, now: Checkpoint, verifiers: dict,
                 seal_verifiers: dict) -> Outcome | None:
    """What came after ``cp``; None when anything does not hold together (the caller then
    runs the full verification, which names it)."""
    conn = uow.session.connection()
    till = uow.till
    raw = conn.connection.dbapi_connection
    # The entries and documents the checkpoint sealed still carry its hashes.
    for model, head in ((DocumentEvent, cp.documents), (AuditEvent, cp.journal)):
        if head is not None and conn.execute(select(model.hash).where(
                model.till_id == till.id, model.seq == head[0])).scalar() != head[1]:
            return None
    for pk, (number, _hash) in cp.series.items():
        if number and conn.execute(select(DocumentRow.hash).where(
                DocumentRow.series_pk == pk, DocumentRow.number == number)).scalar() is None:
            return None
    series = {s.id: s for s in conn.execute(select(Series).where(Series.till_id == till.id))}
    if any(pk not in series for pk in cp.series):
        return None
    covered = chains.journal_facts(conn).covered.get(till.id)
    unsigned_end = {till.id: covered.documents[0]} if covered and covered.documents else {}
    heads = {till.id: (now.documents or (0, ""))[0]}
    result = verify_pass.check_range(raw, cp.top + 1, now.top + 1, heads,
                                     {till.id: till.code},
                                     {pk: s.series_id for pk, s in series.items()},
                                     _pems(conn), unsigned_end)
    if till.id in result.tills_suspect or till.id in result.unsealed or any(
            t == till.id for t, _seq in result.entries_suspect) or any(
            pk in result.series_suspect for pk in series):
        return None
    for pk, s in series.items():
        if not series_holds(s, result.series_runs.get(pk, []), cp.series.get(pk)):
            return None
    if not _chain_after(conn, till.id, till.code, cp.documents, now.documents, cp.top):
        return None
    problems = [integrity.Problem("", None, p, till.id) for p in chains.verify_journal(
        conn, till.id, till.code, seal_verifiers, covered, since=cp.journal)] \
        if cp.journal else [integrity.Problem("", None, p, till.id) for p in
                            chains.verify_journal(conn, till.id, till.code, seal_verifiers,
                                                  covered)]
    if now.documents is not None:
        problems += [integrity.Problem("", None, p, till.id) for p in chains.head_seal_problems(
            conn, till.id, till.code, now.documents[0], seal_verifiers, covered)]
    if problems:
        return None
    return Outcome("incremental", result.documents, [], now)


def _pems(conn: Connection) -> dict[int, bytes]:
    from pos.persistence.models import SigningKey

    return dict(conn.execute(select(SigningKey.version, SigningKey.public_pem)).all())


def _chain_after(conn: Connection, till_id: int, code: str, cp: tuple[int, str] | None,
                 head: tuple[int, str] | None, top: int) -> bool:
    """The till's document chain after ``cp`` links to it, entry by entry, up to ``head``;
    entries about older documents (a cancellation, AT's code) are checked here, those of
    new documents (ids past ``top``) were checked by the range pass."""
    seq, prev = cp if cp is not None else (0, "")
    rows = conn.execute(select(DocumentEvent.seq, DocumentEvent.prev_hash, DocumentEvent.hash,
                               DocumentEvent.kind, DocumentEvent.key_version,
                               DocumentEvent.document_id)
                        .where(DocumentEvent.till_id == till_id, DocumentEvent.seq > seq)
                        .order_by(DocumentEvent.seq))
    for row in rows:
        if row.seq != seq + 1 or row.prev_hash != prev or row.key_version is None:
            return False
        if row.kind == "issued":
            if row.document_id <= top:      # a new entry for an old document
                return False
        elif chains.entry_problems(conn, till_id, code, row.seq):
            return False
        seq, prev = row.seq, row.hash
    return (seq, prev) == (tuple(head) if head else (0, ""))
