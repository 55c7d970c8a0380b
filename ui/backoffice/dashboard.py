"""Painel: how the shop is doing at a glance. Today's and a chosen period's sales (per VAT
rate, payment method, user and till; by hour and by day, drawn), open cash sessions, the
AT queue and its nearest deadline, the integrity state and what needs a manager now."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QListWidget, QListWidgetItem, QTabWidget

from .area import Area
from .charts import BarChart
from .kit import action, heading, money, percent, row, when
from .parts import Card, DateRange, Table
from .printer_tools import printer_problem


class DashboardArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        today = ctx.app.clock.now().date()
        self.range = DateRange(today)
        self.range.changed.connect(lambda *_: self.refresh())
        self.update_button = action(self.tr("Atualizar"), "primary")
        self.update_button.clicked.connect(self.refresh)
        self.add(row(self.range, self.update_button))

        cards = QGridLayout()
        cards.setSpacing(8)
        self.cards = {
            "today": Card(self.tr("Hoje")), "period": Card(self.tr("Período")),
            "average": Card(self.tr("Talão médio")), "queue": Card(self.tr("Fila da AT")),
            "integrity": Card(self.tr("Integridade")),
        }
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
        self.add(cards)

        middle = QGridLayout()
        middle.setSpacing(8)
        self.by_hour = BarChart(self.tr("Vendas por hora"))
        self.by_day = BarChart(self.tr("Vendas por dia"))
        middle.addWidget(self.by_hour, 0, 0)
        middle.addWidget(self.by_day, 0, 1)
        self.breakdown = QTabWidget()
        self.rates = Table([self.tr("IVA"), self.tr("Taxa"), self.tr("Base"), self.tr("IVA"),
                            self.tr("Total")], stretch=0, numeric=(1, 2, 3, 4))
        self.methods = Table([self.tr("Meio de pagamento"), self.tr("N.º"),
                              self.tr("Valor")], stretch=0, numeric=(1, 2))
        self.users = Table([self.tr("Utilizador"), self.tr("Doc."), self.tr("Total")],
                           stretch=0, numeric=(1, 2))
        self.tills = Table([self.tr("Caixa"), self.tr("Doc."), self.tr("Total")], stretch=0,
                           numeric=(1, 2))
        for table, label in ((self.rates, self.tr("IVA")),
                             (self.methods, self.tr("Pagamento")),
                             (self.users, self.tr("Utilizador")),
                             (self.tills, self.tr("Caixa"))):
            self.breakdown.addTab(table, label)
        middle.addWidget(self.breakdown, 1, 0)
        right = QGridLayout()
        right.addWidget(heading(self.tr("Avisos")), 0, 0)
        self.warnings = QListWidget()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warnings.setResizeMode(QListWidget.ResizeMode.Adjust)
        right.addWidget(self.warnings, 1, 0)
        right.addWidget(heading(self.tr("Sessões de caixa abertas")), 2, 0)
        self.sessions = Table([self.tr("Caixa"), self.tr("Quem"), self.tr("Desde")],
                              stretch=1)
        right.addWidget(self.sessions, 3, 0)
        right.setRowStretch(1, 3)
        right.setRowStretch(3, 1)
        middle.addLayout(right, 1, 1)
        middle.setRowStretch(0, 2)
        middle.setRowStretch(1, 3)
        self.add(middle, 1)
        self.shown = None                  # the Dashboard value on screen
        self.printer_note: str | None = None

    def refresh(self) -> None:
        start, end = self.range.period()
        self.run(self.ctx.app.dashboard, start, end, hold=(self.update_button,),
                 on_done=self.show_dashboard)
        self.run(printer_problem, self.ctx.app, lane="background", on_done=self._printer,
                 on_error=lambda exc: self._printer(self.message(exc)))

    def _printer(self, problem: str | None) -> None:
        self.printer_note = problem
        if self.shown is not None:
            self._warnings(self.shown)

    def show_dashboard(self, d) -> None:
        self.shown = d
        t, p = d.today, d.period
        self.cards["today"].show_value(money(t.net), self.tr("%n documento(s)", "",
                                                              t.documents))
        self.cards["period"].show_value(money(p.net), self.tr("IVA %1 · %n doc.", "",
                                                               p.documents)
                                        .replace("%1", money(p.vat)))
        self.cards["average"].show_value(money(p.average), self.tr("%n venda(s)", "",
                                                                    p.sales_count))
        q = d.queue
        if q.stopped is not None:
            self.cards["queue"].show_value(self.tr("Parada"), q.stopped.message[:60], "bad")
        else:
            note = self.tr("prazo %1").replace("%1", when(d.deadline.at)) if d.deadline \
                else self.tr("sem prazos")
            state = "bad" if q.parked else ("warn" if q.pending else "ok")
            self.cards["queue"].show_value(
                str(q.pending + q.sending),
                self.tr("por enviar · %1").replace("%1", note) +
                (self.tr(" · %n recusado(s)", "", q.parked) if q.parked else ""), state)
        if d.integrity.blocked:
            self.cards["integrity"].show_value(self.tr("Bloqueada"),
                                               when(d.integrity.detected_at), "bad")
        else:
            self.cards["integrity"].show_value(self.tr("OK"), self.tr("sem alterações"), "ok")
        self.by_hour.set_data([f"{h}h" for h in range(24)], list(p.by_hour),
                              self.tr("Vendas por hora (%1 a %2)").replace("%1", when(p.start))
                              .replace("%2", when(p.end)))
        self.by_day.set_data([f"{day:%d/%m}" for day, _ in p.by_day],
                             [v for _, v in p.by_day], self.tr("Vendas por dia"))
        self.rates.fill([(r.tax_code, percent(r.percentage), money(r.base), money(r.tax),
                          money(r.gross)) for r in p.by_rate])
        self.methods.fill([(m.name, m.count, money(m.amount)) for m in p.by_method])
        self.users.fill([(s.name, s.documents, money(s.total)) for s in p.by_user])
        self.tills.fill([(s.name, s.documents, money(s.total)) for s in p.by_till])
        self.sessions.fill([(s.till, s.user, when(s.opened_at)) for s in d.open_sessions])
        self._warnings(d)
        if p.training:
            self.notice.info(self.tr("Modo de formação: os valores são dos documentos de "
                                     "formação."))

    def _warnings(self, d) -> None:
        self.warnings.clear()
        items = [(w.level, w.text) for w in d.warnings]
        if self.printer_note:
            items.insert(0, ("warn", self.tr("Impressora: %1").replace("%1",
                                                                        self.printer_note)))
        if not items:
            items = [("ok", self.tr("Nada a tratar."))]
        for level, text in items:
            item = QListWidgetItem(("⚠ " if level == "urgent" else "• ") + text)
            item.setData(256, level)
            self.warnings.addItem(item)

    def warning_texts(self) -> list[str]:
        return [self.warnings.item(i).text() for i in range(self.warnings.count())]
