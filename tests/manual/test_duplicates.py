"""Lost documents re-entered from their paper duplicates after a restore (D8632 §2.5)."""

import json
from datetime import date

import pytest

from pos.domain.errors import NotFoundError, SeriesError, StateError, ValidationError
from pos.domain.manual import HASH_CONTROL_RE

from .helpers import lines, outbox

DAY = date(2026, 3, 14)


def _dup(shop, original, day=DAY, **kw):
    from pos.services.manual_recovery import DuplicateEntry
    return DuplicateEntry(original=original, doc_date=day,
                          lines=lines(shop, ("PAO01", 1)), **kw)


@pytest.fixture
def restored(shop, clock):
    """FS A2026/1-2 survived the restore; the paper duplicates show numbers 3 and 4 too."""
    for _ in range(2):
        shop.sell_items([("PAO01", 1)], "FS")
        clock.advance(minutes=1)
    return shop


def test_series_in_use_are_finalised_with_the_real_last_number(restored):
    shop = restored
    closed = shop.close_series_for_data_loss("Reposição de cópia de segurança",
                                             {("FS", "a2026"): 4})
    assert [(c.doc_type, c.series_id, c.kind, c.last_number) for c in closed] == [
        ("FS", "A2026", "N", 4)]          # unused series have nothing lost: left active
    assert {s.series_id: s.status for s in shop.series() if s.doc_type == "FS"} == {
        "A2026": "F", "DEMO2026": "A", "R2026": "A"}
    (row,) = outbox(shop, kind="series_finalize")
    assert json.loads(row.payload) == {"last_number": 4,
                                       "reason": "Reposição de cópia de segurança"}
    with pytest.raises(SeriesError):         # nothing more is issued in a finalised series
        shop.sell_items([("PAO01", 1)], "FS", series_id="A2026")
    shop.add_series("FS", "B2026", "ATCFSB2026X")
    assert shop.sell_items([("PAO01", 1)], "FS").document_no == "FS B2026/1"


def test_close_series_checks(restored):
    with pytest.raises(ValidationError, match="inferior"):
        restored.close_series_for_data_loss("Reposição", {("FS", "A2026"): 1})
    with pytest.raises(NotFoundError):
        restored.close_series_for_data_loss("Reposição", {("FT", "ZZ"): 3})
    with pytest.raises(ValidationError, match="motivo"):
        restored.close_series_for_data_loss("")


def test_duplicate_reentered_with_d_hash_control(restored, clock):
    shop = restored
    with pytest.raises(StateError, match="close-series"):
        shop.reenter_duplicate(_dup(shop, "FS A2026/3"))
    shop.close_series_for_data_loss("Reposição", {("FS", "A2026"): 4})
    doc = shop.reenter_duplicate(_dup(shop, "FS A2026/3"))
    assert doc.document_no == "FS R2026/1" and doc.series_kind == "R"
    assert doc.source_billing == "M"
    assert doc.hash_control == "1-FSD FS A2026/3"
    assert HASH_CONTROL_RE.match(doc.hash_control)
    assert doc.invoice_date == DAY and doc.system_entry_date == clock.now()
    with pytest.raises(StateError, match="já foi recuperado no documento FS R2026/1"):
        shop.reenter_duplicate(_dup(shop, "fs a2026/3"))
    # After cancelling the re-entry it may be entered again (one active copy only).
    shop.cancel("FS R2026/1", "Engano")
    assert shop.reenter_duplicate(_dup(shop, "FS A2026/3")).document_no == "FS R2026/2"


def test_duplicate_checks(restored):
    shop = restored
    shop.close_series_for_data_loss("Reposição", {("FS", "A2026"): 4})
    with pytest.raises(StateError, match="não foi perdido"):
        shop.reenter_duplicate(_dup(shop, "FS A2026/2"))
    with pytest.raises(NotFoundError, match="não está na base de dados"):
        shop.reenter_duplicate(_dup(shop, "FS ZZ2026/1"))
    with pytest.raises(ValidationError, match="formação"):
        shop.reenter_duplicate(_dup(shop, "FS DEMO2026/1"))
    with pytest.raises(ValidationError, match="anterior ao último"):
        shop.reenter_duplicate(_dup(shop, "FS A2026/4", day=date(2026, 3, 1)))
    with pytest.raises(ValidationError, match="original inválido"):
        shop.reenter_duplicate(_dup(shop, "A2026/4"))
    shop.set_training_mode(True)
    with pytest.raises(StateError, match="Modo de formação"):
        shop.reenter_duplicate(_dup(shop, "FS A2026/4"))


def test_credit_note_on_a_reentered_duplicate_cites_the_original_number(restored, clock):
    shop = restored
    shop.close_series_for_data_loss("Reposição", {("FS", "A2026"): 4})
    doc = shop.reenter_duplicate(_dup(shop, "FS A2026/3"))
    clock.advance(minutes=1)
    note = shop.credit(doc.document_no, "Devolução")
    assert note.lines[0].reference.document_no == "FS A2026/3"


def test_duplicates_stop_at_the_series_real_last_number(restored):
    """Issue 14, defect 4 (D8632 §2.5.1): closed at 4 (the paper duplicates), the series
    lists 4 as its last number and no duplicate beyond it is accepted."""
    shop = restored
    shop.close_series_for_data_loss("Reposição", {("FS", "A2026"): 4})
    (fs,) = [s for s in shop.series() if (s.doc_type, s.series_id) == ("FS", "A2026")]
    assert (fs.status, fs.last_number) == ("F", 4)
    with pytest.raises(ValidationError, match="fechada no n.º 4: o documento FS A2026/5 não "
                                              "foi emitido"):
        shop.reenter_duplicate(_dup(shop, "FS A2026/5"))
    assert shop.reenter_duplicate(_dup(shop, "FS A2026/4")).hash_control == \
        "1-FSD FS A2026/4"
    # Closed without a number beyond the database's: nothing was lost after it.
    shop.add_series("FT", "B2026", "ATCFTB2026X")
    shop.sell_items([("PAO01", 1)], "FT", series_id="B2026")
    shop.close_series_for_data_loss("Reposição")
    with pytest.raises(ValidationError, match="fechada no n.º 1"):
        shop.reenter_duplicate(_dup(shop, "FT B2026/2"))


def test_series_list_shows_the_real_last_number(restored, tmp_path):
    from tests.conftest import run_cli

    db = restored.db.url.removeprefix("sqlite:///")
    restored.close()
    proc = run_cli(db, "manual", "close-series", "--reason", "Reposição", "--last",
                   "FS:A2026=5")
    assert proc.returncode == 0, proc.stderr
    listed = run_cli(db, "series", "list").stdout
    (line,) = [ln for ln in listed.splitlines() if ln.startswith("FS A2026 ")]
    assert "estado F" in line and line.endswith("último n.º 5")
    proc = run_cli(db, "manual", "duplicate", "--original", "FS A2026/6", "--date",
                   "2026-03-14", "--item", "PAO01")
    assert proc.returncode == 2 and "fechada no n.º 5" in proc.stderr
