"""Integrity verification: every chain, seal, signature, number and total, re-checked.

Anything changed behind the program's back is found and named: an amount, a customer, a
line, a revived cancellation (the sealed document chain), a deleted or inserted row, a
reordered chain, a journal entry removed, a key slipped in, a guard dropped, a database older
than its anchor. Issuing is then blocked until an administrator acknowledges the findings
(DL 28/2019: the program must not go on with altered data).

Blocking is *derived*, never trusted from a flag: the findings of the start-up check, plus
every report sealed in the till's journal, minus what a sealed acknowledgement covers.
``integrity_state.blocked`` only tells other processes of the same till at once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, func, select

from pos.domain.money import ZERO, round2
from pos.domain.series import document_number
from pos.domain.signature import signature_message
from pos.persistence import guards
from pos.persistence.models import (
    AuditEvent,
    DocumentRow,
    LineRow,
    SealKey,
    Series,
    TillRow,
)
from pos.persistence.store_models import StoreSealKey
from pos.persistence.uow import UnitOfWork

from . import chains, verification
from .raw_values import date_of, datetime_of, decimal_of, raw, unreadable

BATCH = 5000
REPORT, ACKNOWLEDGED = "integrity_report", "integrity_acknowledged"
Progress = Callable[[str, int, int], object]     # (stage, done, total), as in catalogue_csv


@dataclass(frozen=True)
class Problem:
    series: str
    document_no: str | None
    what: str
    till_id: int | None = None         # the till whose data it is (None: the whole file)
    kind: str = "data"                 # data | guard | anchor | rollback (numbers reissued)

    def __str__(self) -> str:
        where = self.document_no or (f"série {self.series}" if self.series else "")
        return f"{where}: {self.what}" if where else self.what

    @property
    def key(self) -> str:
        """A stable identity: the same alteration found again is the same finding."""
        text = "|".join((str(self.till_id), self.series, self.document_no or "", self.what))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass
class Report:
    documents: int = 0
    series: int = 0
    problems: list[Problem] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)   # keys an administrator confirmed

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.key not in self.acknowledged]

    def text(self) -> str:
        head = f"{self.documents} documentos em {self.series} séries verificados"
        if self.ok:
            return head + ": sem problemas."
        lines = [f"- {p}" + (" (confirmado por um administrador)"
                             if p.key in self.acknowledged else "") for p in self.problems]
        return head + f": {len(self.problems)} problema(s).\n" + "\n".join(lines)


# Values are read raw and parsed in raw_values: one a hand made unreadable is a finding.
_DOC_COLS = (DocumentRow.id, DocumentRow.number, DocumentRow.document_no, DocumentRow.doc_type,
             raw(DocumentRow.invoice_date), raw(DocumentRow.system_entry_date),
             raw(DocumentRow.gross_total), raw(DocumentRow.net_total),
             raw(DocumentRow.tax_payable), DocumentRow.previous_hash, DocumentRow.hash,
             DocumentRow.key_version)
_LINE_COLS = (LineRow.document_id, LineRow.line_no, raw(LineRow.quantity),
              raw(LineRow.unit_price), raw(LineRow.discount), raw(LineRow.gross_amount),
              raw(LineRow.net_amount), raw(LineRow.tax_amount))
_LINE_NAMES = ("quantity", "unit_price", "discount", "gross_amount", "net_amount", "tax_amount")
_SERIES_COLS = (Series.id, Series.doc_type, Series.series_id, Series.first_number,
                Series.last_number, Series.last_hash, Series.till_id)


@dataclass(frozen=True)
class _Head:
    """A document's values that the legal chain checks, parsed; ``unreadable`` names those
    that could not be read (then nothing is checked on them)."""

    id: int
    number: int
    document_no: str
    doc_type: str
    invoice_date: object
    system_entry_date: object
    gross: Decimal | None
    net: Decimal | None
    tax: Decimal | None
    previous_hash: str
    hash: str
    key_version: int
    unreadable: tuple[str, ...]

    @classmethod
    def of(cls, row) -> _Head:
        (doc_id, number, doc_no, dtype, inv, entry, gross, net, tax, previous, digest,
         key_version) = row
        parsed = {"invoice_date": date_of(inv), "system_entry_date": datetime_of(entry),
                  "gross_total": decimal_of(gross), "net_total": decimal_of(net),
                  "tax_payable": decimal_of(tax)}
        given = {"invoice_date": inv, "system_entry_date": entry, "gross_total": gross,
                 "net_total": net, "tax_payable": tax}
        bad = tuple(unreadable(k, given[k]) for k, v in parsed.items() if v is None)
        return cls(doc_id, number, str(doc_no), dtype, parsed["invoice_date"],
                   parsed["system_entry_date"], parsed["gross_total"], parsed["net_total"],
                   parsed["tax_payable"], previous, digest, key_version, bad)

    def signed_by(self, verifier) -> bool:
        return verifier.verify(signature_message(self.invoice_date, self.system_entry_date,
                                                 self.document_no, self.gross,
                                                 self.previous_hash), self.hash)


def _stream(conn: Connection, stmt) -> Iterator:
    # Options on the statement: Connection.execution_options() would set them on the
    # connection itself, and a later INSERT in the unit (PostgreSQL) would get a cursor.
    result = conn.execute(stmt.execution_options(stream_results=True, yield_per=BATCH))
    for part in result.partitions(BATCH):
        yield from part


def _line_sums(conn: Connection, series_pk: int
               ) -> Iterator[tuple[int, list[Decimal] | None, list[str]]]:
    """(document id, sums of gross/net/tax — None when a line is unreadable —, problems)
    for each document's lines, in document-number order."""
    stmt = (select(*_LINE_COLS).join(DocumentRow, DocumentRow.id == LineRow.document_id)
            .where(DocumentRow.series_pk == series_pk)
            .order_by(DocumentRow.number, LineRow.line_no))
    current, sums, issues = None, [ZERO, ZERO, ZERO], []
    for doc_id, line_no, *texts in _stream(conn, stmt):
        if doc_id != current:
            if current is not None:
                yield current, sums, issues
            current, sums, issues = doc_id, [ZERO, ZERO, ZERO], []
        values = [decimal_of(t) for t in texts]
        if None in values:
            issues += [f"linha {line_no}: {unreadable(name, t)}"
                       for name, t, v in zip(_LINE_NAMES, texts, values, strict=True)
                       if v is None]
            sums = None
            continue
        qty, price, disc, gross, net, tax = values
        if round2(qty * price) - disc != gross or net + tax != gross:
            issues.append(f"linha {line_no} com valores que não batem certo")
        if sums is not None:
            sums[0] += gross
            sums[1] += net
            sums[2] += tax
    if current is not None:
        yield current, sums, issues


