"""The store keeps each till's anchor (pos.services.anchors.AnchorStore): off the till's
machine, so a till whose database, anchor log and key store were all put back together — by
someone who controls that machine — is still found behind, and the store never lets the
anchor move back."""

import shutil

import pytest
from sqlalchemy import text

from pos.domain.anchor import AnchorState
from pos.domain.errors import IntegrityError
from pos.services import anchors
from sync.store_transport import StoreTransport

from . import helpers


def held(central, code: str = "CX1") -> AnchorState:
    with central.db.read() as s:
        state = s.execute(text("SELECT a.state FROM store_anchors a JOIN tills t "
                               "ON t.id = a.till_id WHERE t.code = :c"), {"c": code}).scalar()
    return AnchorState.from_json(state)


def test_a_till_put_back_whole_is_caught_by_the_stores_anchor(till1, central, tmp_path,
                                                              clock, secure_dirs):
    path = tmp_path / "cx1.db"
    till1.quick_check()
    till1.sell_items([("PAO01", 1)])
    till1.close()                    # exit's checkpoint: the log, the key store, the store
    helpers.copy_db(path, tmp_path / "old.db")
    before = {name: tmp_path / f"old-{name}" for name in secure_dirs}
    for name, folder in secure_dirs.items():
        shutil.copytree(folder, before[name])

    again = helpers.open_till(path, clock)
    again.sell_items([("PAO01", 2)])
    again.sell_items([("CAF01", 1)])
    assert again.store_sync().ok
    again.close()
    assert held(central).series["FS CX12026"][0] == 3

    # Everything on the till's machine goes back to the copy: database, log, key store.
    shutil.copyfile(tmp_path / "old.db", path)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"cx1.db{suffix}").unlink(missing_ok=True)
    for name, folder in secure_dirs.items():
        shutil.rmtree(folder)
        shutil.copytree(before[name], folder)

    back = helpers.open_till(path, clock)
    with pytest.raises(IntegrityError, match="loja central"):
        back.quick_check()
    # Nor can the till (its own password) move the store's anchor back.
    with back.unit(write=False) as uow:
        old_state = anchors.db_state(uow, back.shop_uuid())
    transport = StoreTransport(back.store_connection())
    try:
        assert transport.publish_anchor(old_state.shop, old_state.to_json()) is False
    finally:
        transport.close()
    assert held(central).series["FS CX12026"][0] == 3
    back.close()
