"""Downward: master data changed on the central database (the back office pointed at the
store: issue 17's use cases, sealed in the store office's journal) reaches every till, in
one go, by a server-side cursor; a till that was away sells with its last copy and catches
up; what a till created alone goes up as a new record, never over the store's."""

import threading
from decimal import Decimal

import pytest
from sqlalchemy import text

from pos.domain.customer import make_customer
from pos.domain.errors import PosError

from . import helpers


def one(app, sql: str, **params):
    with app.db.read() as s:
        return s.execute(text(sql), params).scalar()


def test_a_new_till_gets_the_store_and_sells(till1, central, admin_url, key_pem, tmp_path,
                                             clock):
    till2 = helpers.new_till(tmp_path / "cx2.db", central, admin_url, "CX2", key_pem, clock)
    assert till2.issuer().nif == till1.issuer().nif
    assert till2.till_info().establishment == "Global"
    assert {u.login for u in till2.users()} == {"admin", "gerente", "caixa1"}
    assert till2.sign_in("caixa1", "1111").role == "cashier"
    assert len(till2.products()) == len(till1.products())
    assert till2.categories() == till1.categories()
    doc = till2.sell_items([("PAO01", 1)])
    assert doc.document_no == "FS CX22026/1"
    assert till2.verify().ok
    assert till2.store_sync().ok
    assert central.document(doc.document_no).uuid == doc.uuid
    report = central.verify()
    assert report.ok, report.text()
    till2.close()


def test_price_change_reaches_every_till_and_the_till_away_catches_up(
        till1, central, admin_url, key_pem, tmp_path, clock):
    till2 = helpers.new_till(tmp_path / "cx2.db", central, admin_url, "CX2", key_pem, clock)
    old = till1.product("PAO01").unit_price
    central.update_product("PAO01", price="2.49", user="gerente")
    central.add_product("NOV01", "Pão de centeio", "3.10", "RED", category="Padaria")

    assert till1.store_sync().pulled == 2                      # till 1 is online
    assert till1.product("PAO01").unit_price == Decimal("2.49")
    assert till1.product("NOV01").name == "Pão de centeio"
    online = till1.sell_items([("PAO01", 1)])
    assert online.lines[0].unit_price == Decimal("2.49")

    # Till 2 did not reach the store meanwhile: it sells with the copy it has.
    away = till2.sell_items([("PAO01", 1)])
    assert away.lines[0].unit_price == old
    report = till2.store_sync()                                 # it is back
    assert report.ok and report.pulled == 2
    assert till2.product("PAO01").unit_price == Decimal("2.49")
    assert till2.document(away.document_no) == away            # no document altered
    assert till2.verify().ok
    assert central.document(away.document_no).lines[0].unit_price == old
    # The store's office sealed who changed what, and its journal verifies with the tills'.
    kinds = [(e.user, e.kind) for e in central.journal()]
    assert ("gerente", "product_changed") in kinds and ("admin", "product_added") in kinds
    report = central.verify()
    assert report.ok, report.text()
    till2.close()


def test_changes_come_down_together_or_not_at_all(till1, central):
    """A manager's change of several rows is one transaction there and one here."""
    with central.db.write() as s:
        s.execute(text("UPDATE products SET price = '9.99' WHERE category = 'Padaria'"))
        s.execute(text("UPDATE settings SET value = '1234' WHERE key = 'certificate_number'"))
    before = till1.store_cursor()
    changes = 4                        # three breads and the setting
    assert till1.store_sync().pulled == changes
    assert {p.unit_price for p in till1.products() if p.code.startswith("PAO")} == \
        {Decimal("9.99")}
    assert till1.issuer().certificate_number == "1234"
    assert till1.store_cursor() > before
    assert till1.store_sync().pulled == 0                      # nothing new: nothing again


def test_the_cursor_never_skips_a_change_that_commits_late(till1, central):
    """Numbers follow commit order: a change still open holds the others back, so a till
    reading in between can never jump past it."""
    assert till1.store_sync().ok
    slow = central.db.engine.connect()
    slow_tx = slow.begin()
    slow.execute(text("UPDATE products SET price = '5.00' WHERE code = 'PAO02'"))
    fast_done = threading.Event()

    def fast():
        with central.db.write() as s:
            s.execute(text("UPDATE products SET price = '6.00' WHERE code = 'PAO03'"))
        fast_done.set()
    t = threading.Thread(target=fast)
    t.start()
    assert not fast_done.wait(1.0)             # the later writer waits for the first
    assert till1.store_sync().pulled == 0
    slow_tx.commit()
    slow.close()
    t.join(10)
    assert fast_done.is_set()
    assert till1.store_sync().pulled == 2
    assert till1.product("PAO02").unit_price == Decimal("5.00")
    assert till1.product("PAO03").unit_price == Decimal("6.00")


