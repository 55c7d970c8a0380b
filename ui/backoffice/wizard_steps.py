"""The first-run wizard's steps. Each page reads what was typed on the screen's thread
(``values``) and checks it on the background helper (``check``, a ``setup_*`` use case that
writes nothing); the wizard keeps each step's checked value and builds the shop plan."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.documents import PAYMENT_METHODS
from pos.domain.errors import ValidationError

from .kit import action, caption, choice, form, heading, line, panel, regions, row, scrolled
from .parts import PathField
from .staff import pin_field

SERIES_TYPES = ("FS", "FR", "FT", "NC")


class Step(QWidget):
    """A page of the wizard: ``values()`` on the screen's thread, ``check(app, *values)``
    on the background helper."""

    title = ""

    def __init__(self, wizard):
        super().__init__()
        self.wizard = wizard
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def values(self) -> tuple:
        return ()

    @staticmethod
    def check(app, *values):
        return None


class CompanyStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.title = self.tr("Empresa")
        self.nif = line(self.tr("NIF da empresa"), 9)
        self.name = line(self.tr("nome como na AT"), 100)
        self.business = line(self.tr("nome da loja no talão (opcional)"), 60)
        self.address = line("", 200)
        self.city = line("", 50)
        self.postal = line(self.tr("ex. 3000-150"), 8)
        self.region = choice(regions())
        self.certificate = line(self.tr("n.º que a AT deu ao programa"), 4, text="0000")
        self.phone = line(self.tr("opcional"), 20)
        self.email = line(self.tr("opcional"), 100)
        self.box.addWidget(scrolled(panel(
            caption(self.tr("Os dados da empresa saem em todos os documentos e no SAF-T.")),
            form([(self.tr("NIF"), self.nif), (self.tr("Nome"), self.name),
                  (self.tr("Nome comercial"), self.business), (self.tr("Morada"), self.address),
                  (self.tr("Localidade"), self.city), (self.tr("Código postal"), self.postal),
                  (self.tr("Região fiscal"), self.region),
                  (self.tr("Certificado do programa"), self.certificate),
                  (self.tr("Telefone"), self.phone), (self.tr("Email"), self.email)]), None)))

    def values(self) -> tuple:
        return (self.nif.text(), self.name.text(), self.address.text(), self.city.text(),
                self.postal.text(), self.region.currentData(), self.certificate.text(),
                self.business.text(), self.phone.text(), self.email.text())

    @staticmethod
    def check(app, *values):
        return app.setup_company(*values)


class PlaceStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.title = self.tr("Loja e caixa")
        self.code = line("", 20, text="Global")
        self.name = line(self.tr("vazio: o da empresa"), 100)
        self.address = line(self.tr("vazio: a da empresa"), 200)
        self.city = line(self.tr("vazio: a da empresa"), 50)
        self.postal = line(self.tr("vazio: o da empresa"), 8)
        self.till = line("", 20, text="CX1")
        self.till_name = line("", 60, text="Caixa 1")
        self.box.addWidget(scrolled(panel(
            heading(self.tr("Estabelecimento")),
            form([(self.tr("Código"), self.code), (self.tr("Nome"), self.name),
                  (self.tr("Morada"), self.address), (self.tr("Localidade"), self.city),
                  (self.tr("Código postal"), self.postal)]),
            heading(self.tr("Primeira caixa")),
            form([(self.tr("Código"), self.till), (self.tr("Nome"), self.till_name)]),
            caption(self.tr("O código da caixa entra no nome das séries (ex. CX1N2026).")),
            None)))

    def values(self) -> tuple:
        return ((self.code.text(), self.name.text(), self.address.text(), self.city.text(),
                 self.postal.text()), (self.till.text(), self.till_name.text()))

    @staticmethod
    def check(app, place, till):
        return app.setup_establishment(*place), app.setup_till(*till)


class AdminStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.title = self.tr("Administrador")
        self.login = line(self.tr("ex. maria (sem espaços)"), 30, text="admin")
        self.name = line("", 60)
        self.pin = pin_field(self.tr("4 a 8 algarismos, não 1234 nem 1111"))
        self.again = pin_field(self.tr("repita o PIN"))
        self.box.addWidget(panel(
            caption(self.tr("O administrador pode tudo: utilizadores, definições, séries. "
                            "Os outros utilizadores acrescentam-se depois, no back office.")),
            form([(self.tr("Utilizador"), self.login), (self.tr("Nome"), self.name),
                  (self.tr("PIN"), self.pin), (self.tr("Repetir PIN"), self.again)]), None))

    def values(self) -> tuple:
        return self.login.text(), self.name.text(), self.pin.text(), self.again.text()

    @staticmethod
    def check(app, login, name, pin, again):
        if pin != again:
            raise ValidationError("Os dois PIN não são iguais: escreva-os outra vez.")
        return app.setup_admin(login, name, pin)


class KeyStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.title = self.tr("Chave de assinatura")
        self.generate = QRadioButton(self.tr("Gerar uma chave nova (RSA 1024, como a AT "
                                             "pede)"))
        self.import_ = QRadioButton(self.tr("Importar a chave que o programa já usava"))
        self.generate.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.generate)
        group.addButton(self.import_)
        self.path = PathField("open", self.tr("PEM (*.pem *.key)"))
        self.password = line(self.tr("palavra-passe da chave (se tiver)"), 100, password=True)
        self.box.addWidget(panel(
            caption(self.tr("A chave assina cada documento; a sua parte pública vai para a AT "
                            "(Modelo 24). Guarde uma cópia de segurança.")),
            self.generate, self.import_,
            form([(self.tr("Ficheiro"), self.path), (self.tr("Palavra-passe"),
                                                      self.password)]), None))

    def values(self) -> tuple:
        return (self.import_.isChecked(), self.path.path(),
                self.password.text().encode() or None)

    @staticmethod
    def check(app, importing, path, password):
        if not importing:
            return app.setup_key()
        if not path:
            raise ValidationError("Escolha o ficheiro da chave a importar.")
        try:
            pem = Path(path).read_bytes()
        except OSError as exc:
            raise ValidationError(f"Não foi possível ler {path}: {exc.strerror or exc}.") \
                from None
        return app.setup_key(pem, password)


class PaymentsStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.title = self.tr("Pagamentos")
        self.list = QListWidget()
        for code, name in PAYMENT_METHODS.items():
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(256, code)
            item.setCheckState(Qt.CheckState.Checked if code in ("NU", "CD", "MB")
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.box.addWidget(caption(self.tr("Os meios aceites na caixa (o numerário é "
                                           "obrigatório: o troco e a contagem são em "
                                           "dinheiro).")))
        self.box.addWidget(self.list)

    def choose(self, codes: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(256) in codes
                               else Qt.CheckState.Unchecked)

    def values(self) -> tuple:
        return ([self.list.item(i).data(256) for i in range(self.list.count())
                 if self.list.item(i).checkState() == Qt.CheckState.Checked],)

    @staticmethod
    def check(app, codes):
        return app.setup_payments(codes)


class PrinterStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        from printing.profile import PRESETS

        self.title = self.tr("Impressora")
        self.none = QRadioButton(self.tr("Sem impressora por agora"))
        self.some = QRadioButton(self.tr("Impressora de talões"))
        self.none.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.none)
        group.addButton(self.some)
        self.connection = line(self.tr("tcp:192.168.1.50:9100, usb:04b8:0202, cups:NOME…"),
                               200)
        self.preset = choice([(name, name) for name in PRESETS])
        self.test_button = action(self.tr("Página de teste"))
        self.test_button.clicked.connect(self.test)
        self.box.addWidget(panel(self.none, self.some,
                                 form([(self.tr("Ligação"), self.connection),
                                       (self.tr("Modelo"), self.preset)]),
                                 row(self.test_button, stretch=True), None))

    def values(self) -> tuple:
        return (self.some.isChecked(), self.connection.text().strip(),
                self.preset.currentData())

    @staticmethod
    def check(app, wanted, connection, preset):
        return app.setup_printer(connection, preset) if wanted else None

    def test(self) -> None:
        from .printer_tools import test_print

        app, (_wanted, connection, preset) = self.wizard.app, self.values()
        self.wizard.run(lambda: test_print(app.setup_printer(connection, preset).config()),
                        lane="printer", hold=(self.test_button,),
                        on_done=self.wizard.notice.ok)


class SeriesStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.title = self.tr("Séries")
        self.portal = QRadioButton(self.tr("Registei as séries no Portal das Finanças: "
                                           "escrevo os códigos que a AT deu"))
        self.webservice = QRadioButton(self.tr("Registar as séries agora pelo webservice da "
                                               "AT (precisa do acesso à AT configurado)"))
        self.portal.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.portal)
        group.addButton(self.webservice)
        self.series_id = line("", 35)
        self.codes = {t: line(self.tr("código de validação"), 70) for t in SERIES_TYPES}
        self.webservice.toggled.connect(
            lambda on: [c.setEnabled(not on) for c in self.codes.values()])
        self.box.addWidget(scrolled(panel(
            self.portal, self.webservice,
            form([(self.tr("Série"), self.series_id)] +
                 [(t, field) for t, field in self.codes.items()]),
            caption(self.tr("Uma série por tipo de documento: FS fatura simplificada, FR "
                            "fatura-recibo, FT fatura, NC nota de crédito.")), None)))

    def default_series(self, till: str, year: int) -> None:
        if not self.series_id.text():
            self.series_id.setText(f"{till}N{year}")

    def values(self) -> tuple:
        ws = self.webservice.isChecked()
        return (self.series_id.text().strip(),
                [(t, None if ws else (c.text().strip() or "")) for t, c in self.codes.items()])

    @staticmethod
    def check(app, series_id, codes):
        missing = [t for t, code in codes if code == ""]
        if missing:
            raise ValidationError(f"Falta o código de validação da série {missing[0]} "
                                  f"(ou escolha registar as séries pelo webservice).")
        return app.setup_series([(t, series_id, code) for t, code in codes])


class SummaryStep(Step):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.title = self.tr("Confirmar")
        self.language = choice([("Português", "pt"), ("English", "en")])
        self.text = caption()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.box.addWidget(panel(
            heading(self.tr("Tudo pronto para criar a loja")), self.text,
            form([(self.tr("Língua dos ecrãs"), self.language)]),
            caption(self.tr("Até carregar em 'Criar a loja' nada foi gravado: pode voltar "
                            "atrás e corrigir, ou sair sem deixar nada feito.")), None))

    def values(self) -> tuple:
        return (self.language.currentData(),)

    @staticmethod
    def check(app, language):
        return language
