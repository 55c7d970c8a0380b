"""The printed recovered document carries 'Cópia do documento original -<type>M …' (§2.2.9).

Printing is built elsewhere (printing/layout.py); until it lands this test is skipped.
"""

from datetime import date

import pytest

from .helpers import entry, lines


def test_receipt_of_recovered_and_duplicate_documents(shop, book, clock):
    layout = pytest.importorskip("printing.layout")
    from pos.services.manual_recovery import DuplicateEntry

    doc = shop.recover_manual(entry(shop, "00001"))
    text = layout.receipt_text(doc, shop.issuer(), shop.qr(doc))
    assert "Cópia do documento original -FTM abc/00001" in text
    assert "Processado por programa certificado" in text      # still a signed document

    shop.sell_items([("PAO01", 1)], "FS")
    clock.advance(minutes=1)
    shop.close_series_for_data_loss("Reposição", {("FS", "A2026"): 2})
    dup = shop.reenter_duplicate(DuplicateEntry("FS A2026/2", date(2026, 3, 14),
                                                lines(shop, ("PAO01", 1))))
    # The line wraps at 42 columns: compare the words.
    text = " ".join(layout.receipt_text(dup, shop.issuer(), shop.qr(dup)).split())
    assert "Cópia do documento original - FSD FS A2026/2" in text
