"""Building blocks of the back office's areas: buttons and fields big enough for a finger
and reachable with Tab at a desk, tables that list one page of rows, a period chooser, a
file field, a progress panel for long work, and the formats figures are shown in.

Unlike the till's buttons, these take the keyboard focus: at a desk a manager tabs from
field to field and presses Enter or Space on a button (there is no barcode scanner to keep
on one field here).
"""

from datetime import date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..widgets.touch import TOUCH, button, eur, kinetic

ROW_EXTRA = 18              # px above the text's height in a table row (a finger's room)


def action(text: str, kind: str = "", *, shortcut: str | None = None,
           parent: QWidget | None = None) -> QPushButton:
    """The till's touch button (48 px or more), but focusable with Tab."""
    b = button(text, kind, shortcut=shortcut, parent=parent)
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    b.setAutoDefault(False)
    return b


def line(placeholder: str = "", max_len: int = 0, *, password: bool = False,
         text: str = "") -> QLineEdit:
    e = QLineEdit(text)
    e.setPlaceholderText(placeholder)
    if max_len:
        e.setMaxLength(max_len)
    if password:
        e.setEchoMode(QLineEdit.EchoMode.Password)
    e.setClearButtonEnabled(not password)
    return e


def choice(items: list[tuple[str, object]] = (), editable: bool = False) -> QComboBox:
    """A drop-down of (label, value) pairs; ``value_of`` reads the chosen value back."""
    c = QComboBox()
    c.setEditable(editable)
    c.setMinimumHeight(TOUCH - 8)
    # As wide as the room it is given, not as its longest item (long names would push a
    # narrow side panel off the screen); the list that drops down shows them whole.
    c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    c.setMinimumContentsLength(8)
    for label, value in items:
        c.addItem(label, value)
    return c


def set_items(c: QComboBox, items: list[tuple[str, object]], keep: bool = True) -> None:
    current = c.currentData() if keep else None
    c.blockSignals(True)
    c.clear()
    for label, value in items:
        c.addItem(label, value)
    if current is not None:
        select_value(c, current)
    c.blockSignals(False)


def select_value(c: QComboBox, value: object) -> None:
    for i in range(c.count()):
        if c.itemData(i) == value:
            c.setCurrentIndex(i)
            return
    if c.isEditable() and value is not None:
        c.setEditText(str(value))


def value_of(c: QComboBox) -> object:
    """The chosen value; for an editable drop-down, what was typed when it is not a listed
    label."""
    if c.isEditable():
        typed = c.currentText().strip()
        i = c.findText(typed)
        return c.itemData(i) if i >= 0 and c.itemData(i) is not None else typed
    return c.currentData()


def tick(text: str, checked: bool = False) -> QCheckBox:
    b = QCheckBox(text)
    b.setChecked(checked)
    return b


def form(rows: list[tuple[str, QWidget]], stacked: bool = False) -> QFormLayout:
    """Labelled fields; ``stacked`` puts each label above its field (a narrow side panel:
    the fields get the whole width)."""
    f = QFormLayout()
    f.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    f.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if stacked
                       else QFormLayout.RowWrapPolicy.WrapLongRows)
    f.setVerticalSpacing(4 if stacked else 8)
    for label, widget in rows:
        f.addRow(label, widget)
    return f


def row(*widgets, stretch: bool = False) -> QHBoxLayout:
    """Widgets side by side (a trailing stretch keeps them at their size when asked)."""
    box = QHBoxLayout()
    box.setSpacing(8)
    for w in widgets:
        if isinstance(w, QWidget):
            box.addWidget(w)
        else:
            box.addLayout(w)
    if stretch:
        box.addStretch(1)
    return box


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


