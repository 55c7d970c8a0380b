"""Integridade: a full verification of every chain, signature, number and total (a progress
bar; the window keeps answering), its report, and an administrator's acknowledgement with
their PIN, which lets this till issue again after altered data was found (DL 28/2019)."""

import inspect

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QHBoxLayout, QPlainTextEdit, QVBoxLayout

from .area import Area
from .kit import action, caption, heading, line, panel, row, when
from .parts import ProgressPanel


def acknowledge(app, login: str, pin: str) -> bool:
    """An administrator confirms the report with their PIN; False when nothing was blocked.

    Issue 19 makes the facade check the PIN itself (``acknowledge_integrity(user, pin)``);
    with the facade before it, the PIN is checked here by ``authorize`` first (wrong PINs
    count towards the lock-out the same way)."""
    if "pin" in inspect.signature(app.acknowledge_integrity).parameters:
        return app.acknowledge_integrity(login, pin)
    app.authorize(login, pin, "settings", detail="integrity report acknowledged")
    return app.acknowledge_integrity(login)


def administrators(app) -> list:
    return [m for m in app.staff() if m.role == "admin"]


class IntegrityArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.state = heading("")
        self.detail = caption()
        self.verify_button = action(self.tr("Verificar tudo"), "primary")
        self.verify_button.clicked.connect(self.verify)
        self.progress = ProgressPanel({"verifying": self.tr("Documentos verificados")},
                                      cancellable=False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setObjectName("report")
        self.admins = QHBoxLayout()
        self.admins.addStretch(1)             # the names keep their size, on the left
        self.group = QButtonGroup(self)
        self.admin_buttons: dict[str, object] = {}
        self.pin = line(self.tr("PIN do administrador"), 8, password=True)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
        self.pin.returnPressed.connect(self.acknowledge)
        self.ack_button = action(self.tr("Confirmar o relatório"), "danger")
        self.ack_button.clicked.connect(self.acknowledge)
        ack = QGroupBox(self.tr("Confirmação por um administrador"))
        box = QVBoxLayout(ack)
        box.addWidget(caption(self.tr("Depois de perceber o que foi alterado, um administrador "
                                      "confirma o relatório com o seu PIN: a caixa volta a "
                                      "emitir. Fica registado.")))
        box.addLayout(self.admins)
        box.addLayout(row(self.pin, self.ack_button))
        self.add(row(panel(self.state, self.detail), self.verify_button))
        self.add(self.progress)
        self.add(self.report, 1)
        self.add(ack)

    def refresh(self) -> None:
        self.run(self.ctx.app.integrity_status, on_done=self._status)
        self.run(administrators, self.ctx.app, on_done=self._admins)

    def _status(self, s) -> None:
        if s.blocked:
            self.state.setText(self.tr("Emissão bloqueada nesta caixa"))
            self.detail.setText(self.tr("Dados alterados encontrados em %1.")
                                .replace("%1", when(s.detected_at)))
            self.report.setPlainText(s.report)
        else:
            self.state.setText(self.tr("Sem alertas de integridade"))
            self.detail.setText(self.tr("Último relatório confirmado por %1 em %2.")
                                .replace("%1", s.acknowledged_by or "")
                                .replace("%2", when(s.acknowledged_at))
                                if s.acknowledged_by else "")
        self.ack_button.setEnabled(s.blocked)

    def _admins(self, people) -> None:
        for b in self.admin_buttons.values():
            self.group.removeButton(b)
            b.deleteLater()
        self.admin_buttons.clear()
        for m in people:
            b = action(m.name, "user")
            b.setCheckable(True)
            b.setProperty("login", m.login)
            self.group.addButton(b)
            self.admins.insertWidget(self.admins.count() - 1, b)
            self.admin_buttons[m.login] = b
        me = self.ctx.login
        if me in self.admin_buttons:
            self.admin_buttons[me].setChecked(True)
        elif len(people) == 1:
            next(iter(self.admin_buttons.values())).setChecked(True)

    def verify(self) -> None:
        self.report.clear()
        self.long(self.ctx.app.verify, panel=self.progress,
                  text=self.tr("A verificar todas as cadeias e assinaturas…"),
                  hold=(self.verify_button, self.ack_button), on_done=self.verified)

    def verified(self, report) -> None:
        self.report.setPlainText(report.text())
        if report.ok:
            self.notice.ok(self.tr("Tudo certo: nenhum dado alterado."))
        else:
            self.notice.error(self.tr("Foram encontrados dados alterados: a emissão está "
                                      "bloqueada até um administrador confirmar."))
        self.run(self.ctx.app.integrity_status, on_done=self._status)

    def acknowledge(self) -> None:
        chosen = self.group.checkedButton()
        if chosen is None:
            self.notice.error(self.tr("Escolha o administrador que confirma."))
            return
        pin = self.pin.text()
        self.pin.clear()
        if not pin:
            self.notice.error(self.tr("Escreva o PIN do administrador."))
            return
        self.run(acknowledge, self.ctx.app, chosen.property("login"), pin,
                 hold=(self.ack_button,), on_done=self._acknowledged)

    def _acknowledged(self, done: bool) -> None:
        self.notice.ok(self.tr("Relatório confirmado: a caixa pode voltar a emitir.") if done
                       else self.tr("Não havia nada bloqueado."))
        self.refresh()
