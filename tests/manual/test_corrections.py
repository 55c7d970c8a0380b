"""Credit and debit notes on recovered documents, and notes recovered from paper: what they
cite (the paper number, D8632 §2.4.6) and what they may credit (never more than was sold,
whatever issued the note: §3.2.7), and a corrected document is not cancelled under its
notes (§3.3.8). Issue 14, defects 1-3."""

from decimal import Decimal

import pytest

from pos.domain.errors import NotFoundError, StateError, ValidationError

from .helpers import TYPOGRAPHY, entry


@pytest.fixture
def nc_book(shop):
    return shop.add_book("NC", "nca", 1, 20, validation_code="NCAB1234", **TYPOGRAPHY)


@pytest.fixture
def paper_ft(shop, book, clock):
    """A paper FT abc/00005 (2 PAO01, 1 BEB05) recovered as FT R2026/1."""
    doc = shop.recover_manual(entry(shop, "00005", items=(("PAO01", 2), ("BEB05", 1))))
    clock.advance(minutes=1)
    return doc


def paper_nc(shop, nc_book, clock, number, reference, items=(("PAO01", 1),), price=None):
    from dataclasses import replace

    from pos.domain.documents import cart_line

    clock.advance(minutes=1)
    form = entry(shop, number, book_id=nc_book.id, items=items, reference=reference,
                 reason="Devolução")
    if price is not None:       # the price written on the paper form
        form = replace(form, lines=(cart_line(shop.product(items[0][0]), items[0][1],
                                              Decimal(price)),))
    return shop.recover_manual(form)


# ---- defect 3: what a note cites ------------------------------------------------------------

def test_a_credit_note_on_a_recovered_invoice_cites_its_paper_number(shop, paper_ft):
    note = shop.credit(paper_ft.document_no, "Devolução", [(1, Decimal(1))])
    assert [ln.reference.document_no for ln in note.lines] == ["FT abc/00005"]


def test_a_paper_note_cites_the_paper_number_never_the_recovery_number(shop, paper_ft,
                                                                     nc_book, clock):
    with pytest.raises(ValidationError, match=r"FT R2026/1 é o número de recuperação de "
                                              r"FT abc/00005"):
        paper_nc(shop, nc_book, clock, "1", "FT R2026/1")
    # Written without the zeros, or in an older version's 'FTM' form: the same paper FT.
    for number, cited in (("1", "FT abc/5"), ("2", "FTM abc/00005")):
        note = paper_nc(shop, nc_book, clock, number, cited)
        assert note.lines[0].reference.document_no == "FT abc/00005"
        assert shop.document(note.document_no).lines[0].reference.document_no == \
            "FT abc/00005"


def test_a_paper_note_must_cite_a_document_in_the_database(shop, paper_ft, nc_book, clock):
    with pytest.raises(NotFoundError, match="FT abc/9 não está na base de dados"):
        paper_nc(shop, nc_book, clock, "1", "FT abc/9")
    with pytest.raises(ValidationError, match="Referência inválida"):
        paper_nc(shop, nc_book, clock, "1", "a fatura de ontem")


# ---- defect 2: credits from paper count against the invoice -------------------------------

def test_a_paper_credit_counts_against_the_program_credit_note(shop, paper_ft, nc_book,
                                                              clock):
    paper_nc(shop, nc_book, clock, "1", "FT abc/00005")          # 1 of the 2 PAO01
    clock.advance(minutes=1)
    with pytest.raises(ValidationError, match="só pode creditar até 1"):
        shop.credit(paper_ft.document_no, "Devolução", [(1, Decimal(2))])
    note = shop.credit(paper_ft.document_no, "Devolução")        # what is left: 1 + 1
    assert [(ln.product_code, ln.quantity) for ln in note.lines] == [
        ("PAO01", Decimal(1)), ("BEB05", Decimal(1))]
    with pytest.raises(StateError, match="totalmente creditado"):
        shop.credit(paper_ft.document_no, "Devolução")


def test_a_paper_credit_note_cannot_credit_more_than_was_sold(shop, paper_ft, nc_book,
                                                              clock):
    with pytest.raises(ValidationError, match="só pode creditar até 2"):
        paper_nc(shop, nc_book, clock, "1", "FT abc/00005", items=(("PAO01", 5),))
    with pytest.raises(ValidationError, match="não tem o produto CAF01"):
        paper_nc(shop, nc_book, clock, "1", "FT abc/00005", items=(("CAF01", 1),))
    shop.credit(paper_ft.document_no, "Devolução", [(1, Decimal(1))])
    with pytest.raises(ValidationError, match="só pode creditar até 1"):
        paper_nc(shop, nc_book, clock, "1", "FT abc/00005", items=(("PAO01", 2),))
    # Nor more money than the invoice's total, whatever price the paper shows.
    with pytest.raises(ValidationError, match="passaria o total de FT abc/00005"):
        paper_nc(shop, nc_book, clock, "1", "FT abc/00005", price="99")


def test_a_paper_note_on_a_program_invoice_is_held_to_it_too(shop, nc_book, clock):
    ft = shop.sell_items([("PAO01", 1)], "FT")
    with pytest.raises(ValidationError, match="só pode creditar até 1"):
        paper_nc(shop, nc_book, clock, "1", ft.document_no, items=(("PAO01", 2),))
    note = paper_nc(shop, nc_book, clock, "1", ft.document_no)
    assert note.lines[0].reference.document_no == ft.document_no
    # The note keeps the invoice's rate and region.
    assert note.lines[0].tax_percentage == ft.lines[0].tax_percentage
    with pytest.raises(StateError, match="totalmente creditado"):
        shop.credit(ft.document_no, "Devolução")


# ---- defect 1: no cancellation under an active note ----------------------------------------

def test_a_recovered_invoice_is_not_cancelled_while_a_paper_note_corrects_it(
        shop, paper_ft, nc_book, clock):
    note = paper_nc(shop, nc_book, clock, "1", "FT abc/00005")
    with pytest.raises(StateError, match=f"tem a nota {note.document_no}: anule-a primeiro"):
        shop.cancel(paper_ft.document_no, "Erro")
    shop.cancel(note.document_no, "Erro no impresso")
    assert shop.cancel(paper_ft.document_no, "Erro").status == "A"


def test_a_debit_note_from_paper_also_holds_the_invoice(shop, paper_ft, clock):
    from pos.domain.documents import cart_line

    nd_book = shop.add_book("ND", "nda", 1, 20, **TYPOGRAPHY)
    shop.add_series("ND", "R2026", "ATRND2026X", kind="R")
    clock.advance(minutes=1)
    nd = shop.recover_manual(entry(shop, "1", book_id=nd_book.id, items=(("SRV01", 1),),
                                   reference="FT abc/00005", reason="Portes"))
    assert nd.lines[0].reference.document_no == "FT abc/00005"
    assert cart_line(shop.product("SRV01"), 1).product.code == nd.lines[0].product_code
    with pytest.raises(StateError, match=f"tem a nota {nd.document_no}"):
        shop.cancel(paper_ft.document_no, "Erro")
    # A debit note credits nothing: the whole invoice can still be credited.
    assert shop.credit(paper_ft.document_no, "Devolução").totals.gross == \
        paper_ft.totals.gross
