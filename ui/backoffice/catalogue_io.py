"""The catalogue as a CSV file: a preview of what importing would do (new, changed, unchanged
products, every refused row with its line and reason), then the import (nothing at all when
a row is refused, unless the manager chooses to import only the good rows), and the export
that reads back. Long files (50,000 products) run on the long lane with a progress bar and
can be stopped with nothing written."""

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from .kit import action, caption, row, tick
from .parts import PathField, ProgressPanel, Table


class CatalogueFiles(QWidget):
    def __init__(self, area):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.previewed: str | None = None      # the file the preview is of
        stages = {"reading": self.tr("A ler o ficheiro"), "checking": self.tr("A verificar"),
                  "writing": self.tr("A gravar")}
        self.progress = ProgressPanel(stages)

        imp = QGroupBox(self.tr("Importar produtos de um ficheiro CSV"))
        self.source = PathField("open", self.tr("CSV (*.csv *.txt);;Todos (*)"),
                                self.tr("ficheiro CSV (código;descrição;preço;iva;…)"))
        self.preview_button = action(self.tr("Pré-visualizar"), "primary")
        self.preview_button.clicked.connect(self.preview)
        self.summary = caption()
        self.problems = Table([self.tr("Linha"), self.tr("Código"), self.tr("Problema")],
                              stretch=2, numeric=(0,))
        self.sample = Table([self.tr("Linha"), self.tr("Ação"), self.tr("Código"),
                             self.tr("Descrição"), self.tr("Preço"), self.tr("IVA")],
                            stretch=3, numeric=(0, 4))
        self.only_valid = tick(self.tr("Importar só as linhas válidas (as recusadas ficam de "
                                       "fora)"))
        self.only_valid.setEnabled(False)
        self.import_button = action(self.tr("Importar"), "primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        tables = QHBoxLayout()
        tables.addWidget(self.problems, 1)
        tables.addWidget(self.sample, 1)
        box = QVBoxLayout(imp)
        box.addLayout(row(self.source, self.preview_button))
        box.addWidget(self.summary)
        box.addLayout(tables, 1)
        box.addLayout(row(self.only_valid, self.import_button, stretch=False))

        exp = QGroupBox(self.tr("Exportar o catálogo"))
        self.target = PathField("save", self.tr("CSV (*.csv)"), self.tr("catalogo.csv"))
        self.with_inactive = tick(self.tr("Com os inativos"), True)
        self.export_button = action(self.tr("Exportar"))
        self.export_button.clicked.connect(self.export)
        QVBoxLayout(exp).addLayout(row(self.target, self.with_inactive, self.export_button))

        outer = QVBoxLayout(self)
        outer.addWidget(imp, 1)
        outer.addWidget(self.progress)
        outer.addWidget(exp)

    def refresh(self) -> None:
        """Nothing to read until a file is chosen."""

    @property
    def buttons(self) -> tuple:
        return (self.preview_button, self.import_button, self.export_button)

    def preview(self) -> None:
        path = self.source.path()
        if not path:
            self.area.notice.error(self.tr("Escolha o ficheiro CSV a importar."))
            return
        self.area.notice.clear()
        self.import_button.setEnabled(False)
        self.area.long(self.ctx.app.preview_product_import, path, panel=self.progress,
                       text=self.tr("A pré-visualizar…"), hold=self.buttons,
                       on_done=lambda p: self.show_preview(path, p))

    def show_preview(self, path: str, p) -> None:
        self.previewed = path
        self.summary.setText(self.tr(
            "%1 linhas: %2 novos, %3 alterados, %4 sem alteração, %5 recusadas "
            "(colunas separadas por '%6', %7).")
            .replace("%1", str(p.rows)).replace("%2", str(p.new))
            .replace("%3", str(p.changed)).replace("%4", str(p.unchanged))
            .replace("%5", str(len(p.problems))).replace("%6", p.delimiter)
            .replace("%7", p.encoding))
        self.problems.fill([(e.line, e.code, e.message) for e in p.problems])
        actions = {"new": self.tr("novo"), "changed": self.tr("alterado"),
                   "unchanged": self.tr("igual"), "refused": self.tr("recusado")}
        self.sample.fill([(s.line, actions.get(s.action, s.action), s.code, s.name, s.price,
                           s.vat) for s in p.sample])
        self.only_valid.setEnabled(bool(p.problems))
        self.only_valid.setChecked(False)
        good = p.new + p.changed + p.unchanged
        self.import_button.setEnabled(good > 0)
        if p.problems:
            self.area.notice.error(self.tr(
                "%n linha(s) recusada(s): corrija o ficheiro, ou escolha importar só as "
                "linhas válidas.", "", len(p.problems)))
        else:
            self.area.notice.info(self.tr("Tudo certo: carregue em Importar."))

    def run_import(self) -> None:
        path = self.source.path()
        if path != self.previewed:
            self.area.notice.error(self.tr("Pré-visualize este ficheiro antes de o importar."))
            return
        self.area.long(self.ctx.app.import_products, path, self.only_valid.isChecked(),
                       user=self.ctx.login, panel=self.progress,
                       text=self.tr("A importar…"), hold=self.buttons, on_done=self.imported)

    def imported(self, r) -> None:
        self.import_button.setEnabled(False)
        self.previewed = None
        self.area.notice.ok(self.tr("Importado: %1 novos, %2 alterados, %3 sem alteração, %4 "
                                    "deixados de fora.")
                            .replace("%1", str(r.new)).replace("%2", str(r.changed))
                            .replace("%3", str(r.unchanged)).replace("%4", str(len(r.skipped))))

    def export(self) -> None:
        path = self.target.path()
        if not path:
            self.area.notice.error(self.tr("Indique o ficheiro onde gravar o catálogo."))
            return
        self.area.long(self.ctx.app.export_products, path, self.with_inactive.isChecked(),
                       panel=self.progress, text=self.tr("A exportar…"), hold=self.buttons,
                       on_done=lambda n: self.area.notice.ok(
                           self.tr("%n produto(s) exportado(s) para %1.", "", n)
                           .replace("%1", path)))
