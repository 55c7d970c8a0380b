"""Catálogo: products (price, VAT by the shop's region, exemption reason, barcode, unit,
weighed items, category), categories in the till's order, and CSV import and export
(``catalogue_io``). A sold product keeps its description and type (the facade says why
when a change is refused)."""

from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QWidget

from pos.domain.errors import ValidationError

from .area import Area
from .catalogue_io import CatalogueFiles
from .kit import (
    action,
    caption,
    choice,
    form,
    line,
    money,
    panel,
    percent,
    row,
    select_value,
    set_items,
    side,
    split,
    tick,
    value_of,
)
from .parts import Pager, Table


class CatalogueArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.products = ProductsTab(self)
        self.categories = CategoriesTab(self)
        self.files = CatalogueFiles(self)
        self.tabbed((self.products, self.tr("Produtos")),
                    (self.categories, self.tr("Categorias")),
                    (self.files, self.tr("Importar e exportar")))


class ProductsTab(QWidget):
    def __init__(self, area: CatalogueArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.loaded = None                     # the ProductInfo in the form (None: new)
        self.choices = None
        self.search = line(self.tr("Procurar por nome, código ou código de barras"))
        self.search.returnPressed.connect(lambda: self.load(0))
        self.category = choice([(self.tr("Todas as categorias"), None)])
        self.category.currentIndexChanged.connect(lambda _i: self.load(0))
        self.inactive = tick(self.tr("Inativos"))
        self.inactive.toggled.connect(lambda _on: self.load(0))
        self.table = Table([self.tr("Código"), self.tr("Descrição"), self.tr("Preço"),
                            self.tr("IVA"), self.tr("Categoria")], numeric=(2, 3))
        self.table.picked.connect(self.pick)
        self.pager = Pager()
        self.pager.moved.connect(self.load)
        left = panel(self.search, row(self.category, self.inactive), self.table, self.pager)

        self.code = line(self.tr("ex. PAO01"), 60)
        self.name = line(self.tr("como sai no talão"), 200)
        self.price = line(self.tr("com IVA, ex. 1,20"), 14)
        self.tax = choice()
        self.exemption = choice()
        self.unit = choice()
        self.kind = choice()
        self.barcode = line(self.tr("EAN (opcional)"), 60)
        self.cat = choice(editable=True)
        self.active = tick(self.tr("À venda"), True)
        self.sold_note = caption()
        self.new_button = action(self.tr("Novo"))
        self.save_button = action(self.tr("Guardar"), "primary")
        self.remove_button = action(self.tr("Remover"), "danger")
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        fields = form([(self.tr("Código"), self.code), (self.tr("Descrição"), self.name),
                       (self.tr("Preço"), self.price), (self.tr("IVA"), self.tax),
                       (self.tr("Isenção"), self.exemption), (self.tr("Unidade"), self.unit),
                       (self.tr("Tipo"), self.kind), (self.tr("Código de barras"),
                                                      self.barcode),
                       (self.tr("Categoria"), self.cat), ("", self.active)], stacked=True)
        right = side(fields, self.sold_note,
                     buttons=[row(self.new_button, self.save_button, self.remove_button)])
        box = QHBoxLayout(self)
        box.addLayout(split(left, right, (3, 2)))

    # ---- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.area.run(self.ctx.app.catalogue_choices, on_done=self._choices)
        self.area.run(self.ctx.app.category_list, on_done=self._categories)
        self.load(self.pager.offset)

    def _choices(self, c) -> None:
        self.choices = c
        set_items(self.tax, [(f"{name} ({percent(rate)})", code) for code, name, rate
                             in c.rates])
        set_items(self.exemption, [(self.tr("(nenhuma)"), None)] +
                  [(f"{code} — {mention}", code) for code, mention, _norm in c.exemptions])
        set_items(self.unit, [(f"{code} — {name}", code) for code, name in c.units])
        set_items(self.kind, [(f"{code} — {name}", code) for code, name in c.product_types])

    def _categories(self, cats) -> None:
        names = [c.name for c in cats]
        set_items(self.category, [(self.tr("Todas as categorias"), None)] +
                  [(n, n) for n in names])
        set_items(self.cat, [(n, n) for n in names])

    def load(self, offset: int = 0) -> None:
        self.area.run(self.ctx.app.product_page, self.search.text(),
                      self.category.currentData(), self.inactive.isChecked(), offset, 50,
                      on_done=self._page)

    def _page(self, page) -> None:
        self.table.fill([(p.code, p.name + ("" if p.active else self.tr(" (inativo)")),
                          money(p.price), percent(p.vat_rate), p.category)
                         for p in page.items], [p.code for p in page.items])
        self.pager.show_page(page.offset, page.total)

    def pick(self, code) -> None:
        if code is not None:
            self.area.run(self.ctx.app.product_info, code, on_done=self.show_product)

    def show_product(self, p) -> None:
        self.loaded = p
        self.code.setText(p.code)
        self.code.setReadOnly(True)
        self.name.setText(p.name)
        self.price.setText(f"{p.price:.2f}".replace(".", ","))
        select_value(self.tax, p.tax_code)
        select_value(self.exemption, p.exemption_code)
        select_value(self.unit, p.unit)
        select_value(self.kind, p.product_type)
        self.barcode.setText(p.barcode or "")
        select_value(self.cat, p.category)
        self.cat.setEditText(p.category)
        self.active.setChecked(p.active)
        self.sold_note.setText(self.tr("Já vendido: a descrição e o tipo já não podem mudar "
                                       "(crie um artigo novo para outro produto).")
                               if p.sold else "")
        self.name.setReadOnly(p.sold)
        self.remove_button.setText(self.tr("Desativar") if p.sold else self.tr("Remover"))

    def new(self) -> None:
        self.loaded = None
        self.table.clearSelection()
        for field in (self.code, self.name, self.price, self.barcode):
            field.clear()
            field.setReadOnly(False)
        select_value(self.tax, "NOR")
        select_value(self.exemption, None)
        select_value(self.unit, "UN")
        select_value(self.kind, "P")
        self.active.setChecked(True)
        self.sold_note.setText("")
        self.remove_button.setText(self.tr("Remover"))
        self.code.setFocus()

    # ---- writing ------------------------------------------------------------------------
    def _fields(self) -> dict:
        return {"name": self.name.text(), "price": self.price.text().strip() or "",
                "tax_code": self.tax.currentData(), "exemption_code": self.exemption.currentData(),
                "unit": self.unit.currentData(), "product_type": self.kind.currentData(),
                "barcode": self.barcode.text().strip(), "category": str(value_of(self.cat) or ""),
                "active": self.active.isChecked()}

    def save(self) -> None:
        f, user = self._fields(), self.ctx.login
        app = self.ctx.app
        if self.loaded is None:
            active = f.pop("active")
            self.area.run(add_product, app, self.code.text(), f, active, user,
                          hold=(self.save_button,), on_done=self._saved)
            return
        old = self.loaded
        before = {"name": old.name, "price": f"{old.price:.2f}".replace(".", ","),
                  "tax_code": old.tax_code, "exemption_code": old.exemption_code,
                  "unit": old.unit, "product_type": old.product_type,
                  "barcode": old.barcode or "", "category": old.category,
                  "active": old.active}
        changed = {k: v for k, v in f.items() if v != before[k]}
        if not changed:
            self.area.notice.info(self.tr("Nada mudou."))
            return
        self.area.run(partial(app.update_product, old.code, **changed, user=user),
                      hold=(self.save_button,), on_done=self._saved)

    def _saved(self, p) -> None:
        self.area.notice.ok(self.tr("%1 guardado.").replace("%1", p.code))
        self.show_product(p)
        self.load(self.pager.offset)

    def remove(self) -> None:
        p = self.loaded
        if p is None:
            self.area.notice.error(self.tr("Escolha um produto da lista."))
            return
        if p.sold or not p.active:
            self.area.run(self.ctx.app.update_product, p.code, active=not p.active,
                          user=self.ctx.login, hold=(self.remove_button,),
                          on_done=self._saved)
            return
        if not self.area.confirmed(self.remove_button, self.tr(
                "Remover %1 do catálogo? Carregue outra vez para confirmar.")
                .replace("%1", p.code)):
            return
        self.area.run(self.ctx.app.remove_product, p.code, user=self.ctx.login,
                      hold=(self.remove_button,), on_done=lambda _: self._removed(p.code))

    def _removed(self, code: str) -> None:
        self.area.notice.ok(self.tr("%1 removido.").replace("%1", code))
        self.new()
        self.load(self.pager.offset)


def add_product(app, code: str, f: dict, active: bool, user: str):
    """A new product (hidden at once when the form says it is not on sale)."""
    if not f["price"]:
        raise ValidationError("Indique o preço (com IVA).")
    made = app.add_product(code, f["name"], f["price"], f["tax_code"], f["exemption_code"],
                           f["unit"], f["product_type"], f["barcode"] or None, f["category"],
                           user=user)
    if not active:
        made = app.update_product(made.code, active=False, user=user)
    return made


def swap_categories(app, first, second, user: str) -> None:
    """Two neighbours change places: ``first`` comes before ``second`` from now on (tied
    places are parted by one)."""
    low, high = sorted((first.position, second.position))
    app.update_category(first.name, position=low, user=user)
    app.update_category(second.name, position=high if high > low else low + 1, user=user)


class CategoriesTab(QWidget):
    def __init__(self, area: CatalogueArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.table = Table([self.tr("Categoria"), self.tr("Ordem"), self.tr("Na caixa"),
                            self.tr("Produtos")], stretch=0, numeric=(1, 3))
        self.table.picked.connect(self.pick)
        self.name = line(self.tr("nome da categoria"), 50)
        self.add_button = action(self.tr("Acrescentar"))
        self.rename_button = action(self.tr("Mudar o nome"))
        self.up = action(self.tr("▲ Subir"))
        self.down = action(self.tr("▼ Descer"))
        self.hide_button = action(self.tr("Esconder na caixa"))
        self.remove_button = action(self.tr("Remover"), "danger")
        self.add_button.clicked.connect(self.add_category)
        self.rename_button.clicked.connect(self.rename)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.hide_button.clicked.connect(self.toggle)
        self.remove_button.clicked.connect(self.remove)
        right = side(form([(self.tr("Nome"), self.name)], stacked=True),
                     caption(self.tr("A ordem é a dos separadores no ecrã de venda.")),
                     buttons=[row(self.add_button, self.rename_button), row(self.up, self.down),
                              row(self.hide_button, self.remove_button)])
        box = QHBoxLayout(self)
        box.addLayout(split(self.table, right))
        self.items: list = []

    def refresh(self) -> None:
        self.area.run(self.ctx.app.category_list, on_done=self._list)

    def _list(self, cats) -> None:
        self.items = cats
        self.table.fill([(c.name, c.position, self.tr("sim") if c.active else self.tr("não"),
                          c.products) for c in cats], [c.name for c in cats])

    def pick(self, name) -> None:
        found = next((c for c in self.items if c.name == name), None)
        if found is not None:
            self.name.setText(found.name)
            self.hide_button.setText(self.tr("Esconder na caixa") if found.active
                                     else self.tr("Mostrar na caixa"))

    def _then(self, text: str):
        def done(_=None) -> None:
            self.area.notice.ok(text)
            self.refresh()
        return done

    def add_category(self) -> None:
        self.area.run(self.ctx.app.add_category, self.name.text(), user=self.ctx.login,
                      hold=(self.add_button,), on_done=self._then(self.tr("Categoria "
                                                                          "acrescentada.")))

    def _chosen(self):
        name = self.table.current()
        if name is None:
            self.area.notice.error(self.tr("Escolha uma categoria da lista."))
        return next((c for c in self.items if c.name == name), None)

    def rename(self) -> None:
        c = self._chosen()
        if c is not None:
            self.area.run(self.ctx.app.update_category, c.name, new_name=self.name.text(),
                          user=self.ctx.login, on_done=self._then(self.tr("Nome mudado.")))

    def move(self, step: int) -> None:
        c = self._chosen()
        if c is None:
            return
        i = self.items.index(c)
        if not 0 <= i + step < len(self.items):
            return
        other = self.items[i + step]
        first, second = (c, other) if step < 0 else (other, c)
        self.area.run(swap_categories, self.ctx.app, first, second, self.ctx.login,
                      on_done=self._then(self.tr("Ordem mudada.")))

    def toggle(self) -> None:
        c = self._chosen()
        if c is not None:
            self.area.run(self.ctx.app.update_category, c.name, active=not c.active,
                          user=self.ctx.login, on_done=self._then(self.tr("Guardado.")))

    def remove(self) -> None:
        c = self._chosen()
        if c is not None:
            self.area.run(self.ctx.app.remove_category, c.name, user=self.ctx.login,
                          hold=(self.remove_button,),
                          on_done=self._then(self.tr("Categoria removida.")))

