"""The cart as a touch table: one row per line (name, and underneath whatever changes its
price: weight and price per kg, discount, price changed), tap a row to select it. A discount
on the whole sale is the last row."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..widgets.touch import eur, kinetic, qty
from .cart import Cart, Line

ROW_H = 48
NOTE = Qt.ItemDataRole.UserRole


class CartView(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Artigo"), self.tr("Qtd"), self.tr("Valor")])
        self.horizontalHeader().hide()          # the columns speak for themselves: room for
        self.verticalHeader().hide()            # one more line
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        kinetic(self)
        self.scale = 1.0
        self._shown: list = []        # what each row now shows (a frozen line, or a tuple)
        self.lines = 0                # rows that are cart lines (the discount row is after)

    def set_scale(self, factor: float) -> None:
        self.scale = factor
        self._shown.clear()           # heights follow the new fonts
        for row in range(self.rowCount()):
            self._height(row)

    def notes(self, line: Line) -> list[str]:
        notes = []
        if line.weighed or line.product.unit != "UN":
            notes.append(f"{qty(line.quantity)} {line.product.unit.lower()} × "
                         f"{eur(line.unit_price)}/{line.product.unit.lower()}")
        if line.overridden:
            notes.append(self.tr("preço alterado (era %1)").replace(
                "%1", eur(line.product.unit_price)))
        if line.discount:
            notes.append(self.tr("desconto %1").replace("%1", eur(line.discount)))
        return notes

    def _height(self, row: int) -> None:
        base = round(ROW_H * self.scale)
        item = self.item(row, 0)
        if item is not None and "\n" in item.text():
            self.resizeRowToContents(row)
            self.setRowHeight(row, max(base, self.rowHeight(row)))
        else:
            self.setRowHeight(row, base)

    def _row(self, row: int, shown, name: str, amount: str, quantity: str = "") -> None:
        if row < len(self._shown) and self._shown[row] == shown:
            return
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        item = QTableWidgetItem(name)
        item.setToolTip(name)
        self.setItem(row, 0, item)
        q = QTableWidgetItem(quantity)
        q.setTextAlignment(right)
        self.setItem(row, 1, q)
        a = QTableWidgetItem(amount)
        a.setTextAlignment(right)
        self.setItem(row, 2, a)
        self._height(row)
        if row < len(self._shown):
            self._shown[row] = shown
        else:
            self._shown.append(shown)

    def show_cart(self, cart: Cart, select: int | None = None) -> None:
        """Show ``cart``; only rows whose text changed are rewritten (a scan changes one)."""
        discount = cart.order_discount
        rows = len(cart.lines) + (1 if discount else 0)
        self.setRowCount(rows)
        del self._shown[rows:]
        for row, line in enumerate(cart.lines):
            notes = self.notes(line)
            text = line.product.name + ("\n" + " · ".join(notes) if notes else "")
            self._row(row, line, text, eur(line.amount), qty(line.quantity))
        self.lines = len(cart.lines)
        if discount:
            pct = cart.order_percent
            label = self.tr("Desconto na venda") + (f" ({qty(pct)}%)" if pct else "")
            self._row(self.lines, ("discount", discount, pct), label, "−" + eur(discount))
            for col in range(3):
                item = self.item(self.lines, col)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
        if select is not None and 0 <= select < len(cart.lines):
            self.selectRow(select)
            self.scrollToItem(self.item(select, 0))
        elif not cart.lines:
            self.clearSelection()

    def selected(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        row = rows[0].row() if rows else None
        return row if row is not None and row < self.lines else None
