"""The printer as the till knows it: which one, what it last answered, how to set it up,
and a test slip to check it (reached from the status strip and from a receipt that did
not print)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..widgets.touch import Notice, button, title
from .page import Page


class PrinterPage(Page):
    def __init__(self, ctx, devices, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.devices = devices
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(title(self.tr("Impressora de talões")))
        self.which = QLabel()
        self.which.setObjectName("big")
        self.which.setWordWrap(True)
        outer.addWidget(self.which)
        self.state = QLabel()
        self.state.setWordWrap(True)
        outer.addWidget(self.state)
        self.how = QLabel(self.tr(
            "Para a configurar: no back office, Definições › Impressora (ligação USB, rede, "
            "série ou impressora do sistema); ou, no computador da caixa, a variável "
            "CAIXA_PRINTER (ver o manual). Depois de a ligar, reinicie a caixa e imprima um "
            "teste.\n\nSem impressora a caixa vende na mesma: cada talão pode ser impresso "
            "mais tarde (Reimprimir) ou mostrado ao cliente como código QR."))
        self.how.setWordWrap(True)
        self.how.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        outer.addWidget(self.how)
        self.notice = Notice()
        outer.addWidget(self.notice)
        outer.addStretch(1)
        row = QHBoxLayout()
        self.back = button(self.tr("Voltar"), min_w=160, shortcut="Esc")
        self.back.clicked.connect(self.leave)
        self.test = button(self.tr("Imprimir um teste"), "primary", min_w=240)
        self.test.clicked.connect(self.print_test)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.test)
        outer.addLayout(row)
        devices.printer_changed.connect(lambda _ok, _text: self.entered())

    def entered(self) -> None:
        description = self.ctx.app.printer.description
        self.which.setText(description or self.tr("Nenhuma impressora configurada."))
        d = self.devices
        if d.printer_ok is None:
            self.state.setText(self.tr("Ainda não imprimiu nada desde que a caixa abriu."))
        elif d.printer_ok:
            self.state.setText(self.tr("Último trabalho: impresso."))
        else:
            self.state.setText(self.tr("Último trabalho: não impresso — %1")
                               .replace("%1", d.printer_text))

    def print_test(self) -> None:
        self.notice.info(self.tr("A imprimir um teste…"))
        self.devices.print_text(self.tr("TESTE DE IMPRESSÃO"),
                                [self.ctx.issuer.business_name or self.ctx.issuer.name,
                                 self.tr("Caixa %1").replace("%1", self.ctx.till_name),
                                 self.tr("Se lê isto, a impressora funciona.")],
                                on_outcome=self._tested)

    def _tested(self, outcome) -> None:
        if outcome.ok:
            self.notice.ok(self.tr("Teste impresso."))
        else:
            self.notice.error(self.tr("Não imprimiu: %1").replace(
                "%1", self.devices.printer_text))
