"""The AT queue: what this till owes AT (invoices, transport documents, series), each duty
with its history and AT's answer; send now, send again what AT refused once corrected,
close a guide AT already had with the code from its portal, stop and resume the sending."""

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QWidget

from pos.services.at_status import KIND_NAMES

from .kit import action, caption, heading, line, panel, row, tick, when
from .parts import Table

translate = QCoreApplication.translate       # lupdate finds translate("Queue", "…")


def status_names() -> dict[str, str]:
    return {"pending": translate("Queue", "por enviar"), "sending": translate("Queue", "a enviar"),
            "parked": translate("Queue", "recusado"), "done": translate("Queue", "recebido")}


def detail_text(d) -> str:
    """A duty as a manager reads it: the facts, the history (the core's sentences), AT's
    answer."""
    lines = [f"{d.kind_name} — {d.subject}",
             translate("Queue", "Estado: %1 · tentativas: %2")
             .replace("%1", status_names().get(d.status, d.status)).replace("%2", str(d.attempts))]
    if d.deadline:
        lines.append(translate("Queue", "Prazo: %1").replace("%1", when(d.deadline)))
    lines.append("")
    lines += [f"{when(s.at) + '  ' if s.at else ''}{s.what}" for s in d.history]
    if d.answer:
        lines += ["", translate("Queue", "Resposta da AT:"),
                  json.dumps(d.answer, ensure_ascii=False, indent=2, default=str)]
    return "\n".join(lines)


class QueueTab(QWidget):
    def __init__(self, area):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.summary = caption()
        self.with_done = tick(self.tr("Mostrar os já recebidos"))
        self.with_done.toggled.connect(lambda _on: self.refresh())
        self.table = Table([self.tr("Envio"), self.tr("O quê"), self.tr("De"),
                            self.tr("Estado"), self.tr("Prazo")], stretch=2, numeric=(0,))
        self.table.picked.connect(self.pick)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setObjectName("report")
        self.send_button = action(self.tr("Enviar agora"), "primary")
        self.retry_button = action(self.tr("Reenviar"))
        self.code = line(self.tr("código AT da guia (do Portal)"), 200)
        self.resolve_button = action(self.tr("Resolver com o código"))
        self.reason = line(self.tr("motivo para parar"), 200)
        self.stop_button = action(self.tr("Parar envios"), "danger")
        self.resume_button = action(self.tr("Retomar envios"))
        self.send_button.clicked.connect(self.send)
        self.retry_button.clicked.connect(self.retry)
        self.resolve_button.clicked.connect(self.resolve)
        self.stop_button.clicked.connect(self.stop)
        self.resume_button.clicked.connect(self.resume)
        side = panel(heading(self.tr("Histórico e resposta da AT")), self.detail,
                     row(self.retry_button, self.send_button), self.code, self.resolve_button,
                     self.reason, row(self.stop_button, self.resume_button))
        box = QHBoxLayout(self)
        box.addWidget(panel(row(self.summary, self.with_done), self.table), 3)
        box.addWidget(side, 2)
        self.chosen: int | None = None

    def refresh(self) -> None:
        self.area.run(self.ctx.app.queue_status, on_done=self._status)
        self.area.run(self.ctx.app.queue_list, self.with_done.isChecked(), on_done=self._rows)

    def _status(self, q) -> None:
        parts = [self.tr("%n por enviar", "", q.pending)]
        if q.sending:
            parts.append(self.tr("%n a enviar", "", q.sending))
        if q.parked:
            parts.append(self.tr("%n recusado(s)", "", q.parked))
        parts.append(self.tr("canal: %1").replace("%1", q.channel))
        text = " · ".join(parts)
        if q.stopped is not None:
            text = self.tr("PARADA desde %1: %2").replace("%1", when(q.stopped.at)) \
                .replace("%2", q.stopped.message) + "\n" + text
        self.summary.setText(text)
        self.stop_button.setEnabled(q.stopped is None)
        self.resume_button.setEnabled(q.stopped is not None)

    def _rows(self, rows) -> None:
        names = status_names()
        self.table.fill([(r.id, KIND_NAMES.get(r.kind, r.kind), r.subject,
                          names.get(r.status, r.status), when(r.deadline))
                         for r in rows], [r.id for r in rows])
        if not rows:
            self.detail.setPlainText(self.tr("Nada na fila."))

    def pick(self, row_id) -> None:
        self.chosen = row_id
        if row_id is not None:
            self.area.run(self.ctx.app.queue_item, row_id,
                          on_done=lambda d: self.detail.setPlainText(detail_text(d)))

    def _needs_row(self) -> int | None:
        if self.chosen is None:
            self.area.notice.error(self.tr("Escolha um envio da lista."))
        return self.chosen

    def _then(self, text: str):
        def done(_=None) -> None:
            self.area.notice.ok(text)
            self.refresh()
        return done

    def send(self) -> None:
        self.area.run(self.ctx.app.drain_queue, lane="background", hold=(self.send_button,),
                      on_done=self._sent)

    def _sent(self, report) -> None:
        text = self.tr("Enviados: %1 recebidos, %2 a repetir, %3 recusados.") \
            .replace("%1", str(report.done)).replace("%2", str(report.retried)) \
            .replace("%3", str(report.parked))
        if report.stopped:
            self.area.notice.error(text + " " + report.stopped)
        else:
            self.area.notice.ok(text)
        self.refresh()

    def retry(self) -> None:
        row_id = self._needs_row()
        if row_id is not None:
            self.area.run(self.ctx.app.queue_retry, row_id, user=self.ctx.login,
                          hold=(self.retry_button,),
                          on_done=self._then(self.tr("Envio %1 volta a ser enviado.")
                                             .replace("%1", str(row_id))))

    def resolve(self) -> None:
        row_id = self._needs_row()
        if row_id is not None:
            self.area.run(self.ctx.app.queue_resolve, row_id, self.code.text(),
                          user=self.ctx.login, hold=(self.resolve_button,),
                          on_done=self._then(self.tr("Envio %1 resolvido.")
                                             .replace("%1", str(row_id))))

    def stop(self) -> None:
        self.area.run(self.ctx.app.queue_stop, self.reason.text(), user=self.ctx.login,
                      hold=(self.stop_button,),
                      on_done=self._then(self.tr("Envios à AT parados nesta caixa.")))

    def resume(self) -> None:
        self.area.run(self.ctx.app.queue_resume, user=self.ctx.login,
                      hold=(self.resume_button,),
                      on_done=self._then(self.tr("Envios à AT retomados.")))
