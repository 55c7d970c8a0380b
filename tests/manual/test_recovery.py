"""Recovering pre-printed forms (D8632 §2.4): signature, dates, HashControl, one active copy."""

from datetime import date, datetime

import pytest

from pos.domain.errors import NotFoundError, SeriesError, StateError, ValidationError
from pos.domain.manual import HASH_CONTROL_RE

from .helpers import MANUAL_DAY, TYPOGRAPHY, entry, outbox


def test_recovered_invoice_is_signed_with_manual_date_and_hash_control(desk, book, clock):
    from pos.domain.signature import signature_message
    from pos.signing import Verifier

    till = desk.till
    doc = desk.recover(entry(till, "00001"))
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
    assert Verifier(till.keys.public_pem()).verify(msg, doc.hash)
    # A recovered invoice is communicated to e-Fatura like any other.
    assert [r.kind for r in outbox(till, document_id=doc.id)] == ["invoice"]
    assert desk.books()[0].status == "in_use"        # a form was used: the book is in use


def test_same_form_twice_is_refused_naming_the_first_recovery(desk, book):
    till = desk.till
    desk.recover(entry(till, "00007"))
    with pytest.raises(StateError, match=r"abc/00007 já foi recuperado no documento FT R2026/1"):
        desk.recover(entry(till, "00007"))
    # The same form written without the zeros is still the same form.
    with pytest.raises(StateError, match="FT R2026/1"):
        desk.recover(entry(till, "7"))


def test_form_can_be_recovered_again_after_its_recovery_is_cancelled(desk, book, clock):
    till = desk.till
    first = desk.recover(entry(till, "00003"))
    till.cancel(first.document_no, "Linhas erradas")
    clock.advance(minutes=1)
    second = desk.recover(entry(till, "00003", items=(("PAO01", 3),)))
    assert second.document_no == "FT R2026/2"
    assert second.hash_control == "1-FTM abc/00003"
    assert desk.report(book.id).recovered == {3: "FT R2026/2"}


def test_credit_note_on_a_recovered_invoice_cites_the_manual_number(desk, book, clock):
    till = desk.till
    doc = desk.recover(entry(till, "00001"))
    clock.advance(minutes=5)
    note = till.credit_note(doc.document_no, "Devolução")
    assert note.series_kind == "N"
    assert {ln.reference.document_no for ln in note.lines} == {"FTM abc/00001"}
    assert "R2026" not in note.lines[0].reference.document_no    # D8632 §2.4.6


def test_missing_report_after_out_of_order_recoveries_and_voids(desk, book, clock):
    till = desk.till
    for number in ("00005", "00002", "00009"):
        desk.recover(entry(till, number))
        clock.advance(seconds=30)
    desk.void("3", "Rasurado", book_id=book.id)
    desk.void("00050", "Extraviado", manual_series="ABC")     # series case does not matter
    rep = desk.report(book.id)
    assert rep.recovered == {2: "FT R2026/2", 5: "FT R2026/1", 9: "FT R2026/3"}
    assert rep.voided == {3: "Rasurado", 50: "Extraviado"}
    assert rep.missing == [(1, 1), (4, 4), (6, 8), (10, 49)]
    assert rep.missing_count == 1 + 1 + 3 + 40
    # Cancelling a recovery puts its number back among the missing ones.
    till.cancel("FT R2026/1", "Erro")
    rep = desk.report(book.id)
    assert rep.missing == [(1, 1), (4, 8), (10, 49)]
    assert 5 not in rep.recovered and 5 in rep.missing_numbers()


def test_voided_and_unknown_forms_are_refused(desk, book):
    till = desk.till
    desk.void("00004", "Rasurado", book_id=book.id)
    with pytest.raises(StateError, match="inutilizado"):
        desk.recover(entry(till, "00004"))
    with pytest.raises(NotFoundError, match="book-add"):
        desk.recover(entry(till, "00051"))
    with pytest.raises(NotFoundError, match="book-add"):
        desk.recover(entry(till, "1", manual_series="xyz"))
    with pytest.raises(ValidationError, match="Número manual inválido"):
        desk.recover(entry(till, "12a"))


