"""Definições: the company and its establishments, the tax region (with what changing it
means), the tills and training mode, the payment methods in button order, the language,
and (``settings_devices``) the printer, AT and the signing key. Changes need the 'settings'
right (administrators by default): the facade refuses otherwise, in one sentence."""

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QWidget

from .area import Area
from .kit import (
    action,
    caption,
    choice,
    form,
    line,
    panel,
    regions,
    row,
    select_value,
    side,
    split,
)
from .parts import Table
from .settings_devices import AtTab, KeyTab, PrinterTab

COMPANY_FIELDS = ("nif", "name", "business_name", "address", "city", "postal_code", "phone",
                  "email", "certificate_number")


class SettingsArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.company = CompanyTab(self)
        self.tills = TillsTab(self)
        self.printer = PrinterTab(self)
        self.payments = PaymentsTab(self)
        self.at = AtTab(self)
        self.key = KeyTab(self)
        self.language = LanguageTab(self)
        self.tabbed((self.company, self.tr("Empresa")), (self.tills, self.tr("Lojas e caixas")),
                    (self.printer, self.tr("Impressora")),
                    (self.payments, self.tr("Pagamentos")), (self.at, self.tr("AT")),
                    (self.key, self.tr("Chave")), (self.language, self.tr("Língua")))

    def refresh(self) -> None:
        if not self.ctx.may("settings"):
            self.notice.info(self.tr("Pode consultar; só quem muda as definições (por "
                                     "omissão, o administrador) as pode alterar."))
        super().refresh()


