"""Settings that reach outside the shop: this till's receipt printer (connection, profile,
test print, receipt preview), the AT credentials and certificates (secrets are typed, kept
encrypted by the facade and never shown back), and the signing key (its public key for the
Modelo 24, a new key from the next document on)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.domain.errors import ValidationError

from .kit import action, caption, choice, form, line, panel, row, scrolled, select_value, when
from .parts import PathField, Table
from .printer_tools import test_print


def printer_preview(app, config: dict) -> bytes:
    """What the printer ``config`` describes would print: the last document, or its test
    page when the shop has none yet."""
    from printing.connections import printer_from_config
    from printing.preview import elements_png, receipt_png
    from printing.service import test_page

    profile, connection = printer_from_config(config)
    last = app.documents(1)
    if not last:
        return elements_png(test_page(profile, connection.description), profile)
    doc = app.document(last[0].document_no)
    issuer = app.issuer()
    return receipt_png(doc, issuer, app.qr(doc, issuer), profile)


def read_file(path: str, what: str) -> bytes | None:
    """The bytes of a file chosen in a form ('' means: not given)."""
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"Não foi possível ler {what} {path}: "
                              f"{exc.strerror or exc}.") from None


class PrinterTab(QWidget):
    def __init__(self, area):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        from printing.profile import PRESETS

        self.connection = line(self.tr("tcp:192.168.1.50:9100, usb:04b8:0202, cups:NOME…"),
                               200)
        self.preset = choice([(name, name) for name in PRESETS])
        self.state = caption()
        self.save_button = action(self.tr("Guardar"), "primary")
        self.test_button = action(self.tr("Página de teste"))
        self.preview_button = action(self.tr("Pré-visualizar talão"))
        self.remove_button = action(self.tr("Sem impressora"), "danger")
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test)
        self.preview_button.clicked.connect(self.preview)
        self.remove_button.clicked.connect(self.remove)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        left = panel(form([(self.tr("Ligação"), self.connection),
                           (self.tr("Modelo"), self.preset)]), self.state,
                     row(self.save_button, self.test_button),
                     row(self.preview_button, self.remove_button), None)
        box = QHBoxLayout(self)
        box.addWidget(left, 3)
        box.addWidget(scrolled(self.picture), 2)

    def refresh(self) -> None:
        self.area.run(self.ctx.app.printer_settings, on_done=self._show)

    def _show(self, data) -> None:
        if data is None:
            self.state.setText(self.tr("Esta caixa não tem impressora configurada."))
            return
        self.connection.setText(data.connection)
        select_value(self.preset, data.preset)
        self.state.setText("")

    def save(self) -> None:
        self.area.run(self.ctx.app.set_printer, self.connection.text().strip(),
                      self.preset.currentData(), user=self.ctx.login,
                      hold=(self.save_button,),
                      on_done=lambda _d: self.area.notice.ok(self.tr("Impressora guardada.")))

    def test(self) -> None:
        app, conn, preset = self.ctx.app, self.connection.text().strip(), \
            self.preset.currentData()
        self.area.run(lambda: test_print(app.check_printer(conn, preset).config()),
                      lane="printer", hold=(self.test_button,),
                      on_done=self.area.notice.ok)

    def preview(self) -> None:
        app, conn, preset = self.ctx.app, self.connection.text().strip() or "file:/dev/null", \
            self.preset.currentData()
        self.area.run(lambda: printer_preview(app, app.check_printer(conn, preset).config()),
                      lane="background", hold=(self.preview_button,), on_done=self._picture)

    def _picture(self, png: bytes) -> None:
        image = QPixmap()
        image.loadFromData(png, "PNG")
        room = max(200, self.picture.parentWidget().width() - 20)
        if image.width() > room:
            image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(image)

    def remove(self) -> None:
        self.area.run(self.ctx.app.remove_printer, user=self.ctx.login,
                      hold=(self.remove_button,), on_done=lambda _: (
                          self.connection.clear(),
                          self.area.notice.ok(self.tr("Esta caixa fica sem impressora."))))


class AtTab(QWidget):
    """The sub-user AT gave for the webservices and its password (kept encrypted), the
    environment, AT's public certificate and the client certificate with its key."""

    def __init__(self, area):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.state = caption()
        self.username = line(self.tr("NIF/N do subutilizador, ex. 599999993/1"), 30)
        self.password = line(self.tr("palavra-passe (não é mostrada)"), 100, password=True)
        self.environment = choice([(self.tr("Testes (AT)"), "test"),
                                   (self.tr("Produção"), "production")])
        self.wsdl = PathField("dir", placeholder=self.tr("pasta dos WSDL (opcional)"))
        self.login_button = action(self.tr("Guardar acesso"), "primary")
        self.login_button.clicked.connect(self.save_login)
        self.at_cert = PathField("open", self.tr("Certificados (*.cer *.pem *.crt)"))
        self.client_cert = PathField("open", self.tr("Certificados (*.pem *.crt)"))
        self.client_key = PathField("open", self.tr("Chaves (*.pem *.key)"))
        self.key_password = line(self.tr("palavra-passe da chave (se tiver)"), 100,
                                 password=True)
        self.certs_button = action(self.tr("Guardar certificados"), "primary")
        self.certs_button.clicked.connect(self.save_certs)
        self.clear_button = action(self.tr("Apagar tudo"), "danger")
        self.clear_button.clicked.connect(self.clear)
        login = QGroupBox(self.tr("Acesso aos webservices da AT"))
        QVBoxLayout(login).addWidget(panel(form([
            (self.tr("Utilizador"), self.username), (self.tr("Palavra-passe"), self.password),
            (self.tr("Ambiente"), self.environment), (self.tr("WSDL"), self.wsdl)]),
            self.login_button))
        certs = QGroupBox(self.tr("Certificados"))
        QVBoxLayout(certs).addWidget(panel(form([
            (self.tr("Certificado da AT"), self.at_cert),
            (self.tr("Certificado do cliente"), self.client_cert),
            (self.tr("Chave do cliente"), self.client_key),
            (self.tr("Palavra-passe"), self.key_password)]), self.certs_button))
        box = QVBoxLayout(self)
        box.addWidget(scrolled(panel(self.state, login, certs, self.clear_button, None)))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.at_credentials, on_done=self._show)

    def _show(self, c) -> None:
        def cert(info) -> str:
            return self.tr("em falta") if info is None else \
                f"{info.subject} ({self.tr('válido até')} {when(info.not_after)})"
        self.state.setText("\n".join([
            self.tr("Utilizador: %1 · palavra-passe: %2 · ambiente: %3").replace(
                "%1", c.username or "—").replace(
                "%2", self.tr("guardada") if c.password_set else self.tr("em falta")).replace(
                "%3", c.environment),
            self.tr("Certificado da AT: %1").replace("%1", cert(c.at_public_cert)),
            self.tr("Certificado do cliente: %1 · chave: %2").replace(
                "%1", cert(c.client_cert)).replace(
                "%2", self.tr("guardada") if c.client_key_set else self.tr("em falta")),
            self.tr("Pronto para comunicar.") if c.complete else
            self.tr("Incompleto: a AT ainda não pode ser contactada.")]))
        self.username.setText(c.username)
        select_value(self.environment, c.environment)
        self.wsdl.set_path(c.wsdl_dir or "")

    def save_login(self) -> None:
        password = self.password.text()
        self.password.clear()                 # typed once, never kept on screen
        self.area.run(self.ctx.app.set_at_credentials, self.username.text().strip(), password,
                      self.environment.currentData(), self.wsdl.path() or None,
                      user=self.ctx.login, hold=(self.login_button,), on_done=self._saved)

    def save_certs(self) -> None:
        app, user = self.ctx.app, self.ctx.login
        paths = (self.at_cert.path(), self.client_cert.path(), self.client_key.path())
        secret = self.key_password.text().encode() or None
        self.key_password.clear()
        what = (self.tr("o certificado da AT"), self.tr("o certificado do cliente"),
                self.tr("a chave do cliente"))

        def job():
            return app.set_at_certificates(*(read_file(p, w) for p, w in zip(paths, what,
                                                                             strict=True)),
                                           secret, user=user)
        self.area.run(job, hold=(self.certs_button,), on_done=self._saved)

    def _saved(self, _=None) -> None:
        self.area.notice.ok(self.tr("Guardado (os segredos ficam cifrados e não são "
                                    "mostrados)."))
        self.refresh()

    def clear(self) -> None:
        if self.area.confirmed(self.clear_button, self.tr(
                "Apagar o acesso e os certificados da AT? Carregue outra vez para confirmar.")):
            self.area.run(self.ctx.app.clear_at_credentials, user=self.ctx.login,
                          on_done=self._saved)


