"""What a correcting document cites, and which document that is (D8632 §2.4.6, §2.5.7;
Portaria 302/2016 4.1.4.19.10.1).

A document recovered from a paper form is cited by the form's own number in the 'TYPE
SERIES/N' form ('FT abc/00005'), a lost document re-entered from its paper duplicate by its
original number ('FS A2026/3'): never by the number of the recovery series, which exists only
in the program. A credit or debit note recovered from paper may cite either kind, or a
document the program issued; the cited document must be in the database, so that what a
note credits is weighed against what the document sold, whatever issued the note.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from pos.domain import manual as manual_rules
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.text import brief
from pos.persistence.models import DocumentRow
from pos.persistence.uow import UnitOfWork

# 'FT abc/00005'; 'FTM abc/00005' (the form an older version wrote) is read as the same.
_CITED_RE = re.compile(r"^([A-Z]{2})(M?) ([^/^ ]+)/([0-9]{1,18})$")


def recovery_kind(row: DocumentRow) -> str | None:
    """'M' for a paper form recovered into the program, 'D' for a lost document re-entered
    from its duplicate, None for a document the program issued."""
    if row.source_billing != "M" or not row.manual_ref:
        return None
    return "D" if f"-{row.doc_type}D " in (row.hash_control or "") else "M"


def cited_number(row: DocumentRow) -> str:
    """The number a correcting document cites ``row`` by."""
    kind = recovery_kind(row)
    if kind == "M":
        return f"{row.doc_type} {row.manual_ref}"
    if kind == "D":
        return row.manual_ref
    return row.document_no


def old_cited_numbers(row: DocumentRow) -> set[str]:
    """Every way notes of older versions named ``row`` in their lines (for notes recorded
    before the cited document was linked to them)."""
    out = {row.document_no, cited_number(row)}
    if recovery_kind(row) == "M":
        out.add(f"{row.doc_type}M {row.manual_ref}")
    return out


def resolve(uow: UnitOfWork, reference: str) -> DocumentRow:
    """The document a paper note's reference names (by the paper number for a recovered
    document). Refused: a recovery number, a training document, a document not in the
    database, a recovered form that was cancelled and not recovered again."""
    text = " ".join((reference or "").split())
    head, _, rest = text.partition(" ")
    m = _CITED_RE.match(f"{head.upper()} {rest}")
    if m is None:
        raise ValidationError(
            f"Referência inválida: {brief(reference)}. Escreva o documento corrigido como no "
            "papel, TIPO SÉRIE/NÚMERO (por exemplo FT abc/00005 ou FT A2026/13).")
    doc_type, paper, series, number_text = m.groups()
    number = int(number_text)
    session = uow.session
    if not paper:
        row = session.scalars(select(DocumentRow).where(
            DocumentRow.doc_type == doc_type, DocumentRow.number == number,
            func.upper(DocumentRow.series_id) == series.upper())).first()
        if row is not None:
            kind = recovery_kind(row)
            if kind is not None:
                raise ValidationError(
                    f"{row.document_no} é o número de recuperação de {cited_number(row)}: "
                    f"a nota cita o documento original, {cited_number(row)}, como no papel.")
            if row.series_kind == "F":
                raise ValidationError(f"{row.document_no} é um documento de formação: não "
                                      "se corrige com documentos reais.")
            return row
    found = _recovered(uow, doc_type, series, number, paper_only=bool(paper))
    if found is None:
        raise NotFoundError(
            f"O documento {doc_type} {series}/{number_text} não está na base de dados: "
            "recupere primeiro o documento que a nota corrige ('caixa manual recover' ou "
            "'caixa manual duplicate'), ou confira o número.")
    return found


def _recovered(uow: UnitOfWork, doc_type: str, series: str, number: int, paper_only: bool
               ) -> DocumentRow | None:
    """The recovered document with that paper (or original) number: the active one, or
    a StateError when every recovery of it was cancelled."""
    rows = uow.session.scalars(select(DocumentRow).where(
        DocumentRow.doc_type == doc_type, DocumentRow.source_billing == "M",
        DocumentRow.manual_ref.is_not(None)).order_by(DocumentRow.id.desc()))
    matches = []
    for row in rows:
        kind = recovery_kind(row)
        if kind == "M":
            parts = manual_rules.split_manual_ref(row.manual_ref)
            if parts and parts[0].upper() == series.upper() and parts[1] == number:
                matches.append(row)
        elif kind == "D" and not paper_only:
            head, _, tail = row.manual_ref.partition(" ")
            parts = manual_rules.split_manual_ref(tail)
            if head == doc_type and parts and parts[0].upper() == series.upper() \
                    and parts[1] == number:
                matches.append(row)
    if not matches:
        return None
    active = [r for r in matches if r.status != "A"]
    if not active:
        raise StateError(f"{cited_number(matches[0])} foi recuperado em "
                         f"{matches[0].document_no}, que está anulado: recupere-o de novo "
                         "antes de o corrigir.")
    return active[0]
