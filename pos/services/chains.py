"""Checking a till's sealed chains (pos.domain.seal): the document chain and the journal.

Every link is recomputed: an entry's hash from its sequence number, the previous hash and
its content — for an ``issued`` entry, the document's rows as they are now, compared field by
field with the sealed copy so that a change is named. The head's Ed25519 seal then
authenticates the whole chain (each hash commits to everything before it); rows carried over
by migration 0006 are unsigned and must end exactly at the head the journal's ``upgrade``
entry sealed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, exists, select
from sqlalchemy.orm import aliased

from pos.domain import seal
from pos.persistence.models import (
    AuditEvent,
    DocumentEvent,
    DocumentRow,
    LineRow,
    PaymentRow,
    TillRow,
)
from pos.persistence.repositories import event_hash

from .raw_values import UNREADABLE, datetime_of, raw, unreadable

BATCH = 2000
FINGERPRINT = re.compile(r"fingerprint ([0-9a-f]{32})")


@dataclass
class Covered:
    """What a till's ``upgrade`` journal entry sealed: the heads of what was there before."""

    documents: tuple[int, str] | None = None
    journal: tuple[int, str] | None = None


@dataclass
class JournalFacts:
    """What the journals say about the shop: key fingerprints and shop identities sealed in
    them, and each till's ``upgrade`` cover."""

    signing_keys: set[str] = field(default_factory=set)
    seal_keys: set[str] = field(default_factory=set)
    shops: set[str] = field(default_factory=set)
    covered: dict[int, Covered] = field(default_factory=dict)


def _stream(conn: Connection, stmt) -> Iterator:
    # Options on the statement: Connection.execution_options() would set them on the
    # connection itself, and a later INSERT in the unit (PostgreSQL) would get a cursor.
    result = conn.execute(stmt.execution_options(stream_results=True, yield_per=BATCH))
    for part in result.partitions(BATCH):
        yield from part


def till_codes(conn: Connection) -> dict[int, str]:
    return dict(conn.execute(select(TillRow.id, TillRow.code)).all())


# ---- the journal --------------------------------------------------------------------------

def journal_facts(conn: Connection) -> JournalFacts:
    facts = JournalFacts()
    rows = conn.execute(select(AuditEvent.till_id, AuditEvent.kind, AuditEvent.detail)
                        .where(AuditEvent.kind.in_(("key", "seal_key", "upgrade", "shop")),
                               AuditEvent.key_version.is_not(None))
                        .order_by(AuditEvent.till_id, AuditEvent.seq))
    for till_id, kind, detail in rows:
        if kind == "key":
            facts.signing_keys.update(FINGERPRINT.findall(detail))
        elif kind == "seal_key":
            facts.seal_keys.update(FINGERPRINT.findall(detail))
        if kind in ("seal_key", "upgrade", "shop"):
            facts.shops.update(re.findall(r"shop ([0-9a-f-]{36})", detail))
        if kind == "upgrade":
            try:
                data = json.loads(detail.split("\n", 1)[1])
            except (IndexError, ValueError):
                continue
            facts.signing_keys.update(data.get("signing_keys", {}).values())
            if data.get("seal_key"):
                facts.seal_keys.add(data["seal_key"])
            facts.covered[till_id] = Covered(
                tuple(data["documents"]) if data.get("documents") else None,
                tuple(data["journal"]) if data.get("journal") else None)
    return facts


