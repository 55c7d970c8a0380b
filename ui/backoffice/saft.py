"""SAF-T: export a month or a year (a progress bar; the window keeps answering; it can be
stopped with no file left), validate the file (AT's schema, every signature and total),
show the result and open the folder. When invoices reach AT through the monthly SAF-T,
the month can be marked as sent (its invoice duties leave the AT queue)."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QButtonGroup, QPlainTextEdit, QRadioButton, QSpinBox

from pos.saft.validator import KeyRing, validate

from ..widgets.touch import TOUCH
from .area import Area
from .kit import action, caption, choice, form, months, row
from .parts import PathField, ProgressPanel


def validate_file(app, path: str, progress=None):
    """The file checked against AT's schema and the shop's public keys."""
    if progress is not None:
        progress("validating", 0, 0)
    return validate(path, None, False, KeyRing(app.verifiers()))


class SaftArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        today = ctx.app.clock.now().date()
        self.nif = ""
        self.by_month = QRadioButton(self.tr("Um mês"))
        self.by_year = QRadioButton(self.tr("Um ano"))
        self.by_month.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.by_month)
        kinds.addButton(self.by_year)
        self.year = QSpinBox()
        self.year.setRange(2000, 9999)
        self.year.setValue(today.year if today.month > 1 else today.year - 1)
        self.year.setMinimumHeight(TOUCH - 8)
        self.month = choice(months())
        self.month.setCurrentIndex((today.month - 2) % 12)      # last month: what is due
        self.folder = PathField("dir", placeholder=self.tr("pasta onde gravar"))
        self.folder.set_path(str(Path.home()))
        self.file_name = caption()
        for signal in (self.year.valueChanged, self.month.currentIndexChanged,
                       self.by_month.toggled, self.folder.edit.textChanged):
            signal.connect(lambda *_: self._name())
        self.month.setEnabled(True)
        self.by_month.toggled.connect(self.month.setEnabled)
        self.export_button = action(self.tr("Exportar"), "primary")
        self.validate_button = action(self.tr("Validar"))
        self.open_button = action(self.tr("Abrir a pasta"))
        self.sent_button = action(self.tr("Enviado à AT neste mês"))
        self.export_button.clicked.connect(self.export)
        self.validate_button.clicked.connect(self.check)
        self.open_button.clicked.connect(self.open_folder)
        self.sent_button.clicked.connect(self.mark_sent)
        self.progress = ProgressPanel({"writing": self.tr("A escrever documentos"),
                                       "validating": self.tr("A validar (esquema da AT, "
                                                             "assinaturas e totais)")})
        self.result = QPlainTextEdit()
        self.result.setReadOnly(True)
        self.result.setObjectName("report")
        self.add(form([(self.tr("Período"), row(self.by_month, self.by_year, stretch=True)),
                       (self.tr("Ano"), row(self.year, self.month, stretch=True)),
                       (self.tr("Pasta"), self.folder), (self.tr("Ficheiro"), self.file_name)]))
        self.add(row(self.export_button, self.validate_button, self.open_button,
                     self.sent_button, stretch=True))
        self.add(self.progress)
        self.add(self.result, 1)
        self.path: str | None = None

    def refresh(self) -> None:
        self.run(self.ctx.app.issuer, on_done=self._issuer)

    def _issuer(self, issuer) -> None:
        self.nif = issuer.nif
        self._name()

    def period(self) -> tuple[int, int | None]:
        return self.year.value(), (self.month.currentData() if self.by_month.isChecked()
                                   else None)

    def target(self) -> str:
        year, month = self.period()
        name = f"SAFT-PT_{self.nif}_{year}" + (f"-{month:02d}" if month else "") + ".xml"
        return str(Path(self.folder.path() or ".") / name)

    def _name(self) -> None:
        self.file_name.setText(self.target())

    @property
    def buttons(self) -> tuple:
        return (self.export_button, self.validate_button, self.sent_button)

    def export(self) -> None:
        year, month = self.period()
        out = self.target()
        self.result.clear()
        self.long(self.ctx.app.export_saft, out, year, month, panel=self.progress,
                  text=self.tr("A exportar o SAF-T…"), hold=self.buttons,
                  on_done=self.exported)

    def exported(self, r) -> None:
        self.path = str(r.path)
        tables = ", ".join(f"{name} {n}" for name, n in r.entries.items() if n)
        self.result.setPlainText(self.tr(
            "SAF-T %1 gravado em %2:\n%3 documentos (%4), %5 clientes, %6 produtos.")
            .replace("%1", str(r.period)).replace("%2", str(r.path))
            .replace("%3", str(r.documents)).replace("%4", tables or "-")
            .replace("%5", str(r.customers)).replace("%6", str(r.products)))
        self.notice.ok(self.tr("Exportado. Valide o ficheiro antes de o entregar à AT."))

    def check(self) -> None:
        path = self.path or self.target()
        self.long(validate_file, self.ctx.app, path, panel=self.progress,
                  text=self.tr("A validar…"), hold=self.buttons, on_done=self.validated)

    def validated(self, report) -> None:
        self.result.setPlainText(report.text())
        if report.ok:
            self.notice.ok(self.tr("Ficheiro válido."))
        else:
            self.notice.error(self.tr("O ficheiro tem problemas: veja a lista."))

    def open_folder(self) -> None:
        folder = str(Path(self.path).parent) if self.path else self.folder.path()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            self.notice.error(self.tr("Não foi possível abrir a pasta %1.").replace("%1",
                                                                                   folder))

    def mark_sent(self) -> None:
        year, month = self.period()
        if month is None:
            self.notice.error(self.tr("Escolha o mês enviado à AT."))
            return
        self.run(self.ctx.app.queue_confirm_saft, year, month, user=self.ctx.login,
                 hold=self.buttons, on_done=lambda n: self.notice.ok(self.tr(
                     "%n documento(s) dados como comunicados pelo SAF-T.", "", n)))
