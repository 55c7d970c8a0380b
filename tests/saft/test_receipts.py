"""Receipts (RG): unsigned, numbered with ATCUD, settling FT/ND rate by rate."""

import threading
from decimal import Decimal

import pytest

from pos.domain.documents import cart_line
from pos.domain.errors import ClockError, IntegrityError, PosError, StateError, ValidationError
from pos.services import integrity, issuing, receipts
from pos.services.receipts import ReceiptRequest, Settlement
from pos.services.saft_demo import CUSTOMER_ES, CUSTOMER_PT


def pay(app, *settlements, payments=(("NU", None),)):
    return app.settle(ReceiptRequest(
        settlements=tuple(Settlement(no, None if amount is None else Decimal(amount))
                          for no, amount in settlements),
        payments=payments, series_id="A2026"))


def owed(app, number):
    with app.unit(write=False) as uow:
        return receipts.outstanding(uow.session, uow.documents.by_number(number))


@pytest.fixture
def ft(normal_app):
    doc = normal_app.sell_items([("MER02", 2), ("SRV02", 1), ("CAF01", 2)], "FT", CUSTOMER_PT,
                           series_id="A2026")
    return doc


def test_a_receipt_is_numbered_unsigned_and_pays_the_open_amount(normal_app, ft):
    normal_app.clock.advance(minutes=5)
    rg = pay(normal_app, (ft.document_no, None), payments=(("TB", None),))
    assert rg.document_no == "RG A2026/1" and rg.atcud == "ATCRG2026X-1"
    assert rg.hash == "" and rg.previous_hash == ""
    assert rg.totals.gross == ft.totals.gross
    assert (rg.totals.net, rg.totals.tax) == (ft.totals.net, ft.totals.tax)
    assert {ln.tax_code for ln in rg.lines} == {"RED", "ISE", "INT"}
    assert all(ln.reference.document_no == ft.document_no for ln in rg.lines)
    assert [(p.method, p.amount) for p in rg.payments] == [("TB", ft.totals.gross)]
    assert owed(normal_app, ft.document_no) == 0
    assert normal_app.verify().ok


def test_partial_payments_then_the_rest(normal_app, ft):
    first = pay(normal_app, (ft.document_no, "10.00"))
    assert first.totals.gross == Decimal("10.00")
    assert owed(normal_app, ft.document_no) == ft.totals.gross - Decimal("10.00")
    with pytest.raises(ValidationError, match="pode liquidar até"):
        pay(normal_app, (ft.document_no, "1000"))
    pay(normal_app, (ft.document_no, None))
    assert owed(normal_app, ft.document_no) == 0
    with pytest.raises(ValidationError, match="até 0.00"):
        pay(normal_app, (ft.document_no, None))


def test_a_credit_note_lowers_what_is_owed_at_its_own_rate(normal_app, ft):
    nc = normal_app.credit(ft.document_no, "Devolução", [(1, Decimal(2))])
    assert owed(normal_app, ft.document_no) == ft.totals.gross - nc.totals.gross
    rg = pay(normal_app, (ft.document_no, None))
    assert {ln.tax_code for ln in rg.lines} == {"ISE", "INT"}   # the RED line was credited


def test_cancelling_a_receipt_reopens_the_invoice(normal_app, ft):
    rg = pay(normal_app, (ft.document_no, None))
    normal_app.cancel(rg.document_no, "Cheque devolvido")
    assert owed(normal_app, ft.document_no) == ft.totals.gross


def test_what_cannot_be_settled(normal_app, ft):
    fs = normal_app.sell_items([("PAO01", 1)], "FS", series_id="A2026")
    other = normal_app.sell_items([("PAO01", 1)], "FT", CUSTOMER_ES, series_id="A2026")
    cancelled = normal_app.sell_items([("PAO01", 1)], "FT", CUSTOMER_PT, series_id="A2026")
    normal_app.cancel(cancelled.document_no, "Engano")
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
            pay(normal_app, *settlements, payments=payments)