def caption(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("subtitle")
    label.setWordWrap(True)
    return label


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a vertical scroll area (a long form on a short screen). No kinetic
    drag here, unlike lists: a form is full of buttons and fields, and a drag gesture would
    hold back every tap on them; its scroll bar is wide enough for a finger."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def side(*items, buttons=()) -> QWidget:
    """A side panel: its ``items`` scroll when the screen is short, the ``buttons`` (rows)
    stay in sight below them."""
    return panel(scrolled(panel(*items, None)), *buttons)


def split(left: QWidget, right: QWidget, ratio: tuple[int, int] = (1, 1)) -> QHBoxLayout:
    """A list beside its editor."""
    box = QHBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(left, ratio[0])
    box.addWidget(right, ratio[1])
    return box


def panel(*items, margins: int = 0) -> QWidget:
    """A plain widget holding ``items`` (widgets or layouts) one under the other."""
    w = QWidget()
    box = QVBoxLayout(w)
    box.setContentsMargins(margins, margins, margins, margins)
    for item in items:
        if item is None:
            box.addStretch(1)
        elif isinstance(item, QWidget):
            box.addWidget(item)
        else:
            box.addLayout(item)
    return w


# ---- labels shared by several areas ---------------------------------------------------------

translate = QCoreApplication.translate       # lupdate finds translate("Labels", "…")


def regions() -> list[tuple[str, str]]:
    """The tax regions a shop may be in, as a drop-down lists them."""
    return [(translate("Labels", "Continente (PT)"), "PT"),
            (translate("Labels", "Açores (PT-AC)"), "PT-AC"),
            (translate("Labels", "Madeira (PT-MA)"), "PT-MA")]


def role_names() -> dict[str, str]:
    return {"cashier": translate("Labels", "Operador de caixa"),
            "supervisor": translate("Labels", "Supervisor"),
            "manager": translate("Labels", "Gerente"),
            "admin": translate("Labels", "Administrador")}


def action_names() -> dict[str, str]:
    """What each role may be allowed to do (``pos.domain.roles.ACTIONS``), as a manager
    reads it."""
    return {
        "discount": translate("Labels", "Dar descontos (até ao limite em %)"),
        "price_change": translate("Labels", "Alterar o preço de um artigo na venda"),
        "void": translate("Labels", "Anular linhas ou a venda em curso"),
        "reprint": translate("Labels", "Reimprimir documentos (2.ª via)"),
        "drawer": translate("Labels", "Abrir a gaveta sem venda"),
        "credit_note": translate("Labels", "Emitir notas de crédito (devoluções)"),
        "cancel": translate("Labels", "Anular documentos emitidos"),
        "back_office": translate("Labels", "Entrar no back office (catálogo, clientes, "
                                           "relatórios)"),
        "users": translate("Labels", "Gerir utilizadores, perfis e PINs"),
        "settings": translate("Labels", "Mudar a empresa, a região fiscal, as séries, a AT, "
                                        "as chaves e as impressoras"),
    }


def months() -> list[tuple[str, int]]:
    """January to December in the screens' language."""
    locale = QLocale()
    return [(locale.standaloneMonthName(m).capitalize(), m) for m in range(1, 13)]


# ---- formats ------------------------------------------------------------------------------

def money(value: Decimal | None) -> str:
    return "" if value is None else eur(value)


def when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}"


def percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{Decimal(value).normalize():f}".replace(".", ",") + " %"


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


# ---- tables -------------------------------------------------------------------------------

class Table(QTableWidget):
    """A read-only list of rows, one selected at a time, each row carrying its value."""

    picked = Signal(object)            # the value of the row chosen (None: none)

    def __init__(self, headers: list[str], *, stretch: int = 1, numeric: tuple[int, ...] = (),
                 parent: QWidget | None = None):
        super().__init__(0, len(headers), parent)
        self.numeric = set(numeric)
        self.values: list[object] = []
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        head = self.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if 0 <= stretch < len(headers):
            head.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        head.setHighlightSections(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        kinetic(self)
        self.itemSelectionChanged.connect(lambda: self.picked.emit(self.current()))

    def fill(self, rows: list[tuple], values: list | None = None) -> None:
        """Replace the rows; ``values[i]`` is what ``current()`` returns for row i."""
        chosen = self.current()
        self.blockSignals(True)
        self.clearContents()
        self.setRowCount(len(rows))
        self.values = list(values if values is not None else rows)
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                item = QTableWidgetItem("" if cell is None else str(cell))
                if c in self.numeric:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_EXTRA)
        self.blockSignals(False)
        if chosen is not None and chosen in self.values:
            self.selectRow(self.values.index(chosen))
        else:
            self.clearSelection()
            self.picked.emit(None)

    def current(self) -> object | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        i = rows[0].row()
        return self.values[i] if 0 <= i < len(self.values) else None

    def choose(self, index: int) -> None:
        self.selectRow(index)

    def text(self, r: int, c: int) -> str:
        item = self.item(r, c)
        return item.text() if item is not None else ""

    def texts(self) -> list[list[str]]:
        return [[self.text(r, c) for c in range(self.columnCount())]
                for r in range(self.rowCount())]

    def headers(self) -> list[str]:
        return [self.horizontalHeaderItem(c).text() for c in range(self.columnCount())]


class Pager(QWidget):
    """'1–50 de 312' with previous and next: lists that can be long come in pages."""

    moved = Signal(int)                # the new offset

    def __init__(self, limit: int = 50, parent: QWidget | None = None):
        super().__init__(parent)
        self.limit, self.offset, self.total = limit, 0, 0
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.back = action("◀")
        self.label = QLabel()
        self.next = action("▶")
        for w in (self.back, self.label, self.next):
            box.addWidget(w)
        box.addStretch(1)
        self.back.clicked.connect(lambda: self.moved.emit(max(0, self.offset - self.limit)))
        self.next.clicked.connect(lambda: self.moved.emit(self.offset + self.limit))
        self.show_page(0, 0)

    def show_page(self, offset: int, total: int) -> None:
        self.offset, self.total = offset, total
        last = min(total, offset + self.limit)
        self.label.setText(self.tr("%1–%2 de %3").replace("%1", str(offset + 1 if total else 0))
                           .replace("%2", str(last)).replace("%3", str(total)))
        self.back.setEnabled(offset > 0)
        self.next.setEnabled(last < total)


