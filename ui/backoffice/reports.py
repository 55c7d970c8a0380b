"""Relatórios: sales over a period (per day, payment method, user and till), the VAT summary,
past X and Z reports of this till, copies printed after the original and what was voided.
Each one printed on the receipt printer, or saved as CSV or PDF (``report_files``)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from ..cashier.reports import report_lines, report_title
from .area import Area
from .kit import action, heading, money, percent, row, scrolled, when
from .parts import DateRange, PathField, Table
from .report_files import Report, Section, printed_lines, write_csv, write_pdf

translate = QCoreApplication.translate       # lupdate finds translate("Reports", "…")


def period_text(start, end) -> str:
    return translate("Reports", "%1 a %2").replace("%1", f"{start:%Y-%m-%d}") \
        .replace("%2", f"{end:%Y-%m-%d}")


def sales_report(app, start, end) -> Report:
    s = app.sales_summary(start, end)
    docs, total = translate("Reports", "Documentos"), translate("Reports", "Total")
    return Report(translate("Reports", "Vendas"), period_text(start, end), (
        Section(translate("Reports", "Totais"),
                (translate("Reports", "Vendas"), translate("Reports", "Notas de crédito"),
                 translate("Reports", "Líquido"), translate("Reports", "IVA"), docs),
                ((money(s.sales), money(s.refunds), money(s.net), money(s.vat),
                  str(s.documents)),), (0, 1, 2, 3, 4)),
        Section(translate("Reports", "Por dia"), (translate("Reports", "Dia"), total),
                tuple((f"{d:%Y-%m-%d}", money(v)) for d, v in s.by_day), (1,)),
        Section(translate("Reports", "Por meio de pagamento"),
                (translate("Reports", "Meio"), translate("Reports", "N.º"),
                 translate("Reports", "Valor")),
                tuple((m.name, str(m.count), money(m.amount)) for m in s.by_method), (1, 2)),
        Section(translate("Reports", "Por utilizador"),
                (translate("Reports", "Utilizador"), docs, total),
                tuple((u.name, str(u.documents), money(u.total)) for u in s.by_user), (1, 2)),
        Section(translate("Reports", "Por caixa"), (translate("Reports", "Caixa"), docs, total),
                tuple((t.name, str(t.documents), money(t.total)) for t in s.by_till), (1, 2)),
    ))


def vat_report(app, start, end) -> Report:
    s = app.sales_summary(start, end)
    total = translate("Reports", "Total")
    rows = tuple((r.tax_code, percent(r.percentage), money(r.base), money(r.tax),
                  money(r.gross)) for r in s.by_rate)
    rows += ((total, "", money(sum((r.base for r in s.by_rate), 0)), money(s.vat),
              money(s.net)),)
    return Report(translate("Reports", "Resumo do IVA"), period_text(start, end), (
        Section(translate("Reports", "Por taxa (vendas menos notas de crédito)"),
                (translate("Reports", "Código"), translate("Reports", "Taxa"),
                 translate("Reports", "Base"), translate("Reports", "IVA"), total),
                rows, (1, 2, 3, 4)),))


def voids_report(app, start, end) -> Report:
    reprints = app.reprint_log(start, end)
    voids = app.void_log(start, end)
    names = {"document": translate("Reports", "documento anulado"),
             "cart_voided": translate("Reports", "venda anulada na caixa"),
             "line_voided": translate("Reports", "linha anulada"),
             "parked_voided": translate("Reports", "venda suspensa anulada"),
             "manual_void": translate("Reports", "impresso inutilizado")}
    at, who, why = (translate("Reports", "Quando"), translate("Reports", "Quem"),
                    translate("Reports", "Motivo"))
    return Report(translate("Reports", "Reimpressões e anulações"), period_text(start, end), (
        Section(translate("Reports", "Reimpressões"),
                (at, translate("Reports", "Documento"), translate("Reports", "Via"), who, why),
                tuple((when(r.at), r.document_no, f"{r.copy_number + 1}.ª", r.user, r.reason)
                      for r in reprints)),
        Section(translate("Reports", "Anulações"),
                (at, translate("Reports", "O quê"), translate("Reports", "Documento / detalhe"),
                 who, why, translate("Reports", "Valor")),
                tuple((when(v.at), names.get(v.what, v.what), v.subject, v.user, v.reason,
                       money(v.amount)) for v in voids), (5,)),
    ))


def session_report(app, session_id: int) -> Report:
    r = app.x_report(session_id)
    s = r.session
    return Report(report_title(r), translate("Reports", "%1 · sessão %2 · %3")
                  .replace("%1", s.till).replace("%2", str(s.id))
                  .replace("%3", when(s.opened_at)),
                  lines=tuple(report_lines(r)))


class ReportTab(QWidget):
    """A report over a period: shown as tables, printed or saved."""

    def __init__(self, area, build, name: str):
        super().__init__()
        self.area, self.ctx, self.build, self.name = area, area.ctx, build, name
        self.report: Report | None = None
        self.range = DateRange(self.ctx.app.clock.now().date())
        self.range.preset("month")
        self.show_button = action(self.tr("Mostrar"), "primary")
        self.show_button.clicked.connect(self.refresh)
        self.body = QVBoxLayout()
        self.holder = QWidget()
        self.holder.setLayout(self.body)
        self.exports = Exports(area, lambda: self.report, name)
        box = QVBoxLayout(self)
        box.addLayout(row(self.range, self.show_button))
        box.addWidget(scrolled(self.holder), 1)
        box.addWidget(self.exports)

    def refresh(self) -> None:
        start, end = self.range.period()
        self.area.run(self.build, self.ctx.app, start, end, hold=(self.show_button,),
                      on_done=self.show_report)

    def show_report(self, report: Report) -> None:
        self.report = report
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.tables = []
        for s in report.sections:
            table = Table(list(s.headers), stretch=0, numeric=s.numeric)
            table.fill(list(s.rows))
            table.setMinimumHeight(min(420, table.verticalHeader().defaultSectionSize() *
                                       (len(s.rows) + 1) + 40))
            self.body.addWidget(heading(s.title))
            self.body.addWidget(table)
            self.tables.append(table)
        self.body.addStretch(1)


class SessionsTab(QWidget):
    """This till's past cash sessions; each one's X (still open) or Z report."""

    def __init__(self, area):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.report: Report | None = None
        self.range = DateRange(self.ctx.app.clock.now().date())
        self.range.preset("month")
        self.show_button = action(self.tr("Mostrar"), "primary")
        self.show_button.clicked.connect(self.refresh)
        self.table = Table([self.tr("Sessão"), self.tr("Aberta"), self.tr("Fechada"),
                            self.tr("Quem"), self.tr("Z")], stretch=1, numeric=(0, 4))
        self.table.picked.connect(self.pick)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("report")
        self.exports = Exports(area, lambda: self.report, "x-z")
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.text, 1)
        box = QVBoxLayout(self)
        box.addLayout(row(self.range, self.show_button))
        box.addLayout(body, 1)
        box.addWidget(self.exports)

    def refresh(self) -> None:
        start, end = self.range.period()
        self.area.run(self.ctx.app.cash_sessions, start, end, hold=(self.show_button,),
                      on_done=lambda ss: self.table.fill(
                          [(s.id, when(s.opened_at), when(s.closed_at) or self.tr("aberta"),
                            s.user, s.z_number or "") for s in ss], [s.id for s in ss]))

    def pick(self, session_id) -> None:
        if session_id is not None:
            self.area.run(session_report, self.ctx.app, session_id, on_done=self._report)

    def _report(self, report: Report) -> None:
        self.report = report
        self.text.setPlainText("\n".join([report.title, *report.lines]))


class Exports(QWidget):
    """Print on the receipt printer, save as CSV, save as PDF."""

    def __init__(self, area, current, name: str):
        super().__init__()
        self.area, self.current = area, current
        self.path = PathField("save", self.tr("CSV ou PDF (*.csv *.pdf)"),
                              self.tr("ficheiro (.csv ou .pdf)"))
        self.path.set_path(f"relatorio-{name}.pdf")
        self.print_button = action(self.tr("Imprimir"))
        self.csv_button = action(self.tr("Gravar CSV"))
        self.pdf_button = action(self.tr("Gravar PDF"))
        self.print_button.clicked.connect(self.print_)
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.path, 1)
        for b in (self.print_button, self.csv_button, self.pdf_button):
            box.addWidget(b)

    def _report(self) -> Report | None:
        report = self.current()
        if report is None:
            self.area.notice.error(self.tr("Mostre primeiro o relatório."))
        return report

    def print_(self) -> None:
        report = self._report()
        if report is not None:
            self.area.run(self.area.ctx.app.print_text, report.title, printed_lines(report),
                          lane="printer", hold=(self.print_button,), on_done=self._printed)

    def _printed(self, outcome) -> None:
        if outcome.ok:
            self.area.notice.ok(self.tr("Relatório impresso."))
        else:
            self.area.notice.error(self.tr("Não foi impresso: %1").replace(
                "%1", outcome.error or ""))

    def save(self, kind: str) -> None:
        report = self._report()
        if report is None:
            return
        path = self.path.path()
        base = path.rsplit(".", 1)[0] if path.lower().endswith((".csv", ".pdf")) else path
        target = f"{base}.{kind}"
        if kind == "pdf":
            try:                     # Qt's PDF writer draws on the screen's thread
                write_pdf(report, target)
            except Exception as exc:  # noqa: BLE001 - told as a sentence like any refusal
                self.area.show_error(exc)
                return
            self.area.notice.ok(self.tr("PDF gravado em %1.").replace("%1", target))
            return
        self.area.run(write_csv, report, target, lane="background", hold=(self.csv_button,),
                      on_done=lambda p: self.area.notice.ok(self.tr("CSV gravado em %1.")
                                                            .replace("%1", p)))


class ReportsArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.sales = ReportTab(self, sales_report, "vendas")
        self.vat = ReportTab(self, vat_report, "iva")
        self.sessions = SessionsTab(self)
        self.voids = ReportTab(self, voids_report, "reimpressoes-anulacoes")
        self.tabbed((self.sales, self.tr("Vendas")), (self.vat, self.tr("IVA")),
                    (self.sessions, self.tr("X e Z")),
                    (self.voids, self.tr("Reimpressões e anulações")))

