"""Against the AT sandbox (a real HTTPS SOAP endpoint): the HTTPS Date of AT's answers
becomes the clock's second reference; losing and finding the link again is journaled."""

from decimal import Decimal

import pytest

from pos.domain.errors import ClockError


def test_at_s_date_is_kept_and_the_link_s_moods_are_journaled(live_app, make_worker, sandbox,
                                                              config, live_clock):
    live_app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")
    offline = make_worker(config.__class__(**{**config.__dict__,
                                              "invoices_url": "https://127.0.0.1:9/x"}))
    offline.drain_once()
    assert live_app.journal(kinds=("at_offline",))
    assert live_app.clock_status().at_time is None

    live_clock.advance(minutes=2)      # the retry is due (backoff: 30 s)
    report = make_worker(config).drain_once()
    assert report.done == 1
    seen = live_app.clock_status().at_time
    assert seen is not None and abs(seen.offset.total_seconds()) < 300
    assert live_app.journal(kinds=("at_online",))
    assert live_app.clock_status().problem is None


def test_a_clock_set_ahead_is_caught_by_at_s_time(live_app, make_worker, config, live_clock):
    live_app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")
    live_clock.advance(hours=2)                       # the machine's clock moved on its own
    live_app.confirm_clock("gerente", "2222")
    live_app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")
    make_worker(config).drain_once()                  # AT's answers carry the true time
    offset = live_app.journal(kinds=("clock_offset",))[-1].detail
    assert "+119 min" in offset or "+120 min" in offset
    live_clock.advance(minutes=20)                    # the confirmation has lapsed
    assert "servidores da AT" in live_app.clock_status().problem
    with pytest.raises(ClockError, match="AT"):
        live_app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")
