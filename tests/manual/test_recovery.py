"""Recovering pre-printed forms (D8632 §2.4): signature, dates, HashControl, one active copy."""

from datetime import date, datetime

import pytest

from pos.domain.errors import NotFoundError, SeriesError, StateError, ValidationError
from pos.domain.manual import HASH_CONTROL_RE

from .helpers import MANUAL_DAY, TYPOGRAPHY, entry, outbox


def test_recovered_invoice_is_signed_with_manual_date_and_hash_control(shop, book, clock):
    from pos.domain.signature import signature_message
    from pos.signing import Verifier

    doc = shop.recover_manual(entry(shop, "00001"))
    assert doc.document_no == "FT R2026/1"           # own numbering, from 1
    assert doc.series_kind == "R"
    assert doc.source_billing == "M"
    assert doc.hash_control == "1-FTM abc/00001"     # leading zeros kept, as on the form
    assert HASH_CONTROL_RE.match(doc.hash_control)
    assert doc.manual_ref == "abc/00001"
    assert doc.invoice_date == MANUAL_DAY            # InvoiceDate: the form's date
    assert doc.system_entry_date == clock.now()      # SystemEntryDate: when it was keyed in
    msg = signature_message(doc.invoice_date, doc.system_entry_date, doc.document_no,
                            doc.totals.gross, doc.previous_hash)
    assert Verifier(shop.public_key()).verify(msg, doc.hash)
    # A recovered invoice is communicated to e-Fatura like any other.
    assert [r.kind for r in outbox(shop, document_id=doc.id)] == ["invoice"]
    assert shop.books()[0].status == "in_use"        # a form was used: the book is in use


def test_same_form_twice_is_refused_naming_the_first_recovery(shop, book):
    shop.recover_manual(entry(shop, "00007"))
    with pytest.raises(StateError, match=r"abc/00007 já foi recuperado no documento FT R2026/1"):
        shop.recover_manual(entry(shop, "00007"))
    # The same form written without the zeros is still the same form.
    with pytest.raises(StateError, match="FT R2026/1"):
        shop.recover_manual(entry(shop, "7"))


def test_form_can_be_recovered_again_after_its_recovery_is_cancelled(shop, book, clock):
    first = shop.recover_manual(entry(shop, "00003"))
    shop.cancel(first.document_no, "Linhas erradas")
    clock.advance(minutes=1)
    second = shop.recover_manual(entry(shop, "00003", items=(("PAO01", 3),)))
    assert second.document_no == "FT R2026/2"
    assert second.hash_control == "1-FTM abc/00003"
    assert shop.book_report(book.id).recovered == {3: "FT R2026/2"}


def test_credit_note_on_a_recovered_invoice_cites_the_manual_number(shop, book, clock):
    doc = shop.recover_manual(entry(shop, "00001"))
    clock.advance(minutes=5)
    note = shop.credit(doc.document_no, "Devolução")
    assert note.series_kind == "N"
    # The paper number in the 'TYPE SERIES/N' form, never the recovery number (D8632
    # §2.4.6; P302 4.1.4.19.10.1).
    assert {ln.reference.document_no for ln in note.lines} == {"FT abc/00001"}


def test_missing_report_after_out_of_order_recoveries_and_voids(shop, book, clock):
    for number in ("00005", "00002", "00009"):
        shop.recover_manual(entry(shop, number))
        clock.advance(seconds=30)
    shop.void_form("3", "Rasurado", book_id=book.id)
    shop.void_form("00050", "Extraviado", manual_series="ABC")     # series case does not matter
    rep = shop.book_report(book.id)
    assert rep.recovered == {2: "FT R2026/2", 5: "FT R2026/1", 9: "FT R2026/3"}
    assert rep.voided == {3: "Rasurado", 50: "Extraviado"}
    assert rep.missing == [(1, 1), (4, 4), (6, 8), (10, 49)]
    assert rep.missing_count == 1 + 1 + 3 + 40
    # Cancelling a recovery puts its number back among the missing ones.
    shop.cancel("FT R2026/1", "Erro")
    rep = shop.book_report(book.id)
    assert rep.missing == [(1, 1), (4, 8), (10, 49)]
    assert 5 not in rep.recovered and 5 in rep.missing_numbers()


def test_voided_and_unknown_forms_are_refused(shop, book):
    shop.void_form("00004", "Rasurado", book_id=book.id)
    with pytest.raises(StateError, match="inutilizado"):
        shop.recover_manual(entry(shop, "00004"))
    with pytest.raises(NotFoundError, match="book-add"):
        shop.recover_manual(entry(shop, "00051"))
    with pytest.raises(NotFoundError, match="book-add"):
        shop.recover_manual(entry(shop, "1", manual_series="xyz"))
    with pytest.raises(ValidationError, match="Número manual inválido"):
        shop.recover_manual(entry(shop, "12a"))


def test_a_recovered_form_cannot_be_voided(shop, book):
    shop.recover_manual(entry(shop, "00006"))
    with pytest.raises(StateError, match="anule esse documento"):
        shop.void_form("6", "Engano", book_id=book.id)


def test_future_date_refused(shop, book):
    with pytest.raises(ValidationError, match="não pode ser futura"):
        shop.recover_manual(entry(shop, "00001", day=date(2026, 3, 15)))


