"""The first-run wizard: ``caixa gui`` on a database with no shop offers the demo or this.

It walks the set-up steps (company; establishment and till; the administrator and PIN; the
signing key, generated or imported; payment methods; the printer with a test print; the
series, with the codes from AT's portal or registered through AT's webservice), checking
each as it goes without writing anything, and creates the whole shop in one unit of work at
the end (``setup_commit``). Closing it before that leaves the database as it was: no shop
that could sell.
"""

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.setup import ShopPlan
from resources import path

from ..cashier.page import Page
from ..widgets import theme
from ..widgets.touch import Notice, title
from .kit import action, caption
from .wizard_steps import (
    AdminStep,
    CompanyStep,
    KeyStep,
    PaymentsStep,
    PlaceStep,
    PrinterStep,
    SeriesStep,
    SummaryStep,
)


class Setup:
    """What the wizard's jobs need (the facade and the background helper)."""

    def __init__(self, app, worker):
        self.app, self.worker = app, worker


class Wizard(Page):
    finished = Signal(object)            # the SetupResult, once the shop exists
    closed = Signal()

    def __init__(self, app, worker, parent: QWidget | None = None):
        super().__init__(Setup(app, worker), parent)
        self.app = app
        self.setWindowTitle(self.tr("Caixa · Configurar a loja"))
        self.setObjectName("backoffice")
        self.setMinimumSize(1024, 700)
        self.checked: dict[int, object] = {}      # step index -> its checked value
        self.result = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        menu = QWidget()
        menu.setObjectName("nav")
        menu.setMinimumWidth(220)
        self.menu_box = QVBoxLayout(menu)
        self.menu_box.setContentsMargins(12, 16, 12, 16)
        outer.addWidget(menu)
        body = QVBoxLayout()
        body.setContentsMargins(20, 16, 20, 12)
        self.heading = title("")
        body.addWidget(self.heading)
        self.stack = QStackedWidget()
        self.steps = [CompanyStep(self), PlaceStep(self), AdminStep(self), KeyStep(self),
                      PaymentsStep(self), PrinterStep(self), SeriesStep(self),
                      SummaryStep(self)]
        self.labels: list[QLabel] = []
        for i, step in enumerate(self.steps, start=1):
            self.stack.addWidget(step)
            label = QLabel(f"{i}. {step.title}")
            label.setObjectName("step")
            self.menu_box.addWidget(label)
            self.labels.append(label)
        self.menu_box.addStretch(1)
        self.done_page = DonePage(self)
        self.stack.addWidget(self.done_page)
        body.addWidget(self.stack, 1)
        self.notice = Notice()
        body.addWidget(self.notice)
        self.back = action(self.tr("Anterior"))
        self.next = action(self.tr("Seguinte"), "primary")
        self.quit = action(self.tr("Sair sem criar"))
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.quit.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        body.addLayout(buttons)
        outer.addLayout(body, 1)
        self._sheet = path("style", "backoffice.qss").read_text(encoding="utf-8")
        self.setStyleSheet(theme.scaled(self._sheet, 1.0) + WIZARD_SHEET)
        self.show_step(0)

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def show_step(self, i: int) -> None:
        self.stack.setCurrentIndex(i)
        step = self.steps[i] if i < len(self.steps) else None
        self.heading.setText(step.title if step else self.tr("Loja criada"))
        for j, label in enumerate(self.labels):
            label.setProperty("state", "current" if j == i else ("done" if j in self.checked
                                                                   else ""))
            label.style().unpolish(label)
            label.style().polish(label)
        self.back.setEnabled(0 < i < len(self.steps))
        self.next.setText(self.tr("Criar a loja") if i == len(self.steps) - 1 else
                          self.tr("Abrir a caixa") if step is None else self.tr("Seguinte"))
        if isinstance(step, SeriesStep):
            till = self.checked.get(1)
            step.default_series(till[1].code if till else "CX1", self.app.clock.now().year)
        if isinstance(step, SummaryStep):
            step.text.setText(self.summary())
        self.notice.clear()

    def go_back(self) -> None:
        if self.index > 0:
            self.show_step(self.index - 1)

    def go_next(self) -> None:
        i = self.index
        if i == len(self.steps):               # the shop exists: on to the till
            self.finished.emit(self.result)
            return
        step = self.steps[i]
        self.notice.info(self.tr("A verificar…"))
        self.run(step.check, self.app, *step.values(), hold=(self.next,),
                 on_done=lambda value: self._checked(i, value))

    def _checked(self, i: int, value) -> None:
        self.checked[i] = value
        if i < len(self.steps) - 1:
            self.show_step(i + 1)
            return
        self.notice.info(self.tr("A criar a loja…"))
        self.run(self.app.setup_commit, self.plan(), hold=(self.next, self.back, self.quit),
                 on_done=self._created)

    def plan(self) -> ShopPlan:
        c = self.checked
        place, till = c[1]
        return ShopPlan(company=c[0], admin=c[2], series=c[6], establishment=place, till=till,
                        key=c[3], payments=c[4], printer=c[5], language=c[7])

    def summary(self) -> str:
        c = self.checked
        company, (place, till), admin = c[0], c[1], c[2]
        series = c[6]
        lines = [
            f"{company.name} · NIF {company.nif} · {company.tax_region}",
            f"{company.address}, {company.postal_code} {company.city}",
            self.tr("Estabelecimento %1, caixa %2 (%3)").replace("%1", place.code)
            .replace("%2", till.code).replace("%3", till.name),
            self.tr("Administrador: %1 (%2)").replace("%1", admin.name)
            .replace("%2", admin.login),
            self.tr("Chave: gerar uma nova") if c[3].generate else self.tr("Chave: importada"),
            self.tr("Pagamentos: %1").replace("%1", ", ".join(c[4])),
            self.tr("Impressora: %1").replace("%1", c[5].connection if c[5] else
                                              self.tr("nenhuma")),
            self.tr("Séries: %1").replace("%1", ", ".join(
                f"{i.doc_type} {i.series_id}" + ("" if i.validation_code else " (AT)")
                for i in series.items)),
        ]
        return "\n".join(lines)

    def _created(self, result) -> None:
        self.result = result
        self.done_page.show_result(result, result.status)
        self.show_step(len(self.steps))
        self.quit.setEnabled(False)
        self.notice.ok(self.tr("Loja criada."))
        if result.queued:           # series to register: ask AT now, while someone waits
            self.notice.info(self.tr("A registar as séries na AT…"))
            self.run(register_series, self.app, lane="background", hold=(self.next,),
                     on_done=self._registered, on_error=self._not_registered)

    def _registered(self, status) -> None:
        self.done_page.show_result(self.result, status)
        if status.able_to_sell:
            self.notice.ok(self.tr("A AT registou as séries: a caixa pode vender."))
        else:
            self.notice.info(self.tr("As séries ficam na fila: são enviadas à AT logo que "
                                     "possível."))

    def _not_registered(self, exc) -> None:
        self.notice.error(self.tr("A AT não registou as séries agora (%1); ficam na fila e "
                                  "são enviadas logo que possível.").replace(
                                      "%1", self.message(exc)))

    def place(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        factor = theme.factor_for(event.size().width(), event.size().height())
        if factor != self.property("scale"):
            self.setProperty("scale", factor)
            theme.apply(QApplication.instance(), factor)
            self.setStyleSheet(theme.scaled(self._sheet + WIZARD_SHEET, factor))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.closed.emit()
        super().closeEvent(event)


def register_series(app):
    """Send the series registrations set-up queued, in this process; where the till
    stands afterwards."""
    app.drain_queue(("series_register",))
    return app.setup_status()


class DonePage(QWidget):
    def __init__(self, wizard: Wizard):
        super().__init__()
        self.wizard = wizard
        box = QVBoxLayout(self)
        self.text = caption()
        box.addWidget(self.text)
        box.addStretch(1)

    def show_result(self, result, status) -> None:
        lines = [self.tr("Loja criada: caixa %1, chave de assinatura versão %2.")
                 .replace("%1", result.till.code).replace("%2", str(result.key_version))]
        if status.able_to_sell:
            lines.append(self.tr("A caixa pode vender. Entre com o administrador e o seu PIN."))
        else:
            lines.append(self.tr("Ainda falta:"))
            lines += [f"• {m}" for m in status.missing]
        if result.queued and not status.able_to_sell:
            lines.append(self.tr("%n série(s) na fila de envio à AT: são enviadas logo que "
                                 "possível.", "", len(result.queued)))
        self.text.setText("\n".join(lines))


WIZARD_SHEET = """
QLabel#step { color: #aab3c2; font-size: 16px; padding: 8px 4px; }
QLabel#step[state="current"] { color: #ffffff; font-weight: bold; }
QLabel#step[state="done"] { color: #7fe0a0; }
"""
