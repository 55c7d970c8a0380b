"""Integrity verification: every chain, signature, number and total, re-checked.

Anything changed behind the program's back (an amount, a deleted or inserted row, a reordered
chain) is found and named, and issuing is blocked until an administrator acknowledges it
(DL 28/2019: the program must not go on with altered data).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, func, select

from pos.domain.money import ZERO, round2
from pos.domain.series import document_number
from pos.domain.signature import signature_message
from pos.persistence.models import DocumentRow, LineRow, Series
from pos.persistence.uow import UnitOfWork

from . import audit

BATCH = 5000
Progress = Callable[[str, int, int], object]     # (stage, done, total), as in catalogue_csv


@dataclass(frozen=True)
class Problem:
    series: str
    document_no: str | None
    what: str
    till_id: int | None = None         # the till whose data it is (None: the whole file)

    def __str__(self) -> str:
        where = self.document_no or f"série {self.series}"
        return f"{where}: {self.what}"


@dataclass
class Report:
    documents: int = 0
    series: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        head = f"{self.documents} documentos em {self.series} séries verificados"
        if self.ok:
            return head + ": sem problemas."
        return head + f": {len(self.problems)} problema(s).\n" + "\n".join(
            f"- {p}" for p in self.problems)


_DOC_COLS = (DocumentRow.id, DocumentRow.number, DocumentRow.document_no, DocumentRow.doc_type,
             DocumentRow.invoice_date, DocumentRow.system_entry_date, DocumentRow.gross_total,
             DocumentRow.net_total, DocumentRow.tax_payable, DocumentRow.previous_hash,
             DocumentRow.hash, DocumentRow.key_version)
_LINE_COLS = (LineRow.document_id, LineRow.line_no, LineRow.quantity, LineRow.unit_price,
              LineRow.discount, LineRow.gross_amount, LineRow.net_amount, LineRow.tax_amount)


def _stream(conn: Connection, stmt) -> Iterator:
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(stmt)
    for part in result.partitions(BATCH):
        yield from part


def _line_sums(conn: Connection, series_pk: int) -> Iterator[tuple[int, list[str]]]:
    """(document id, problems) for each document's lines, in document-number order."""
    stmt = (select(*_LINE_COLS).join(DocumentRow, DocumentRow.id == LineRow.document_id)
            .where(DocumentRow.series_pk == series_pk)
            .order_by(DocumentRow.number, LineRow.line_no))
    current, sums, issues = None, [ZERO, ZERO, ZERO], []
    for doc_id, line_no, qty, price, disc, gross, net, tax in _stream(conn, stmt):
        if doc_id != current:
            if current is not None:
                yield current, sums, issues
            current, sums, issues = doc_id, [ZERO, ZERO, ZERO], []
        if round2(qty * price) - disc != gross or net + tax != gross:
            issues.append(f"linha {line_no} com valores que não batem certo")
        sums[0] += gross
        sums[1] += net
        sums[2] += tax
    if current is not None:
        yield current, sums, issues


def verify(uow: UnitOfWork, verifiers: dict, progress: Progress | None = None) -> Report:
    """Every series and audit chain of the database, read in one snapshot.
    ``progress('verifying', documents done, documents in all)`` is told as it goes."""
    report = Report()
    conn = uow.session.connection()
    total = conn.scalar(select(func.count()).select_from(DocumentRow)) or 0 \
        if progress is not None else 0

    def tick(done: int) -> None:
        if progress is not None:
            progress("verifying", min(done, total), total)

    tick(0)
    for series in conn.execute(select(Series).order_by(Series.id)).all():
        report.series += 1
        report.documents += _verify_series(conn, series, verifiers, report.problems,
                                           lambda n: tick(report.documents + n))
    tick(total)
    for till_id, problems in audit.verify_all(uow.session).items():
        report.problems += [Problem("auditoria", None, p, till_id) for p in problems]
    return report


