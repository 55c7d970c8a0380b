"""The same models, migrations, triggers and issuing transaction on a real PostgreSQL."""

import subprocess
import sys

import pytest
from sqlalchemy import text

from pos.bootstrap import open_till
from pos.services import demo
from pos.domain.customer import make_customer
from tests.conftest import ROOT

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_till(pg_url, clock):
    t = open_till(pg_url, clock=clock)
    demo.init_demo(t.db, t.keys, t.clock)
    yield t
    t.db.dispose()


def test_issue_credit_note_cancel_and_verify_on_postgres(pg_till):
    ft = pg_till.sell([("PAO01", 3), ("SRV02", 1)], "FT",
                      make_customer("123456789", "Cliente", "Rua A"))
    second = pg_till.sell([("CAF01", 2)], "FT", make_customer("123456789", "Cliente"))
    assert second.previous_hash == ft.hash
    nc = pg_till.credit_note(ft.document_no, "Devolução", [(1, None)])
    assert nc.totals.gross == pg_till.document(ft.document_no).lines[0].gross_amount
    pg_till.cancel(second.document_no, "Erro")
    assert pg_till.verify().ok


def test_triggers_refuse_changes_on_postgres(pg_till):
    doc = pg_till.sell([("PAO01", 1)])
    for sql in (f"UPDATE documents SET gross_total='0.01' WHERE id={doc.id}",
                f"DELETE FROM document_lines WHERE document_id={doc.id}",
                f"DELETE FROM documents WHERE id={doc.id}"):
        with pytest.raises(Exception, match="append-only"):
            with pg_till.db.write() as s:
                s.execute(text(sql))
    with pg_till.db.engine.begin() as conn:   # an attacker with rights drops the guard
        conn.execute(text("DROP TRIGGER documents_signed ON documents"))
        conn.execute(text(f"UPDATE documents SET gross_total='0.01' WHERE id={doc.id}"))
    report = pg_till.verify()
    assert not report.ok and doc.document_no in report.text()


def test_concurrent_processes_on_postgres(pg_till, pg_url):
    pg_till.db.dispose()
    procs = [subprocess.Popen([sys.executable, "-m", "tests.pos.issuer_loop", pg_url, "25"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-400:] for o in outs]
    issued = sorted(int(n) for out, _ in outs for n in out.split())
    assert issued == list(range(1, 76))
    assert pg_till.verify().ok
