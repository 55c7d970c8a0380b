"""Adapters from the printing package to the screen's ports (part of the composition root:
only ``ui/app.py`` imports this module, so the screens never depend on ``printing``)."""

import logging
import os
import threading

from .ports import AtSnapshot, NoPrinter, PrintOutcome

log = logging.getLogger(__name__)
PRINTER_ENV = "CAIXA_PRINTER"


class ReceiptPrinter:
    """``printing.service.PrintService`` behind ``PrinterPort``."""

    def __init__(self, service):
        self.service = service
        self.description = getattr(service.connection, "description", "") or "impressora"

    @staticmethod
    def _outcome(result) -> PrintOutcome:
        return PrintOutcome(result.ok, result.error, result.label, result.copy)

    def print_document(self, doc, issuer, qr, *, copy=False, user="", reason="",
                       open_drawer=False) -> PrintOutcome:
        return self._outcome(self.service.print_document(
            doc, issuer, qr, copy=copy, user=user, reason=reason, open_drawer=open_drawer))

    def open_drawer(self) -> PrintOutcome:
        return self._outcome(self.service.open_drawer())

    def print_text(self, title: str, lines: list[str]) -> PrintOutcome:
        from printing.escpos_render import render
        from printing.layout import Cut, Feed, Separator, Text

        cols = self.service.profile.columns
        elements = [Text(title, "center", bold=True), Separator()]
        elements += [Text(line[:cols]) for line in lines]
        elements += [Feed(2), Cut()]
        try:
            self.service.connection.send(render(elements, self.service.profile))
        except Exception as exc:       # a report slip never breaks the closing
            log.warning("report print failed: %s", exc)
            return PrintOutcome(False, str(exc))
        return PrintOutcome(True, label=title)


def printer_from_environment(reprint_log):
    """The till's printer from ``CAIXA_PRINTER`` (JSON text or a JSON file's path, the same
    setting the ``caixa print`` command reads); ``NoPrinter`` when unset or unusable."""
    source = os.environ.get(PRINTER_ENV, "").strip()
    if not source:
        return NoPrinter()
    from printing.connections import read_config
    from printing.service import PrintService

    try:
        return ReceiptPrinter(PrintService.from_config(read_config(source), reprint_log))
    except Exception as exc:   # a bad printer setting must not stop the till from selling
        log.error("printer configuration refused: %s", exc)
        return NoPrinter()


class OutboxAt:
    """``AtPort`` over the AT outbox and the sync package's ``OutboxWorker``.

    Everything heavy happens on first use, which is in the background lane (the status
    refresh): reading ``caixa.toml``, importing the SOAP stack, starting the worker thread.
    Without an ``[at]`` configuration the queue figures are still shown ("not set up") and
    documents simply wait in the outbox. ``online`` is the last drain's outcome: reached AT,
    could not reach it (retry later / queue stopped), or unknown before any attempt.
    """

    def __init__(self, till, config_loader=None):
        self.till = till
        self.config_loader = config_loader
        self.worker = None
        self.policy = None
        self.problem = ""             # why nothing is sent (configuration), for the tooltip
        self.last_report = None       # set by the worker thread (one atomic assignment)
        self._lock = threading.Lock()

    def _start(self) -> None:
        with self._lock:
            if self.policy is not None:
                return
            from pos.services.outbox import QueuePolicy

            self.policy = QueuePolicy()
            try:
                from pos.bootstrap import data_dir
                from sync.clients import ATClients
                from sync.config_file import load
                from sync.worker import OutboxWorker

                cfg = (self.config_loader or (lambda: load(data_dir=data_dir())))()
                self.policy = cfg.queue
                at = cfg.at_config()
                self.worker = OutboxWorker(
                    self.till.db, lambda: ATClients(at), policy=cfg.queue,
                    clock=self.till.clock, interval=cfg.interval_seconds, batch=cfg.batch,
                    on_report=self._report)
                self.worker.start()
            except Exception as exc:     # not configured (or broken): keep queueing
                self.problem = str(exc)
                log.info("AT sending not started: %s", exc)

    def _report(self, report) -> None:
        self.last_report = report

    def snapshot(self) -> AtSnapshot:
        from pos.services import at_status

        self._start()
        with self.till.db.read() as s:
            st = at_status.snapshot(s, self.till.clock.now(), self.policy)
        online = None
        if self.worker is not None:
            r = self.last_report
            if st.stopped is not None:
                online = False
            elif r is not None:
                online = not (r.stopped or (r.retry_after is not None and not r.done))
        urgent = [w.text for w in st.warnings if w.level == "urgent"]
        detail = "\n".join(urgent + [w.text for w in st.warnings if w.level != "urgent"])
        if self.problem:
            detail = f"{self.problem}\n{detail}".strip()
        return AtSnapshot(online, st.pending + st.sending, st.oldest_pending,
                          st.parked + len(urgent), detail or (st.last_error or ""))

    def kick(self) -> None:
        self._start()
        if self.worker is not None:
            self.worker.wake()

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop(timeout=5)
