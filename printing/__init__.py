"""Receipts on thermal printers, A4 PDFs and previews. Imports ``pos.domain`` only.

Public API (import from the modules; nothing is imported here, so importing ``printing``
never pulls in python-escpos):

- ``layout.receipt_lines(doc, issuer, qr, columns=42, copy=0, reprint=False)`` → elements;
  ``layout.receipt_text(...)`` → plain text (QR shown as its payload).
- ``escpos_render.render_receipt(doc, issuer, qr, profile, copy, reprint, open_drawer)`` and
  ``escpos_render.render(elements, profile)`` → ESC/POS bytes.
- ``connections.printer_from_config(dict)`` / ``connection_from_spec("tcp:host:9100")``.
- ``service.PrintService(profile, connection, print_log)`` / ``.from_config(dict, log)``:
  ``print_document``, ``open_drawer``, ``test_print`` return a ``PrintResult``, never raise;
  every print of a document is claimed and finished through the print log (the core).
- ``pdf.document_pdf(doc, issuer, qr, copy, reprint)`` → A4 PDF bytes.
- ``preview.receipt_png(doc, issuer, qr, profile, copy, reprint)`` → PNG bytes.
"""
