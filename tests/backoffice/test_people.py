"""Clientes and Utilizadores on a real shop: customers added and edited with the rules (NIF
checked, foreign tax numbers with their country, fixed once invoiced); users added by an
administrator (a manager refused), PINs changed and lock-outs lifted; role permissions."""

from pos.domain.customer import make_customer


def test_a_customer_is_added_edited_and_refused_with_a_wrong_nif(office):
    office.sign_in()
    area = office.open("customers")
    office.tap(area.new_button)
    office.type(area.nif, "123456780")
    office.type(area.name, "Maria Silva")
    office.tap(area.save_button)
    assert "dígito de controlo" in area.notice.text()
    office.type(area.nif, "123456789")
    office.type(area.city, "Porto")
    office.tap(area.save_button)
    assert "Maria Silva guardado" in area.notice.text()
    office.type(area.address, "Rua Nova, 2")
    office.tap(area.save_button)
    c = office.app.customer_page("maria").items[0]
    assert (c.nif, c.address, c.country) == ("123456789", "Rua Nova, 2", "PT")
    office.tap(area.new_button)
    office.type(area.nif, "ESB12345678")
    office.type(area.name, "Tienda SL")
    office.tap(area.save_button)
    assert office.app.customer_page("tienda").items[0].country == "ES"


def test_an_invoiced_customer_keeps_nif_and_name(office):
    c = office.app.add_customer("123456789", "Maria Silva", "Rua A", "Porto", "4000-001")
    office.app.sell_items([("PAO01", 1)], doc_type="FT", customer=make_customer(
        "123456789", "Maria Silva", "Rua A", "Porto", "4000-001"))
    office.sign_in()
    area = office.open("customers")
    office.settle()
    area.table.choose(area.table.values.index(c.id))
    office.settle()
    assert area.nif.isReadOnly() and area.name.isReadOnly()
    assert "Já tem documentos" in area.lock_note.text()
    area.name.setReadOnly(False)
    office.type(area.name, "Outra Pessoa")
    office.tap(area.save_button)
    assert area.notice.property("level") == "error"
    assert office.app.customer_info(c.id).name == "Maria Silva"


def test_an_administrator_adds_a_user_and_a_manager_is_refused(office):
    office.sign_in("admin", "1234")
    area = office.open("staff")
    people = area.people
    office.tap(people.new_button)
    office.type(people.login, "rui")
    office.type(people.name, "Rui Costa")
    people.role.setCurrentIndex(people.role.findData("supervisor"))
    office.type(people.pin, "4826")
    office.type(people.pin_again, "4862")
    office.tap(people.save_button)
    assert "não são iguais" in area.notice.text()
    office.type(people.pin, "4826")
    office.type(people.pin_again, "4826")
    office.tap(people.save_button)
    assert "Rui Costa guardado" in area.notice.text(), area.notice.text()
    assert office.app.staff_member("rui").role == "supervisor"
    assert office.app.sign_in("rui", "4826").name == "Rui Costa"
    office.tap(office.w.leave)
    office.sign_in("gerente", "2222")
    area = office.open("staff")
    assert "Pode consultar" in area.notice.text()
    people = area.people
    people.table.choose(people.table.values.index("rui"))
    people.role.setCurrentIndex(people.role.findData("admin"))
    office.tap(people.save_button)
    assert "não pode gerir utilizadores" in area.notice.text()
    assert office.app.staff_member("rui").role == "supervisor"


def test_a_locked_out_user_is_unlocked_and_gets_a_new_pin(office):
    app = office.app
    for _ in range(5):
        try:
            app.sign_in("caixa1", "0000")
        except Exception:  # noqa: BLE001 - five wrong PINs, on purpose
            pass
    assert app.staff_member("caixa1").locked_until is not None
    office.sign_in("admin", "1234")
    area = office.open("staff")
    people = area.people
    people.table.choose(people.table.values.index("caixa1"))
    assert "bloqueado" in people.state.text()
    office.tap(people.unlock_button)
    assert "desbloqueado" in area.notice.text()
    office.type(people.pin, "5937")
    office.type(people.pin_again, "5937")
    office.tap(people.pin_button)
    assert app.sign_in("caixa1", "5937").login == "caixa1"
    kinds = [k for k, _u, _d in office.audit()]
    assert "user_unlocked" in kinds and "pin_changed" in kinds


def test_role_permissions_are_changed_on_the_grid(office):
    office.sign_in("admin", "1234")
    area = office.open("staff")
    area.tabs.setCurrentWidget(area.roles)
    office.settle()
    roles = area.roles
    box = roles.boxes[("cashier", "drawer")]
    assert not box.isChecked() and not roles.boxes[("admin", "drawer")].isEnabled()
    office.tap(box)
    assert office.app.may("caixa1", "drawer")
    field = roles.limits["cashier"]
    office.type(field, "12")
    field.editingFinished.emit()
    office.settle()
    assert office.app.may("caixa1", "discount", 12) and not office.app.may(
        "caixa1", "discount", 13)
    office.type(field, "150")
    field.editingFinished.emit()
    office.settle()
    assert "0 a 100" in area.notice.text()
