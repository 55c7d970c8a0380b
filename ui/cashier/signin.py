"""Sign-in: tap your name, type your PIN on the pad."""

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
from ..widgets.touch import Notice, button, title
from .page import Page


class SignInPage(Page):
    signed_in = Signal(object, object)          # UserInfo, SessionInfo | None

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(32)

        left = QVBoxLayout()
        self.shop = title("")
        left.addWidget(self.shop)
        hint = QLabel(self.tr("Quem está na caixa?"))
        hint.setObjectName("subtitle")
        left.addWidget(hint)
        self.users_box = QGridLayout()
        self.users_box.setSpacing(8)
        left.addLayout(self.users_box)
        left.addStretch(1)
        outer.addLayout(left, 3)

        self.enter = button(self.tr("Entrar"), "primary", min_h=72)
        right, self.pin, self.pad = pin_column(self.tr("PIN"), self.enter, self.submit, 72)
        self.notice = Notice(lines=3)      # 'locked until…' fits; the pad never moves
        right.addWidget(self.notice)
        right.addStretch(1)
        outer.addLayout(right, 2)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.user_buttons: dict[str, object] = {}

    def entered(self) -> None:
        self.pin.clear()
        self.notice.clear()
        self.enter.setEnabled(True)
        issuer = self.ctx.issuer
        self.shop.setText(issuer.business_name or issuer.name)
        self.run(self.ctx.app.users, on_done=self._users)

    def _users(self, users) -> None:
        for b in self.user_buttons.values():
            self.group.removeButton(b)
            b.deleteLater()
        self.user_buttons.clear()
        roles = {"cashier": self.tr("Caixa"), "manager": self.tr("Gerente"),
                 "admin": self.tr("Administrador")}
        self.ctx.names = {u.login: u.name for u in users}
        for i, user in enumerate(users):
            role = roles.get(user.role, user.role)
            # The role under the name, unless it would only say the name again.
            text = user.name if role.casefold() == user.name.casefold() else \
                f"{user.name}\n{role}"
            b = button(text, "user", min_h=80)
            b.setCheckable(True)
            b.setProperty("login", user.login)
            b.clicked.connect(lambda _=False: self.pin.setFocus())
            self.group.addButton(b)
            self.users_box.addWidget(b, i // 2, i % 2)
            self.user_buttons[user.login] = b
        if len(users) == 1:
            next(iter(self.user_buttons.values())).setChecked(True)
        self.pin.setFocus()

    def choose(self, login: str) -> None:
        self.user_buttons[login].click()

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
        self.notice.info(self.tr("A verificar…"))
        # PIN hashing is deliberately slow (PBKDF2): done off the UI thread, like every
        # use case. The session still open on this till comes with the answer.
        self.run(signed_in, self.ctx.app, login, pin, hold=(self.enter,),
                 on_done=self._done, on_error=self._failed)

    def _done(self, answer) -> None:
        self.pin.clear()
        self.notice.clear()
        self.signed_in.emit(*answer)

    def _failed(self, exc: Exception) -> None:
        self.pin.clear()
        self.notice.error(self.message(exc))
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)


def signed_in(app, login: str, pin: str):
    """Sign in, and the cash session this user sells in (the till's, or their own under the
    shop's rule 'one session per user'; None: one must be opened)."""
    return app.sign_in(login, pin), app.current_session(login)
