"""Building blocks of the back office's areas: buttons and fields big enough for a finger
and reachable with Tab at a desk, layouts (forms, rows, side panels), the labels several
areas share, and the formats figures are shown in (composite widgets: ``parts``).

Unlike the till's buttons, these take the keyboard focus: at a desk a manager tabs from
field to field and presses Enter or Space on a button (there is no barcode scanner to keep
on one field here).
"""

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..widgets.touch import TOUCH, button, eur

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