class KeyTab(QWidget):
    """The signing key: its versions, the public key for AT's Modelo 24, and a new key."""

    def __init__(self, area):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.table = Table([self.tr("Versão"), self.tr("Criada"), self.tr("Em uso")],
                           stretch=1, numeric=(0,))
        self.public_path = PathField("save", self.tr("PEM (*.pem)"))
        self.public_path.set_path(str(Path.home() / "chave-publica-caixa.pem"))
        self.export_button = action(self.tr("Exportar a chave pública"), "primary")
        self.export_button.clicked.connect(self.export_public)
        self.import_path = PathField("open", self.tr("PEM (*.pem *.key)"),
                                     self.tr("chave a importar (vazio: gerar nova)"))
        self.import_password = line(self.tr("palavra-passe da chave a importar"), 100,
                                    password=True)
        self.rotate_button = action(self.tr("Nova chave de assinatura"), "danger")
        self.rotate_button.clicked.connect(self.rotate)
        side = scrolled(panel(
            caption(self.tr("A chave pública vai para a AT na declaração Modelo 24.")),
            self.public_path, self.export_button,
            caption(self.tr("Uma nova chave assina a partir do próximo documento; as antigas "
                            "ficam para verificar o que assinaram. Comunique a nova chave "
                            "pública à AT.")),
            form([(self.tr("Importar"), self.import_path),
                  (self.tr("Palavra-passe"), self.import_password)]),
            self.rotate_button, None))
        box = QHBoxLayout(self)
        box.addWidget(self.table, 2)
        box.addWidget(side, 3)

    def refresh(self) -> None:
        self.area.run(self.ctx.app.signing_keys, on_done=lambda keys: self.table.fill(
            [(k.version, when(k.created_at), self.tr("sim") if k.active else "")
             for k in keys], [k.version for k in keys]))

    def export_public(self) -> None:
        from pos.files import write_file

        app, path, version = self.ctx.app, self.public_path.path(), self.table.current()
        self.area.run(lambda: write_file(path, app.public_key(version), "ficheiro PEM"),
                      lane="background", hold=(self.export_button,),
                      on_done=lambda out: self.area.notice.ok(
                          self.tr("Chave pública gravada em %1.").replace("%1", str(out))))

    def rotate(self) -> None:
        if not self.area.confirmed(self.rotate_button, self.tr(
                "Mudar a chave de assinatura? Carregue outra vez para confirmar.")):
            return
        app, user, path = self.ctx.app, self.ctx.login, self.import_path.path()
        secret = self.import_password.text().encode() or None
        self.import_password.clear()
        self.area.run(lambda: app.rotate_signing_key(user, read_file(path, "a chave"),
                                                     secret),
                      hold=(self.rotate_button,), on_done=lambda v: (
                          self.area.notice.ok(self.tr("Chave versão %1 em uso.")
                                              .replace("%1", str(v))), self.refresh()))