# ---- periods, files, progress -------------------------------------------------------------

class DateRange(QWidget):
    """A period: a quick choice (today, yesterday, 7 days, this month, last month) or any
    two dates from a calendar."""

    changed = Signal(object, object)   # start, end (dates)

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self.quick = choice([(self.tr("Hoje"), "today"), (self.tr("Ontem"), "yesterday"),
                             (self.tr("Últimos 7 dias"), "week"),
                             (self.tr("Este mês"), "month"),
                             (self.tr("Mês passado"), "last_month"),
                             (self.tr("Este ano"), "year"),
                             (self.tr("Outras datas"), "")])
        self.quick.currentIndexChanged.connect(
            lambda _i: self.quick.currentData() and self.preset(self.quick.currentData()))
        box.addWidget(self.quick)
        self.start = QDateEdit(qdate(today))
        self.end = QDateEdit(qdate(today))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setMinimumHeight(TOUCH - 8)
            d.setMinimumWidth(150)
            d.dateChanged.connect(self._typed)
        box.addWidget(self.start)
        box.addWidget(QLabel("–"))
        box.addWidget(self.end)
        box.addStretch(1)

    def preset(self, key: str) -> None:
        t = self.today
        first = t.replace(day=1)
        start, end = {
            "today": (t, t), "yesterday": (t - timedelta(days=1),) * 2,
            "week": (t - timedelta(days=6), t), "month": (first, t),
            "last_month": ((first - timedelta(days=1)).replace(day=1),
                           first - timedelta(days=1)),
            "year": (date(t.year, 1, 1), t),
        }[key]
        self.quick.blockSignals(True)
        select_value(self.quick, key)
        self.quick.blockSignals(False)
        self.set(start, end)

    def set(self, start: date, end: date) -> None:
        for edit, value in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)
        self.changed.emit(*self.period())

    def period(self) -> tuple[date, date]:
        return pydate(self.start.date()), pydate(self.end.date())

    def _typed(self) -> None:
        self.quick.blockSignals(True)
        select_value(self.quick, "")
        self.quick.blockSignals(False)
        self.changed.emit(*self.period())


class PathField(QWidget):
    """A file or folder: typed, or chosen in the system's dialog ('Escolher…')."""

    def __init__(self, mode: str = "open", pattern: str = "", placeholder: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.mode, self.pattern = mode, pattern
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.edit = line(placeholder)
        self.pick = action(self.tr("Escolher…"))
        self.pick.clicked.connect(self.browse)
        box.addWidget(self.edit, 1)
        box.addWidget(self.pick)

    def path(self) -> str:
        return self.edit.text().strip()

    def set_path(self, value: str) -> None:
        self.edit.setText(value)

    def browse(self) -> None:
        start = self.path()
        if self.mode == "dir":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Escolher pasta"), start)
        elif self.mode == "save":
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Gravar como"), start,
                                                    self.pattern)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Abrir ficheiro"), start,
                                                    self.pattern)
        if chosen:
            self.set_path(chosen)


class ProgressPanel(QWidget):
    """How far long work got (a bar and a sentence), with a button to stop it when the work
    can be stopped with nothing written."""

    def __init__(self, stages: dict[str, str], cancellable: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.stages = stages
        self.worker = None
        self.job: int | None = None
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        inner = QVBoxLayout()
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumHeight(28)
        inner.addWidget(self.label)
        inner.addWidget(self.bar)
        box.addLayout(inner, 1)
        self.stop = action(self.tr("Parar"), "danger")
        self.stop.setVisible(cancellable)
        self.stop.clicked.connect(self.cancel)
        box.addWidget(self.stop)
        self.updates = 0
        self.setVisible(False)

    def start(self, worker, job: int, text: str = "") -> None:
        self.worker, self.job, self.updates = worker, job, 0
        self.label.setText(text)
        self.bar.setRange(0, 0)             # busy until the first figure comes
        self.stop.setEnabled(True)
        self.setVisible(True)

    def update(self, stage: str, done: int, total: int) -> None:
        self.updates += 1
        what = self.stages.get(stage, stage)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.label.setText(f"{what}: {done:,} / {total:,}".replace(",", " "))
        else:
            self.bar.setRange(0, 0)
            self.label.setText(what)

    def cancel(self) -> None:
        if self.worker is not None and self.job is not None:
            self.worker.cancel(self.job)
            self.stop.setEnabled(False)
            self.label.setText(self.tr("A parar…"))

    def finish(self) -> None:
        self.job = None
        self.setVisible(False)

    @property
    def running(self) -> bool:
        return self.job is not None


class Card(QFrame):
    """One figure with its caption (the dashboard's tiles)."""

    def __init__(self, caption_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        self.caption = QLabel(caption_text)
        self.caption.setObjectName("subtitle")
        self.value = QLabel("—")
        self.value.setObjectName("figure")
        self.note = QLabel("")
        self.note.setObjectName("subtitle")
        for w in (self.caption, self.value, self.note):
            box.addWidget(w)

    def show_value(self, value: str, note: str = "", state: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
