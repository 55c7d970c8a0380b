"""Typography books (register, status, overlaps) and inoperability periods."""

from datetime import datetime

import pytest

from pos.domain.errors import NotFoundError, StateError, ValidationError

from .helpers import TYPOGRAPHY, audit_kinds


def test_register_and_list(shop, book):
    assert book.status == "stock" and book.validation_code == "ABCD1234"
    other = shop.add_book("FT", "abc", 51, 100, **TYPOGRAPHY)      # next book, same series
    gt = shop.add_book("GT", "abc", 1, 50, **TYPOGRAPHY)           # same range, other type
    assert [b.id for b in shop.books()] == [book.id, other.id, gt.id]
    assert "manual_book" in audit_kinds(shop)


@pytest.mark.parametrize("series, first, last", [("ABC", 40, 60), ("abc", 50, 50),
                                                   ("aBc", 1, 1000)])
def test_overlapping_books_are_refused(shop, book, series, first, last):
    with pytest.raises(ValidationError, match=f"livro {book.id}"):
        shop.add_book("FT", series, first, last, **TYPOGRAPHY)


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
def test_book_validation(shop, kw, message):
    args = dict(doc_type="FT", manual_series="abc", first=1, last=50, **TYPOGRAPHY)
    args.update(kw)
    with pytest.raises(ValidationError, match=message):
        shop.add_book(**args)


def test_book_status_moves_forward_only(shop, book):
    assert shop.set_book_status(book.id, "in_use").status == "in_use"
    assert shop.set_book_status(book.id, "closed").status == "closed"
    with pytest.raises(StateError, match="fechado"):
        shop.set_book_status(book.id, "in_use")
    with pytest.raises(ValidationError):
        shop.set_book_status(book.id, "lost")
    with pytest.raises(NotFoundError):
        shop.set_book_status(999, "closed")


def test_void_twice_and_reason_required(shop, book):
    shop.void_form("00002", "Rasurado", book_id=book.id)
    with pytest.raises(StateError, match="já está inutilizado"):
        shop.void_form("2", "Outra vez", book_id=book.id)
    with pytest.raises(ValidationError, match="motivo"):
        shop.void_form("3", "  ", book_id=book.id)
    with pytest.raises(ValidationError, match="não pertence"):
        shop.void_form("60", "Fora", book_id=book.id)


def test_stock_books_are_left_out_of_the_default_report(shop, book):
    assert shop.book_reports() == []
    assert [r.book.id for r in shop.book_reports(include_stock=True)] == [book.id]
    shop.set_book_status(book.id, "in_use")
    assert shop.book_reports()[0].missing == [(1, 50)]


# ---- inoperability periods -------------------------------------------------------------

def test_period_entered_afterwards_with_audit_at_start_and_end(normal_app, clock):
    shop = normal_app                  # without the fixture shop's recorded period
    p = shop.start_inoperability(datetime(2026, 3, 10, 9, 0), "Falha de energia")
    assert p.ended_at is None
    ended = shop.end_inoperability(datetime(2026, 3, 10, 18, 30))
    assert ended.id == p.id and ended.ended_at == datetime(2026, 3, 10, 18, 30)
    kinds = audit_kinds(shop)
    assert kinds[-2:] == ["inoperability_start", "inoperability_end"]
    # Both ends known at once (the shop was dead the whole time).
    q = shop.start_inoperability(datetime(2026, 3, 12, 8, 0), "Disco avariado",
                          ended_at=datetime(2026, 3, 12, 8, 0))
    assert q.ended_at == q.started_at
    assert [x.id for x in shop.inoperability_periods()] == [p.id, q.id]


def test_period_rules(normal_app):
    shop = normal_app
    with pytest.raises(ValidationError, match="futuro"):
        shop.start_inoperability(datetime(2026, 3, 15), "Amanhã")
    with pytest.raises(ValidationError, match="anterior ao início"):
        shop.start_inoperability(datetime(2026, 3, 10, 9), "Falha",
                                 ended_at=datetime(2026, 3, 10, 8))
    with pytest.raises(ValidationError, match="motivo"):
        shop.start_inoperability(datetime(2026, 3, 10, 9), "")
    with pytest.raises(NotFoundError):
        shop.end_inoperability(datetime(2026, 3, 10, 10))
    shop.start_inoperability(datetime(2026, 3, 10, 9), "Falha")
    with pytest.raises(StateError, match="em aberto"):
        shop.start_inoperability(datetime(2026, 3, 11, 9), "Outra")
    with pytest.raises(ValidationError, match="sobrepõe"):
        shop.start_inoperability(datetime(2026, 3, 10, 10), "Dentro",
                          ended_at=datetime(2026, 3, 10, 11))
    with pytest.raises(ValidationError, match="anterior ao início"):
        shop.end_inoperability(datetime(2026, 3, 9))
