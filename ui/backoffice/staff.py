"""Utilizadores: people (name, role, PIN, active, lock-out after repeated wrong PINs) and
what each role may do (discounts up to a limit, price changes, voids, reprints, the drawer
without a sale, credit notes, cancellations, the back office, users, settings). Changes
need the 'users' right (administrators by default); the facade refuses otherwise."""

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QWidget

from pos.domain import roles

from .area import Area
from .kit import (
    action,
    action_names,
    caption,
    choice,
    form,
    line,
    panel,
    role_names,
    row,
    scrolled,
    select_value,
    side,
    split,
)
from .kit import tick as checkbox
from .parts import Table


def pin_field(placeholder: str) -> object:
    field = line(placeholder, 8, password=True)
    field.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
    return field


class StaffArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.people = PeopleTab(self)
        self.roles = RolesTab(self)
        self.tabbed((self.people, self.tr("Utilizadores")),
                    (self.roles, self.tr("Perfis e permissões")))

    def refresh(self) -> None:
        if not self.ctx.may("users"):
            self.notice.info(self.tr("Pode consultar; só quem gere utilizadores (por omissão, "
                                     "o administrador) muda perfis e PINs."))
        super().refresh()


class PeopleTab(QWidget):
    def __init__(self, area: StaffArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.loaded = None
        self.with_inactive = checkbox(self.tr("Mostrar inativos"))
        self.with_inactive.toggled.connect(lambda _on: self.refresh())
        self.table = Table([self.tr("Utilizador"), self.tr("Nome"), self.tr("Perfil"),
                            self.tr("Estado")], stretch=1)
        self.table.picked.connect(self.pick)
        self.login = line(self.tr("ex. ana (sem espaços)"), 30)
        self.name = line("", 60)
        self.role = choice([(role_names()[r], r) for r in roles.ROLES])
        self.active = checkbox(self.tr("Pode entrar"), True)
        self.pin = pin_field(self.tr("4 a 8 algarismos"))
        self.pin_again = pin_field(self.tr("repita o PIN"))
        self.state = caption()
        self.new_button = action(self.tr("Novo"))
        self.save_button = action(self.tr("Guardar"), "primary")
        self.pin_button = action(self.tr("Mudar o PIN"))
        self.unlock_button = action(self.tr("Desbloquear"))
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.pin_button.clicked.connect(self.change_pin)
        self.unlock_button.clicked.connect(self.unlock)
        fields = form([(self.tr("Utilizador"), self.login), (self.tr("Nome"), self.name),
                       (self.tr("Perfil"), self.role), ("", self.active),
                       (self.tr("PIN"), self.pin), (self.tr("Repetir PIN"), self.pin_again)],
                      stacked=True)
        right = side(fields, self.state, buttons=[row(self.new_button, self.save_button),
                                                  row(self.pin_button, self.unlock_button)])
        box = QHBoxLayout(self)
        box.addLayout(split(panel(self.with_inactive, self.table), right))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.staff, self.with_inactive.isChecked(), on_done=self._list)

    def _list(self, people) -> None:
        self.people = {m.login: m for m in people}
        names = role_names()
        self.table.fill([(m.login, m.name, names.get(m.role, m.role_name), self._state(m))
                         for m in people],
                        [m.login for m in people])

    def _state(self, m) -> str:
        if not m.active:
            return self.tr("inativo")
        if m.locked_until is not None:
            return self.tr("bloqueado até %1").replace("%1", f"{m.locked_until:%H:%M}")
        if m.failed_pins:
            return self.tr("%n PIN(s) errado(s)", "", m.failed_pins)
        return self.tr("ativo")

    def pick(self, login) -> None:
        m = self.people.get(login) if login else None
        if m is None:
            return
        self.loaded = m
        self.login.setText(m.login)
        self.login.setReadOnly(True)
        self.name.setText(m.name)
        select_value(self.role, m.role)
        self.active.setChecked(m.active)
        self.pin.clear()
        self.pin_again.clear()
        self.state.setText(self._state(m))

    def new(self) -> None:
        self.loaded = None
        self.table.clearSelection()
        for field in (self.login, self.name, self.pin, self.pin_again):
            field.clear()
        self.login.setReadOnly(False)
        select_value(self.role, "cashier")
        self.active.setChecked(True)
        self.state.setText("")
        self.login.setFocus()

    def _pin(self) -> str | None:
        if self.pin.text() != self.pin_again.text():
            self.area.notice.error(self.tr("Os dois PIN não são iguais: escreva-os outra vez."))
            self.pin.clear()
            self.pin_again.clear()
            return None
        return self.pin.text()

    def save(self) -> None:
        app, user = self.ctx.app, self.ctx.login
        if self.loaded is None:
            pin = self._pin()
            if pin is None:
                return
            self.area.run(app.add_user, self.login.text(), self.name.text(),
                          self.role.currentData(), pin, user=user, hold=(self.save_button,),
                          on_done=self._saved)
            return
        m = self.loaded
        changed = {}
        if self.name.text() != m.name:
            changed["name"] = self.name.text()
        if self.role.currentData() != m.role:
            changed["role"] = self.role.currentData()
        if self.active.isChecked() != m.active:
            changed["active"] = self.active.isChecked()
        if not changed:
            self.area.notice.info(self.tr("Nada mudou (o PIN muda-se com 'Mudar o PIN')."))
            return
        self.area.run(partial(app.update_user, m.login, **changed, user=user),
                      hold=(self.save_button,), on_done=self._saved)

    def _saved(self, m) -> None:
        self.area.notice.ok(self.tr("%1 guardado.").replace("%1", m.name))
        self.pin.clear()
        self.pin_again.clear()
        self.refresh()

    def change_pin(self) -> None:
        if self.loaded is None:
            self.area.notice.error(self.tr("Escolha um utilizador da lista."))
            return
        pin = self._pin()
        if pin is None:
            return
        login = self.loaded.login
        self.area.run(self.ctx.app.set_pin, login, pin, user=self.ctx.login,
                      hold=(self.pin_button,),
                      on_done=lambda _: (self.pin.clear(), self.pin_again.clear(),
                                         self.area.notice.ok(self.tr("PIN de %1 mudado.")
                                                             .replace("%1", login))))

    def unlock(self) -> None:
        if self.loaded is None:
            self.area.notice.error(self.tr("Escolha um utilizador da lista."))
            return
        login = self.loaded.login
        self.area.run(self.ctx.app.unlock_user, login, user=self.ctx.login,
                      hold=(self.unlock_button,), on_done=lambda lifted: (
                          self.area.notice.ok(self.tr("%1 desbloqueado.").replace("%1", login)
                                              if lifted else self.tr("%1 não estava "
                                                                     "bloqueado.")
                                              .replace("%1", login)), self.refresh()))


