"""The till's door to the back office: in the "Caixa" menu, only for people whose role may
use the back office (issue 17); it opens the back office on the till's own application."""


def _menu(d):
    d.w.sale.cash_menu.emit()
    d.settle()
    return d.w.cash_menu


def test_a_manager_sees_the_back_office_key_and_a_cashier_does_not(make_driver, app):
    d = make_driver(app)
    d.sign_in("gerente", "2222")
    d.settle()
    menu = _menu(d)
    assert menu.isVisible() and d.w.backoffice.button.isVisible()
    assert d.w.backoffice.button.window() is d.w          # a key of the till, not a window
    assert d.w.backoffice.button.height() >= 48
    d.tap(menu.back)
    d.w.sign_out()
    d.sign_in("caixa1", "1111")
    d.settle()
    _menu(d)
    assert not d.w.backoffice.button.isVisible()