def test_a_training_receipt_cannot_settle_a_real_invoice(normal_app, ft):
    normal_app.set_training_mode(True)
    with pytest.raises(StateError, match="formação"):
        normal_app.settle(ReceiptRequest(
            settlements=(Settlement(ft.document_no),)))


# ---- numbering: receipts take their number where every document does --------------------

class WatchedClock:
    """The application's clock, noting when the receipt's thread first reads it."""

    def __init__(self, clock, thread_name: str):
        self.clock, self.thread_name = clock, thread_name
        self.read_by_receipt = threading.Event()

    def now(self):
        if threading.current_thread().name == self.thread_name:
            self.read_by_receipt.set()
        return self.clock.now()


def receipt_behind_a_sale(app, invoice_no: str):
    """Settle ``invoice_no`` while another writer holds the till's lock and signs a sale a
    minute later; (the sale, the receipt or the error it raised)."""
    fixed = app.clock
    watched = app.clock = WatchedClock(fixed, "receipt")
    lines = (cart_line(app.product("PAO01"), Decimal(1)),)
    signer = app.keys.signer()
    outcome = {}

    def settle():
        try:
            outcome["receipt"] = app.settle(ReceiptRequest(
                (Settlement(invoice_no),), series_id="A2026"))
        except Exception as exc:   # reported by the assertion below
            outcome["receipt"] = exc

    receipt = threading.Thread(target=settle, name="receipt")
    with app.unit(write=True) as uow:          # a sale in progress holds the lock
        receipt.start()
        # A receipt that read the clock before waiting for the lock has read it by now; one
        # that reads it after the lock cannot until this block commits.
        watched.read_by_receipt.wait(timeout=2)
        fixed.advance(minutes=1)
        sale = issuing.issue(uow, issuing.IssueRequest("FS", lines, series_id="A2026"),
                             signer, fixed.now)
    receipt.join(timeout=60)
    app.clock = fixed
    return sale, outcome["receipt"]


def test_a_receipt_reads_the_clock_only_once_it_holds_the_series(normal_app, ft):
    sale, rg = receipt_behind_a_sale(normal_app, ft.document_no)
    assert not isinstance(rg, Exception), rg
    assert rg.document_no == "RG A2026/1" and rg.atcud == "ATCRG2026X-1"
    assert rg.system_entry_date == sale.system_entry_date      # not the minute before
    assert normal_app.verify().ok


@pytest.mark.postgres
def test_a_receipt_reads_the_clock_only_once_it_holds_the_series_on_postgres(pg_url, clock):
    from pos.bootstrap import open_app
    app = open_app(pg_url, clock=clock)
    try:
        app.init_demo()
        app.set_training_mode(False)
        for code in ("FS", "FT", "RG"):
            app.add_series(code, "A2026", f"ATC{code}2026X")
        ft = app.sell_items([("MER02", 1)], "FT", CUSTOMER_PT)
        sale, rg = receipt_behind_a_sale(app, ft.document_no)
        assert not isinstance(rg, Exception), rg
        assert rg.system_entry_date == sale.system_entry_date
        assert app.verify().ok
    finally:
        app.close()


def test_a_receipt_follows_the_series_rules_of_every_document(normal_app, ft):
    """Blocked issuing, a clock behind the last document: a receipt is stopped like a sale."""
    normal_app.clock.advance(minutes=-10)
    with pytest.raises(ClockError, match="relógio"):
        pay(normal_app, (ft.document_no, None))
    rg = normal_app.settle(ReceiptRequest((Settlement(ft.document_no, Decimal("1.00")),),
                                          series_id="A2026", confirm_clock=True))
    assert rg.number == 1
    normal_app.clock.advance(minutes=20)
    with normal_app.unit(write=True) as uow:      # what the start-up check does on a finding
        found = [integrity.Problem("", None, "teste", uow.till.id)]
        integrity.record_report(uow, found, normal_app.clock.now())
        integrity.block(uow, "teste", normal_app.clock.now())
    with pytest.raises(IntegrityError, match="bloqueada"):
        pay(normal_app, (ft.document_no, None))
    assert normal_app.acknowledge_integrity("admin", "1234")
    assert pay(normal_app, (ft.document_no, None)).number == 2
