"""Several writers at once — threads of one till process and other processes — issuing
documents and recording audit events, on SQLite and on a real PostgreSQL server: no gap, no
duplicate, every chain intact, and no false alarm from the start-up check or the full
verification run while the others write. Two tills on one PostgreSQL database keep their
own audit chains and their own series."""

import subprocess
import sys
import threading
from collections import Counter
from decimal import Decimal
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from pos.bootstrap import open_app
from pos.domain.errors import IntegrityError, SeriesError, ValidationError
from pos.persistence.models import AuditEvent, DocumentRow, Series, TillRow
from pos.services import tills
from tests.conftest import ROOT
from tests.pos.writer_loop import WRITER_KIND

COUNT = 15            # sales (and audit events) per writer


def _process(db: str, name: str, till: str | None = None) -> subprocess.Popen:
    args = [sys.executable, "-m", "tests.pos.writer_loop", db, str(COUNT), name]
    return subprocess.Popen(args + ([till] if till else []), cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _thread_writer(app, name: str, issued: list, errors: list) -> None:
    try:
        for n in range(COUNT):
            doc = app.sell_items([("PAS01", Decimal(1 + n % 2))], payments=(("NU", None),),
                                 user="caixa1")
            app.record_event("caixa1", WRITER_KIND, f"{name} {n}")
            issued.append(doc.document_no)
    except Exception as exc:    # the assertion on ``errors`` reports it
        errors.append(f"{name}: {exc!r}")


def _checker(app, stop: threading.Event, alarms: list, runs: Counter) -> None:
    """The start-up check and the full verification, again and again while others write:
    each reads one snapshot, so neither may ever see a series ahead of its documents or a
    chain half written."""
    while not stop.is_set():
        try:
            app.quick_check()
            runs["quick_check"] += 1
            report = app.verify()
            runs["verify"] += 1
            if not report.ok:
                alarms.append(report.text())
        except IntegrityError as exc:
            alarms.append(str(exc))


def run_writers(db: str, apps: dict[str, object], processes: int = 2, threads: int = 2
                ) -> tuple[dict[str, list[str]], Counter]:
    """``processes`` writer processes and ``threads`` writer threads per till (``apps``:
    the application of each till, by code), plus a checker thread on the first till;
    the document numbers each till issued, and how many checks ran while they wrote."""
    procs, workers, errors, alarms, runs = [], [], [], [], Counter()
    issued: dict[str, list[str]] = {code: [] for code in apps}
    for code, app in apps.items():
        procs += [(code, _process(db, f"{code}-p{i}", code)) for i in range(processes)]
        workers += [threading.Thread(target=_thread_writer, args=(
            app, f"{code}-t{i}", issued[code], errors)) for i in range(threads)]
    stop = threading.Event()
    first = next(iter(apps.values()))
    checker = threading.Thread(target=_checker, args=(first, stop, alarms, runs))
    checker.start()
    for w in workers:
        w.start()
    outputs = [(code, p.communicate(timeout=300)) for code, p in procs]
    for w in workers:
        w.join(timeout=300)
    stop.set()
    checker.join(timeout=300)
    failed = [err[-1500:] for (_, p), (_, (_, err)) in zip(procs, outputs, strict=True)
              if p.returncode != 0]
    assert not alarms, alarms[0]          # first: a false alarm blocks every writer
    assert not failed, failed
    assert not errors, errors
    for code, (out, _) in outputs:
        issued[code] += out.split("\n")
    return {code: sorted(n for n in numbers if n) for code, numbers in issued.items()}, runs


def _series_numbers(app, till_code: str) -> dict[str, list[int]]:
    """The documents of each of the till's series, by series, in number order."""
    with app.unit(write=False) as uow:
        rows = uow.session.execute(
            select(DocumentRow.series_id, DocumentRow.number)
            .join(Series, Series.id == DocumentRow.series_pk)
            .join(TillRow, TillRow.id == Series.till_id).where(TillRow.code == till_code)
            .order_by(DocumentRow.series_id, DocumentRow.number)).all()
    out: dict[str, list[int]] = {}
    for series_id, number in rows:
        out.setdefault(series_id, []).append(number)
    return out


def _audit(app, till_code: str) -> list[AuditEvent]:
    with app.unit(write=False) as uow:
        return list(uow.session.scalars(
            select(AuditEvent).join(TillRow, TillRow.id == AuditEvent.till_id)
            .where(TillRow.code == till_code).order_by(AuditEvent.id)))


def _audit_count(app) -> int:
    with app.unit(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEvent))


