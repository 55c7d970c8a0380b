"""Clientes: search by name, city or the start of the tax number; add and edit with the
rules (a Portuguese NIF is checked; a foreign customer has a country and its tax number;
once documents name a customer, the tax number, country and name stay)."""

from functools import partial

from pos.domain.country import COUNTRIES

from .area import Area
from .kit import action, caption, choice, form, line, panel, row, select_value, side, split
from .parts import Pager, Table


class CustomersArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.loaded = None
        self.search = line(self.tr("Procurar por nome, localidade ou NIF"))
        self.search.returnPressed.connect(lambda: self.load(0))
        self.find = action(self.tr("Procurar"))
        self.find.clicked.connect(lambda: self.load(0))
        self.table = Table([self.tr("NIF"), self.tr("Nome"), self.tr("Localidade"),
                            self.tr("País"), self.tr("Doc.")], numeric=(4,))
        self.table.picked.connect(self.pick)
        self.pager = Pager()
        self.pager.moved.connect(self.load)
        left = panel(row(self.search, self.find), self.table, self.pager)

        self.nif = line(self.tr("NIF, ou n.º fiscal estrangeiro (ex. ESB12345678)"), 30)
        self.name = line("", 100)
        self.address = line("", 200)
        self.city = line("", 50)
        self.postal = line(self.tr("ex. 1000-001"), 20)
        self.country = choice([(self.tr("(pelo NIF)"), None)] +
                              [(c, c) for c in ["PT"] + sorted(COUNTRIES - {"PT"})])
        self.lock_note = caption()
        self.new_button = action(self.tr("Novo"))
        self.save_button = action(self.tr("Guardar"), "primary")
        self.remove_button = action(self.tr("Remover"), "danger")
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        fields = form([(self.tr("NIF"), self.nif), (self.tr("Nome"), self.name),
                       (self.tr("Morada"), self.address), (self.tr("Localidade"), self.city),
                       (self.tr("Código postal"), self.postal),
                       (self.tr("País"), self.country)], stacked=True)
        right = side(fields, self.lock_note,
                     buttons=[row(self.new_button, self.save_button, self.remove_button)])
        self.add(split(left, right), 1)

    def refresh(self) -> None:
        self.load(self.pager.offset)

    def load(self, offset: int = 0) -> None:
        self.run(self.ctx.app.customer_page, self.search.text(), offset, 50,
                 on_done=self._page)

    def _page(self, page) -> None:
        self.table.fill([(c.nif, c.name, c.city, c.country, c.documents) for c in page.items],
                        [c.id for c in page.items])
        self.pager.show_page(page.offset, page.total)

    def pick(self, customer_id) -> None:
        if customer_id is not None:
            self.run(self.ctx.app.customer_info, customer_id, on_done=self.show_customer)

    def show_customer(self, c) -> None:
        self.loaded = c
        self.nif.setText(c.nif)
        self.name.setText(c.name)
        self.address.setText(c.address)
        self.city.setText(c.city)
        self.postal.setText(c.postal_code)
        select_value(self.country, c.country)
        for field in (self.nif, self.name):
            field.setReadOnly(c.locked)
        self.country.setEnabled(not c.locked)
        self.lock_note.setText(self.tr("Já tem documentos: o NIF, o país e o nome ficam como "
                                       "estão; a morada pode mudar.") if c.locked else "")

    def new(self) -> None:
        self.loaded = None
        self.table.clearSelection()
        for field in (self.nif, self.name, self.address, self.city, self.postal):
            field.clear()
            field.setReadOnly(False)
        self.country.setEnabled(True)
        select_value(self.country, None)
        self.lock_note.setText("")
        self.nif.setFocus()

    def save(self) -> None:
        values = {"nif": self.nif.text(), "name": self.name.text(),
                  "address": self.address.text(), "city": self.city.text(),
                  "postal_code": self.postal.text(), "country": self.country.currentData()}
        app, user = self.ctx.app, self.ctx.login
        if self.loaded is None:
            self.run(app.add_customer, **values, user=user, hold=(self.save_button,),
                     on_done=self._saved)
            return
        old = self.loaded
        before = {"nif": old.nif, "name": old.name, "address": old.address, "city": old.city,
                  "postal_code": old.postal_code, "country": old.country}
        changed = {k: v for k, v in values.items() if v != before[k]
                   and not (k == "country" and v is None)}
        if not changed:
            self.notice.info(self.tr("Nada mudou."))
            return
        self.run(partial(app.update_customer, old.id, **changed, user=user),
                 hold=(self.save_button,), on_done=self._saved)

    def _saved(self, c) -> None:
        self.notice.ok(self.tr("Cliente %1 guardado.").replace("%1", c.name))
        self.show_customer(c)
        self.load(self.pager.offset)

    def remove(self) -> None:
        c = self.loaded
        if c is None:
            self.notice.error(self.tr("Escolha um cliente da lista."))
            return
        if not self.confirmed(self.remove_button, self.tr(
                "Remover %1? Carregue outra vez para confirmar.").replace("%1", c.name)):
            return
        self.run(self.ctx.app.remove_customer, c.id, user=self.ctx.login,
                 hold=(self.remove_button,), on_done=lambda _: self._removed(c.name))

    def _removed(self, name: str) -> None:
        self.notice.ok(self.tr("%1 removido.").replace("%1", name))
        self.new()
        self.load(self.pager.offset)