def test_a_recovered_form_cannot_be_voided(desk, book):
    desk.recover(entry(desk.till, "00006"))
    with pytest.raises(StateError, match="anule esse documento"):
        desk.void("6", "Engano", book_id=book.id)


def test_future_date_refused(desk, book):
    with pytest.raises(ValidationError, match="não pode ser futura"):
        desk.recover(entry(desk.till, "00001", day=date(2026, 3, 15)))


def test_without_recovery_series_the_user_is_told_to_add_one(normal_till):
    from pos.services.manual_desk import ManualDesk
    desk = ManualDesk(normal_till)
    b = desk.add_book("FT", "abc", 1, 50, **TYPOGRAPHY)
    with pytest.raises(SeriesError, match="caixa series add --doc-type FT .* --kind R"):
        desk.recover(entry(normal_till, "00001", book_id=b.id))


def test_recovery_refused_in_training_mode(desk, book):
    desk.till.set_training_mode(True)
    with pytest.raises(StateError, match="Modo de formação"):
        desk.recover(entry(desk.till, "00001"))


def test_simplified_invoice_form_with_payment_and_customer(desk):
    from decimal import Decimal

    from pos.domain.customer import make_customer

    till = desk.till
    b = desk.add_book("FS", "FS-B", 100, 199, **TYPOGRAPHY)
    doc = desk.recover(entry(till, "0150", book_id=b.id, items=(("CAF01", 2), ("PAS01", 1)),
                             customer=make_customer("123456789"),
                             payments=(("NU", Decimal("5")),)))
    assert doc.hash_control == "1-FSM FS-B/0150"
    assert doc.customer.nif == "123456789"
    assert doc.change == Decimal("2.30")
    assert desk.report(b.id).recovered == {150: doc.document_no}


def test_paper_credit_note_needs_its_reference(desk, book):
    till = desk.till
    b = desk.add_book("NC", "nc", 1, 20, **TYPOGRAPHY)
    with pytest.raises(ValidationError, match="--ref"):
        desk.recover(entry(till, "1", book_id=b.id))
    inv = desk.recover(entry(till, "00001"))
    note = desk.recover(entry(till, "1", book_id=b.id, reference="FTM abc/00001",
                              reason="Devolução"))
    assert note.hash_control == "1-NCM nc/1"
    assert note.lines[0].reference.document_no == "FTM abc/00001"
    assert inv.document_no == "FT R2026/1"


def test_wrong_type_for_the_book_and_transport_books(desk, book):
    till = desk.till
    with pytest.raises(ValidationError, match="é de FT"):
        desk.recover(entry(till, "00001", book_id=book.id, doc_type="FS"))
    g = desk.add_book("GT", "gt", 1, 10, validation_code="GTCODE12", **TYPOGRAPHY)
    with pytest.raises(ValidationError, match="caixa manual transport"):
        desk.recover(entry(till, "1", book_id=g.id))


def test_same_series_in_two_types_needs_the_type(desk, book):
    till = desk.till
    desk.add_book("FS", "abc", 1, 50, **TYPOGRAPHY)
    with pytest.raises(ValidationError, match="--type"):
        desk.recover(entry(till, "00001"))
    doc = desk.recover(entry(till, "00001", doc_type="FS"))
    assert doc.hash_control == "1-FSM abc/00001"


def test_recovery_is_audited(desk, book):
    from .helpers import audit_kinds
    desk.recover(entry(desk.till, "00001"))
    assert "manual_recover" in audit_kinds(desk.till)


def test_system_entry_is_the_real_time_even_days_later(desk, book, clock):
    clock.advance(days=2)
    doc = desk.recover(entry(desk.till, "00010"))
    assert doc.system_entry_date == datetime(2026, 3, 16, 10, 15, 30)
    assert doc.invoice_date == MANUAL_DAY
