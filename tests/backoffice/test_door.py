"""The back office's door: only people whose role may use it are listed, the PIN is
checked (wrong ones count towards the lock-out), the entry is audited; leaving goes back to
the door; the window's areas open only once someone is in."""

from datetime import date

import pytest

from pos.domain.errors import ValidationError


def test_only_managers_and_administrators_are_offered_and_a_wrong_pin_is_told(office):
    s = office.w.signin
    assert set(s.buttons) == {"admin", "gerente"}               # not caixa1 (a cashier)
    assert not any(b.isEnabled() for b in office.w.menu.values())
    office.tap(s.buttons["gerente"])
    for digit in "9999":
        office.tap(s.pad.keys[digit])
    office.tap(s.enter)
    assert office.ctx.user is None
    assert "PIN errado" in s.notice.text() and "4 tentativas" in s.notice.text()
    assert ("login_failed", "gerente") in [(k, u) for k, u, _ in office.audit()]


def test_a_manager_signs_in_and_sees_todays_sales(office):
    app = office.app
    app.sell_items([("PAO01", 2)], payments=(("NU", None),), user="caixa1")
    app.sell_items([("CAF02", 1)], payments=(("CD", None),), user="gerente")
    office.sign_in("gerente", "2222")
    assert office.w.who.text().startswith("Gerente")
    assert ("back_office", "gerente", "signed in") in office.audit()
    dash = office.w.current()
    assert dash is office.w.areas["dashboard"]
    office.settle()
    today = app.sales_summary(date(2026, 3, 14), date(2026, 3, 14))
    assert today.documents == 2
    assert dash.cards["today"].value.text() == office.w.areas["dashboard"].cards[
        "period"].value.text()
    assert dash.cards["today"].value.text().replace("\xa0", " ") == \
        f"{today.net:.2f} €".replace(".", ",")
    assert sorted(m.method for m in today.by_method) == ["CD", "NU"]
    assert dash.methods.rowCount() == 2 and dash.users.rowCount() == 2
    assert sum(v for v in dash.by_hour.values) == today.net
    office.tap(office.w.leave)                              # 'Sair' signs out
    assert office.ctx.user is None and office.w.current() is office.w.signin


def test_a_cashier_cannot_get_in_even_with_the_right_pin(app):
    with pytest.raises(ValidationError, match="não pode entrar no back office"):
        app.open_back_office("caixa1", "1111")


def test_the_back_office_in_english(make_office, app):
    app.set_language("en", user="admin")                # the shop's choice is the default
    office = make_office(app, lang=None)
    assert office.w.signin.enter.text() == "Sign in"
    assert office.w.menu["dashboard"].text() == "Dashboard"
    office.sign_in("admin", "1234")
    area = office.open("staff")
    assert area.tabs.tabText(1) == "Roles and permissions"
    assert area.people.role.itemText(0) == "Cashier"


def test_every_permission_has_a_label_on_screen():
    from pos.domain import roles
    from ui.backoffice.kit import action_names, role_names
    assert set(action_names()) == set(roles.ACTIONS)
    assert set(role_names()) == set(roles.ROLES)


def test_a_desk_keyboard_moves_between_areas(office):
    from PySide6.QtCore import Qt
    office.sign_in()
    w = office.w
    w.activateWindow()
    office.qtbot.waitUntil(w.isActiveWindow)
    office.qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    office.settle()
    assert w.current() is w.areas["customers"]
    office.app.add_customer("123456789", "Maria Silva", user="gerente")
    office.qtbot.keyClick(w, Qt.Key.Key_F5)
    office.settle()
    assert w.current().table.rowCount() == 1
