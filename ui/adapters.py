"""The printing adapter of the till (part of the composition root: only ``ui/app.py`` and
the tests import this module, so the screens never depend on ``printing``).

``ReceiptPrinter`` is the application's ``Printer`` port over ``printing.PrintService``.
Every print is claimed before it is sent and finished after, through the service's print
log: the application itself (``claim_print``, ``finish_print``), which builds this adapter
(``open_app(printer=)``).
"""

import logging
import os

from pos.domain.errors import PosError
from pos.services.ports import NoPrinter, PrintOutcome

log = logging.getLogger(__name__)
PRINTER_ENV = "CAIXA_PRINTER"


class ReceiptPrinter:
    """``printing.service.PrintService`` behind the ``Printer`` port."""

    def __init__(self, service):
        self.service = service
        self.description = getattr(service.connection, "description", "") or "impressora"

    @staticmethod
    def _outcome(result) -> PrintOutcome:
        return PrintOutcome(result.ok, result.error, result.label, result.copy)

    def print_document(self, doc, issuer, qr, *, copy=False, user="", reason="",
                       open_drawer=False, copies=1) -> PrintOutcome:
        return self._outcome(self.service.print_document(
            doc, issuer, qr, copy=copy, user=user, reason=reason, open_drawer=open_drawer,
            copies=copies))

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
        except PosError as exc:             # offline, out of paper: the sentence is shown
            log.info("report print failed: %s", exc)
            return PrintOutcome(False, str(exc))
        except Exception as exc:            # a device driver's bug: a slip never breaks
            log.exception("report print failed")          # the closing (the Z is saved)
            return PrintOutcome(False, f"Erro inesperado na impressão: {exc}.")
        return PrintOutcome(True, label=title)


def printer_from_environment(print_log=None):
    """The till's printer: ``CAIXA_PRINTER`` (JSON text or a JSON file's path, the same
    setting the ``caixa print`` command reads) when set, else the till's printer settings
    kept by the application (``caixa printer set``, the back office); ``NoPrinter`` when
    there is none or it is unusable. ``print_log`` is the application."""
    from printing.connections import read_config
    from printing.service import PrintService

    source = os.environ.get(PRINTER_ENV, "").strip()
    try:
        if source:
            config = read_config(source)
        else:
            kept = getattr(print_log, "printer_settings", None)
            data = kept() if kept is not None else None
            if data is None:
                return NoPrinter()
            config = data.config()
        return ReceiptPrinter(PrintService.from_config(config, print_log))
    except PosError as exc:   # a bad printer setting must not stop the till from selling
        log.error("printer configuration refused: %s", exc)
        return NoPrinter()


def check_printer_config(config: dict) -> None:
    """What printing makes of a printer configuration (``open_app(printer_check=)``): the
    profile and connection checked, nothing opened."""
    from printing.connections import printer_from_config

    printer_from_config(config)
