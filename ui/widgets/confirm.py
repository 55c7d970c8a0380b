"""A question on the page itself (the till never opens modal dialogs): a sentence and two
buttons, in the place of the page's notice so nothing else moves."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QWidget

from .touch import Notice, button


class ConfirmBar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("confirmBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.no = button(self.tr("Não"), min_w=96, min_h=48)
        self.yes = button("", "danger", min_w=140, min_h=48)
        row.addWidget(self.no)
        row.addWidget(self.yes)
        self._on_yes: Callable | None = None
        self.yes.clicked.connect(self._yes)

    def _yes(self) -> None:
        action, self._on_yes = self._on_yes, None
        if action is not None:
            action()


class MessageLine(QStackedWidget):
    """The page's notice, which can turn into a question and back."""

    def __init__(self, notice: Notice, parent: QWidget | None = None):
        super().__init__(parent)
        self.notice = notice
        self.bar = ConfirmBar()
        self.addWidget(notice)
        self.addWidget(self.bar)
        self.bar.no.clicked.connect(self.cancel)
        # As tall as the taller of the two (a stacked layout's hint), whichever is shown.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def ask(self, text: str, yes: str, on_yes: Callable) -> None:
        self.bar.text.setText(text)
        self.bar.yes.setText(yes)

        def confirmed() -> None:
            self.setCurrentWidget(self.notice)
            on_yes()

        self.bar._on_yes = confirmed
        self.setCurrentWidget(self.bar)

    @property
    def asking(self) -> bool:
        return self.currentWidget() is self.bar

    def cancel(self) -> None:
        self.bar._on_yes = None
        self.setCurrentWidget(self.notice)
