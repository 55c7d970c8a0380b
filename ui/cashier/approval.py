"""A supervisor's approval on the spot: tap a manager's name, they type their PIN."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.errors import ValidationError

from ..widgets.touch import button


class ApprovalBox(QWidget):
    """Who approves and their PIN; the page checks them with ``Application.approve`` in the
    same background job as the action approved."""

    problem = Signal(object)          # the supervisors could not be read (the exception)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("Autorização de um gerente"))
        self.caption.setObjectName("subtitle")
        box.addWidget(self.caption)
        self.row = QHBoxLayout()
        box.addLayout(self.row)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
        self.pin.setPlaceholderText(self.tr("PIN do gerente"))
        box.addWidget(self.pin)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, object] = {}

    def reset(self) -> None:
        """Clear the PIN and list the supervisors (read in the background)."""
        self.pin.clear()
        self.ctx.worker.submit(self.ctx.app.users, lane="counter", name="supervisors",
                               on_done=self._users, on_error=self.problem.emit)

    def _users(self, users) -> None:
        for b in self.buttons.values():
            self.group.removeButton(b)
            b.deleteLater()
        self.buttons.clear()
        for user in users:
            if not user.is_supervisor:
                continue
            b = button(user.name, "function")
            b.setCheckable(True)
            b.setProperty("login", user.login)
            b.clicked.connect(lambda _=False: self.pin.setFocus())
            self.group.addButton(b)
            self.row.addWidget(b)
            self.buttons[user.login] = b
        me = self.ctx.user
        if me is not None and me.login in self.buttons:
            self.buttons[me.login].setChecked(True)

    def choose(self, login: str) -> None:
        self.buttons[login].click()

    def credentials(self) -> tuple[str, str]:
        """The approving supervisor's login and the PIN typed, for ``Application.approve``
        (run by the page in the background); a ValidationError for the notice line when
        one is missing. The PIN field is cleared: a PIN is used once."""
        chosen = self.group.checkedButton()
        if chosen is None:
            raise ValidationError(self.tr("Escolha o gerente que autoriza."))
        if not self.pin.text():
            raise ValidationError(self.tr("Falta o PIN do gerente."))
        pin = self.pin.text()
        self.pin.clear()
        return chosen.property("login"), pin
