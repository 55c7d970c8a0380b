"""Receipts (RG): unsigned, numbered with ATCUD, settling FT/ND rate by rate."""

from decimal import Decimal

import pytest

from pos.domain.errors import PosError, StateError, ValidationError
from pos.services import receipts
from pos.services.receipts import ReceiptRequest, Settlement
from pos.services.saft_demo import CUSTOMER_ES, CUSTOMER_PT


def pay(till, *settlements, payments=(("NU", None),)):
    return receipts.issue_receipt(till, ReceiptRequest(
        settlements=tuple(Settlement(no, None if amount is None else Decimal(amount))
                          for no, amount in settlements),
        payments=payments, series_id="A2026"))


def owed(till, number):
    from pos.services.corrections import find
    with till.db.read() as s:
        return receipts.outstanding(s, find(s, number))


@pytest.fixture
def ft(normal_till):
    doc = normal_till.sell([("MER02", 2), ("SRV02", 1), ("CAF01", 2)], "FT", CUSTOMER_PT,
                           series_id="A2026")
    return doc


def test_a_receipt_is_numbered_unsigned_and_pays_the_open_amount(normal_till, ft):
    normal_till.clock.advance(minutes=5)
    rg = pay(normal_till, (ft.document_no, None), payments=(("TB", None),))
    assert rg.document_no == "RG A2026/1" and rg.atcud == "ATCRG2026X-1"
    assert rg.hash == "" and rg.previous_hash == ""
    assert rg.totals.gross == ft.totals.gross
    assert (rg.totals.net, rg.totals.tax) == (ft.totals.net, ft.totals.tax)
    assert {ln.tax_code for ln in rg.lines} == {"RED", "ISE", "INT"}
    assert all(ln.reference.document_no == ft.document_no for ln in rg.lines)
    assert [(p.method, p.amount) for p in rg.payments] == [("TB", ft.totals.gross)]
    assert owed(normal_till, ft.document_no) == 0
    assert normal_till.verify().ok


def test_partial_payments_then_the_rest(normal_till, ft):
    first = pay(normal_till, (ft.document_no, "10.00"))
    assert first.totals.gross == Decimal("10.00")
    assert owed(normal_till, ft.document_no) == ft.totals.gross - Decimal("10.00")
    with pytest.raises(ValidationError, match="pode liquidar até"):
        pay(normal_till, (ft.document_no, "1000"))
    pay(normal_till, (ft.document_no, None))
    assert owed(normal_till, ft.document_no) == 0
    with pytest.raises(ValidationError, match="até 0.00"):
        pay(normal_till, (ft.document_no, None))


def test_a_credit_note_lowers_what_is_owed_at_its_own_rate(normal_till, ft):
    nc = normal_till.credit_note(ft.document_no, "Devolução", [(1, Decimal(2))])
    assert owed(normal_till, ft.document_no) == ft.totals.gross - nc.totals.gross
    rg = pay(normal_till, (ft.document_no, None))
    assert {ln.tax_code for ln in rg.lines} == {"ISE", "INT"}   # the RED line was credited


def test_cancelling_a_receipt_reopens_the_invoice(normal_till, ft):
    rg = pay(normal_till, (ft.document_no, None))
    normal_till.cancel(rg.document_no, "Cheque devolvido")
    assert owed(normal_till, ft.document_no) == ft.totals.gross


def test_what_cannot_be_settled(normal_till, ft):
    fs = normal_till.sell([("PAO01", 1)], "FS", series_id="A2026")
    other = normal_till.sell([("PAO01", 1)], "FT", CUSTOMER_ES, series_id="A2026")
    cancelled = normal_till.sell([("PAO01", 1)], "FT", CUSTOMER_PT, series_id="A2026")
    normal_till.cancel(cancelled.document_no, "Engano")
    for settlements, error in [
        (((fs.document_no, None),), StateError),
        (((cancelled.document_no, None),), StateError),
        (((ft.document_no, None), (other.document_no, None)), ValidationError),
        (((ft.document_no, None), (ft.document_no, "1")), ValidationError),
        (((ft.document_no, "-1"),), ValidationError),
        (((ft.document_no, "5"),), ValidationError),   # paid by card above the amount
        ((), ValidationError),
        ((("FT A2026/99", None),), PosError),
    ]:
        payments = (("CC", Decimal("6")),) if settlements and settlements[0][1] == "5" \
            else (("NU", None),)
        with pytest.raises(error):
            pay(normal_till, *settlements, payments=payments)


def test_a_training_receipt_cannot_settle_a_real_invoice(normal_till, ft):
    normal_till.set_training_mode(True)
    with pytest.raises(StateError, match="formação"):
        receipts.issue_receipt(normal_till, ReceiptRequest(
            settlements=(Settlement(ft.document_no),)))
