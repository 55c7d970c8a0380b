"""Lost documents re-entered from their paper duplicates after a restore (D8632 §2.5)."""

import json
from datetime import date

import pytest

from pos.domain.errors import NotFoundError, SeriesError, StateError, ValidationError
from pos.domain.manual import HASH_CONTROL_RE

from .helpers import lines, outbox

DAY = date(2026, 3, 14)


def _dup(till, original, day=DAY, **kw):
    from pos.services.manual_recovery import DuplicateEntry
    return DuplicateEntry(original=original, doc_date=day,
                          lines=lines(till, ("PAO01", 1)), **kw)


@pytest.fixture
def restored(desk, clock):
    """FS A2026/1-2 survived the restore; the paper duplicates show numbers 3 and 4 too."""
    for _ in range(2):
        desk.till.sell([("PAO01", 1)], "FS")
        clock.advance(minutes=1)
    return desk


def test_series_in_use_are_finalised_with_the_real_last_number(restored):
    desk = restored
    closed = desk.close_series("Reposição de cópia de segurança", {("FS", "a2026"): 4})
    assert [(c.doc_type, c.series_id, c.kind, c.last_number) for c in closed] == [
        ("FS", "A2026", "N", 4)]          # unused series have nothing lost: left active
    assert {s.series_id: s.status for s in desk.till.series() if s.doc_type == "FS"} == {
        "A2026": "F", "DEMO2026": "A", "R2026": "A"}
    (row,) = outbox(desk.till, kind="series_finalize")
    assert json.loads(row.payload) == {"last_number": 4,
                                       "reason": "Reposição de cópia de segurança"}
    with pytest.raises(SeriesError):         # nothing more is issued in a finalised series
        desk.till.sell([("PAO01", 1)], "FS", series_id="A2026")
    desk.till.add_series("FS", "B2026", "ATCFSB2026X")
    assert desk.till.sell([("PAO01", 1)], "FS").document_no == "FS B2026/1"


def test_close_series_checks(restored):
    with pytest.raises(ValidationError, match="inferior"):
        restored.close_series("Reposição", {("FS", "A2026"): 1})
    with pytest.raises(NotFoundError):
        restored.close_series("Reposição", {("FT", "ZZ"): 3})
    with pytest.raises(ValidationError, match="motivo"):
        restored.close_series("")


def test_duplicate_reentered_with_d_hash_control(restored, clock):
    desk = restored
    with pytest.raises(StateError, match="close-series"):
        desk.duplicate(_dup(desk.till, "FS A2026/3"))
    desk.close_series("Reposição", {("FS", "A2026"): 4})
    doc = desk.duplicate(_dup(desk.till, "FS A2026/3"))
    assert doc.document_no == "FS R2026/1" and doc.series_kind == "R"
    assert doc.source_billing == "M"
    assert doc.hash_control == "1-FSD FS A2026/3"
    assert HASH_CONTROL_RE.match(doc.hash_control)
    assert doc.invoice_date == DAY and doc.system_entry_date == clock.now()
    with pytest.raises(StateError, match="já foi recuperado no documento FS R2026/1"):
        desk.duplicate(_dup(desk.till, "fs a2026/3"))
    # After cancelling the re-entry it may be entered again (one active copy only).
    desk.till.cancel("FS R2026/1", "Engano")
    assert desk.duplicate(_dup(desk.till, "FS A2026/3")).document_no == "FS R2026/2"


def test_duplicate_checks(restored):
    desk = restored
    desk.close_series("Reposição", {("FS", "A2026"): 4})
    with pytest.raises(StateError, match="não foi perdido"):
        desk.duplicate(_dup(desk.till, "FS A2026/2"))
    with pytest.raises(NotFoundError, match="não está na base de dados"):
        desk.duplicate(_dup(desk.till, "FS ZZ2026/1"))
    with pytest.raises(ValidationError, match="formação"):
        desk.duplicate(_dup(desk.till, "FS DEMO2026/1"))
    with pytest.raises(ValidationError, match="anterior ao último"):
        desk.duplicate(_dup(desk.till, "FS A2026/4", day=date(2026, 3, 1)))
    with pytest.raises(ValidationError, match="original inválido"):
        desk.duplicate(_dup(desk.till, "A2026/4"))
    desk.till.set_training_mode(True)
    with pytest.raises(StateError, match="Modo de formação"):
        desk.duplicate(_dup(desk.till, "FS A2026/4"))


def test_credit_note_on_a_reentered_duplicate_cites_the_original_number(restored, clock):
    desk = restored
    desk.close_series("Reposição", {("FS", "A2026"): 4})
    doc = desk.duplicate(_dup(desk.till, "FS A2026/3"))
    clock.advance(minutes=1)
    note = desk.till.credit_note(doc.document_no, "Devolução")
    assert note.lines[0].reference.document_no == "FS A2026/3"
