"""Prints of a document: only the first is the original, every later one is a marked copy
(D8632 §2.2.15), whatever printed it — the till after a sale, ``caixa print``, a PDF — in any
process or till.

Each print is **claimed** before anything is sent: the claim takes the number the print
carries (0: the original, or the original set Original/Duplicado/Triplicado; n: the n-th copy
after it, printed '(n+1).ª via') and is committed first, so no copy can ever leave the
printer unrecorded, even if the process dies while printing. It is then **finished**:

- ``printed``: it came out. A copy is then a reprint: a ``reprints`` row and a journal entry.
- ``failed``: nothing reached the printer (refused, unreachable, out of paper before the
  job): the number is free again and nothing else is recorded — a failed reprint is not a
  reprint.
- ``uncertain``: an error once bytes were flowing: it may have come out, so it counts as
  printed (recorded as a reprint with the error).

A claim never finished (the process died) keeps its number: the next print is a copy after
it. Two prints of one document never carry the same number: claims lock the document's row.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from pos.domain import text
from pos.domain.errors import NotFoundError, ValidationError
from pos.persistence.models import DocumentPrint, DocumentRow, Reprint
from pos.persistence.uow import UnitOfWork

CLAIM, PRINTED, FAILED, UNCERTAIN = "claim", "printed", "failed", "uncertain"
OUTCOMES = (PRINTED, FAILED, UNCERTAIN)
LEGACY_KEY = "prints_recorded_after"     # documents up to this id: original taken as printed


@dataclass(frozen=True)
class PrintClaim:
    id: int
    document_no: str
    number: int        # 0: the original; n: the n-th copy after it ('(n+1).ª via')

    @property
    def is_copy(self) -> bool:
        return self.number > 0


@dataclass(frozen=True)
class PrintInfo:
    number: int
    at: datetime
    user: str
    reason: str
    outcome: str       # printed | failed | uncertain | claim (never finished)
    detail: str


def next_number(uow: UnitOfWork, row: DocumentRow) -> int:
    """The number the next print of ``row`` carries."""
    session = uow.session
    claims = dict(session.execute(select(DocumentPrint.id, DocumentPrint.copy_number).where(
        DocumentPrint.document_id == row.id, DocumentPrint.kind == CLAIM)).all())
    freed = set(session.scalars(select(DocumentPrint.claim_id).where(
        DocumentPrint.document_id == row.id, DocumentPrint.kind == FAILED)))
    taken = [n for claim_id, n in claims.items() if claim_id not in freed]
    legacy = session.scalar(select(func.max(Reprint.copy_number)).where(
        Reprint.document_id == row.id))
    if legacy is not None:
        taken.append(legacy)
    if not taken and row.id <= _legacy_limit(uow):
        taken.append(0)    # issued before prints were recorded: its original is out
    return max(taken) + 1 if taken else 0


def _legacy_limit(uow: UnitOfWork) -> int:
    value = uow.settings.get(LEGACY_KEY)
    return int(value) if value.isdigit() else 0


def claim(uow: UnitOfWork, document_no: str, user: str, reason: str, now: datetime
          ) -> PrintClaim:
    """Take the number of the next print of ``document_no`` (committed with the unit)."""
    reason = text.REPRINT_REASON(reason)
    row = uow.documents.by_number(document_no)
    uow.lock(DocumentRow, row.id)      # two tills printing it: one number each
    number = next_number(uow, row)
    print_id = _append(uow, row.id, number, CLAIM, None, now, user, reason, "")
    return PrintClaim(print_id, row.document_no, number)


def finish(uow: UnitOfWork, claim_id: int, outcome: str, detail: str, now: datetime) -> None:
    """How the claimed print ended (see the module docstring)."""
    if outcome not in OUTCOMES:
        raise ValidationError(f"Resultado de impressão desconhecido: {outcome}.")
    claimed = uow.session.get(DocumentPrint, claim_id)
    if claimed is None or claimed.kind != CLAIM:
        raise NotFoundError(f"Impressão {claim_id} não foi reservada.")
    done = uow.session.scalar(select(DocumentPrint.kind).where(
        DocumentPrint.claim_id == claim_id))
    if done is not None:
        raise ValidationError(f"A impressão {claim_id} já terminou ({done}).")
    detail = " ".join(str(detail).split())[:200]
    _append(uow, claimed.document_id, claimed.copy_number, outcome, claim_id, now,
            claimed.user_login, claimed.reason, detail)
    if outcome == FAILED or claimed.copy_number == 0:
        return
    number = claimed.copy_number
    document_no = uow.session.scalar(select(DocumentRow.document_no).where(
        DocumentRow.id == claimed.document_id))
    uow.session.add(Reprint(document_id=claimed.document_id, at=now,
                            user_login=claimed.user_login, reason=claimed.reason,
                            copy_number=number))
    note = f" (incerta: {detail})" if outcome == UNCERTAIN else ""
    uow.audit.append(now, claimed.user_login, "reprint",
                     f"{document_no} copy {number}: {claimed.reason}{note}"[:1000])


def history(uow: UnitOfWork, document_no: str) -> list[PrintInfo]:
    """Every print of ``document_no``, oldest first, with how it ended."""
    row = uow.documents.by_number(document_no)
    rows = list(uow.session.scalars(select(DocumentPrint).where(
        DocumentPrint.document_id == row.id).order_by(DocumentPrint.id)))
    ends = {r.claim_id: r for r in rows if r.kind != CLAIM}
    out = []
    for r in rows:
        if r.kind == CLAIM:
            end = ends.get(r.id)
            out.append(PrintInfo(r.copy_number, r.at, r.user_login, r.reason,
                                 end.kind if end else CLAIM, end.detail if end else ""))
    return out


def _append(uow: UnitOfWork, document_id: int, number: int, kind: str, claim_id: int | None,
            now: datetime, user: str, reason: str, detail: str) -> int:
    row = DocumentPrint(uuid=str(uuidlib.uuid4()), till_id=uow.till.id,
                        document_id=document_id, copy_number=number, kind=kind,
                        claim_id=claim_id, at=now, user_login=user, reason=reason,
                        detail=detail)
    uow.session.add(row)
    uow.session.flush()
    return row.id
