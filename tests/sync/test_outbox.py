"""The queue's use cases on the database: claim, lease, backoff, park, stop, SAF-T, status."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.persistence.models import AuditEvent, DocumentRow, OutboxRow
from pos.services import at_status, outbox
from pos.services.outbox import QueuePolicy

POLICY = QueuePolicy(retry_base_seconds=30, retry_max_seconds=3600, lease_seconds=300)


def _claim(app, now=None, **kw):
    with app.unit(write=True) as uow:
        return outbox.claim(uow, now or app.clock.now(), kw.pop("policy", POLICY), **kw)


def _row(app, row_id) -> OutboxRow:
    with app.unit(write=False) as uow:
        return uow.session.get(OutboxRow, row_id)


def _sell(app, n=1, doc_type="FS"):
    return [app.sell_items([("PAO01", 1)], doc_type) for _ in range(n)]


def test_training_documents_never_reach_the_queue(app):
    app.sell_items([("PAO01", 1)], "FS")
    assert _claim(app) == []


def test_claim_leases_rows_and_a_dead_workers_lease_expires(live_app, live_clock):
    _sell(live_app, 3)
    now = live_clock.now()
    ids = _claim(live_app, limit=2)
    assert len(ids) == 2
    row = _row(live_app, ids[0])
    assert (row.status, row.attempts) == ("sending", 1)
    assert row.next_attempt_at == now + timedelta(seconds=300)
    # The third is still free; the two leased are not handed out again...
    assert len(_claim(live_app)) == 1
    assert _claim(live_app) == []
    # ...until the lease runs out (the worker that took them died).
    again = _claim(live_app, now + timedelta(seconds=301))
    assert set(ids) <= set(again) and _row(live_app, ids[0]).attempts == 2


def test_most_urgent_deadline_first(live_app, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    _sell(live_app, 2)
    gt = live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                                    movement_start=live_clock.now() + timedelta(hours=1)))
    first = _claim(live_app, limit=1)[0]
    with live_app.unit(write=False) as uow:
        assert uow.session.get(OutboxRow, first).document_id == gt.id


def test_an_expired_lease_and_pending_rows_are_claimed_together_most_urgent_first(
        live_app, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    now = live_clock.now()
    docs = _sell(live_app, 3)
    leased = _claim(live_app, limit=1)               # its worker dies: the lease runs out
    gt = live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                                    movement_start=now + timedelta(hours=1)))
    later = now + timedelta(seconds=301)
    ids = _claim(live_app, later, limit=3)
    assert [_row(live_app, i).document_id for i in ids] == [gt.id, docs[0].id, docs[1].id]
    assert ids[1] == leased[0] and _row(live_app, ids[1]).attempts == 2
    assert [_row(live_app, i).document_id for i in _claim(live_app, later)] == [docs[2].id]


def test_a_claim_walks_the_queue_index_and_sorts_nothing(live_app, live_clock):
    """Whatever the backlog, a claim reads its rows in the index's order and stops after
    them (no sort of every due row): SQLite's plan for each of its queries says so."""
    from sqlalchemy import event

    _sell(live_app, 3)
    seen = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("SELECT outbox.id, outbox.till_id"):
            seen.append((statement, parameters))

    event.listen(live_app.db.engine, "before_cursor_execute", keep)
    try:
        assert len(_claim(live_app)) == 3
    finally:
        event.remove(live_app.db.engine, "before_cursor_execute", keep)
    assert len(seen) == 2                             # pending, then expired leases
    with live_app.db.engine.connect() as conn:
        for statement, parameters in seen:
            plan = [row[3] for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters)]
            assert "USING INDEX ix_outbox_queue" in plan[0], plan
            assert not any("TEMP B-TREE" in step for step in plan), plan


def test_a_cancellation_waits_for_its_registration(live_app):
    doc = _sell(live_app)[0]
    live_app.cancel(doc.document_no, "engano")
    ids = _claim(live_app)
    assert len(ids) == 1 and _row(live_app, ids[0]).kind == "invoice"
    with live_app.unit(write=True) as uow:
        outbox.record_park(uow.session, ids[0], live_app.clock.now(), -7, "valores anómalos")
    assert _claim(live_app) == []          # parked registration still blocks the status
    with live_app.unit(write=True) as uow:
        outbox.retry_parked(uow, ids[0], live_app.clock.now(), "gerente")
        outbox.record_done(uow, ids[0], live_app.clock.now())
    assert [_row(live_app, i).kind for i in _claim(live_app)] == ["invoice_status"]


def test_backoff_is_exponential_capped_and_jittered():
    full = [outbox.backoff(n, POLICY, lambda: 1.0).total_seconds() for n in range(1, 10)]
    assert full[:4] == [30, 60, 120, 240] and full[-1] == 3600
    assert outbox.backoff(3, POLICY, lambda: 0.0).total_seconds() == 60  # half fixed