class RolesTab(QWidget):
    """A grid: what each role may do, one tick per role and action (the administrator's
    column is fixed), and each role's largest discount."""

    def __init__(self, area: StaffArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        self.limits: dict[str, object] = {}
        for c, r in enumerate(roles.ROLES, start=1):
            head = QLabel(role_names()[r])
            head.setObjectName("heading")
            grid.addWidget(head, 0, c, Qt.AlignmentFlag.AlignCenter)
        for i, (act, text) in enumerate(action_names().items(), start=1):
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(label, i, 0)
            for c, r in enumerate(roles.ROLES, start=1):
                box = QCheckBox()
                box.setEnabled(r != "admin")
                box.clicked.connect(lambda on, r=r, a=act: self.set(r, a, on))
                grid.addWidget(box, i, c, Qt.AlignmentFlag.AlignCenter)
                self.boxes[(r, act)] = box
        limit_row = len(roles.ACTIONS) + 1
        grid.addWidget(QLabel(self.tr("Desconto máximo (%)")), limit_row, 0)
        for c, r in enumerate(roles.ROLES, start=1):
            field = line("", 6)
            field.setEnabled(r != "admin")
            field.editingFinished.connect(lambda r=r: self.set_limit(r))
            grid.addWidget(field, limit_row, c)
            self.limits[r] = field
        grid.setColumnStretch(0, 1)
        holder = QWidget()
        holder.setLayout(grid)
        box = QHBoxLayout(self)
        box.addWidget(scrolled(panel(holder, None)))
        self.rights: dict[str, object] = {}

    def refresh(self) -> None:
        self.area.run(self.ctx.app.role_rights, on_done=self._show)

    def _show(self, rights) -> None:
        self.rights = {r.role: r for r in rights}
        for (r, act), box in self.boxes.items():
            box.setChecked(self.rights[r].get(act).allowed)
        for r, field in self.limits.items():
            limit = self.rights[r].get("discount").limit
            field.setText("" if limit is None else f"{limit.normalize():f}".replace(".", ","))

    def set(self, role: str, act: str, on: bool) -> None:
        limit = None
        if act in roles.LIMITED:
            limit = self.limits[role].text().strip() or ("0" if not on else "5")
        self.area.run(self.ctx.app.set_permission, role, act, on, limit, user=self.ctx.login,
                      on_done=lambda _p: self._changed(), on_error=self._refused)

    def set_limit(self, role: str) -> None:
        field = self.limits[role]
        current = self.rights.get(role)
        text = field.text().strip()
        if current is None or not field.isModified():
            return
        field.setModified(False)
        self.area.run(self.ctx.app.set_permission, role, "discount", True, text or "0",
                      user=self.ctx.login, on_done=lambda _p: self._changed(),
                      on_error=self._refused)

    def _changed(self) -> None:
        self.area.notice.ok(self.tr("Permissão guardada."))
        self.refresh()

    def _refused(self, exc) -> None:
        self.area.show_error(exc)
        self.refresh()