class CompanyTab(QWidget):
    def __init__(self, area: SettingsArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.loaded = None
        self.fields = {name: line("", 200) for name in COMPANY_FIELDS}
        labels = (self.tr("NIF"), self.tr("Nome"), self.tr("Nome comercial"),
                  self.tr("Morada"), self.tr("Localidade"), self.tr("Código postal"),
                  self.tr("Telefone"), self.tr("Email"), self.tr("N.º do certificado"))
        self.save_button = action(self.tr("Guardar"), "primary")
        self.save_button.clicked.connect(self.save)
        self.region = choice(regions())
        self.region_note = caption()
        self.preview_button = action(self.tr("O que muda?"))
        self.region_button = action(self.tr("Mudar a região"), "danger")
        self.preview_button.clicked.connect(self.preview_region)
        self.region_button.clicked.connect(self.change_region)
        left = side(form(list(zip(labels, self.fields.values(), strict=True))),
                    buttons=[self.save_button])
        right = panel(form([(self.tr("Região fiscal"), self.region)]),
                      row(self.preview_button, self.region_button), self.region_note, None)
        box = QHBoxLayout(self)
        box.addWidget(left, 1)
        box.addWidget(right, 1)

    def refresh(self) -> None:
        self.area.run(self.ctx.app.company, on_done=self._show)

    def _show(self, c) -> None:
        self.loaded = c
        for name, field in self.fields.items():
            field.setText(getattr(c, name) or "")
        self.fields["nif"].setReadOnly(c.has_documents)
        select_value(self.region, c.tax_region)
        self.region_note.setText("")

    def save(self) -> None:
        c = self.loaded
        changed = {n: f.text().strip() for n, f in self.fields.items()
                   if c is None or f.text().strip() != (getattr(c, n) or "")}
        if not changed:
            self.area.notice.info(self.tr("Nada mudou."))
            return
        self.area.run(partial(self.ctx.app.update_company, **changed, user=self.ctx.login),
                      hold=(self.save_button,), on_done=lambda info: (
                          self.area.notice.ok(self.tr("Empresa guardada.")), self._show(info)))

    def _describe(self, change) -> str:
        rates = ", ".join(f"{code} {old}% → {new}%" for code, old, new in change.rates)
        return self.tr("De %1 para %2: %3; %4 produto(s) mudam de taxa (os preços ficam).") \
            .replace("%1", change.old).replace("%2", change.new).replace("%3", rates or "-") \
            .replace("%4", str(change.products))

    def preview_region(self) -> None:
        self.area.run(self.ctx.app.region_change_preview, self.region.currentData(),
                      on_done=lambda ch: self.region_note.setText(self._describe(ch)))

    def change_region(self) -> None:
        if not self.area.confirmed(self.region_button, self.tr(
                "Mudar a região fiscal? Os documentos novos levam as taxas novas. Carregue "
                "outra vez para confirmar.")):
            return
        self.area.run(self.ctx.app.set_tax_region, self.region.currentData(),
                      user=self.ctx.login, hold=(self.region_button,),
                      on_done=lambda ch: (self.region_note.setText(self._describe(ch)),
                                          self.area.notice.ok(self.tr("Região mudada."))))


class TillsTab(QWidget):
    """Establishments (the SAF-T TaxEntity: name and address, blank ones are the
    company's), their tills, and this till's training mode."""

    def __init__(self, area: SettingsArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.table = Table([self.tr("Estabelecimento"), self.tr("Nome"), self.tr("Morada"),
                            self.tr("Caixas")], stretch=2)
        self.table.picked.connect(self.pick)
        self.place = {name: line("", size) for name, size in (
            ("name", 100), ("address", 200), ("city", 50), ("postal_code", 20))}
        self.save_button = action(self.tr("Guardar estabelecimento"), "primary")
        self.save_button.clicked.connect(self.save)
        self.training = caption()
        self.on_button = action(self.tr("Ligar o modo de formação"))
        self.off_button = action(self.tr("Desligar o modo de formação"))
        self.on_button.clicked.connect(lambda: self.set_training(True))
        self.off_button.clicked.connect(lambda: self.set_training(False))
        right = side(form([(self.tr("Nome"), self.place["name"]),
                           (self.tr("Morada"), self.place["address"]),
                           (self.tr("Localidade"), self.place["city"]),
                           (self.tr("Código postal"), self.place["postal_code"])],
                          stacked=True), self.save_button,
                     caption(self.tr("Em formação, a caixa emite em séries de formação, sem "
                                     "valor fiscal (para aprender).")), self.training,
                     buttons=[row(self.on_button, self.off_button)])
        box = QHBoxLayout(self)
        box.addLayout(split(self.table, right))
        self.places: dict[str, object] = {}

    def refresh(self) -> None:
        self.area.run(self.ctx.app.establishments, on_done=self._places)
        self.area.run(self.ctx.app.training_mode, on_done=self._training)

    def _places(self, places) -> None:
        self.places = {e.code: e for e in places}
        self.table.fill([(e.code, e.name, ", ".join(x for x in (e.address, e.city) if x),
                          ", ".join(e.tills)) for e in places], [e.code for e in places])

    def pick(self, code) -> None:
        e = self.places.get(code) if code else None
        if e is not None:
            for key, field in self.place.items():
                field.setText(getattr(e, key) or "")

    def save(self) -> None:
        code = self.table.current()
        if code is None:
            self.area.notice.error(self.tr("Escolha um estabelecimento da lista."))
            return
        values = {k: f.text().strip() for k, f in self.place.items()}
        self.area.run(partial(self.ctx.app.update_establishment, code, **values,
                              user=self.ctx.login), hold=(self.save_button,),
                      on_done=lambda _: (self.area.notice.ok(self.tr(
                          "Estabelecimento guardado.")), self.refresh()))

    def _training(self, on: bool) -> None:
        self.training.setText((self.tr("Esta caixa (%1) está em modo de formação.") if on else
                               self.tr("Esta caixa (%1) emite documentos reais."))
                              .replace("%1", self.ctx.app.till_name()))
        self.on_button.setEnabled(not on)
        self.off_button.setEnabled(on)

    def set_training(self, on: bool) -> None:
        self.area.run(self.ctx.app.set_training, on, self.ctx.login,
                      hold=(self.on_button, self.off_button),
                      on_done=lambda _: (self.area.notice.ok(self.tr(
                          "Guardado: a caixa muda ao voltar a entrar.")), self.refresh()))


class PaymentsTab(QWidget):
    """The methods the tills offer, ticked, in button order (cash always)."""

    def __init__(self, area: SettingsArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.list = QListWidget()
        self.up = action(self.tr("▲ Subir"))
        self.down = action(self.tr("▼ Descer"))
        self.save_button = action(self.tr("Guardar"), "primary")
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.save_button.clicked.connect(self.save)
        side = panel(caption(self.tr("Marque os meios aceites; a ordem é a dos botões na "
                                     "caixa. O numerário é sempre aceite.")),
                     row(self.up, self.down), self.save_button, None)
        box = QHBoxLayout(self)
        box.addWidget(self.list, 1)
        box.addWidget(side, 1)

    def refresh(self) -> None:
        app = self.ctx.app
        self.area.run(lambda: (app.payment_methods(), app.all_payment_methods()),
                      on_done=self._show)

    def _show(self, both) -> None:
        chosen, every = both
        codes = [m.code for m in chosen]
        order = chosen + [m for m in every if m.code not in codes]
        self.list.clear()
        for m in order:
            item = QListWidgetItem(f"{m.name} ({m.code})")
            item.setData(256, m.code)
            item.setCheckState(_checked(m.code in codes))
            self.list.addItem(item)

    def move(self, step: int) -> None:
        r = self.list.currentRow()
        if r < 0 or not 0 <= r + step < self.list.count():
            return
        item = self.list.takeItem(r)
        self.list.insertItem(r + step, item)
        self.list.setCurrentRow(r + step)

    def codes(self) -> list[str]:
        return [self.list.item(i).data(256) for i in range(self.list.count())
                if self.list.item(i).checkState() == _checked(True)]

    def save(self) -> None:
        self.area.run(self.ctx.app.set_payment_methods, self.codes(), user=self.ctx.login,
                      hold=(self.save_button,), on_done=lambda ms: (
                          self.area.notice.ok(self.tr("Meios de pagamento guardados: %1.")
                                              .replace("%1", ", ".join(m.code for m in ms))),
                          self.refresh()))


def _checked(on: bool):
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


class LanguageTab(QWidget):
    def __init__(self, area: SettingsArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.language = choice([("Português", "pt"), ("English", "en")])
        self.save_button = action(self.tr("Guardar"), "primary")
        self.save_button.clicked.connect(self.save)
        box = QHBoxLayout(self)
        box.addWidget(panel(form([(self.tr("Língua dos ecrãs"), self.language)]),
                            caption(self.tr("A língua escolhida vale para a caixa e o back "
                                            "office a partir da próxima vez que abrirem.")),
                            self.save_button, None))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.language, on_done=lambda lang: select_value(self.language,
                                                                               lang))

    def save(self) -> None:
        self.area.run(self.ctx.app.set_language, self.language.currentData(),
                      user=self.ctx.login, hold=(self.save_button,),
                      on_done=lambda _l: self.area.notice.ok(self.tr("Língua guardada.")))
