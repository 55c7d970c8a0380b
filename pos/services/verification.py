"""The full verification's documents on a SQLite file: ``verify_pass`` over id ranges, in
worker processes when there are many, stitched together, and the precise checks run again
wherever a range did not come out clean (so the report's words are the precise code's).

**One snapshot.** The caller's read transaction fixes the bounds: the largest document id
any row names, and each till's chain head. Workers (their own connections) read only rows
within those bounds; documents, lines, payments and chain entries are append-only (the
database's guards), so within the bounds they see what the snapshot sees.

**Processes.** pyca/cryptography holds the GIL while it verifies, so threads cannot help;
ranges of ``RANGE`` documents go to a pool of ``spawn``ed processes (never ``fork``: the
till may have threads and open connections), one per core, from ``PARALLEL_FROM``
documents on. ``progress(done, total)`` is called as ranges finish.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context

from sqlalchemy import Connection, func, select

from pos.persistence.models import DocumentEvent, DocumentRow, Series, SigningKey

from . import chains, verify_pass

RANGE = 50_000
PARALLEL_FROM = 60_000

Progress = Callable[[int, int], None]


def processes_for(documents: int) -> int:
    if documents < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 8, -(-documents // RANGE)))


def check_documents(conn: Connection, path: str, seal_verifiers: dict,
                    facts: chains.JournalFacts, add: Callable[..., None],
                    progress: Progress | None = None, processes: int | None = None
                    ) -> dict[int, int]:
    """Every series' legal chain and every till's document chain; ``add(series_label,
    document_no, what, till_id)`` for each problem. Returns documents per series pk."""
    from .integrity import _verify_series

    series = {s.id: s for s in conn.execute(select(Series).order_by(Series.id))}
    tills = chains.till_codes(conn)
    top = max(conn.execute(select(func.max(DocumentRow.id))).scalar() or 0,
              conn.execute(select(func.max(DocumentEvent.document_id))).scalar() or 0)
    heads = dict(conn.execute(select(DocumentEvent.till_id, func.max(DocumentEvent.seq))
                              .group_by(DocumentEvent.till_id)).all())
    total = conn.execute(select(func.count()).select_from(DocumentRow)).scalar() or 0
    pems = dict(conn.execute(select(SigningKey.version, SigningKey.public_pem)).all())
    unsigned_end = {t: c.documents[0] for t, c in facts.covered.items() if c.documents}
    args = (heads, tills, {pk: s.series_id for pk, s in series.items()}, pems, unsigned_end)
    bounds = [(lo, min(lo + RANGE, top + 1)) for lo in range(1, top + 1, RANGE)]
    results = _run(conn, path, bounds, args, total, progress,
                   processes or processes_for(total))

    counts: dict[int, int] = {}
    for pk, s in series.items():
        runs = [r for res in results for r in res.series_runs.get(pk, ())]
        if any(pk in res.series_suspect for res in results) or not series_holds(s, runs):
            found: list = []
            counts[pk] = _verify_series(conn, s, _verifiers(pems), found)
            for p in found:
                add(p.series, p.document_no, p.what, p.till_id)
        else:
            counts[pk] = sum(r.count for r in runs)
    for till_id, code in sorted(tills.items()):
        _till_chain(conn, till_id, code, results, heads.get(till_id, 0), seal_verifiers,
                    facts.covered.get(till_id), add)
    return counts


def _verifiers(pems: dict[int, bytes]) -> dict:
    from pos.signing import Verifier

    return {v: Verifier(pem) for v, pem in pems.items()}


def _run(conn: Connection, path: str, bounds: list[tuple[int, int]], args: tuple, total: int,
         progress: Progress | None, processes: int) -> list[verify_pass.RangeResult]:
    done = 0
    results: list[verify_pass.RangeResult] = []
    if progress is not None:
        progress(0, total)                          # a screen shows the bar at once
    if processes <= 1 or len(bounds) <= 1:
        raw = conn.connection.dbapi_connection      # the snapshot's own connection
        for lo, hi in bounds:
            res = verify_pass.check_range(raw, lo, hi, *args)
            results.append(res)
            done += res.documents
            if progress is not None:
                progress(min(done, total), total)
        return results
    with ProcessPoolExecutor(processes, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(verify_pass.check_range, path, lo, hi, *args)
                   for lo, hi in bounds]
        for future in as_completed(futures):
            res = future.result()
            results.append(res)
            done += res.documents
            if progress is not None:
                progress(min(done, total), total)
    return results


def series_holds(series, runs: list[verify_pass.SeriesRun],
                 start: tuple[int, str] | None = None) -> bool:
    """The runs of a series, in range order, join into one chain from its first number (or
    from after ``start``, a number and the hash it ended at) to its recorded head (what
    integrity._verify_series would find nothing in)."""
    expected, prev = (start[0] + 1, start[1]) if start else (series.first_number, "")
    for run in sorted(runs, key=lambda r: r.first):
        if run.first != expected or (run.first_prev is not None and run.first_prev != prev):
            return False
        expected = run.last + 1
        if run.last_signed is not None:
            prev = run.last_signed
    return series.last_number == expected - 1 and series.last_hash == prev


def _till_chain(conn: Connection, till_id: int, code: str, results: list, head: int,
                seal_verifiers: dict, covered, add: Callable[..., None]) -> None:
    """One till's document chain from the ranges' runs; the precise check where needed."""
    runs = sorted((r for res in results for r in res.chain_runs.get(till_id, ())),
                  key=lambda r: r.first)
    expected, prev = 1, ""
    holds = not any(till_id in res.tills_suspect for res in results)
    for run in runs:
        if not holds or run.first != expected or run.first_prev != prev:
            holds = False
            break
        expected, prev = run.last + 1, run.last_hash
    if not holds or expected - 1 != head:
        for doc_no, what in chains.verify_documents(conn, till_id, code, seal_verifiers,
                                                    covered):
            add("", doc_no, what, till_id)
        return
    for till, seq in sorted(e for res in results for e in res.entries_suspect
                            if e[0] == till_id):
        for doc_no, what in chains.entry_problems(conn, till, code, seq):
            add("", doc_no, what, till_id)
    if head:
        for what in chains.head_seal_problems(conn, till_id, code, head, seal_verifiers,
                                              covered):
            add("", None, what, till_id)
    if any(till_id in res.unsealed for res in results):
        for doc_no, what in chains.unsealed(conn, till_id):
            add("", doc_no, what, till_id)
