"""Séries e AT: every till's series by type, what this till still needs registered ahead
(this year's and, near its end, next year's), series registered, finalised or cancelled
with AT (through the AT queue) or added with the code from AT's portal; and the AT queue
(``queue_page``). Series changes need the 'settings' right (the facade refuses otherwise).
"""

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from pos.domain.doctypes import DOC_TYPES
from pos.domain.series import KINDS, STATUSES

from .area import Area
from .kit import action, caption, choice, form, line, panel, row, side, split, when
from .parts import Table
from .queue_page import QueueTab


class SeriesArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.series = SeriesTab(self)
        self.queue = QueueTab(self)
        self.tabbed((self.series, self.tr("Séries")),
                    (self.queue, self.tr("Fila de envios à AT")))


class SeriesTab(QWidget):
    def __init__(self, area: SeriesArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.table = Table([self.tr("Caixa"), self.tr("Tipo"), self.tr("Série"),
                            self.tr("Espécie"), self.tr("Estado"), self.tr("Código AT"),
                            self.tr("Último n.º"), self.tr("Último uso")], stretch=5,
                           numeric=(6,))
        self.plan = Table([self.tr("Ação"), self.tr("Tipo"), self.tr("Série"), self.tr("Ano"),
                           self.tr("Nota")], stretch=4)
        self.plan_button = action(self.tr("Pedir à AT o que falta"), "primary")
        self.plan_button.clicked.connect(self.apply_plan)
        plan_box = QGroupBox(self.tr("Reservado à frente: o que esta caixa precisa"))
        QVBoxLayout(plan_box).addWidget(panel(self.plan, row(self.plan_button, stretch=True)))

        self.doc_type = choice([(f"{code} — {t.name}", code) for code, t in DOC_TYPES.items()])
        self.series_id = line(self.tr("ex. CX1N2026"), 35)
        self.kind = choice([(KINDS["N"], "N"), (KINDS["R"], "R")])
        self.code = line(self.tr("código de validação dado no Portal da AT"), 70)
        self.reason = line(self.tr("ex. substituída pela série de 2027"), 50)
        self.register_button = action(self.tr("Registar na AT"), "primary")
        self.add_button = action(self.tr("Acrescentar"))
        self.finalize_button = action(self.tr("Finalizar na AT"))
        self.cancel_button = action(self.tr("Anular na AT"), "danger")
        self.register_button.clicked.connect(lambda: self.request("register"))
        self.add_button.clicked.connect(self.add_with_code)
        self.finalize_button.clicked.connect(lambda: self.request("finalize"))
        self.cancel_button.clicked.connect(lambda: self.request("cancel"))
        self.table.picked.connect(self.pick)
        right = side(
            form([(self.tr("Tipo"), self.doc_type), (self.tr("Série"), self.series_id),
                  (self.tr("Espécie"), self.kind), (self.tr("Código AT (do Portal)"), self.code),
                  (self.tr("Motivo (finalizar)"), self.reason)], stacked=True),
            caption(self.tr("Sem ligação à AT: registe a série no Portal das Finanças e "
                            "acrescente-a aqui com o código que a AT deu.")),
            buttons=[row(self.register_button, self.add_button),
                     row(self.finalize_button, self.cancel_button)])
        box = QHBoxLayout(self)
        box.addLayout(split(panel(self.table, plan_box), right, (3, 2)))
        self.shown: list = []

    def refresh(self) -> None:
        self.area.run(self.ctx.app.series, on_done=self._series)
        self.area.run(self.ctx.app.series_plan, on_done=self._plan)

    def _series(self, series) -> None:
        self.shown = series
        self.table.fill([(s.till, s.doc_type, s.series_id, KINDS.get(s.kind, s.kind),
                          STATUSES.get(s.status, s.status), s.validation_code or "—",
                          s.last_number, when(s.last_system_entry)) for s in series],
                        [(s.doc_type, s.series_id) for s in series])

    def _plan(self, items) -> None:
        self.items = items
        actions = {"register": self.tr("registar"), "finalize": self.tr("finalizar"),
                   "cancel": self.tr("anular"), "ok": self.tr("em uso"),
                   "waiting": self.tr("à espera da AT")}
        self.plan.fill([(actions.get(i.action, i.action), i.doc_type, i.series_id, i.year,
                         i.note) for i in items])
        self.plan_button.setEnabled(any(i.action in ("register", "finalize", "cancel")
                                        for i in items))

    def pick(self, key) -> None:
        if key is None:
            return
        doc_type, series_id = key
        for i in range(self.doc_type.count()):
            if self.doc_type.itemData(i) == doc_type:
                self.doc_type.setCurrentIndex(i)
        self.series_id.setText(series_id)

    def _done(self, text: str):
        def done(_=None) -> None:
            self.area.notice.ok(text)
            self.refresh()
        return done

    def apply_plan(self) -> None:
        todo = [i for i in self.items if i.action in ("register", "finalize", "cancel")]
        self.area.run(self.ctx.app.apply_plan, todo, self.ctx.login, hold=(self.plan_button,),
                      on_done=lambda ids: self._done(self.tr(
                          "%n pedido(s) na fila de envios à AT.", "", len(ids)))())

    def request(self, what: str) -> None:
        self.area.run(self.ctx.app.series_request, what, self.doc_type.currentData(),
                      self.series_id.text().strip(), self.ctx.login, self.kind.currentData(),
                      None, self.reason.text().strip() or None,
                      hold=(self.register_button, self.finalize_button, self.cancel_button),
                      on_done=lambda row_id: self._done(self.tr(
                          "Pedido na fila de envios à AT (envio %1).").replace(
                              "%1", str(row_id)))())

    def add_with_code(self) -> None:
        self.area.run(self.ctx.app.add_series_code, self.doc_type.currentData(),
                      self.series_id.text().strip(), self.code.text(),
                      self.kind.currentData(), self.ctx.login, hold=(self.add_button,),
                      on_done=self._done(self.tr("Série acrescentada.")))
