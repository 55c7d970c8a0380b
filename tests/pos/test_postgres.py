"""The same models, migrations, triggers and issuing transaction on a real PostgreSQL."""

import subprocess
import sys

import pytest
from sqlalchemy import text

from pos.bootstrap import open_app
from pos.domain.customer import make_customer
from tests.conftest import ROOT

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_app(pg_url, clock):
    app = open_app(pg_url, clock=clock)
    app.init_demo()
    yield app
    app.close()


def test_issue_credit_note_cancel_and_verify_on_postgres(pg_app):
    ft = pg_app.sell_items([("PAO01", 3), ("SRV02", 1)], "FT",
                      make_customer("123456789", "Cliente", "Rua A"))
    second = pg_app.sell_items([("CAF01", 2)], "FT", make_customer("123456789", "Cliente"))
    assert second.previous_hash == ft.hash
    nc = pg_app.credit(ft.document_no, "Devolução", [(1, None)])
    assert nc.totals.gross == pg_app.document(ft.document_no).lines[0].gross_amount
    pg_app.cancel(second.document_no, "Erro")
    assert pg_app.verify().ok


def test_triggers_refuse_changes_on_postgres(pg_app):
    doc = pg_app.sell_items([("PAO01", 1)])
    for sql in (f"UPDATE documents SET gross_total='0.01' WHERE id={doc.id}",
                f"DELETE FROM document_lines WHERE document_id={doc.id}",
                f"DELETE FROM documents WHERE id={doc.id}"):
        with pytest.raises(Exception, match="append-only"):
            with pg_app.unit(write=True) as uow:
                uow.session.execute(text(sql))
    with pg_app.db.engine.begin() as conn:   # an attacker with rights drops the guard
        conn.execute(text("DROP TRIGGER documents_guard ON documents"))
        conn.execute(text(f"UPDATE documents SET gross_total='0.01' WHERE id={doc.id}"))
    report = pg_app.verify()
    assert not report.ok and doc.document_no in report.text()


def test_concurrent_processes_on_postgres(pg_app, pg_url):
    pg_app.db.dispose()
    procs = [subprocess.Popen([sys.executable, "-m", "tests.pos.issuer_loop", pg_url, "25"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-400:] for o in outs]
    issued = sorted(int(n) for out, _ in outs for n in out.split())
    assert issued == list(range(1, 76))
    assert pg_app.verify().ok
