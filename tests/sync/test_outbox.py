"""The queue's use cases on the database: claim, lease, backoff, park, stop, SAF-T, status."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from pos.domain.errors import StateError, ValidationError
from pos.persistence.models import AuditEvent, DocumentRow, OutboxRow
from pos.services import at_status, outbox
from pos.services.outbox import QueuePolicy

POLICY = QueuePolicy(retry_base_seconds=30, retry_max_seconds=3600, lease_seconds=300)


def _claim(till, now=None, **kw):
    with till.db.write() as s:
        return outbox.claim(s, now or till.clock.now(), kw.pop("policy", POLICY), **kw)


def _row(till, row_id) -> OutboxRow:
    with till.db.read() as s:
        return s.get(OutboxRow, row_id)


def _sell(till, n=1, doc_type="FS"):
    return [till.sell([("PAO01", 1)], doc_type) for _ in range(n)]


def test_training_documents_never_reach_the_queue(till):
    till.sell([("PAO01", 1)], "FS")
    assert _claim(till) == []


def test_claim_leases_rows_and_a_dead_workers_lease_expires(live_till, live_clock):
    _sell(live_till, 3)
    now = live_clock.now()
    ids = _claim(live_till, limit=2)
    assert len(ids) == 2
    row = _row(live_till, ids[0])
    assert (row.status, row.attempts) == ("sending", 1)
    assert row.next_attempt_at == now + timedelta(seconds=300)
    # The third is still free; the two leased are not handed out again...
    assert len(_claim(live_till)) == 1
    assert _claim(live_till) == []
    # ...until the lease runs out (the worker that took them died).
    again = _claim(live_till, now + timedelta(seconds=301))
    assert set(ids) <= set(again) and _row(live_till, ids[0]).attempts == 2


def test_most_urgent_deadline_first(live_till, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    _sell(live_till, 2)
    gt = live_till.issue(IssueRequest("GT", (cart_line(live_till.product("MER01"), 1),),
                                      movement_start=live_clock.now() + timedelta(hours=1)))
    first = _claim(live_till, limit=1)[0]
    with live_till.db.read() as s:
        assert s.get(OutboxRow, first).document_id == gt.id


def test_a_cancellation_waits_for_its_registration(live_till):
    doc = _sell(live_till)[0]
    live_till.cancel(doc.document_no, "engano")
    ids = _claim(live_till)
    assert len(ids) == 1 and _row(live_till, ids[0]).kind == "invoice"
    with live_till.db.write() as s:
        outbox.record_park(s, ids[0], live_till.clock.now(), -7, "valores anómalos")
    assert _claim(live_till) == []          # parked registration still blocks the status
    with live_till.db.write() as s:
        outbox.retry_parked(s, ids[0], live_till.clock.now(), "gerente")
        outbox.record_done(s, ids[0], live_till.clock.now())
    assert [_row(live_till, i).kind for i in _claim(live_till)] == ["invoice_status"]


def test_backoff_is_exponential_capped_and_jittered():
    full = [outbox.backoff(n, POLICY, lambda: 1.0).total_seconds() for n in range(1, 10)]
    assert full[:4] == [30, 60, 120, 240] and full[-1] == 3600
    assert outbox.backoff(3, POLICY, lambda: 0.0).total_seconds() == 60  # half fixed


def test_retry_park_and_manager_retry(live_till, live_clock):
    _sell(live_till, 2)
    a, b = _claim(live_till)
    now = live_clock.now()
    with live_till.db.write() as s:
        when = outbox.record_retry(s, a, now, "sem rede", POLICY, lambda: 1.0)
        outbox.record_park(s, b, now, -7, "Valores anómalos")
    assert when == now + timedelta(seconds=30)
    ra, rb = _row(live_till, a), _row(live_till, b)
    assert (ra.status, ra.next_attempt_at, ra.last_error) == ("pending", when, "sem rede")
    assert (rb.status, rb.last_error) == ("parked", "[-7] Valores anómalos")
    assert _claim(live_till) == []                              # neither is due
    assert _claim(live_till, when) == [a]                       # parked never comes back alone
    with live_till.db.write() as s:
        outbox.retry_parked(s, b, now, "gerente")
        with pytest.raises(StateError):
            outbox.retry_parked(s, a, now, "gerente")
    assert _claim(live_till, now) == [b] and _row(live_till, b).attempts == 1
    with live_till.db.read() as s:
        kinds = s.scalars(select(AuditEvent.kind)).all()
    assert "at_queue_retry" in kinds


def test_transport_retry_never_lands_after_the_transport_starts(live_till, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    start = live_clock.now() + timedelta(minutes=10)
    live_till.issue(IssueRequest("GT", (cart_line(live_till.product("MER01"), 1),),
                                 movement_start=start))
    (row_id,) = _claim(live_till)
    with live_till.db.write() as s:
        for _ in range(6):   # 30 s, 60 s, ... would reach past the start
            when = outbox.record_retry(s, row_id, live_clock.now(), "sem rede", POLICY,
                                       lambda: 1.0)
            s.get(OutboxRow, row_id).attempts += 1
    assert when == start - timedelta(minutes=1)


def test_stop_alerts_once_blocks_claims_until_resumed(live_till, live_clock):
    _sell(live_till, 2)
    a, b = _claim(live_till)
    now = live_clock.now()
    with live_till.db.write() as s:
        outbox.record_stop(s, now, "Senha errada.", 99, a)
        outbox.release(s, [b], now)
        outbox.record_stop(s, now, "Senha errada.", 99)   # a second worker: no second event
    r = _row(live_till, a)
    assert (r.status, r.attempts, r.last_error) == ("pending", 0, "Senha errada.")
    assert _claim(live_till) == []
    with live_till.db.read() as s:
        status = at_status.snapshot(s, now, POLICY)
        events = s.scalars(select(AuditEvent.kind)).all()
    assert status.stopped.message == "Senha errada." and status.stopped.code == "99"
    assert status.warnings[0].level == "urgent" and "queue resume" in status.warnings[0].text
    assert events.count("at_queue_stopped") == 1
    with live_till.db.write() as s:
        assert outbox.resume(s, now, "gerente") is True
        assert outbox.resume(s, now, "gerente") is False
    assert len(_claim(live_till)) == 2


def test_status_counts_ages_and_invoice_deadlines(live_till, live_clock):
    _sell(live_till, 3)
    (first, *_) = _claim(live_till, limit=1)
    start = live_clock.now()
    with live_till.db.write() as s:
        outbox.record_retry(s, first, start, "HTTP 503", POLICY, lambda: 1.0)
    with live_till.db.read() as s:
        deadline = s.scalar(select(OutboxRow.deadline).limit(1))
        later = start + timedelta(hours=2)
        st = at_status.snapshot(s, later, POLICY)
        near = at_status.snapshot(s, deadline - timedelta(days=1), POLICY)
        late = at_status.snapshot(s, deadline + timedelta(hours=1), POLICY)
    assert deadline.day == 5 and deadline > start
    assert (st.pending, st.parked, st.done) == (3, 0, 0)
    assert st.oldest_age == timedelta(hours=2)
    assert st.next_attempt == start and st.last_error == "HTTP 503"
    assert not [w for w in st.warnings if "prazo" in w.text or "até" in w.text]
    assert any(w.level == "warn" and f"até {deadline:%Y-%m-%d}" in w.text for w in near.warnings)
    assert any(w.level == "urgent" and "ultrapassado" in w.text for w in late.warnings)


def test_transport_warning_before_the_goods_move(live_till, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    start = live_clock.now() + timedelta(minutes=90)
    gt = live_till.issue(IssueRequest("GT", (cart_line(live_till.product("MER01"), 1),),
                                      movement_start=start))
    with live_till.db.read() as s:
        quiet = at_status.snapshot(s, live_clock.now(), POLICY).warnings
        soon = at_status.snapshot(s, start - timedelta(minutes=30), POLICY).warnings
        gone = at_status.snapshot(s, start + timedelta(minutes=1), POLICY).warnings
    assert not quiet
    assert soon[0].level == "warn" and gt.document_no in soon[0].text
    assert gone[0].level == "urgent" and "telefónico" in gone[0].text


def test_saft_channel_only_tracks_invoices(live_till, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    saft = QueuePolicy(invoice_channel="saft")
    docs = _sell(live_till, 2)
    live_till.issue(IssueRequest("GT", (cart_line(live_till.product("MER01"), 1),),
                                 movement_start=live_clock.now() + timedelta(hours=3)))
    ids = _claim(live_till, policy=saft)
    assert [_row(live_till, i).kind for i in ids] == ["transport"]
    with live_till.db.read() as s:
        st = at_status.snapshot(s, live_clock.now(), saft)
    assert st.channel == "saft" and any("SAF-T mensal" in w.text for w in st.warnings)
    day = docs[0].invoice_date
    with live_till.db.write() as s:
        assert outbox.confirm_saft(s, day.year, day.month, live_clock.now(), "gerente") == 2
        done = s.scalars(select(OutboxRow.status).where(OutboxRow.kind == "invoice")).all()
    assert done == ["done", "done"]


def test_resolve_a_guide_whose_answer_was_lost(live_till, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    gt = live_till.issue(IssueRequest("GT", (cart_line(live_till.product("MER01"), 1),),
                                      movement_start=live_clock.now() + timedelta(hours=3)))
    (row_id,) = _claim(live_till)
    with live_till.db.write() as s:
        outbox.record_park(s, row_id, live_clock.now(), -3, "já inserido")
        outbox.resolve_transport(s, row_id, " ABC123XYZ ", live_clock.now(), "gerente")
    with live_till.db.read() as s:
        assert s.get(DocumentRow, gt.id).at_doc_code == "ABC123XYZ"
    assert _row(live_till, row_id).status == "done"
    assert live_till.document(gt.document_no).at_doc_code == "ABC123XYZ"


def test_policy_refuses_nonsense():
    with pytest.raises(ValidationError, match="webservice ou saft"):
        QueuePolicy(invoice_channel="fax")
    with pytest.raises(ValidationError, match="base"):
        QueuePolicy(retry_base_seconds=10, retry_max_seconds=5)


def test_rows_listing_names_documents_and_series(live_till, live_clock):
    from pos.services import at_series

    _sell(live_till)
    with live_till.db.write() as s:
        at_series.request_registration(s, "FS", "NEXT1", live_clock.now(), "admin")
    with live_till.db.read() as s:
        listed = at_status.rows(s)
    assert [r.subject for r in listed] == ["FS L2026/1", "série FS NEXT1"]
    assert datetime.now() - listed[0].created_at < timedelta(minutes=5)