# ---- the full verification -------------------------------------------------------------

def verify(uow: UnitOfWork, verifiers: dict, seal_verifiers: dict,
           signing_fingerprints: dict[int, str],
           till_seals: dict[int, dict] | None = None,
           progress: Progress | None = None, processes: int | None = None) -> Report:
    """Every series, document chain and journal of the database, read in one snapshot.

    ``till_seals``: seal keys per till, where tills seal with keys of their own that this
    database does not hold in ``seal_keys`` (a store's central database: each till's, as
    it sent them); a till not named there is checked with ``seal_verifiers``.
    ``progress('verifying', documents done, documents in all)`` is told as it goes. A SQLite
    file's documents are checked in one ordered pass, by id range, in ``processes`` worker
    processes when many (pos.services.verification); a server's, series by series."""
    report = Report()
    conn = uow.session.connection()
    facts = chains.journal_facts(conn)
    path = uow.db.file
    if path is not None and not till_seals:
        def add(series, doc_no, what, till_id):
            report.problems.append(Problem(series, doc_no, what, till_id))

        def told(done: int, total: int) -> None:
            progress("verifying", done, total)

        counts = verification.check_documents(conn, path, seal_verifiers, facts, add,
                                              told if progress is not None else None,
                                              processes)
        report.series, report.documents = len(counts), sum(counts.values())
    else:
        total = conn.scalar(select(func.count()).select_from(DocumentRow)) or 0 \
            if progress is not None else 0

        def tick(done: int) -> None:
            if progress is not None:
                progress("verifying", min(done, total), total)

        tick(0)
        for series in conn.execute(select(*_SERIES_COLS).order_by(Series.id)).all():
            report.series += 1
            report.documents += _verify_series(conn, series, verifiers, report.problems,
                                               lambda n: tick(report.documents + n))
        tick(total)
        for till_id, code in sorted(chains.till_codes(conn).items()):
            seals = (till_seals or {}).get(till_id, seal_verifiers)
            for doc_no, what in chains.verify_documents(conn, till_id, code, seals,
                                                        facts.covered.get(till_id)):
                report.problems.append(Problem("", doc_no, what, till_id))
    for till_id, code in sorted(chains.till_codes(conn).items()):
        covered = facts.covered.get(till_id)
        seals = (till_seals or {}).get(till_id, seal_verifiers)
        report.problems += [Problem("", None, p, till_id) for p in chains.verify_journal(
            conn, till_id, code, seals, covered)]
        report.problems += [Problem("", doc_no, what, till_id)
                            for doc_no, what in chains.cancellations_lost(conn, till_id)]
    report.problems += shop_problems(uow, facts, signing_fingerprints)
    report.problems += guard_problems(uow)
    return report