def verify_journal(conn: Connection, till_id: int, till_code: str, verifiers: dict,
                   covered: Covered | None, head_only: bool = False,
                   since: tuple[int, str] | None = None) -> list[str]:
    """Problems in one till's journal, as sentences (empty when intact). ``since``: only the
    entries after that (sequence number, hash), which must follow it."""
    problems: list[str] = []
    cols = (AuditEvent.seq, raw(AuditEvent.at), AuditEvent.user_login, AuditEvent.kind,
            AuditEvent.detail, AuditEvent.prev_hash, AuditEvent.hash, AuditEvent.key_version,
            AuditEvent.signature)
    q = select(*cols).where(AuditEvent.till_id == till_id)
    if head_only:
        rows = list(conn.execute(q.order_by(AuditEvent.seq.desc()).limit(2)))[::-1]
        expected, prev = (rows[0].seq, rows[0].prev_hash) if rows else (1, "")
    elif since is not None:
        rows = list(conn.execute(q.where(AuditEvent.seq > since[0]).order_by(AuditEvent.seq)))
        expected, prev = since[0] + 1, since[1]
        if not rows:         # nothing after it: the head is that entry, sealed as it was
            rows = list(conn.execute(q.where(AuditEvent.seq == since[0])))
            expected, prev = since[0], rows[0].prev_hash if rows else since[1]
    else:
        rows = _stream(conn, q.order_by(AuditEvent.seq))
        expected, prev = 1, ""
    old_end = covered.journal[0] if covered and covered.journal else 0
    last = None
    for row in rows:
        seq, at_text, user, kind, detail, prev_hash, digest, key_version, signature = row
        where = f"diário da caixa {till_code}, registo {seq} ({kind})"
        at = datetime_of(at_text)
        if at is None:
            problems.append(f"{where}: {unreadable('at', at_text)}")
            expected, prev, last = seq + 1, digest, row
            continue
        if seq != expected:
            problems.append(f"{where}: esperado o registo {expected} (registos apagados ou "
                            "inseridos)")
        if prev_hash != prev:
            problems.append(f"{where}: não segue o registo anterior (apagado ou alterado)")
        if key_version is None:
            ok = seq <= old_end and digest == event_hash(prev_hash, at, user, kind, detail)
        else:
            ok = digest == seal.chain_hash(seq, prev_hash, seal.journal_content(
                till_code, at, user, kind, detail))
        if not ok:
            problems.append(f"{where}: conteúdo alterado (não corresponde ao selo)")
        expected, prev, last = seq + 1, digest, row
    if last is not None:
        problems += _head_seal(f"diário da caixa {till_code}", last, verifiers,
                               covered.journal if covered else None)
    return problems


def _head_seal(what: str, head, verifiers: dict, covered: tuple[int, str] | None) -> list[str]:
    """The head of a chain must carry a valid seal (or be the head the upgrade sealed)."""
    if head.key_version is None:
        if covered and (head.seq, head.hash) == tuple(covered):
            return []
        return [f"{what}: o último registo ({head.seq}) não está selado"]
    verifier = verifiers.get(head.key_version)
    if verifier is None:
        return [f"{what}: chave de selagem versão {head.key_version} desconhecida"]
    if not verifier.verify_hash(head.hash, head.signature):
        return [f"{what}: selo do último registo ({head.seq}) inválido"]
    return []


# ---- the document chain --------------------------------------------------------------

_REF = aliased(DocumentRow)


def _documents(conn: Connection, ids: list[int]) -> dict[int, tuple[dict, list, list]]:
    """The current rows of documents ``ids``: (columns + referenced UUID, lines, payments).
    A document with a value that cannot be read (a total 'abc', a date 'garbage': altered
    outside the program) comes back as (its number, uuid and till, None, None)."""
    try:
        return _read_documents(conn, ids)
    except UNREADABLE:
        out: dict[int, tuple[dict, list, list]] = {}
        for one in ids:
            try:
                out.update(_read_documents(conn, [one]))
            except UNREADABLE:
                row = conn.execute(select(DocumentRow.id, DocumentRow.document_no,
                                          DocumentRow.uuid, DocumentRow.till_id)
                                   .where(DocumentRow.id == one)).first()
                if row is not None:
                    out[one] = (dict(row._mapping), None, None)
        return out


def _read_documents(conn: Connection, ids: list[int]) -> dict[int, tuple[dict, list, list]]:
    out: dict[int, tuple[dict, list, list]] = {}
    stmt = (select(DocumentRow.__table__, _REF.uuid.label("ref_document"))
            .outerjoin(_REF, _REF.id == DocumentRow.ref_document_id)
            .where(DocumentRow.id.in_(ids)))
    for row in conn.execute(stmt):
        out[row.id] = (dict(row._mapping), [], [])
    for row in conn.execute(select(LineRow.__table__).where(LineRow.document_id.in_(ids))
                            .order_by(LineRow.document_id, LineRow.line_no)):
        if row.document_id in out:
            out[row.document_id][1].append(row._mapping)
    for row in conn.execute(select(PaymentRow.__table__)
                            .where(PaymentRow.document_id.in_(ids)).order_by(PaymentRow.id)):
        if row.document_id in out:
            out[row.document_id][2].append(row._mapping)
    return out


