"""Closures carry perpetual grand totals (Z, day, month, year); a till does not sell too long
without a Z; the clock is judged against the last document, a forward-jump window and AT's
time, with a manager's confirmation and a journaled way out of a clock that ran ahead."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from pos.domain.errors import ClockError, StateError, ValidationError


def _sell(app, *items, doc_type="FS"):
    return app.sell_items([(code, Decimal(q)) for code, q in items] or [("PAO01", 1)],
                          doc_type, user="caixa1")


# ---- closures ----------------------------------------------------------------------------

def test_z_carries_the_grand_totals_forward(app, clock):
    session = app.open_session("caixa1", 50)
    clock.advance(minutes=1)
    a = _sell(app, ("PAO01", 2))
    clock.advance(minutes=1)
    b = _sell(app, ("CAF01", 1))
    clock.advance(minutes=1)
    nc = app.credit(a.document_no, "Devolução", [(1, Decimal(1))], user="gerente")
    clock.advance(minutes=1)
    app.cancel(b.document_no, "Engano", user="gerente")
    # issued (cancelled or not) minus credited; credits and cancellations in absolute
    gross = a.totals.gross + b.totals.gross - nc.totals.gross
    x = app.x_report(session.id)
    assert x.grand["F"].gross == gross and x.period["F"].documents == 3
    clock.advance(minutes=1)
    z1 = app.close_session(session.id, "caixa1", {"NU": "50"})
    t = z1.period["F"]
    assert (t.documents, t.gross, t.credits, t.cancellations) == \
        (3, gross, nc.totals.gross, b.totals.gross)
    assert z1.grand["F"].gross == gross and z1.grand["N"].gross == 0

    session = app.open_session("caixa1", 50)
    clock.advance(minutes=1)
    c = _sell(app, ("PAO01", 1))
    clock.advance(minutes=1)
    z2 = app.close_session(session.id, "caixa1", {"NU": "50"})
    assert z2.z_number == z1.z_number + 1
    assert z2.period["F"].gross == c.totals.gross
    assert z2.grand["F"].gross == gross + c.totals.gross          # carried forward
    zs = app.closures("Z")
    assert [z.number for z in zs] == [1, 2] and zs[1].grand["F"].credits == nc.totals.gross
    assert all(e.sealed for e in app.journal(kinds=("closure_z",)))


def test_days_months_and_years_are_closed_as_they_end(app, clock):
    a = _sell(app, ("PAO01", 2))                                 # 14 March 2026
    clock.at = datetime(2026, 3, 31, 18, 0, 0)
    app.z_closure("gerente")                                     # closes 14 March as well
    assert [(c.kind, c.period) for c in app.closures("day")] == [("day", "2026-03-14")]
    app.confirm_clock("gerente", "2222")
    b = _sell(app, ("CAF01", 1))                                 # 31 March
    clock.at = datetime(2027, 1, 2, 9, 0, 0)
    made = app.close_periods()
    kinds = [(c.kind, c.period) for c in made]
    assert kinds == [("day", "2026-03-31"), ("month", "2026-03"), ("year", "2026")]
    month, year = made[1], made[2]
    assert month.totals["F"].gross == a.totals.gross + b.totals.gross == year.grand["F"].gross
    assert app.close_periods() == []                             # nothing closed twice
    assert app.journal(kinds=("archive",))          # the month was archived when it closed


def test_selling_is_refused_after_too_long_without_a_z(normal_app, clock):
    app = normal_app
    _sell(app)
    clock.advance(hours=23)
    _sell(app)
    clock.advance(hours=2)
    with pytest.raises(StateError, match="sem fecho Z"):
        _sell(app)
    app.set_training_mode(True)
    _sell(app)                                       # practice is not held to it
    app.set_training_mode(False)
    app.z_closure("gerente")
    _sell(app)


# ---- the clock ---------------------------------------------------------------------------

def test_a_forward_jump_needs_a_manager(normal_app, clock):
    """``faketime -f +1d caixa sell``: refused until a manager confirms (journaled)."""
    app = normal_app
    _sell(app)
    clock.advance(days=1, minutes=1)
    with pytest.raises(ClockError, match="avançou 24 h"):
        _sell(app)
    with pytest.raises(ValidationError):
        app.confirm_clock("caixa1", "1111")                      # a cashier cannot
    app.confirm_clock("gerente", "2222")
    app.z_closure("gerente")                                     # yesterday's sales
    _sell(app)
    clock.advance(minutes=20)
    _sell(app)                                                    # no jump any more


def test_at_time_vouches_for_a_jump_and_catches_a_wrong_clock(normal_app, clock):
    app = normal_app
    _sell(app)
    clock.advance(days=2)
    here = clock.now()
    app.record_at_time(here.astimezone().replace(microsecond=0))   # AT agrees with us now
    app.z_closure("gerente")
    _sell(app)                                                    # no confirmation needed
    clock.advance(minutes=1)
    app.record_at_time((here + timedelta(hours=3)).astimezone())   # AT: we are 3 h behind
    with pytest.raises(ClockError, match="servidores da AT"):
        _sell(app)
    assert "-179 min" in app.journal(kinds=("clock_offset",))[-1].detail or \
        "-180 min" in app.journal(kinds=("clock_offset",))[-1].detail


def test_a_clock_that_ran_ahead_has_a_journaled_way_out(app, clock):
    """A sale signed a day ahead; with the true clock the series would stay blocked until
    that day comes. The way out closes it and goes on in a successor."""
    true_time = clock.now()
    clock.advance(days=1, minutes=5)
    app.confirm_clock("gerente", "2222", "hora confirmada por engano")
    ahead = _sell(app)
    clock.at = true_time + timedelta(minutes=10)
    with pytest.raises(ClockError):
        _sell(app)                                   # behind the last document
    app.confirm_clock("gerente", "2222")
    with pytest.raises(ClockError, match="anterior ao último documento"):
        _sell(app)                                   # and the date can never go back
    done = app.recover_clock_ahead("gerente", "2222", "relógio adiantado um dia")
    assert ("FS", "DEMO2026", "DEMO2026B") in {(r.doc_type, r.closed, r.successor)
                                              for r in done}
    doc = _sell(app)
    assert doc.series_id == "DEMO2026B" and doc.number == 1
    entry = app.journal(kinds=("clock_recovery",))[-1]
    assert entry.user == "gerente" and "FS DEMO2026" in entry.detail
    assert app.document(ahead.document_no).invoice_date > doc.invoice_date
    assert app.verify().ok


def test_recovery_without_a_series_ahead_is_refused(app):
    with pytest.raises(StateError):
        app.recover_clock_ahead("gerente", "2222", "sem motivo real")