def test_users_roles_categories_and_payment_methods_are_the_stores(till1, central):
    central.set_payment_methods("NU,MB")
    central.add_user("caixa9", "Rui Novo", "cashier", "4826")
    central.set_permission("cashier", "drawer", True)
    central.add_category("Congelados")
    central.update_category("Drogaria", new_name="Limpeza")      # its products follow
    assert till1.store_sync().ok
    assert [m.code for m in till1.payment_methods()] == ["NU", "MB"]
    assert till1.sign_in("caixa9", "4826").name == "Rui Novo"
    assert till1.may("caixa1", "drawer")
    names = {c.name for c in till1.category_list()}
    assert {"Congelados", "Limpeza"} <= names and "Drogaria" not in names
    assert till1.product_info("HIG01").category == "Limpeza"


def test_a_lock_out_stays_the_tills_own(till1, central):
    """Wrong PINs are counted where they are typed; the store's copy of the user never
    overwrites a till's lock-out, and a new PIN set at the store reaches the till."""
    for _ in range(5):
        with pytest.raises(PosError):
            till1.sign_in("caixa1", "0000")
    central.update_user("caixa1", name="Ana Caixa Silva")
    assert till1.store_sync().pulled == 1
    with pytest.raises(PosError, match="bloquead"):
        till1.sign_in("caixa1", "1111")
    assert till1.staff_member("caixa1").name == "Ana Caixa Silva"
    central.set_pin("caixa1", "5173")
    till1.unlock_user("caixa1")
    assert till1.store_sync().pulled == 1
    assert till1.sign_in("caixa1", "5173").login == "caixa1"


def test_what_a_till_creates_alone_goes_up_as_a_new_record(
        till1, central, admin_url, key_pem, tmp_path, clock):
    till2 = helpers.new_till(tmp_path / "cx2.db", central, admin_url, "CX2", key_pem, clock)
    central.add_customer("501964843", "Cliente da Loja, S.A.", "Avenida 1", "Porto")
    # Meanwhile, away from the store, till 2 meets a new customer and makes a product
    # whose code the store has just given to another one.
    till2.sell_items([("PAO01", 1)], "FT", make_customer("514435852", "Novo Cliente, Lda.",
                                                         "Rua 2", "Braga"))
    till2.add_product("ESP01", "Especial da caixa 2", "4.00", "NOR")
    central.add_product("ESP01", "Especial da loja", "7.00", "NOR")

    report = till2.store_sync()
    assert report.ok and report.conflicts == 0
    assert one(central, "SELECT name FROM customers WHERE nif = '514435852'") == \
        "Novo Cliente, Lda."
    assert one(central, "SELECT count(*) FROM customers WHERE nif = '501964843'") == 1
    # The store's product was not overwritten; the till's is kept there for a manager.
    assert central.product("ESP01").unit_price == Decimal("7.00")
    problems = central.store_problems()
    assert [(p[0], p[1]) for p in problems] == [("CX2", "products")]
    # Everything comes back down to both tills: the store's version wins at the till too.
    assert till1.store_sync().ok and till2.store_sync().ok
    for till in (till1, till2):
        assert till.customer("514435852").name == "Novo Cliente, Lda."
        assert till.customer("501964843").name == "Cliente da Loja, S.A."
        assert till.product("ESP01").unit_price == Decimal("7.00")
    assert till2.store_health().pending == 0       # nothing echoed back up
    till2.close()


def test_a_product_removed_at_the_store_leaves_the_tills(till1, central):
    central.add_product("TMP01", "Artigo de passagem", "1.00", "NOR")
    assert till1.store_sync().ok
    assert till1.product("TMP01").name == "Artigo de passagem"
    central.remove_product("TMP01")
    assert till1.store_sync().pulled == 1
    assert "TMP01" not in {p.code for p in till1.products()}


def test_the_stores_own_rows_never_come_down(till1, central):
    """Each database keeps its identity (its key store entry) and its AT credentials."""
    mine = till1.shop_uuid()
    with central.db.write() as s:
        s.execute(text("UPDATE settings SET value = 'x' WHERE key = 'shop_uuid'"))
        s.execute(text("INSERT INTO settings (key, value) VALUES ('at_username', '1/2')"))
    assert till1.store_sync().pulled == 0
    assert till1.shop_uuid() == mine and till1.verify().ok
