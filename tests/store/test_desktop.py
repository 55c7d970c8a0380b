"""The desktop till as ui/app.py builds it: an attached till sends what it records in the
background (no 'caixa store sync'), and keeps its anchor at the store, which the next start
compares the database with."""

import time

from sqlalchemy import text

from pos.domain.anchor import AnchorState


def wait_for(check, seconds: float = 30.0):
    """Poll until ``check()`` is true (replication is asynchronous by design)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("the store link did not get there in time")


def held_documents(central) -> int:
    with central.db.read() as s:
        return s.execute(text("SELECT count(*) FROM documents WHERE series_kind = 'N'")).scalar()


def test_the_desktop_till_sends_in_the_background_and_anchors_at_the_store(
        till1, central, tmp_path, monkeypatch):
    from ui.app import open_till_app

    monkeypatch.delenv("CAIXA_PRINTER", raising=False)
    path = till1.db.engine.url.database
    till1.close()
    app = open_till_app(path)
    try:
        assert app.anchors.store is app.store_link        # the store keeps its anchor
        app.quick_check()                                  # start-up: anchored everywhere
        doc = app.sell_items([("PAO01", 1)], payments=(("NU", None),))
        wait_for(lambda: held_documents(central) == 1)
        assert central.document(doc.document_no).uuid == doc.uuid
        wait_for(lambda: app.store_health().pending == 0)
    finally:
        app.close()                                       # the exit's checkpoint goes too
    with central.db.read() as s:
        state = s.execute(text("SELECT a.state FROM store_anchors a JOIN tills t "
                               "ON t.id = a.till_id WHERE t.code = 'CX1'")).scalar()
    anchored = AnchorState.from_json(state)
    assert anchored.series["FS CX12026"][0] == 1 and anchored.documents is not None