def shop_problems(uow: UnitOfWork, facts: chains.JournalFacts,
                  signing_fingerprints: dict[int, str]) -> list[Problem]:
    """Keys and the shop's identity must be the ones the journals sealed."""
    out = []
    for version, fp in sorted(signing_fingerprints.items()):
        if fp not in facts.signing_keys:
            out.append(Problem("", None, f"chave de assinatura versão {version} não está "
                                         "registada no diário (acrescentada fora do programa)"))
    for version, fp in uow.session.execute(select(SealKey.version, SealKey.fingerprint)):
        if facts.seal_keys and fp not in facts.seal_keys:
            out.append(Problem("", None, f"chave de selagem versão {version} não está "
                                         "registada no diário (acrescentada fora do programa)"))
    for till_id, code, version, fp in uow.session.execute(
            select(StoreSealKey.till_id, TillRow.code, StoreSealKey.version,
                   StoreSealKey.fingerprint).join(TillRow, TillRow.id == StoreSealKey.till_id)):
        if facts.seal_keys and fp not in facts.seal_keys:
            out.append(Problem("", None, f"chave de selagem versão {version} da caixa {code} "
                                         "não está registada no diário (acrescentada fora do "
                                         "programa)", till_id))
    shop = uow.settings.get("shop_uuid")
    if facts.shops and shop not in facts.shops:
        out.append(Problem("", None, "a identidade da loja (shop_uuid) foi alterada"))
    return out


def guard_problems(uow: UnitOfWork) -> list[Problem]:
    damaged = guards.damaged(uow.session.connection())
    if not damaged:
        return []
    return [Problem("", None, "proteções da base de dados removidas ou alteradas fora do "
                              f"programa: {', '.join(damaged)} (repostas)", None, "guard")]


def restore_guards(uow: UnitOfWork) -> list[str]:
    conn = uow.session.connection()
    damaged = guards.damaged(conn)
    if damaged:
        guards.restore(conn, damaged)
    return damaged


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
    for row in _stream(conn, stmt):
        doc = _Head.of(row)
        doc_no, number = doc.document_no, doc.number
        count += 1
        if tick is not None and count % BATCH == 0:
            tick(count)
        if number != expected:
            flag(doc_no, f"numeração com falha: esperado n.º {expected}, encontrado {number} "
                         "(documentos apagados ou inseridos)")
        if doc_no != document_number(doc.doc_type, series.series_id, number):
            flag(doc_no, f"número do documento não corresponde ao n.º {number}")
        for what in doc.unreadable:
            flag(doc_no, what)
        if doc.hash:
            if doc.previous_hash != prev_hash:
                flag(doc_no, "cadeia de assinaturas quebrada (hash anterior não corresponde)")
            verifier = verifiers.get(doc.key_version)
            if verifier is None:
                flag(doc_no, f"chave de assinatura versão {doc.key_version} desconhecida")
            elif not doc.unreadable and not doc.signed_by(verifier):
                flag(doc_no, "assinatura inválida: data, número ou total alterados")
            prev_hash = doc.hash
        totals = (doc.gross, doc.net, doc.tax)
        if not doc.unreadable and doc.net + doc.tax != doc.gross:
            flag(doc_no, "totais não batem certo (líquido + IVA ≠ total)")
        found, sums = False, None
        while pending is not None and pending[0] != doc.id:
            pending = next(lines, None)   # lines of a document that is no longer listed
        if pending is not None:
            found, (_, sums, issues) = True, pending
            for issue in issues:
                flag(doc_no, issue)
            pending = next(lines, None)
        if not found:
            flag(doc_no, "documento sem linhas")
        elif sums is not None and not doc.unreadable and tuple(sums) != totals:
            flag(doc_no, f"soma das linhas ({sums[0]:.2f}) não corresponde ao total "
                         f"do documento ({doc.gross:.2f})")
        expected = number + 1
    last = expected - 1
    if series.last_number != last:
        flag(None, f"a série registou {series.last_number} documentos mas existem até ao "
                   f"n.º {last} (documentos apagados ou inseridos)")
    elif series.last_hash != prev_hash:
        flag(None, "o último hash da série não corresponde ao último documento")
    return count


# ---- the start-up check --------------------------------------------------------------

