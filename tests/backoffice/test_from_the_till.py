"""From the till: a manager signed in at the till sees the back-office button, types their
PIN on the back office's door and is in; a cashier never sees the button. The till keeps its
own state meanwhile (issue 15 places the button; this is the hook it calls)."""

from tests.ui.conftest import make_driver  # noqa: F401 (the till's fixture)
from ui.cashier.backoffice_entry import BackOfficeEntry


def test_a_manager_opens_the_back_office_from_the_till(make_driver, app, qtbot):  # noqa: F811
    d = make_driver(app)
    entry = BackOfficeEntry(d.w)
    d.sign_in("caixa1", "1111")
    entry.signed_in(d.ctx.user)
    d.settle()
    assert not entry.button.isVisibleTo(d.w)          # a cashier: no back office
    d.w.sign_out()
    d.sign_in("gerente", "2222", float_=None)
    entry.signed_in(d.ctx.user)
    d.settle()
    assert entry.entry.allowed("gerente")
    opened = []
    entry.entry.opened.connect(opened.append)
    entry.open()
    qtbot.waitUntil(lambda: bool(opened))
    window = opened[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "gerente" in window.signin.buttons)
    assert window.signin.group.checkedButton() is window.signin.buttons["gerente"]
    window.signin.pin.setText("2222")
    window.signin.submit()
    qtbot.waitUntil(lambda: window.ctx.user is not None)
    assert window.ctx.user.login == "gerente" and window.current() is window.areas["dashboard"]
    entry.open()                                       # one back office at a time
    assert opened == [window, window]
    closed = []
    entry.entry.closed.connect(lambda: closed.append(1))
    window.close()
    assert closed == [1] and d.ctx.user.login == "gerente"
    d.settle()
    assert d.w.stack.currentWidget() is not d.w.signin  # the till as it was
