"""Recovery on a real PostgreSQL: the book and series row locks (FOR UPDATE) and the checks."""

from datetime import date, datetime

import pytest

from pos.domain.errors import StateError

from .helpers import TYPOGRAPHY, entry, lines

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_desk(pg_url, clock):
    from pos.bootstrap import open_till
    from pos.services import demo
    from pos.services.manual_desk import ManualDesk
    t = open_till(pg_url, clock=clock)
    demo.init_demo(t.db, t.keys, t.clock)
    t.set_training_mode(False)
    for code in ("FT", "FS", "GT"):
        t.add_series(code, "A2026", f"ATC{code}2026X")
        t.add_series(code, "R2026", f"ATR{code}2026X", kind="R")
    yield ManualDesk(t)
    t.db.dispose()


def test_recover_duplicate_and_transport_on_postgres(pg_desk, clock):
    from pos.services.manual_recovery import DuplicateEntry
    from pos.services.manual_transport import PaperTransport
    from pos.domain.customer import make_customer

    till = pg_desk.till
    book = pg_desk.add_book("FT", "abc", 1, 50, **TYPOGRAPHY)
    doc = pg_desk.recover(entry(till, "00001", book_id=book.id))
    assert doc.hash_control == "1-FTM abc/00001" and doc.source_billing == "M"
    with pytest.raises(StateError, match="FT R2026/1"):
        pg_desk.recover(entry(till, "1", book_id=book.id))
    pg_desk.void("2", "Rasurado", book_id=book.id)
    assert pg_desk.report(book.id).missing[0] == (3, 50)

    till.sell([("PAO01", 1)], "FS")
    clock.advance(minutes=1)
    pg_desk.close_series("Reposição", {("FS", "A2026"): 2})
    dup = pg_desk.duplicate(DuplicateEntry("FS A2026/2", date(2026, 3, 14),
                                           lines(till, ("PAO01", 1))))
    assert dup.hash_control == "1-FSD FS A2026/2"

    gt = pg_desk.add_book("GT", "gt", 1, 9, validation_code="GTVALID1", **TYPOGRAPHY)
    paper = pg_desk.transport(PaperTransport(
        entry(till, "3", book_id=gt.id,
              customer=make_customer("123456789", "Cliente", "Rua A", "Porto", "4000-001")),
        movement_start=datetime(2026, 3, 10, 9, 0), at_code="TEL-1"))
    assert paper.at_doc_code == "TEL-1"
    assert till.verify().ok