def test_retry_park_and_manager_retry(live_app, live_clock):
    _sell(live_app, 2)
    a, b = _claim(live_app)
    now = live_clock.now()
    with live_app.unit(write=True) as uow:
        when = outbox.record_retry(uow.session, a, now, "sem rede", POLICY, lambda: 1.0)
        outbox.record_park(uow.session, b, now, -7, "Valores anómalos")
    assert when == now + timedelta(seconds=30)
    ra, rb = _row(live_app, a), _row(live_app, b)
    assert (ra.status, ra.next_attempt_at, ra.last_error) == ("pending", when, "sem rede")
    assert (rb.status, rb.last_error) == ("parked", "[-7] Valores anómalos")
    assert _claim(live_app) == []                              # neither is due
    assert _claim(live_app, when) == [a]                       # parked never comes back alone
    with live_app.unit(write=True) as uow:
        outbox.retry_parked(uow, b, now, "gerente")
        with pytest.raises(StateError):
            outbox.retry_parked(uow, a, now, "gerente")
    assert _claim(live_app, now) == [b] and _row(live_app, b).attempts == 1
    with live_app.unit(write=False) as uow:
        kinds = uow.session.scalars(select(AuditEvent.kind)).all()
    assert "at_queue_retry" in kinds


def test_transport_retry_never_lands_after_the_transport_starts(live_app, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    start = live_clock.now() + timedelta(minutes=10)
    live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                               movement_start=start))
    (row_id,) = _claim(live_app)
    with live_app.unit(write=True) as uow:
        for _ in range(6):   # 30 s, 60 s, ... would reach past the start
            when = outbox.record_retry(uow.session, row_id, live_clock.now(), "sem rede", POLICY,
                                       lambda: 1.0)
            uow.session.get(OutboxRow, row_id).attempts += 1
    assert when == start - timedelta(minutes=1)


def test_stop_alerts_once_blocks_claims_until_resumed(live_app, live_clock):
    _sell(live_app, 2)
    a, b = _claim(live_app)
    now = live_clock.now()
    with live_app.unit(write=True) as uow:
        outbox.record_stop(uow, now, "Senha errada.", 99, a)
        outbox.release(uow.session, [b], now)
        outbox.record_stop(uow, now, "Senha errada.", 99)   # a second worker: no second event
    r = _row(live_app, a)
    assert (r.status, r.attempts, r.last_error) == ("pending", 0, "Senha errada.")
    assert _claim(live_app) == []
    with live_app.unit(write=False) as uow:
        status = at_status.snapshot(uow, now, POLICY)
        events = uow.session.scalars(select(AuditEvent.kind)).all()
    assert status.stopped.message == "Senha errada." and status.stopped.code == "99"
    assert status.warnings[0].level == "urgent" and "queue resume" in status.warnings[0].text
    assert events.count("at_queue_stopped") == 1
    with live_app.unit(write=True) as uow:
        assert outbox.resume(uow, now, "gerente") is True
        assert outbox.resume(uow, now, "gerente") is False
    assert len(_claim(live_app)) == 2


def test_status_counts_ages_and_invoice_deadlines(live_app, live_clock):
    _sell(live_app, 3)
    (first, *_) = _claim(live_app, limit=1)
    start = live_clock.now()
    with live_app.unit(write=True) as uow:
        outbox.record_retry(uow.session, first, start, "HTTP 503", POLICY, lambda: 1.0)
    with live_app.unit(write=False) as uow:
        deadline = uow.session.scalar(select(OutboxRow.deadline).limit(1))
        later = start + timedelta(hours=2)
        st = at_status.snapshot(uow, later, POLICY)
        near = at_status.snapshot(uow, deadline - timedelta(days=1), POLICY)
        late = at_status.snapshot(uow, deadline + timedelta(hours=1), POLICY)
    assert deadline.day == 5 and deadline > start
    assert (st.pending, st.parked, st.done) == (3, 0, 0)
    assert st.oldest_age == timedelta(hours=2)
    assert st.next_attempt == start and st.last_error == "HTTP 503"
    assert not [w for w in st.warnings if "prazo" in w.text or "até" in w.text]
    assert any(w.level == "warn" and f"até {deadline:%Y-%m-%d}" in w.text for w in near.warnings)
    assert any(w.level == "urgent" and "ultrapassado" in w.text for w in late.warnings)


def test_transport_warning_before_the_goods_move(live_app, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    start = live_clock.now() + timedelta(minutes=90)
    gt = live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                                    movement_start=start))
    with live_app.unit(write=False) as uow:
        quiet = at_status.snapshot(uow, live_clock.now(), POLICY).warnings
        soon = at_status.snapshot(uow, start - timedelta(minutes=30), POLICY).warnings
        gone = at_status.snapshot(uow, start + timedelta(minutes=1), POLICY).warnings
    assert not quiet
    assert soon[0].level == "warn" and gt.document_no in soon[0].text
    assert gone[0].level == "urgent" and "telefónico" in gone[0].text