def quick_check(uow: UnitOfWork, verifiers: dict, seal_verifiers: dict,
                signing_fingerprints: dict[int, str]) -> list[Problem]:
    """Start-up check of this till, in one snapshot: each series' head matches its last
    document, which still verifies; the heads of its document chain and journal are sealed
    and match their content; keys and guards are the program's."""
    problems = []
    conn = uow.session.connection()
    mine = Series.till_id == uow.till.id
    heads = {pk: (n, c) for pk, n, c in conn.execute(
        select(DocumentRow.series_pk, func.max(DocumentRow.number), func.count())
        .join(Series, Series.id == DocumentRow.series_pk).where(mine)
        .group_by(DocumentRow.series_pk))}
    for series in conn.execute(select(*_SERIES_COLS).where(mine)).all():
        label = f"{series.doc_type} {series.series_id}"
        top, count = heads.get(series.id, (series.first_number - 1, 0))
        if top != series.last_number or count != top - series.first_number + 1:
            problems.append(Problem(label, None, "numeração da série não corresponde aos "
                                                 "documentos guardados", series.till_id))
            continue
        if count == 0:
            continue
        head = _Head.of(conn.execute(select(*_DOC_COLS).where(
            DocumentRow.series_pk == series.id, DocumentRow.number == top)).one())
        for what in head.unreadable:
            problems.append(Problem(label, head.document_no, what, series.till_id))
        verifier = verifiers.get(head.key_version)
        if head.hash and (head.hash != series.last_hash or verifier is None
                          or head.unreadable or not head.signed_by(verifier)):
            problems.append(Problem(label, head.document_no, "último documento alterado",
                                    series.till_id))
    till = uow.till
    facts = chains.journal_facts(conn)
    covered = facts.covered.get(till.id)
    problems += [Problem("", doc_no, what, till.id) for doc_no, what in
                 chains.head_problems(conn, till.id, till.code, seal_verifiers, covered)]
    problems += [Problem("", None, p, till.id) for p in chains.verify_journal(
        conn, till.id, till.code, seal_verifiers, covered, head_only=True)]
    problems += shop_problems(uow, facts, signing_fingerprints)
    problems += guard_problems(uow)
    return problems


# ---- findings in the journal, and their acknowledgement ------------------------------

def _keys_of(uow: UnitOfWork, kind: str) -> set[str]:
    out: set[str] = set()
    for detail in uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.till_id == uow.till.id, AuditEvent.kind == kind,
            AuditEvent.key_version.is_not(None))):
        try:
            out.update(json.loads(detail.split("\n", 1)[1]).get("keys", ()))
        except (IndexError, ValueError, AttributeError):
            continue
    return out


def report_summaries(uow: UnitOfWork, keys: set[str]) -> list[str]:
    """The words of the sealed reports that name any of ``keys``."""
    out = []
    for detail in uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.till_id == uow.till.id, AuditEvent.kind == REPORT,
            AuditEvent.key_version.is_not(None)).order_by(AuditEvent.seq)):
        head, _, data = detail.partition("\n")
        try:
            if keys & set(json.loads(data).get("keys", ())):
                out.append(head)
        except ValueError:
            continue
    return out


def acknowledged(uow: UnitOfWork) -> set[str]:
    return _keys_of(uow, ACKNOWLEDGED)


def reported(uow: UnitOfWork) -> set[str]:
    return _keys_of(uow, REPORT)


def record_report(uow: UnitOfWork, problems: list[Problem], now: datetime,
                  user: str = "sistema") -> set[str]:
    """Seal the findings in this till's journal (first line: words; then the keys), unless
    every one of them is already reported or acknowledged; the keys that were new."""
    keys = {p.key for p in problems} - reported(uow) - acknowledged(uow)
    if keys:
        text = "; ".join(str(p) for p in problems if p.key in keys)[:2000]
        uow.audit.append(now, user, REPORT, f"{len(keys)} problema(s): {text}\n"
                         + json.dumps({"keys": sorted(keys)}))
    return keys


def unacknowledged(uow: UnitOfWork, found: list[Problem]) -> set[str]:
    """What blocks this till: findings now, plus findings sealed earlier, minus what an
    administrator acknowledged."""
    return ({p.key for p in found} | reported(uow)) - acknowledged(uow)


def block(uow: UnitOfWork, report_text: str, now: datetime,
          tills: set[int | None] = frozenset()) -> None:
    """Tell every process of this till (and of the tills the findings name) to stop."""
    for till_id in {uow.till.id, *(t for t in tills if t is not None)}:
        uow.integrity.block(report_text, now, till_id)


def acknowledge(uow: UnitOfWork, user: str, now: datetime, keys: set[str], text: str) -> None:
    """An administrator confirmed these findings: sealed in the journal; issuing may go on."""
    uow.audit.append(now, user, ACKNOWLEDGED, f"{len(keys)} problema(s) confirmado(s): "
                     f"{text[:2000]}\n" + json.dumps({"keys": sorted(keys)}))
    uow.integrity.acknowledge(user, now)
