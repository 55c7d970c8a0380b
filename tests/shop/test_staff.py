"""Users, roles, permissions and the PIN lock-out, on the demo shop (a real SQLite file)."""


import pytest
from sqlalchemy import select

from pos.domain import roles
from pos.domain.errors import NotFoundError, ValidationError
from pos.persistence.models import AuditEvent, User


def events(app, kind):
    with app.unit(write=False) as uow:
        return uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.kind == kind).order_by(AuditEvent.id)).all()


def test_an_administrator_adds_a_user_who_can_sign_in_and_the_pin_is_hashed(app):
    added = app.add_user("rita", "Rita Sousa", "supervisor", "4826", user="admin")
    assert (added.login, added.role, added.active) == ("rita", "supervisor", True)
    assert app.sign_in("rita", "4826").role == "supervisor"
    with app.unit(write=False) as uow:
        stored = uow.session.scalar(select(User.pin_hash).where(User.login == "rita"))
    assert "4826" not in stored and stored.startswith("pbkdf2$")
    assert events(app, "user_added") == ["rita (supervisor)"]


@pytest.mark.parametrize("login,name,role,pin,sentence", [
    ("rita", "Rita", "chef", "4826", "Perfil desconhecido"),
    ("rita", "Rita", "cashier", "1111", "fácil de adivinhar"),
    ("rita", "Rita", "cashier", "3456", "fácil de adivinhar"),
    ("rita", "Rita", "cashier", "12a4", "4 a 8 algarismos"),
    ("ri ta", "Rita", "cashier", "4826", "Identificador de utilizador inválido"),
    ("rita", "R", "cashier", "4826", "pelo menos 2"),
    ("rita", "Rita\x1b[2J", "cashier", "4826", "carácter de controlo"),
    ("Caixa1", "Outra", "cashier", "4826", "já existe"),
])
def test_bad_users_are_refused_in_one_sentence_and_nothing_is_added(app, login, name, role,
                                                                   pin, sentence):
    before = app.staff(include_inactive=True)
    with pytest.raises(ValidationError, match=sentence):
        app.add_user(login, name, role, pin, user="admin")
    assert app.staff(include_inactive=True) == before


def test_only_a_role_with_the_users_right_manages_users(app):
    with pytest.raises(ValidationError, match="Gerente .*não pode gerir utilizadores"):
        app.add_user("rita", "Rita", "cashier", "4826", user="gerente")
    with pytest.raises(NotFoundError):
        app.add_user("rita", "Rita", "cashier", "4826", user="ninguem")


def test_a_login_is_never_reused_and_a_user_is_deactivated_not_deleted(app):
    app.update_user("caixa1", active=False, user="admin")
    assert "caixa1" not in [m.login for m in app.staff()]
    assert [m.active for m in app.staff(include_inactive=True) if m.login == "caixa1"] == [False]
    with pytest.raises(NotFoundError):
        app.sign_in("caixa1", "1111")
    with pytest.raises(ValidationError, match="não se reutiliza"):
        app.add_user("caixa1", "Outra Ana", "cashier", "4826", user="admin")


def test_the_last_administrator_cannot_be_demoted_or_deactivated(app):
    with pytest.raises(ValidationError, match="único administrador"):
        app.update_user("admin", role="manager", user="admin")
    with pytest.raises(ValidationError, match="único administrador"):
        app.update_user("admin", active=False, user="admin")
    app.add_user("chefe", "Chefe", "admin", "4826", user="admin")
    assert app.update_user("admin", role="manager", user="chefe").role == "manager"


def test_five_wrong_pins_lock_the_user_out_until_a_manager_unlocks(app, clock):
    for left in (4, 3, 2, 1):
        with pytest.raises(ValidationError, match=f"PIN errado \\({left} tentativa"):
            app.sign_in("caixa1", "9999")
    with pytest.raises(ValidationError, match="fica bloqueado até"):
        app.sign_in("caixa1", "9999")
    with pytest.raises(ValidationError, match="está bloqueado até"):
        app.sign_in("caixa1", "1111")          # even the right PIN, while locked
    assert events(app, "user_locked")[0].startswith("caixa1 until")
    assert len(events(app, "login_failed")) == 5
    with pytest.raises(ValidationError, match="não pode entrar no back office"):
        app.unlock_user("caixa1", user="caixa1")
    assert app.unlock_user("caixa1", user="gerente") is True
    assert app.sign_in("caixa1", "1111").login == "caixa1"


