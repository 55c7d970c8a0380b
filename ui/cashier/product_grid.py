"""Category buttons over a grid of big product buttons (name and price).

Speed matters here (a search rebuilds the grid while the cashier types; a catalogue can have
50,000 products): tiles are one widget each that paint their own two lines, they are created
once and reused for every category and search (only their product changes), and the grid is
laid out only while it is on screen.
"""

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.documents import ProductSnapshot

from ..widgets.flow import FlowLayout
from ..widgets.touch import button, eur, kinetic

TILE_W, TILE_H = 136, 88          # minimum tile at 1024×768: well above the 48 px target
MAX_TILES = 120                   # a category shows its first 120; search finds the rest


class ProductButton(QPushButton):
    """A tile: the style sheet draws the button, the tile draws the name (up to three lines)
    and the price in bold underneath."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.product: ProductSnapshot | None = None
        self.price_text = ""
        self.setProperty("kind", "product")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_product(self, product: ProductSnapshot, scale: float) -> None:
        self.product = product
        unit = "/kg" if product.unit == "KG" else ""
        self.price_text = f"{eur(product.unit_price)}{unit}"
        self.setAccessibleName(f"{product.name} {self.price_text}")
        self.setToolTip(product.name)
        self.setMinimumSize(round(TILE_W * scale), round(TILE_H * scale))
        self.update()

    def text_lines(self) -> tuple[str, str]:
        return (self.product.name if self.product else "", self.price_text)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_PushButton, opt, painter, self)
        area = self.rect().adjusted(6, 4, -6, -6)
        metrics = painter.fontMetrics()
        price_h = metrics.height() + 4
        name_rect = QRect(area.left(), area.top(), area.width(), area.height() - price_h)
        painter.setPen(self.palette().buttonText().color())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextWordWrap, self.product.name if self.product else "")
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRect(area.left(), area.bottom() - price_h, area.width(), price_h),
                         Qt.AlignmentFlag.AlignCenter, self.price_text)


class ProductGrid(QWidget):
    """Every category is a button on a bar that wraps onto a second row (all of them on
    screen: a tab bar with scroll arrows hid most of them at 1024 px); under it, the tiles.

    Tiles are laid out again whenever the number of columns changes or new tiles were made
    (a tile made for a longer list and never placed used to sit in the top-left corner,
    over another product)."""

    chosen = Signal(object)           # ProductSnapshot
    category_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self.categories = QWidget()
        self.categories.setObjectName("categories")
        self.flow = FlowLayout(self.categories, spacing=6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.category_buttons: dict[str, object] = {}
        box.addWidget(self.categories)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kinetic(self.area)
        self.holder = QWidget()
        column = QVBoxLayout(self.holder)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(0)
        self.layout_ = QGridLayout()
        self.layout_.setSpacing(8)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.layout_)
        column.addStretch(1)             # few tiles stay at the top, never stretched tall
        self.area.setWidget(self.holder)
        box.addWidget(self.area, 1)
        self.caption = QLabel()
        self.caption.setObjectName("subtitle")
        self.caption.hide()
        box.addWidget(self.caption)
        self.tiles: list[ProductButton] = []
        self.buttons: dict[str, ProductButton] = {}
        self.products: list[ProductSnapshot] = []
        self._columns = 0
        self._placed = 0                 # tiles placed in the layout for ``_columns``
        self._current: str | None = None
        self._dirty = False
        self.scale = 1.0

    # ---- categories -------------------------------------------------------------------
    def set_categories(self, names: list[str]) -> None:
        for b in self.category_buttons.values():
            self.group.removeButton(b)
            self.flow.removeWidget(b)
            b.deleteLater()
        self.category_buttons = {}
        for name in names:
            label = (name or self.tr("Outros")).replace("&", "&&")
            b = button(label, "category", min_h=48, min_w=88)
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, n=name: self._chose(n))
            self.group.addButton(b)
            self.flow.addWidget(b)
            self.category_buttons[name] = b
        self._current = None
        self.categories.updateGeometry()

    def category(self) -> str | None:
        return self._current

    def select_category(self, name: str) -> None:
        b = self.category_buttons.get(name)
        if b is not None:
            b.setChecked(True)
            self._chose(name)

    def _chose(self, name: str) -> None:
        self._current = name
        self.category_changed.emit(name)

    # ---- tiles ------------------------------------------------------------------------
    def set_scale(self, factor: float) -> None:
        self.scale = factor
        self._columns = 0               # re-place the tiles for the new size
        self._refresh()

    def show_products(self, products: list[ProductSnapshot], caption: str = "") -> None:
        self.products = list(products[:MAX_TILES])
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self._refresh()

    def _refresh(self) -> None:
        # Off screen (before sign-in, behind another page) only remember the work.
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        self._fill()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._dirty:
            self._refresh()

    def _column_count(self) -> int:
        width = self.area.viewport().width() or self.width()
        return max(2, (width - 16 + 8) // round((TILE_W + 8) * self.scale))

    def _fill(self) -> None:
        columns = self._column_count()
        while len(self.tiles) < len(self.products):
            tile = ProductButton(self.holder)
            tile.clicked.connect(lambda _=False, t=tile: self.chosen.emit(t.product))
            self.tiles.append(tile)
        if columns != self._columns or self._placed != len(self.tiles):
            for tile in self.tiles:
                self.layout_.removeWidget(tile)
            for i, tile in enumerate(self.tiles):
                self.layout_.addWidget(tile, i // columns, i % columns)
            for c in range(max(columns, self.layout_.columnCount())):
                self.layout_.setColumnStretch(c, 1 if c < columns else 0)
            self._columns, self._placed = columns, len(self.tiles)
        self.buttons = {}
        self.holder.setUpdatesEnabled(False)
        for i, tile in enumerate(self.tiles):
            if i < len(self.products):
                tile.set_product(self.products[i], self.scale)
                self.buttons[self.products[i].code] = tile
                tile.show()
            else:
                tile.hide()
        self.holder.setUpdatesEnabled(True)
        self.area.verticalScrollBar().setValue(0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.products and self._column_count() != self._columns:
            self._refresh()
