"""An on-screen keyboard for the till's text fields (names, addresses, notes, search): a till
has a touchscreen and often no keyboard at all.

It types by sending real key events to the field it is attached to, so the field reacts as
to a keyboard (a search starts as it is typed, Enter confirms, a validator still applies).
Portuguese letters have their own keys (no dead keys to learn). It never takes the focus.
"""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QSizePolicy, QWidget

from .touch import button

BACK, SHIFT, ENTER, HIDE, SPACE = "⌫", "⇧", "OK", "▼", " "
ROWS = (
    ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", BACK),
    ("q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "á", "à"),
    ("a", "s", "d", "f", "g", "h", "j", "k", "l", "ç", "ã", "â"),
    (SHIFT, "z", "x", "c", "v", "b", "n", "m", "é", "ê", "í", "ó"),
    ("@", ",", ".", "/", SPACE, "õ", "ô", "ú", "&", ENTER, HIDE),
)
WIDE = {SPACE: 2}           # columns a key spans (every row is 12 columns)
KEYS = {BACK: Qt.Key.Key_Backspace, ENTER: Qt.Key.Key_Return}
SHIFTED = {"-": "_"}        # with shift: what e-mail addresses need beyond the letters


class Keyboard(QWidget):
    """The keys; ``attach`` chooses the field they type into."""

    hidden_by_user = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.target: QLineEdit | None = None
        self.shift = False
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setSpacing(6)
        self.keys: dict[str, object] = {}
        for r, row in enumerate(ROWS):
            c = 0
            for key in row:
                b = button(key.replace("&", "&&"), "key", min_h=52, min_w=48)
                b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                b.clicked.connect(lambda _=False, k=key: self.press(k))
                b.setAutoRepeat(key == BACK)
                span = WIDE.get(key, 1)
                grid.addWidget(b, r, c, 1, span)
                c += span
                self.keys[key] = b
        self.keys[SHIFT].setCheckable(True)
        self.keys[SPACE].setText(self.tr("espaço"))
        self.keys[ENTER].setProperty("kind", "primary")

    def attach(self, field: QLineEdit | None) -> None:
        self.target = field

    def press(self, key: str) -> None:
        if key == HIDE:
            self.hide()
            self.hidden_by_user.emit()
            return
        if key == SHIFT:
            self.shift = not self.shift
            self.keys[SHIFT].setChecked(self.shift)
            return
        field = self.target
        if field is None or not field.isEnabled() or field.isReadOnly():
            return
        if key in KEYS:
            code, text = KEYS[key], ("\r" if key == ENTER else "\b")
        else:
            text = SHIFTED.get(key, key.upper()) if self.shift else key
            code = Qt.Key.Key_unknown
            if self.shift:
                self.shift = False
                self.keys[SHIFT].setChecked(False)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier,
                                                    text))
        if key == ENTER:
            self.hide()


class KeyboardHost(QObject):
    """Shows the keyboard over the window when a text field that wants it is tapped: at the
    bottom, or at the top when the field is in the lower half (never over the field), and
    hides it when the page changes. Fields ask for it with ``want(field)``."""

    def __init__(self, window: QWidget, keyboard: Keyboard):
        super().__init__(window)
        self.window, self.keyboard = window, keyboard
        keyboard.setParent(window)
        keyboard.hide()

    def want(self, field: QLineEdit) -> None:
        """``field`` gets the keyboard when tapped; one whose page set its "osk" property
        (False: not now) turns it on and off itself (the NIF of a foreign customer)."""
        if field.property("osk") is None:
            field.setProperty("osk", True)
        field.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(obj, QLineEdit) \
                and obj.property("osk"):
            self.show_for(obj)
        return False

    def show_for(self, field: QLineEdit) -> None:
        kb, win = self.keyboard, self.window
        kb.attach(field)
        height = min(kb.sizeHint().height(), win.height() // 2)
        field_y = field.mapTo(win, field.rect().center()).y()
        y = 0 if field_y > win.height() / 2 else win.height() - height
        kb.setGeometry(0, y, win.width(), height)
        kb.show()
        kb.raise_()
        field.setFocus(Qt.FocusReason.MouseFocusReason)

    def hide(self) -> None:
        self.keyboard.hide()
        self.keyboard.attach(None)