def test_the_lock_out_ends_by_itself_and_a_right_pin_resets_the_count(app, clock):
    for _ in range(3):
        with pytest.raises(ValidationError):
            app.sign_in("caixa1", "9999")
    app.sign_in("caixa1", "1111")
    assert app.staff_member("caixa1").failed_pins == 0
    for _ in range(roles.MAX_WRONG_PINS):
        with pytest.raises(ValidationError):
            app.sign_in("caixa1", "9999")
    clock.advance(minutes=roles.LOCK_MINUTES, seconds=1)
    assert app.sign_in("caixa1", "1111").login == "caixa1"


def test_wrong_pins_on_approvals_count_too(app):
    for _ in range(roles.MAX_WRONG_PINS):
        with pytest.raises(ValidationError):
            app.approve("gerente", "0000", "discount 30%")
    with pytest.raises(ValidationError, match="bloqueado"):
        app.approve("gerente", "2222", "discount 30%")


def test_a_user_changes_their_own_pin_with_the_old_one(app):
    with pytest.raises(ValidationError, match="PIN errado"):
        app.set_pin("caixa1", "4826", user="caixa1", current_pin="0000")
    app.set_pin("caixa1", "4826", user="caixa1", current_pin="1111")
    assert app.sign_in("caixa1", "4826").login == "caixa1"
    with pytest.raises(ValidationError, match="não pode gerir utilizadores"):
        app.set_pin("gerente", "4826", user="caixa1")
    app.set_pin("caixa1", "5937", user="admin")
    assert app.sign_in("caixa1", "5937").login == "caixa1"
    assert events(app, "pin_changed") == ["caixa1", "caixa1"]


def test_role_rights_are_data_the_till_checks_and_a_manager_cannot_change_them(app):
    assert app.may("caixa1", "reprint") and not app.may("caixa1", "drawer")
    assert app.may("caixa1", "discount", 5) and not app.may("caixa1", "discount", "5.01")
    assert app.may("gerente", "cancel") and not app.may("gerente", "settings")
    assert app.may("admin", "settings") and not app.may("ninguem", "reprint")
    app.set_permission("cashier", "drawer", True, user="admin")
    app.set_permission("cashier", "discount", True, 10, user="admin")
    assert app.may("caixa1", "drawer") and app.may("caixa1", "discount", 10)
    rights = {r.role: r for r in app.role_rights()}
    assert rights["cashier"].get("discount").limit == 10
    assert events(app, "permission") == ["cashier drawer yes", "cashier discount yes 10%"]
    with pytest.raises(ValidationError, match="não pode gerir utilizadores"):
        app.set_permission("cashier", "cancel", True, user="gerente")
    with pytest.raises(ValidationError, match="administrador pode tudo"):
        app.set_permission("admin", "settings", False, user="admin")
    with pytest.raises(ValidationError, match="0 a 100"):
        app.set_permission("cashier", "discount", True, 150, user="admin")
    with pytest.raises(ValidationError, match="Ação desconhecida"):
        app.set_permission("cashier", "fly", True, user="admin")


def test_authorize_checks_the_pin_and_the_right_and_audits_it(app):
    who = app.authorize("gerente", "2222", "discount", 30, "FS line 2")
    assert who.login == "gerente"
    assert events(app, "approval") == ["discount 30 FS line 2"]
    with pytest.raises(ValidationError, match="só pode dar descontos até 5 %"):
        app.authorize("caixa1", "1111", "discount", 30)
    with pytest.raises(ValidationError, match="não pode anular documentos"):
        app.authorize("caixa1", "1111", "cancel")
    with pytest.raises(ValidationError, match="PIN errado"):
        app.authorize("gerente", "0000", "cancel")
