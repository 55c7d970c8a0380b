"""The cart as a touch table: one tall row per line, tap a row to select it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..widgets.touch import eur, kinetic, qty
from .cart import Cart

ROW_H = 52


class CartView(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Artigo"), self.tr("Qtd"), self.tr("Valor")])
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_H)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        kinetic(self)
        self._shown: list = []        # the cart lines (frozen values) the rows now show

    def set_scale(self, factor: float) -> None:
        self.verticalHeader().setDefaultSectionSize(round(ROW_H * factor))

    def show_cart(self, cart: Cart, select: int | None = None) -> None:
        """Show ``cart``; only rows whose text changed are rewritten (a scan changes one)."""
        self.setRowCount(len(cart.lines))
        del self._shown[len(cart.lines):]
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(cart.lines):
            if row < len(self._shown) and self._shown[row] == line:
                continue
            name = line.product.name
            notes = []
            if line.weighed or line.product.unit != "UN":
                notes.append(f"{eur(line.unit_price)}/{line.product.unit.lower()}")
            if line.overridden:
                notes.append(self.tr("preço alterado"))
            if line.discount:
                notes.append(self.tr("desconto %1").replace("%1", eur(line.discount)))
            item = QTableWidgetItem(name + (f"  ({'; '.join(notes)})" if notes else ""))
            item.setToolTip(item.text())
            self.setItem(row, 0, item)
            q = QTableWidgetItem(qty(line.quantity))
            q.setTextAlignment(right)
            self.setItem(row, 1, q)
            a = QTableWidgetItem(eur(line.amount))
            a.setTextAlignment(right)
            self.setItem(row, 2, a)
            if row < len(self._shown):
                self._shown[row] = line
            else:
                self._shown.append(line)
        if select is not None and 0 <= select < len(cart.lines):
            self.selectRow(select)
            self.scrollToItem(self.item(select, 0))
        elif not cart.lines:
            self.clearSelection()

    def selected(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None