def current_content(till_code: str, doc: tuple[dict, list, list]) -> bytes:
    values, lines, payments = doc
    return seal.document_content({**values, "till": till_code}, lines, payments)


_EVENT_COLS = (DocumentEvent.seq, DocumentEvent.document_id, DocumentEvent.kind,
               raw(DocumentEvent.at), DocumentEvent.user_login, DocumentEvent.reason,
               DocumentEvent.value, DocumentEvent.sealed, DocumentEvent.prev_hash,
               DocumentEvent.hash, DocumentEvent.key_version, DocumentEvent.signature)


def check_entry(till_id: int, till_code: str, ev, doc) -> list[tuple[str | None, str]]:
    """(document number, problem) for one entry of the document chain, against its document
    as it is now (``doc`` from ``_documents``, or None when the row is gone)."""
    if doc is None:
        return [(None, f"registo {ev.seq} da cadeia de documentos da caixa {till_code}: o "
                       f"documento (id {ev.document_id}) foi apagado")]
    values = doc[0]
    doc_no = values["document_no"]
    out: list[tuple[str | None, str]] = []
    if values["till_id"] != till_id:
        out.append((doc_no, f"documento passado para outra caixa (selado na caixa {till_code})"))
    if doc[1] is None:
        return out + [(doc_no, "valores ilegíveis na base de dados (alterados fora do "
                               "programa)")]
    if ev.kind == seal.ISSUED:
        sealed = seal.unpack(ev.sealed or b"")
        if seal.chain_hash(ev.seq, ev.prev_hash, sealed) != ev.hash:
            return out + [(doc_no, "cópia selada do documento alterada (não corresponde ao "
                                   "selo)")]
        now = current_content(till_code, doc)
        if now != sealed:
            out += [(doc_no, what) for what in seal.differences(sealed, now)]
        return out
    at = datetime_of(ev.at)
    if at is None:
        return out + [(doc_no, f"registo {ev.seq} da cadeia de documentos: "
                               f"{unreadable('at', ev.at)}")]
    content = seal.event_content(ev.kind, till_code, dict(
        document=values["uuid"], document_no=doc_no, at=at, user_login=ev.user_login,
        reason=ev.reason, value=ev.value))
    if seal.chain_hash(ev.seq, ev.prev_hash, content) != ev.hash:
        what = "anulação" if ev.kind == seal.CANCELLED else "código AT"
        out.append((doc_no, f"registo de {what} alterado (não corresponde ao selo)"))
    return out


def verify_documents(conn: Connection, till_id: int, till_code: str, verifiers: dict,
                     covered: Covered | None) -> list[tuple[str | None, str]]:
    """(document number or None, problem) for one till's document chain."""
    problems: list[tuple[str | None, str]] = []
    rows = _stream(conn, select(*_EVENT_COLS).where(DocumentEvent.till_id == till_id)
                   .order_by(DocumentEvent.seq))
    unsigned_end = covered.documents[0] if covered and covered.documents else 0
    expected, prev, last = 1, "", None
    batch: list = []

    def check(batch: list) -> None:
        docs = _documents(conn, [ev.document_id for ev in batch])
        for ev in batch:
            problems.extend(check_entry(till_id, till_code, ev, docs.get(ev.document_id)))

    for ev in rows:
        where = f"cadeia de documentos da caixa {till_code}, registo {ev.seq}"
        if ev.seq != expected:
            problems.append((None, f"{where}: esperado o registo {expected} (registos "
                                   "apagados ou inseridos)"))
        if ev.prev_hash != prev:
            problems.append((None, f"{where}: não segue o registo anterior (apagado ou "
                                   "alterado)"))
        if ev.key_version is None and ev.seq > unsigned_end:
            problems.append((None, f"{where}: registo sem selo (inserido fora do programa)"))
        batch.append(ev)
        if len(batch) >= BATCH:
            check(batch)
            batch = []
        expected, prev, last = ev.seq + 1, ev.hash, ev
    if batch:
        check(batch)
    if last is not None:
        problems += [(None, p) for p in _head_seal(f"cadeia de documentos da caixa "
                                                   f"{till_code}", last, verifiers,
                                                   covered.documents if covered else None)]
    return problems + unsealed(conn, till_id)