def check_writers(app, till_code: str, issued: list[str], series: str, before_audit: int,
                  writers: int) -> None:
    """No gap, no duplicate, every document accounted for, every audit event once."""
    total = writers * COUNT
    assert len(issued) == len(set(issued)) == total
    assert sorted(int(n.rsplit("/", 1)[1]) for n in issued) == list(range(1, total + 1))
    assert _series_numbers(app, till_code) == {series: list(range(1, total + 1))}
    events = _audit(app, till_code)
    details = [e.detail for e in events if e.kind == WRITER_KIND]
    assert len(details) == len(set(details)) == total
    assert len(events) == before_audit + total
    assert events[0].prev_hash == "" and all(          # one chain, never forked
        later.prev_hash == earlier.hash for earlier, later in pairwise(events))


def writers_on_one_till(db: str, set_up: bool) -> None:
    """Two writer processes and two writer threads on the demo till of ``db``."""
    app = open_app(db)             # the system clock, as the writer processes use
    try:
        if set_up:
            app.init_demo()
        before = len(_audit(app, "CX1"))
        issued, runs = run_writers(db, {"CX1": app})
        assert runs["quick_check"] and runs["verify"]
        report = app.verify()
        assert report.ok, report.text()
        check_writers(app, "CX1", issued["CX1"], "DEMO2026", before, writers=4)
    finally:
        app.close()


def test_threads_and_processes_writing_on_sqlite(demo_db):
    writers_on_one_till(str(demo_db), set_up=False)


@pytest.mark.postgres
def test_threads_and_processes_writing_on_postgres(pg_url):
    writers_on_one_till(pg_url, set_up=True)


@pytest.mark.postgres
def test_two_tills_on_postgres_keep_their_own_chains_and_series(pg_url):
    first = open_app(pg_url)
    second = None
    try:
        first.init_demo()
        first.set_training_mode(False)
        first.add_series("FS", "A2026", "ATCFSA2026X")
        with first.unit(write=True) as uow:
            tills.create(uow, "CX2", "Caixa 2", "Global", first.clock.now())
            uow.audit.append(first.clock.now(), "admin", "setup", "till CX2 created")
        second = open_app(pg_url, till="CX2")
        second.add_series("FS", "B2026", "ATCFSB2026X")
        assert second.till.code == "CX2" and not second.training_mode()
        for app in (first, second):    # each till's start-up check journals its first start
            app.quick_check()
        befores = {code: len(_audit(first, code)) for code in ("CX1", "CX2")}

        issued, runs = run_writers(pg_url, {"CX1": first, "CX2": second}, processes=1,
                                   threads=1)
        assert runs["quick_check"] and runs["verify"]
        report = first.verify()
        assert report.ok, report.text()
        for code, app, series in (("CX1", first, "A2026"), ("CX2", second, "B2026")):
            check_writers(app, code, issued[code], series, befores[code], writers=2)
            assert all(n.startswith(f"FS {series}/") for n in issued[code])
        assert _audit_count(first) == sum(len(_audit(first, c)) for c in ("CX1", "CX2"))
        assert second.verify().ok and second.quick_check() is None

        # Each till issues only in its own series, and keeps its own settings and drawer.
        with pytest.raises(SeriesError, match="não existe nesta caixa"):
            first.sell_items([("PAO01", 1)], series_id="B2026")
        assert {(s.series_id, s.till) for s in second.series() if s.doc_type == "FS"} >= {
            ("A2026", "CX1"), ("B2026", "CX2")}
        second.set_training_mode(True)
        assert second.training_mode() and not first.training_mode()
        first.open_session("caixa1", "20")
        assert first.current_session().till == "CX1" and second.current_session() is None
        assert first.at_snapshot().pending == 2 * COUNT
        assert second.at_snapshot().pending == 2 * COUNT
    finally:
        first.close()
        if second is not None:
            second.close()


def test_with_two_tills_a_process_names_an_existing_one(app, demo_db, monkeypatch):
    monkeypatch.delenv("CAIXA_TILL", raising=False)
    with app.unit(write=True) as uow:
        tills.create(uow, "CX2", "Caixa 2", "Global", app.clock.now())
    with pytest.raises(ValidationError, match="várias caixas"):
        open_app(str(demo_db))
    with pytest.raises(ValidationError, match="A caixa CX9 não existe"):
        open_app(str(demo_db), till="CX9")
    monkeypatch.setenv("CAIXA_TILL", "CX2")
    other = open_app(str(demo_db))
    try:
        assert other.till.code == "CX2" and app.till.code == "CX1"
    finally:
        other.close()
