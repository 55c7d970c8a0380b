"""The back office's composite widgets: a table that lists one page of rows, the pager under
it, a period chooser, a file field, a progress panel for long work and a dashboard tile."""

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..widgets.touch import TOUCH, kinetic
from .kit import ROW_EXTRA, action, choice, line, pydate, qdate, select_value

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
        self.quick.setMinimumContentsLength(14)   # 'Últimos 7 dias' whole
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


class FittedFigure(QLabel):
    """A dashboard figure in the stylesheet's large type, made smaller (down to
    ``SMALLEST`` px) when the tile is too narrow for it: five tiles share 800 px at
    1024×768, and '1542,90 €' must be read whole, not cut."""

    SMALLEST = 14

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setMinimumWidth(1)    # the tile may be narrower than the figure's full size
        self._fitted = 0

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width()
        if room <= 1:
            return
        font = self.font()
        size = self._stylesheet_size()
        font.setPixelSize(size)
        while size > self.SMALLEST and QFontMetrics(font).horizontalAdvance(self.text()) > room:
            size -= 1
            font.setPixelSize(size)
        if size != self._fitted:
            self._fitted = size
            # a style sheet's font-size wins over setFont, so the fitted size is one too
            self.setStyleSheet("" if size == self._stylesheet_size() else
                               f"font-size: {size}px;")

    def _stylesheet_size(self) -> int:
        if not hasattr(self, "_full"):
            self.ensurePolished()
            self._full = self.font().pixelSize() if self.font().pixelSize() > 0 else 26
        return self._full


class Card(QFrame):
    """One figure with its caption (the dashboard's tiles)."""

    def __init__(self, caption_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        self.caption = QLabel(caption_text)
        self.caption.setObjectName("subtitle")
        self.value = FittedFigure("—")
        self.value.setObjectName("figure")
        self.note = QLabel("")
        self.note.setObjectName("subtitle")
        self.note.setWordWrap(True)   # a long note takes a second line, never cut short
        for w in (self.caption, self.value, self.note):
            box.addWidget(w)

    def show_value(self, value: str, note: str = "", state: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.setToolTip(f"{value}\n{note}" if note else value)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
