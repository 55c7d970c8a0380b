"""The back office's window: a bar on top (the shop, who is signed in, leave), the areas'
menu on the left, the chosen area on the right. The sign-in page comes first; areas are
built the first time they are opened.

It fills the screen it is on (with no window manager, as under a kiosk's X server, nobody
else sizes it) and, like the till, scales its style with its size: the same layout at
1024×768 and 1920×1080, bigger targets on the bigger screen.
"""

import importlib

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resources import path

from ..widgets import theme
from ..widgets.status import TrainingBanner
from .context import Office
from .kit import action
from .signin import SignInArea

# name -> (module, class); the menu's order. Titles are in ``titles`` (translated).
AREAS = {
    "dashboard": ("dashboard", "DashboardArea"),
    "catalogue": ("catalogue", "CatalogueArea"),
    "customers": ("customers", "CustomersArea"),
    "staff": ("staff", "StaffArea"),
    "documents": ("documents", "DocumentsArea"),
    "series": ("series", "SeriesArea"),
    "manual": ("manual", "ManualArea"),
    "reports": ("reports", "ReportsArea"),
    "saft": ("saft", "SaftArea"),
    "settings": ("settings", "SettingsArea"),
    "integrity": ("integrity", "IntegrityArea"),
}


class BackOfficeWindow(QMainWindow):
    closed = Signal()                   # the window was closed (the till goes back to work)

    def __init__(self, ctx: Office, training: bool = False, shop: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Caixa · Back office"))
        self.setMinimumSize(1024, 700)
        central = QWidget()
        central.setObjectName("backoffice")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top_bar(shop))
        self.banner = TrainingBanner()
        self.banner.setVisible(training)
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self._menu())
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.areas: dict[str, QWidget] = {}
        self.signin = SignInArea(ctx)
        self.signin.signed_in.connect(self.on_signed_in)
        self.stack.addWidget(self.signin)
        self.scale: float | None = None
        self.styled_scale: float | None = None
        self._sheet = path("style", "backoffice.qss").read_text(encoding="utf-8")
        self.setStyleSheet(theme.scaled(self._sheet, 1.0))
        self._keys()
        self.show_signed_out()

    def _keys(self) -> None:
        """At a desk: Ctrl+1 … Ctrl+9, Ctrl+0 and Ctrl+- open the areas in the menu's order,
        F5 reads the area again."""
        for key, name in zip([*"1234567890", "-"], AREAS, strict=False):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{key}"), self)
            shortcut.activated.connect(lambda n=name: self.open_area(n))
            self.menu[name].setToolTip(f"Ctrl+{key}")
        QShortcut(QKeySequence("F5"), self).activated.connect(self.refresh)

    def refresh(self) -> None:
        page = self.current()
        if self.ctx.user is not None and page is not self.signin:
            page.refresh()

    def _top_bar(self, shop: str) -> QWidget:
        bar = QWidget()
        bar.setObjectName("topbar")
        box = QHBoxLayout(bar)
        box.setContentsMargins(12, 6, 12, 6)
        self.shop = QLabel(shop or self.tr("Back office"))
        self.shop.setObjectName("shop")
        box.addWidget(self.shop, 1)
        self.who = QLabel()
        box.addWidget(self.who)
        self.leave = action(self.tr("Sair"))
        self.leave.clicked.connect(self.sign_out)
        box.addWidget(self.leave)
        return bar

    def titles(self) -> dict[str, str]:
        return {"dashboard": self.tr("Painel"), "catalogue": self.tr("Catálogo"),
                "customers": self.tr("Clientes"), "staff": self.tr("Utilizadores"),
                "documents": self.tr("Documentos"), "series": self.tr("Séries e AT"),
                "manual": self.tr("Documentos manuais"), "reports": self.tr("Relatórios"),
                "saft": self.tr("SAF-T"), "settings": self.tr("Definições"),
                "integrity": self.tr("Integridade")}

    def _menu(self) -> QWidget:
        menu = QWidget()
        menu.setObjectName("nav")
        box = QVBoxLayout(menu)
        box.setContentsMargins(8, 8, 8, 8)
        box.setSpacing(4)
        self.menu_group = QButtonGroup(self)
        self.menu_group.setExclusive(True)
        self.menu: dict[str, object] = {}
        for name, label in self.titles().items():
            b = action(label, "nav")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, n=name: self.open_area(n))
            self.menu_group.addButton(b)
            box.addWidget(b)
            self.menu[name] = b
        box.addStretch(1)
        menu.setMinimumWidth(212)
        return menu

    # ---- who is signed in ------------------------------------------------------------
    def show_signed_out(self) -> None:
        self.ctx.user, self.ctx.rights = None, frozenset()
        for b in self.menu.values():
            b.setEnabled(False)
            b.setChecked(False)
        self.who.setText("")
        self.leave.setText(self.tr("Fechar"))
        self.stack.setCurrentWidget(self.signin)
        self.signin.entered()

    def on_signed_in(self, user, rights) -> None:
        self.ctx.user, self.ctx.rights = user, frozenset(rights)
        for b in self.menu.values():
            b.setEnabled(True)
        self.who.setText(f"{user.name} · {self.ctx.app.till_name()}")
        self.leave.setText(self.tr("Sair"))
        self.open_area("dashboard")

    def sign_out(self) -> None:
        if self.ctx.user is None:
            self.close()
            return
        self.show_signed_out()

    # ---- areas -------------------------------------------------------------------------
    def area(self, name: str):
        """The area ``name``, built on first use."""
        page = self.areas.get(name)
        if page is None:
            module, cls = AREAS[name]
            klass = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
            page = klass(self.ctx)
            self.areas[name] = page
            self.stack.addWidget(page)
        return page

    def open_area(self, name: str):
        if self.ctx.user is None:
            return None
        page = self.area(name)
        self.menu[name].setChecked(True)
        self.stack.setCurrentWidget(page)
        page.entered()
        return page

    def current(self):
        return self.stack.currentWidget()

    # ---- the screen --------------------------------------------------------------------
    def place(self, fullscreen: bool = False) -> None:
        """Fill the screen the window is on (see the module docstring)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if fullscreen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.setGeometry(screen.availableGeometry())
            self.showMaximized()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        factor = theme.factor_for(event.size().width(), event.size().height())
        if factor != self.scale:
            self.scale = factor
            QTimer.singleShot(0, self._rescale)

    def _rescale(self) -> None:
        theme.apply(QApplication.instance(), self.scale)
        self.setStyleSheet(theme.scaled(self._sheet, self.scale))
        for layout in self.findChildren(QLayout):
            layout.invalidate()
        self.styled_scale = self.scale

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.closed.emit()
        super().closeEvent(event)
