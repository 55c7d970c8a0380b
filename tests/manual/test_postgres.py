"""Recovery on a real PostgreSQL: the book and series row locks (FOR UPDATE) and the checks."""

from datetime import date, datetime

import pytest

from pos.domain.errors import StateError

from .helpers import DOWN, TYPOGRAPHY, entry, lines

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_shop(pg_url, clock):
    from pos.bootstrap import open_app
    app = open_app(pg_url, clock=clock)
    app.init_demo()
    app.set_training_mode(False)
    for code in ("FT", "FS", "GT"):
        app.add_series(code, "A2026", f"ATC{code}2026X")
        app.add_series(code, "R2026", f"ATR{code}2026X", kind="R")
    app.start_inoperability(DOWN[0], "Avaria", ended_at=DOWN[1])
    yield app
    app.close()


def test_recover_duplicate_and_transport_on_postgres(pg_shop, clock):
    from pos.domain.customer import make_customer
    from pos.services.manual_recovery import DuplicateEntry
    from pos.services.manual_transport import PaperTransport

    shop = pg_shop

    book = shop.add_book("FT", "abc", 1, 50, **TYPOGRAPHY)
    doc = shop.recover_manual(entry(shop, "00001", book_id=book.id))
    assert doc.hash_control == "1-FTM abc/00001" and doc.source_billing == "M"
    with pytest.raises(StateError, match="FT R2026/1"):
        shop.recover_manual(entry(shop, "1", book_id=book.id))
    shop.void_form("2", "Rasurado", book_id=book.id)
    assert shop.book_report(book.id).missing[0] == (3, 50)

    shop.sell_items([("PAO01", 1)], "FS")
    clock.advance(minutes=1)
    shop.close_series_for_data_loss("Reposição", {("FS", "A2026"): 2})
    dup = shop.reenter_duplicate(DuplicateEntry("FS A2026/2", date(2026, 3, 14),
                                                lines(shop, ("PAO01", 1))))
    assert dup.hash_control == "1-FSD FS A2026/2"

    gt = shop.add_book("GT", "gt", 1, 9, validation_code="GTVALID1", **TYPOGRAPHY)
    paper = shop.record_paper_transport(PaperTransport(
        entry(shop, "3", book_id=gt.id,
              customer=make_customer("123456789", "Cliente", "Rua A", "Porto", "4000-001")),
        movement_start=datetime(2026, 3, 10, 9, 0), at_code="TEL-1"))
    assert paper.at_doc_code == "TEL-1"
    assert shop.verify().ok
