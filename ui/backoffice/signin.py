"""The back office's door: tap your name (only people whose role may use the back office
are listed), type your PIN. Wrong PINs count towards the lock-out, as at the till."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..widgets.pin_entry import pin_column
from ..widgets.touch import title
from .area import Area
from .kit import action, role_names


def managers(app) -> list:
    """Active users whose role may use the back office, by name."""
    allowed = {r.role for r in app.role_rights() if r.get("back_office").allowed}
    return [m for m in app.staff() if m.role in allowed]


def door(app, login: str, pin: str):
    """Signed in: who, and what their role may do."""
    user = app.open_back_office(login, pin)
    return user, app.rights(user.login)


class SignInArea(Area):
    signed_in = Signal(object, object)          # UserInfo, rights

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        outer = QHBoxLayout()
        outer.setSpacing(32)
        left = QVBoxLayout()
        self.heading = title(self.tr("Back office"))
        left.addWidget(self.heading)
        hint = QLabel(self.tr("Gerentes e administradores: toque no seu nome e escreva o "
                              "PIN."))
        hint.setObjectName("subtitle")
        hint.setWordWrap(True)
        left.addWidget(hint)
        self.names = QGridLayout()
        self.names.setSpacing(8)
        left.addLayout(self.names)
        left.addStretch(1)
        outer.addLayout(left, 3)
        self.enter = action(self.tr("Entrar"), "primary")
        right, self.pin, self.pad = pin_column(self.tr("PIN"), self.enter, self.submit, 64)
        right.addStretch(1)
        outer.addLayout(right, 2)
        self.add(outer, 1)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, object] = {}
        self.preselect: str | None = None

    def refresh(self) -> None:
        self.pin.clear()
        self.run(managers, self.ctx.app, on_done=self._names)

    def _names(self, people) -> None:
        for b in self.buttons.values():
            self.group.removeButton(b)
            b.deleteLater()
        self.buttons.clear()
        for i, person in enumerate(people):
            role = role_names().get(person.role, person.role_name)
            b = action(f"{person.name}\n{role}", "user")
            b.setMinimumHeight(72)
            b.setCheckable(True)
            b.setProperty("login", person.login)
            b.clicked.connect(lambda _=False: self.pin.setFocus())
            self.group.addButton(b)
            self.names.addWidget(b, i // 2, i % 2)
            self.buttons[person.login] = b
        if not people:
            self.notice.error(self.tr("Ninguém pode entrar no back office: nenhum utilizador "
                                      "ativo tem essa permissão."))
        chosen = self.preselect if self.preselect in self.buttons else \
            (next(iter(self.buttons)) if len(self.buttons) == 1 else None)
        if chosen:
            self.buttons[chosen].setChecked(True)
        self.pin.setFocus()

    def choose(self, login: str) -> None:
        self.buttons[login].click()

    def submit(self) -> None:
        chosen = self.group.checkedButton()
        if chosen is None:
            self.notice.error(self.tr("Toque no seu nome primeiro."))
            return
        if not self.pin.text():
            self.notice.error(self.tr("Escreva o PIN."))
            return
        if self.busy:
            return
        login, pin = chosen.property("login"), self.pin.text()
        self.pin.clear()
        self.notice.info(self.tr("A verificar…"))
        self.run(door, self.ctx.app, login, pin, hold=(self.enter,),
                 on_done=lambda answer: (self.notice.clear(), self.signed_in.emit(*answer)),
                 on_error=self._refused)

    def _refused(self, exc) -> None:
        self.show_error(exc)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