def test_without_recovery_series_the_user_is_told_to_add_one(normal_app):
    shop = normal_app
    b = shop.add_book("FT", "abc", 1, 50, **TYPOGRAPHY)
    with pytest.raises(SeriesError, match="caixa series add --doc-type FT .* --kind R"):
        shop.recover_manual(entry(shop, "00001", book_id=b.id))


def test_recovery_refused_in_training_mode(shop, book):
    shop.set_training_mode(True)
    with pytest.raises(StateError, match="Modo de formação"):
        shop.recover_manual(entry(shop, "00001"))


def test_simplified_invoice_form_with_payment_and_customer(shop):
    from decimal import Decimal

    from pos.domain.customer import make_customer

    b = shop.add_book("FS", "FS-B", 100, 199, **TYPOGRAPHY)
    doc = shop.recover_manual(entry(shop, "0150", book_id=b.id,
                                    items=(("CAF01", 2), ("PAS01", 1)),
                                    customer=make_customer("123456789"),
                                    payments=(("NU", Decimal("5")),)))
    assert doc.hash_control == "1-FSM FS-B/0150"
    assert doc.customer.nif == "123456789"
    assert doc.change == Decimal("2.30")
    assert shop.book_report(b.id).recovered == {150: doc.document_no}


def test_paper_credit_note_needs_its_reference(shop, book):
    b = shop.add_book("NC", "nc", 1, 20, **TYPOGRAPHY)
    with pytest.raises(ValidationError, match="--ref"):
        shop.recover_manual(entry(shop, "1", book_id=b.id))
    inv = shop.recover_manual(entry(shop, "00001"))
    note = shop.recover_manual(entry(shop, "1", book_id=b.id, reference="FT abc/00001",
                                     reason="Devolução"))
    assert note.hash_control == "1-NCM nc/1"
    assert note.lines[0].reference.document_no == "FT abc/00001"
    assert inv.document_no == "FT R2026/1"


def test_wrong_type_for_the_book_and_transport_books(shop, book):
    with pytest.raises(ValidationError, match="é de FT"):
        shop.recover_manual(entry(shop, "00001", book_id=book.id, doc_type="FS"))
    g = shop.add_book("GT", "gt", 1, 10, validation_code="GTCODE12", **TYPOGRAPHY)
    with pytest.raises(ValidationError, match="caixa manual transport"):
        shop.recover_manual(entry(shop, "1", book_id=g.id))


def test_same_series_in_two_types_needs_the_type(shop, book):
    shop.add_book("FS", "abc", 1, 50, **TYPOGRAPHY)
    with pytest.raises(ValidationError, match="--type"):
        shop.recover_manual(entry(shop, "00001"))
    doc = shop.recover_manual(entry(shop, "00001", doc_type="FS"))
    assert doc.hash_control == "1-FSM abc/00001"


def test_recovery_is_audited(shop, book):
    from .helpers import audit_kinds
    shop.recover_manual(entry(shop, "00001"))
    assert "manual_recover" in audit_kinds(shop)


def test_system_entry_is_the_real_time_even_days_later(shop, book, clock):
    clock.advance(days=2)
    doc = shop.recover_manual(entry(shop, "00010"))
    assert doc.system_entry_date == datetime(2026, 3, 16, 10, 15, 30)
    assert doc.invoice_date == MANUAL_DAY


def test_a_form_dated_outside_every_inoperability_period_needs_a_reason(shop, book, clock):
    """Issue 14, defect 12: the till was down 9-13 March; a form of the 2nd is refused until
    a reason is given, and the reason is journaled with the recovery."""
    from tests.integrity.test_journal import last

    early = entry(shop, "00008", day=date(2026, 3, 2))
    assert shop.recovery_date_warnings(early) == [
        "a data 2026-03-02 está fora de todos os períodos de inoperacionalidade registados "
        "(2026-03-09 08:00 a 2026-03-13 20:00)"]
    with pytest.raises(ValidationError, match="fora de todos os períodos .*--date-reason"):
        shop.recover_manual(early)
    doc = shop.recover_manual(entry(shop, "00008", day=date(2026, 3, 2),
                                    date_reason="Sem luz nesse dia; período não registado"))
    assert doc.invoice_date == date(2026, 3, 2)
    assert "período não registado" in last(shop, "manual_recover").detail


def test_dates_in_a_recovery_series_do_not_go_back_without_a_reason(shop, book, clock):
    from tests.integrity.test_journal import last

    shop.recover_manual(entry(shop, "00001", day=date(2026, 3, 12)))
    clock.advance(minutes=1)
    with pytest.raises(ValidationError, match="anterior à do último documento da série de "
                                              "recuperação R2026 \\(2026-03-12\\)"):
        shop.recover_manual(entry(shop, "00002", day=date(2026, 3, 11)))
    doc = shop.recover_manual(entry(shop, "00002", day=date(2026, 3, 11),
                                    date_reason="Impresso do dia 11 achado depois"))
    assert doc.document_no == "FT R2026/2"
    assert "achado depois" in last(shop, "manual_recover").detail
    # A form of the same day or later needs nothing.
    assert shop.recovery_date_warnings(entry(shop, "00003", day=date(2026, 3, 12))) == []
