"""Definições → E-mail: the server documents leave by (host, port, security, login, the
sender), the password typed once and kept encrypted, a test message sent now, and the
e-mails waiting or refused. Changes need the 'settings' right (the facade checks)."""

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from .kit import action, caption, choice, form, line, panel, row, scrolled, select_value


class MailTab(QWidget):
    def __init__(self, area):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.state = caption()
        self.host = line(self.tr("ex. smtp.exemplo.pt"), 253)
        self.port = line(self.tr("587"), 5)
        self.security = choice([(self.tr("STARTTLS (porta 587)"), "starttls"),
                                (self.tr("TLS (porta 465)"), "tls"),
                                (self.tr("Sem cifra (rede local)"), "none")])
        self.smtp_user = line(self.tr("utilizador no servidor (se pedir)"), 200)
        self.password = line(self.tr("palavra-passe (não é mostrada)"), 200, password=True)
        self.sender = line(self.tr("ex. loja@exemplo.pt"), 254)
        self.sender_name = line(self.tr("ex. Loja Demo"), 100)
        self.save_button = action(self.tr("Guardar"), "primary")
        self.save_button.clicked.connect(self.save)
        self.test_to = line(self.tr("enviar um teste para…"), 254)
        self.test_button = action(self.tr("Enviar teste"))
        self.test_button.clicked.connect(self.send_test)
        self.queue = caption()
        server = QGroupBox(self.tr("Servidor de envio (SMTP)"))
        QVBoxLayout(server).addWidget(panel(form([
            (self.tr("Servidor"), self.host), (self.tr("Porta"), self.port),
            (self.tr("Segurança"), self.security), (self.tr("Utilizador"), self.smtp_user),
            (self.tr("Palavra-passe"), self.password), (self.tr("Remetente"), self.sender),
            (self.tr("Nome do remetente"), self.sender_name)]), self.save_button))
        box = QVBoxLayout(self)
        box.addWidget(scrolled(panel(self.state, server, row(self.test_to, self.test_button),
                                     self.queue, None)))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.mail_settings, on_done=self._show)
        self.area.run(self.ctx.app.mail_queue, on_done=self._queue)

    def _show(self, s) -> None:
        self.state.setText(
            self.tr("Envio por %1:%2 · palavra-passe: %3").replace("%1", s.host)
            .replace("%2", str(s.port)).replace(
                "%3", self.tr("guardada") if s.password_set else self.tr("nenhuma"))
            if s.configured else self.tr("O envio de documentos por e-mail não está "
                                         "configurado."))
        if s.configured:
            self.host.setText(s.host)
            self.port.setText(str(s.port))
            select_value(self.security, s.security)
            self.smtp_user.setText(s.user)
            self.sender.setText(s.sender)
            self.sender_name.setText(s.sender_name)

    def _queue(self, rows) -> None:
        waiting = [r for r in rows if r.status != "parked"]
        refused = [r for r in rows if r.status == "parked"]
        lines = [self.tr("%1 e-mail(s) por enviar, %2 recusado(s).")
                 .replace("%1", str(len(waiting))).replace("%2", str(len(refused)))]
        lines += [f"{r.document_no} → {r.to}: {r.last_error}" for r in refused[:5]]
        self.queue.setText("\n".join(lines))

    def save(self) -> None:
        password = self.password.text() or None     # empty: keep the one stored
        self.password.clear()                       # typed once, never kept on screen
        self.area.run(self.ctx.app.set_mail_settings, host=self.host.text(),
                      port=self.port.text().strip() or None,
                      security=self.security.currentData(), smtp_user=self.smtp_user.text(),
                      sender=self.sender.text(), sender_name=self.sender_name.text(),
                      password=password, user=self.ctx.login, hold=(self.save_button,),
                      on_done=lambda s: (self.area.notice.ok(self.tr("Definições de e-mail "
                                                                     "guardadas.")),
                                         self._show(s)))

    def send_test(self) -> None:
        self.area.run(self.ctx.app.send_test_email, self.test_to.text(), lane="background",
                      hold=(self.test_button,),
                      on_done=lambda reply: self.area.notice.ok(
                          self.tr("Mensagem de teste aceite pelo servidor (%1).")
                          .replace("%1", reply)))