def test_saft_channel_only_tracks_invoices(live_app, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    saft = QueuePolicy(invoice_channel="saft")
    docs = _sell(live_app, 2)
    live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                               movement_start=live_clock.now() + timedelta(hours=3)))
    ids = _claim(live_app, policy=saft)
    assert [_row(live_app, i).kind for i in ids] == ["transport"]
    with live_app.unit(write=False) as uow:
        st = at_status.snapshot(uow, live_clock.now(), saft)
    assert st.channel == "saft" and any("SAF-T mensal" in w.text for w in st.warnings)
    day = docs[0].invoice_date
    with live_app.unit(write=True) as uow:
        assert outbox.confirm_saft(uow, day.year, day.month, live_clock.now(), "gerente") == 2
        done = uow.session.scalars(
            select(OutboxRow.status).where(OutboxRow.kind == "invoice")).all()
    assert done == ["done", "done"]


def test_resolve_a_guide_whose_answer_was_lost(live_app, live_clock):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    gt = live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                                    movement_start=live_clock.now() + timedelta(hours=3)))
    (row_id,) = _claim(live_app)
    with live_app.unit(write=True) as uow:
        outbox.record_park(uow.session, row_id, live_clock.now(), -3, "já inserido")
        outbox.resolve_transport(uow, row_id, " ABC123XYZ ", live_clock.now(), "gerente")
    with live_app.unit(write=False) as uow:
        assert uow.session.get(DocumentRow, gt.id).at_doc_code == "ABC123XYZ"
    assert _row(live_app, row_id).status == "done"
    assert live_app.document(gt.document_no).at_doc_code == "ABC123XYZ"


def test_policy_refuses_nonsense():
    with pytest.raises(ValidationError, match="webservice ou saft"):
        QueuePolicy(invoice_channel="fax")
    with pytest.raises(ValidationError, match="base"):
        QueuePolicy(retry_base_seconds=10, retry_max_seconds=5)


def test_rows_listing_names_documents_and_series(live_app, live_clock):
    from pos.services import at_series

    _sell(live_app)
    with live_app.unit(write=True) as uow:
        at_series.request_registration(uow, "FS", "NEXT1", live_clock.now(), "admin")
    with live_app.unit(write=False) as uow:
        listed = at_status.rows(uow)
    assert [r.subject for r in listed] == ["FS L2026/1", "série FS NEXT1"]
    assert datetime.now() - listed[0].created_at < timedelta(minutes=5)


# ---- two tills on one database: each has its own queue ------------------------------------

def test_each_till_claims_counts_and_stops_only_its_own_queue(live_app, other_till,
                                                            live_clock):
    mine = _sell(live_app, 2)
    (theirs,) = _sell(other_till, 1)
    assert (live_app.queue_status().pending, other_till.queue_status().pending) == (2, 1)
    assert [r.subject for r in other_till.queue_rows()] == [theirs.document_no]
    assert [r.subject for r in live_app.queue_rows()] == [d.document_no for d in mine]

    with live_app.unit(write=True) as uow:   # CX1's credentials are wrong: CX1 stops
        outbox.record_stop(uow, live_clock.now(), "Senha errada.", 99)
    assert _claim(live_app) == [] and live_app.queue_stopped() is not None
    assert other_till.queue_stopped() is None and other_till.queue_status().stopped is None
    (claimed,) = _claim(other_till)
    with other_till.unit(write=False) as uow:
        assert uow.session.get(OutboxRow, claimed).document_id == theirs.id
    assert other_till.queue_resume("gerente") is False       # nothing of CX2's was stopped
    assert live_app.queue_stopped() is not None
    assert live_app.queue_resume("gerente") is True
    assert {_row(live_app, i).document_id for i in _claim(live_app)} == {d.id for d in mine}


def test_training_mode_and_the_series_plan_belong_to_the_till(live_app, other_till,
                                                             live_clock):
    live_app.set_training_mode(True)
    assert live_app.training_mode() and not other_till.training_mode()
    year = live_clock.now().year
    plan = {(i.action, i.series_id) for i in other_till.series_plan(("FS", "GT"), (),
                                                                    warn_days=0)}
    # CX1's hand-added L2026 series are not CX2's: it must register its own GT series.
    assert plan == {("ok", "M2026"), ("register", f"CX2N{year}")}


@pytest.mark.parametrize("action", ["retry", "resolve"])
def test_a_till_cannot_act_on_another_tills_duty(live_app, other_till, live_clock, action):
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    # A guide of CX1 that AT refused: CX1's manager may retry or resolve it, CX2's may not.
    live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                               movement_start=live_clock.now() + timedelta(hours=3)))
    (row_id,) = _claim(live_app)
    with live_app.unit(write=True) as uow:
        outbox.record_park(uow.session, row_id, live_clock.now(), -3, "já inserido")
    with pytest.raises(NotFoundError):
        if action == "retry":
            other_till.queue_retry(row_id, "gerente")
        else:
            other_till.queue_resolve(row_id, "FROMPORTAL1", "gerente")
    assert _row(live_app, row_id).status == "parked"
    with other_till.unit(write=False) as uow:
        kinds = uow.session.scalars(select(AuditEvent.kind).where(
            AuditEvent.till_id == other_till.till.id)).all()
    assert not {"at_queue_retry", "at_queue_resolve"} & set(kinds)