def _verify_series(conn: Connection, series, verifiers: dict, problems: list,
                   tick: Callable[[int], None] | None = None) -> int:
    label = f"{series.doc_type} {series.series_id}"

    def flag(doc_no, what):
        problems.append(Problem(label, doc_no, what, series.till_id))

    expected, prev_hash, count = series.first_number, "", 0
    lines = _line_sums(conn, series.id)
    pending = next(lines, None)
    stmt = select(*_DOC_COLS).where(DocumentRow.series_pk == series.id) \
        .order_by(DocumentRow.number)
    for (doc_id, number, doc_no, dtype, inv_date, entry, gross, net, tax, previous, digest,
         key_version) in _stream(conn, stmt):
        count += 1
        if tick is not None and count % BATCH == 0:
            tick(count)
        if number != expected:
            flag(doc_no, f"numeração com falha: esperado n.º {expected}, encontrado {number} "
                         "(documentos apagados ou inseridos)")
        if doc_no != document_number(dtype, series.series_id, number):
            flag(doc_no, f"número do documento não corresponde ao n.º {number}")
        if digest:
            if previous != prev_hash:
                flag(doc_no, "cadeia de assinaturas quebrada (hash anterior não corresponde)")
            verifier = verifiers.get(key_version)
            msg = signature_message(inv_date, entry, doc_no, gross, previous)
            if verifier is None:
                flag(doc_no, f"chave de assinatura versão {key_version} desconhecida")
            elif not verifier.verify(msg, digest):
                flag(doc_no, "assinatura inválida: data, número ou total alterados")
            prev_hash = digest
        if net + tax != gross:
            flag(doc_no, "totais não batem certo (líquido + IVA ≠ total)")
        sums: list[Decimal] | None = None
        while pending is not None and pending[0] != doc_id:
            pending = next(lines, None)   # lines of a document that is no longer listed
        if pending is not None:
            _, sums, issues = pending
            for issue in issues:
                flag(doc_no, issue)
            pending = next(lines, None)
        if sums is None:
            flag(doc_no, "documento sem linhas")
        elif (sums[0], sums[1], sums[2]) != (gross, net, tax):
            flag(doc_no, f"soma das linhas ({sums[0]:.2f}) não corresponde ao total "
                         f"do documento ({gross:.2f})")
        expected = number + 1
    last = expected - 1
    if series.last_number != last:
        flag(None, f"a série registou {series.last_number} documentos mas existem até ao "
                   f"n.º {last} (documentos apagados ou inseridos)")
    elif series.last_hash != prev_hash:
        flag(None, "o último hash da série não corresponde ao último documento")
    return count


def quick_check(uow: UnitOfWork, verifiers: dict) -> list[Problem]:
    """Start-up check of this till, in one snapshot: each series' head matches its last
    document, which still verifies."""
    problems = []
    conn = uow.session.connection()
    mine = Series.till_id == uow.till.id
    heads = {pk: (n, c) for pk, n, c in conn.execute(
        select(DocumentRow.series_pk, func.max(DocumentRow.number), func.count())
        .join(Series, Series.id == DocumentRow.series_pk).where(mine)
        .group_by(DocumentRow.series_pk))}
    for series in conn.execute(select(Series).where(mine)).all():
        label = f"{series.doc_type} {series.series_id}"
        top, count = heads.get(series.id, (series.first_number - 1, 0))
        if top != series.last_number or count != top - series.first_number + 1:
            problems.append(Problem(label, None, "numeração da série não corresponde aos "
                                                 "documentos guardados", series.till_id))
            continue
        if count == 0:
            continue
        row = conn.execute(select(*_DOC_COLS).where(
            DocumentRow.series_pk == series.id, DocumentRow.number == top)).one()
        digest, verifier = row.hash, verifiers.get(row.key_version)
        if digest and (digest != series.last_hash or verifier is None or not
                       verifier.verify(signature_message(
                           row.invoice_date, row.system_entry_date, row.document_no,
                           row.gross_total, row.previous_hash), digest)):
            problems.append(Problem(label, row.document_no, "último documento alterado",
                                    series.till_id))
    return problems


def block(uow: UnitOfWork, report_text: str, now: datetime,
          tills: set[int | None] = frozenset()) -> None:
    """Block issuing on this till and on every other till the findings name."""
    for till_id in {uow.till.id, *(t for t in tills if t is not None)}:
        uow.integrity.block(report_text, now, till_id)
    uow.audit.append(now, "system", "integrity", "verification failed; issuing blocked")


def acknowledge(uow: UnitOfWork, user: str, now: datetime) -> bool:
    if not uow.integrity.acknowledge(user, now):
        return False
    uow.audit.append(now, user, "integrity", "integrity report acknowledged")
    return True
