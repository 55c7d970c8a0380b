"""Category tabs over a grid of big product buttons (name and price)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from pos.domain.documents import ProductSnapshot

from ..widgets.touch import eur, kinetic

TILE_W, TILE_H = 136, 88          # minimum tile: well above the 48 px target


class ProductButton(QPushButton):
    """Two labels inside a button: the name wraps over two lines, the price stays bold."""

    def __init__(self, product: ProductSnapshot, scale: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.product = product
        self.setProperty("kind", "product")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(round(TILE_W * scale), round(TILE_H * scale))
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(0)
        name = QLabel(product.name)
        name.setWordWrap(True)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        unit = "/kg" if product.unit == "KG" else ""
        price = QLabel(f"<b>{eur(product.unit_price)}{unit}</b>")
        price.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (name, price):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            box.addWidget(label)
        self.setAccessibleName(f"{product.name} {eur(product.unit_price)}")


class ProductGrid(QWidget):
    chosen = Signal(object)           # ProductSnapshot
    category_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.currentChanged.connect(self._tab)
        box.addWidget(self.tabs)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kinetic(self.area)
        box.addWidget(self.area, 1)
        self.caption = QLabel()
        self.caption.setObjectName("subtitle")
        self.caption.hide()
        box.addWidget(self.caption)
        self.buttons: dict[str, ProductButton] = {}
        self.products: list[ProductSnapshot] = []
        self._columns = 0
        self.scale = 1.0

    def set_scale(self, factor: float) -> None:
        self.scale = factor
        if self.products:
            self._build()

    def set_categories(self, names: list[str]) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for name in names:
            self.tabs.addTab(name or self.tr("Outros"))
            self.tabs.setTabData(self.tabs.count() - 1, name)
        self.tabs.blockSignals(False)

    def category(self) -> str | None:
        i = self.tabs.currentIndex()
        return self.tabs.tabData(i) if i >= 0 else None

    def select_category(self, name: str) -> None:
        for i in range(self.tabs.count()):
            if self.tabs.tabData(i) == name:
                if i == self.tabs.currentIndex():
                    self._tab(i)
                self.tabs.setCurrentIndex(i)
                return

    def _tab(self, index: int) -> None:
        if index >= 0:
            self.category_changed.emit(self.tabs.tabData(index))

    def show_products(self, products: list[ProductSnapshot], caption: str = "") -> None:
        self.products = list(products)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self._build()

    def _column_count(self) -> int:
        width = self.area.viewport().width() or self.width()
        return max(3, width // round((TILE_W + 12) * self.scale))

    def _build(self) -> None:
        self._columns = self._column_count()
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setSpacing(8)
        grid.setContentsMargins(8, 8, 8, 8)
        self.buttons = {}
        for i, product in enumerate(self.products):
            b = ProductButton(product, self.scale)
            b.clicked.connect(lambda _=False, p=product: self.chosen.emit(p))
            grid.addWidget(b, i // self._columns, i % self._columns)
            self.buttons[product.code] = b
        grid.setRowStretch(len(self.products) // self._columns + 1, 1)
        for c in range(self._columns):
            grid.setColumnStretch(c, 1)
        self.area.setWidget(holder)        # the old grid and its buttons are deleted

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.products and self._column_count() != self._columns:
            self._build()
