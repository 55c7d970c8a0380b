"""Find an earlier document: tap it in the recent list, type its number, or scan the QR
code printed on the receipt (a QR scanner types the AT payload; field G is the number)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pos.domain.qr import parse_qr

from ..widgets.touch import eur, kinetic


def document_number(text: str) -> str:
    """A document number from what was typed or scanned (a whole QR payload or a number)."""
    text = text.strip()
    if "*" in text and ":" in text:
        return parse_qr(text).get("G", "").strip()
    return text


class DocumentPicker(QWidget):
    picked = Signal(str)
    loaded = Signal()                 # the recent documents are listed
    problem = Signal(object)          # they could not be read (the exception)

    def __init__(self, ctx, types: tuple[str, ...] | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.types = ctx, types
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Número (ex.: FS A2026/12) ou leia o QR do talão"))
        self.field.returnPressed.connect(self._typed)
        box.addWidget(self.field)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemClicked.connect(
            lambda item: self.picked.emit(item.data(Qt.ItemDataRole.UserRole)))
        kinetic(self.list)
        box.addWidget(self.list, 1)

    def reload(self) -> None:
        """List the recent documents (read in the background; ``loaded`` when shown)."""
        self.field.clear()
        self.list.clear()
        self.field.setFocus()
        self.ctx.worker.submit(self.ctx.app.documents, limit=40, lane="counter",
                               name="recent documents", on_done=self._show,
                               on_error=self.problem.emit)

    def _show(self, documents) -> None:
        self.list.clear()
        for d in documents:
            if self.types and d.doc_type not in self.types:
                continue
            state = self.tr(" · anulado") if d.status == "A" else ""
            item = QListWidgetItem(f"{d.document_no}   {d.system_entry_date:%d/%m %H:%M}   "
                                   f"{eur(d.gross_total)}{state}")
            item.setData(Qt.ItemDataRole.UserRole, d.document_no)
            self.list.addItem(item)
        self.loaded.emit()

    def _typed(self) -> None:
        number = document_number(self.field.text())
        if number:
            self.picked.emit(number)