def unsealed(conn: Connection, till_id: int) -> list[tuple[str, str]]:
    """Documents of the till without an ``issued`` entry (the first 50)."""
    found = conn.execute(select(DocumentRow.document_no).where(
        DocumentRow.till_id == till_id, ~exists().where(and_(
            DocumentEvent.document_id == DocumentRow.id, DocumentEvent.kind == seal.ISSUED)))
        .order_by(DocumentRow.id).limit(50)).scalars().all()
    return [(doc_no, "documento sem selo (inserido fora do programa)") for doc_no in found]


def _entry(conn: Connection, till_id: int, seq: int):
    return conn.execute(select(*_EVENT_COLS).where(DocumentEvent.till_id == till_id,
                                                   DocumentEvent.seq == seq)).first()


def entry_problems(conn: Connection, till_id: int, till_code: str, seq: int
                   ) -> list[tuple[str | None, str]]:
    """``check_entry`` for entry ``seq`` of the till's document chain."""
    ev = _entry(conn, till_id, seq)
    if ev is None:
        return []
    doc = _documents(conn, [ev.document_id]).get(ev.document_id)
    return check_entry(till_id, till_code, ev, doc)


def head_seal_problems(conn: Connection, till_id: int, till_code: str, head_seq: int,
                       verifiers: dict, covered: Covered | None) -> list[str]:
    """The seal of the chain's head, entry ``head_seq``."""
    head = _entry(conn, till_id, head_seq)
    if head is None:
        return []
    return _head_seal(f"cadeia de documentos da caixa {till_code}", head, verifiers,
                      covered.documents if covered else None)


def head_problems(conn: Connection, till_id: int, till_code: str, verifiers: dict,
                  covered: Covered | None) -> list[tuple[str | None, str]]:
    """The start-up check of the document chain: its last two entries, the head's content
    against its document and the head's seal."""
    rows = list(conn.execute(select(*_EVENT_COLS).where(DocumentEvent.till_id == till_id)
                             .order_by(DocumentEvent.seq.desc()).limit(2)))[::-1]
    if not rows:
        return []
    out: list[tuple[str | None, str]] = []
    head = rows[-1]
    if len(rows) == 2 and (head.prev_hash != rows[0].hash or head.seq != rows[0].seq + 1):
        out.append((None, f"cadeia de documentos da caixa {till_code}: o último registo não "
                          "segue o anterior"))
    doc = _documents(conn, [head.document_id]).get(head.document_id)
    out += check_entry(till_id, till_code, head, doc)
    unsigned_end = covered.documents[0] if covered and covered.documents else 0
    if head.key_version is None and head.seq > unsigned_end:
        out.append((None, f"cadeia de documentos da caixa {till_code}: registo {head.seq} "
                          "sem selo (inserido fora do programa)"))
    out += [(None, p) for p in _head_seal(f"cadeia de documentos da caixa {till_code}", head,
                                          verifiers, covered.documents if covered else None)]
    return out


def cancellations_lost(conn: Connection, till_id: int) -> list[tuple[str, str]]:
    """Documents the journal says were cancelled whose cancellation is gone from the
    document chain (a revived document): (document number, problem)."""
    said = set()
    for detail in conn.scalars(select(AuditEvent.detail).where(
            AuditEvent.till_id == till_id, AuditEvent.kind == "cancel")):
        said.add(detail.split(": ", 1)[0])
    if not said:
        return []
    cancelled = set(conn.scalars(select(DocumentRow.document_no).join(
        DocumentEvent, and_(DocumentEvent.document_id == DocumentRow.id,
                            DocumentEvent.kind == seal.CANCELLED))
        .where(DocumentRow.document_no.in_(said))))
    return [(no, "o diário regista a anulação deste documento, mas ele já não está anulado "
                 "(estado alterado)") for no in sorted(said - cancelled)]
