"""SIGKILL at random moments and concurrent issuers never leave a gap or a duplicate."""

import os
import random
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from pos.bootstrap import open_app
from pos.persistence.models import DocumentRow, Series
from tests.conftest import ROOT


def _issuer(db, count):
    return subprocess.Popen([sys.executable, "-m", "tests.pos.issuer_loop", str(db), str(count)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def _numbers(db):
    app = open_app(str(db))
    with app.unit(write=False) as uow:
        s = uow.session
        numbers = s.scalars(select(DocumentRow.number).where(DocumentRow.doc_type == "FS")
                            .order_by(DocumentRow.number)).all()
        last = s.scalar(select(Series.last_number).where(Series.doc_type == "FS"))
        count = s.scalar(select(func.count()).select_from(DocumentRow))
    report = app.verify()
    app.close()
    return numbers, last, count, report


def test_sigkill_while_issuing_never_breaks_the_chain(demo_db):
    rng = random.Random(20261121)
    seen = 0
    for _ in range(12):
        proc = _issuer(demo_db, -1)
        proc.stdout.readline()               # at least one sale went through this round
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        seen += 1
    numbers, last, count, report = _numbers(demo_db)
    assert report.ok, report.text()
    assert numbers == list(range(1, last + 1)) and count == last >= seen


def test_two_processes_issuing_in_the_same_series(demo_db):
    procs = [_issuer(demo_db, 40) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-1500:] for o in outputs]
    issued = sorted(int(n) for out, _ in outputs for n in out.split())
    assert issued == list(range(1, 81))
    numbers, last, _, report = _numbers(demo_db)
    assert report.ok, report.text()
    assert numbers == list(range(1, 81)) and last == 80
