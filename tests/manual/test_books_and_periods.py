"""Typography books (register, status, overlaps) and inoperability periods."""

from datetime import datetime

import pytest

from pos.domain.errors import NotFoundError, StateError, ValidationError

from .helpers import TYPOGRAPHY, audit_kinds


def test_register_and_list(desk, book):
    assert book.status == "stock" and book.validation_code == "ABCD1234"
    other = desk.add_book("FT", "abc", 51, 100, **TYPOGRAPHY)      # next book, same series
    gt = desk.add_book("GT", "abc", 1, 50, **TYPOGRAPHY)           # same range, other type
    assert [b.id for b in desk.books()] == [book.id, other.id, gt.id]
    assert "manual_book" in audit_kinds(desk.till)


@pytest.mark.parametrize("series, first, last", [("ABC", 40, 60), ("abc", 50, 50),
                                                   ("aBc", 1, 1000)])
def test_overlapping_books_are_refused(desk, book, series, first, last):
    with pytest.raises(ValidationError, match=f"livro {book.id}"):
        desk.add_book("FT", series, first, last, **TYPOGRAPHY)


@pytest.mark.parametrize("kw, message", [
    (dict(first=0, last=10), "Numeração"),
    (dict(first=10, last=9), "Numeração"),
    (dict(manual_series="a b"), "Série manual"),
    (dict(manual_series="a/b"), "Série manual"),
    (dict(manual_series=""), "Série manual"),
    (dict(doc_type="RG"), "não é assinado"),
    (dict(doc_type="XX"), "desconhecido"),
    (dict(typography_nif="123"), "NIF"),
    (dict(authorization=" "), "autorização"),
    (dict(validation_code="x"), "validação"),
])
def test_book_validation(desk, kw, message):
    args = dict(doc_type="FT", manual_series="abc", first=1, last=50, **TYPOGRAPHY)
    args.update(kw)
    with pytest.raises(ValidationError, match=message):
        desk.add_book(**args)


def test_book_status_moves_forward_only(desk, book):
    assert desk.set_book_status(book.id, "in_use").status == "in_use"
    assert desk.set_book_status(book.id, "closed").status == "closed"
    with pytest.raises(StateError, match="fechado"):
        desk.set_book_status(book.id, "in_use")
    with pytest.raises(ValidationError):
        desk.set_book_status(book.id, "lost")
    with pytest.raises(NotFoundError):
        desk.set_book_status(999, "closed")


def test_void_twice_and_reason_required(desk, book):
    desk.void("00002", "Rasurado", book_id=book.id)
    with pytest.raises(StateError, match="já está inutilizado"):
        desk.void("2", "Outra vez", book_id=book.id)
    with pytest.raises(ValidationError, match="motivo"):
        desk.void("3", "  ", book_id=book.id)
    with pytest.raises(ValidationError, match="não pertence"):
        desk.void("60", "Fora", book_id=book.id)


def test_stock_books_are_left_out_of_the_default_report(desk, book):
    assert desk.reports() == []
    assert [r.book.id for r in desk.reports(include_stock=True)] == [book.id]
    desk.set_book_status(book.id, "in_use")
    assert desk.reports()[0].missing == [(1, 50)]


# ---- inoperability periods -------------------------------------------------------------

def test_period_entered_afterwards_with_audit_at_start_and_end(desk, clock):
    p = desk.start_period(datetime(2026, 3, 10, 9, 0), "Falha de energia")
    assert p.ended_at is None
    ended = desk.end_period(datetime(2026, 3, 10, 18, 30))
    assert ended.id == p.id and ended.ended_at == datetime(2026, 3, 10, 18, 30)
    kinds = audit_kinds(desk.till)
    assert kinds[-2:] == ["inoperability_start", "inoperability_end"]
    # Both ends known at once (the till was dead the whole time).
    q = desk.start_period(datetime(2026, 3, 12, 8, 0), "Disco avariado",
                          ended_at=datetime(2026, 3, 12, 8, 0))
    assert q.ended_at == q.started_at
    assert [x.id for x in desk.periods()] == [p.id, q.id]


def test_period_rules(desk):
    with pytest.raises(ValidationError, match="futuro"):
        desk.start_period(datetime(2026, 3, 15), "Amanhã")
    with pytest.raises(ValidationError, match="anterior ao início"):
        desk.start_period(datetime(2026, 3, 10, 9), "Falha", ended_at=datetime(2026, 3, 10, 8))
    with pytest.raises(ValidationError, match="motivo"):
        desk.start_period(datetime(2026, 3, 10, 9), "")
    with pytest.raises(NotFoundError):
        desk.end_period(datetime(2026, 3, 10, 10))
    desk.start_period(datetime(2026, 3, 10, 9), "Falha")
    with pytest.raises(StateError, match="em aberto"):
        desk.start_period(datetime(2026, 3, 11, 9), "Outra")
    with pytest.raises(ValidationError, match="sobrepõe"):
        desk.start_period(datetime(2026, 3, 10, 10), "Dentro",
                          ended_at=datetime(2026, 3, 10, 11))
    with pytest.raises(ValidationError, match="anterior ao início"):
        desk.end_period(datetime(2026, 3, 9))
