"""Always visible: the training banner above every page and the status strip below it
(AT link and queue, printer, who is signed in, the cash session)."""

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from pos.services.ports import AtSnapshot


def _age(since: datetime | None, now: datetime) -> str:
    if since is None:
        return ""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // 1440} d"


class ElidedLabel(QLabel):
    """A status label that shortens itself with '…' instead of pushing the others out; the
    whole sentence stays in the tooltip. A tap on it is ``clicked``."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        self._full = text
        self.setToolTip(text)
        self._elide()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().mousePressEvent(event)
        self.clicked.emit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        super().setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight,
                                           max(10, self.width())))


class TrainingBanner(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training")
        self.setText(self.tr("MODO DE FORMAÇÃO — documentos sem valor fiscal"))
        self.setVisible(False)


class StatusStrip(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 0)
        row.setSpacing(16)
        self.at = ElidedLabel()
        self.printer = ElidedLabel()
        self.user = ElidedLabel()
        self.session = ElidedLabel()
        self.user.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.session.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label, stretch in ((self.at, 6), (self.printer, 7), (self.user, 3),
                               (self.session, 6)):
            label.setProperty("state", "unknown")
            row.addWidget(label, stretch)
        self.set_at(None)
        self.set_printer(None, "")
        self.set_user(None)
        self.set_session(None, None)

    @staticmethod
    def _state(label: QLabel, state: str) -> None:
        label.setProperty("state", state)
        label.style().unpolish(label)
        label.style().polish(label)

    def set_at(self, snap: AtSnapshot | None, now: datetime | None = None) -> None:
        now = now or datetime.now()
        if snap is None:
            self.at.setText(self.tr("AT: …"))
            self._state(self.at, "unknown")
            return
        if snap.online is None:
            link, state = self.tr("AT: sem envio"), "warn"
        elif snap.online:
            link, state = self.tr("AT: online"), "ok"
        else:
            link, state = self.tr("AT: offline"), "bad"
        queue = self.tr("%n por enviar", "", snap.pending) if snap.pending else \
            self.tr("nada por enviar")
        if snap.pending and snap.oldest:
            queue += self.tr(" (mais antigo há %1)").replace("%1", _age(snap.oldest, now))
        if snap.parked:
            queue += self.tr(" · %n recusado(s)", "", snap.parked)
            state = "bad"
        self.at.setText(f"● {link} · {queue}")
        if snap.online is None:
            link = self.tr("AT: envio à AT não configurado nesta caixa")
        self.at.setToolTip(f"{link} · {queue}\n{snap.detail}".strip())
        self._state(self.at, state if snap.pending or state != "warn" else "warn")

    def set_at_error(self, sentence: str) -> None:
        """The AT status could not be read at all (the queue figures are unknown)."""
        text = self.tr("AT: estado indisponível")
        self.at.setText(f"● {text}")
        self.at.setToolTip(f"{text}\n{sentence}")
        self._state(self.at, "bad")

    def set_printer(self, ok: bool | None, text: str) -> None:
        """``ok`` None: nothing printed yet (``text`` says which printer)."""
        if ok is None:
            label, state = text or self.tr("Impressora: …"), "unknown"
        elif ok:
            label, state = self.tr("Impressora: pronta"), "ok"
        else:
            label, state = self.tr("Impressora: %1").replace("%1", text), "bad"
        self.printer.setText(f"● {label}")
        self._state(self.printer, state)

    def set_user(self, user) -> None:
        self.user.setText(user.name if user else self.tr("Sem utilizador"))

    def set_session(self, till: str | None, info, owner: str = "") -> None:
        """The till and its session; whose it is when someone else opened it."""
        if info is None:
            self.session.setText(self.tr("Caixa fechada"))
            return
        text = self.tr("%1 · sessão %2 desde %3") if not owner or owner == \
            self.user.full_text() else self.tr("%1 · sessão %2 de %4 desde %3")
        self.session.setText(text.replace("%1", till or info.till).replace("%2", str(info.id))
                             .replace("%3", info.opened_at.strftime("%H:%M"))
                             .replace("%4", owner))
