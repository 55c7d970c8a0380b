"""The back office's use of ``printing``: is the till's printer able to print, a test page,
and a document as it prints (receipt preview) or as an A4 PDF. Every function here may wait
on a device or read the database: call it through the background helper."""

import os

from pos.domain.errors import PosError

from ..adapters import PRINTER_ENV


def current_config(app) -> dict | None:
    """The till's printer as the till reads it: ``CAIXA_PRINTER`` when set, else the
    printer kept in the till's settings; None when there is none."""
    from printing.connections import read_config

    source = os.environ.get(PRINTER_ENV, "").strip()
    if source:
        return read_config(source)
    data = app.printer_settings()
    return None if data is None else data.config()


def printer_problem(app) -> str | None:
    """Why the till's printer cannot print now (one sentence), or None when it can."""
    from printing.connections import printer_from_config

    try:
        config = current_config(app)
        if config is None:
            return "Esta caixa não tem impressora de talões configurada (Definições)."
        state = printer_from_config(config).connection.status()
    except PosError as exc:
        return str(exc)
    except OSError as exc:
        return f"A impressora não responde: {exc.strerror or exc}."
    return state.problem or state.warning


def test_print(config: dict) -> str:
    """A test page on the printer ``config`` describes; what happened, in one sentence."""
    from printing.errors import PrinterError
    from printing.service import PrintService

    service = PrintService.from_config(config)
    result = service.test_print()
    if not result.ok:
        raise PrinterError(result.error)
    warnings = " ".join(result.warnings)
    return (f"Página de teste enviada para {service.connection.description}. "
            f"{warnings}").strip()


def receipt_png(app, document_no: str, config: dict | None = None) -> bytes:
    """``document_no`` as the receipt printer prints it (its profile's width), as a PNG."""
    from printing.preview import receipt_png as render
    from printing.profile import profile_from_config

    doc = app.document(document_no)
    issuer = app.issuer()
    if config is None:
        try:
            config = current_config(app)
        except PosError:
            config = None
    profile = profile_from_config((config or {}).get("profile"))
    return render(doc, issuer, app.qr(doc, issuer), profile)


def document_pdf(app, document_no: str, path: str) -> str:
    """``document_no`` as an A4 PDF written to ``path`` (never half a file)."""
    from pos.files import write_file
    from printing.pdf import document_pdf as render

    doc = app.document(document_no)
    issuer = app.issuer()
    write_file(path, render(doc, issuer, app.qr(doc, issuer)), "ficheiro PDF")
    return path
