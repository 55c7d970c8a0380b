"""The till's door to the back office (issue 17), kept in its own module while the till's
screens are being reworked (issue 15). The till window makes one ``BackOfficeEntry`` and:

- puts ``entry.button`` among its function keys; ``entry.signed_in(user)`` after each
  sign-in shows it only to someone whose role may use the back office (managers and
  administrators by default), ``entry.signed_in(None)`` at sign-out hides it;
- or connects any signal of its own to ``entry.open()`` (a menu entry, a shortcut).

The back office opens over the till on the till's own application and background helper,
asks that person's PIN on its sign-in page (their name already chosen) and audits the entry;
closing it leaves the till as it was.
"""

from PySide6.QtCore import QObject

from ..backoffice.launch import TillEntry
from ..widgets.touch import button


class BackOfficeEntry(QObject):
    def __init__(self, window, lang: str = "pt"):
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        self.entry = TillEntry(ctx.app, ctx.worker, lang, self)
        self.button = button(self.tr("Back office"), "function")
        self.button.setVisible(False)
        self.button.clicked.connect(self.open)
        self.user = None
        self._allowed = self._placed = False

    def place(self, add) -> None:
        """Put the button where the till wants it (``add(button)``); until then it stays
        hidden (a parentless widget shown would be a window of its own)."""
        add(self.button)
        self._placed = True
        self._show()

    def _allow(self, allowed: bool) -> None:
        self._allowed = bool(allowed)
        self._show()

    def _show(self) -> None:
        self.button.setVisible(self._placed and self._allowed)

    def signed_in(self, user) -> None:
        """Who is at the till now (None: nobody): the button is for those who may."""
        self.user = user
        if user is None:
            self._allow(False)
            return
        self.window.ctx.worker.submit(self.entry.allowed, user.login, lane="counter",
                                      name="back office allowed", on_done=self._allow,
                                      on_error=lambda _exc: self._allow(False))

    def open(self) -> None:
        """The back office, with the person at the till chosen on its door (the window comes
        through ``entry.entry.opened``)."""
        self.entry.open(self.user.login if self.user is not None else None)
