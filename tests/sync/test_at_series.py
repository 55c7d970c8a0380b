"""Series reserved ahead of need: registered through the queue, codes stored, ATCUD matching."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from pos.domain.errors import SeriesError, StateError, ValidationError
from pos.persistence.models import OutboxRow, Series
from pos.services import at_series
from pos.services.outbox import SERIES_KINDS
from sync.series_registry import ATSeriesRegistry


def _request(app, doc_type="FS", series_id="CX1N2026", **kw) -> int:
    return app.request_series_registration(doc_type, series_id, "admin", **kw)


def _series(app, doc_type, series_id) -> Series:
    with app.unit(write=False) as uow:
        return uow.session.scalars(select(Series).where(Series.doc_type == doc_type,
                                                        Series.series_id == series_id)).one()


def test_registered_series_gives_documents_the_matching_atcud(live_app, sandbox, config,
                                                              make_worker):
    _request(live_app, "FT", "CX9N2026")
    assert _series(live_app, "FT", "CX9N2026").validation_code is None
    report = make_worker(config).drain_once(kinds=SERIES_KINDS)
    assert report.done == 1
    row = _series(live_app, "FT", "CX9N2026")
    at = sandbox.services["series"].series[("599999993", "FT", "CX9N2026")]
    assert row.validation_code == at["codValidacaoSerie"] and row.registered_by == "ws"
    assert at["numInicialSeq"] == 1 and at["classeDoc"] == "SI" and at["tipoSerie"] == "N"
    doc = live_app.sell_items([("PAO01", 1)], "FT", series_id="CX9N2026")
    assert doc.atcud == f"{row.validation_code}-1"
    assert doc.document_no == "FT CX9N2026/1"


def test_without_a_code_the_cashier_is_sent_to_the_preprinted_forms(live_app, sandbox,
                                                                     config, make_worker):
    # The only normal FS series is the one being registered.
    with live_app.unit(write=True) as uow:
        uow.session.get(Series, _series(live_app, "FS", "L2026").id).status = "F"
    _request(live_app, "FS", "CX1N2026")
    sandbox.stop()                     # AT cannot be reached
    assert make_worker(dataclasses.replace(config, connect_timeout=1.0)).drain_once().retried
    with pytest.raises(SeriesError, match="pré-impressos"):
        live_app.sell_items([("PAO01", 1)], "FS")
    with pytest.raises(SeriesError, match="pré-impressos"):
        live_app.sell_items([("PAO01", 1)], "FS", series_id="CX1N2026")


def test_already_registered_is_reconciled_by_consulting(live_app, live_clock, clients, sandbox,
                                                        config, make_worker):
    # The first registration reached AT but its answer was lost before the till stored it.
    code = clients.series.registar_serie("CX1N2026", "FS", 1, live_clock.now().date()
                                         ).cod_validacao_serie
    _request(live_app, "FS", "CX1N2026")
    assert make_worker(config).drain_once().done == 1
    assert _series(live_app, "FS", "CX1N2026").validation_code == code
    assert sandbox.accepted_count("series", "FS:CX1N2026") == 1
    assert [r.operation for r in sandbox.requests_for("series")][-2:] == [
        "registarSerie", "consultarSeries"]


def test_someone_elses_series_with_the_same_name_is_parked(live_app, live_clock, clients,
                                                           config, make_worker):
    clients.series.registar_serie("CX1N2026", "FS", 500, live_clock.now().date())
    row_id = _request(live_app, "FS", "CX1N2026")
    assert make_worker(config).drain_once().parked == 1
    with live_app.unit(write=False) as uow:
        assert "outros dados" in uow.session.get(OutboxRow, row_id).last_error
    assert _series(live_app, "FS", "CX1N2026").validation_code is None


def test_finalize_stops_issuing_at_once_and_tells_at(live_app, sandbox, config, make_worker):
    _request(live_app, "GT", "CX1N2026")
    worker = make_worker(config)
    worker.drain_once()
    for _ in range(3):
        live_app.sell_items([("PAO01", 1)], "FS")
    with pytest.raises(StateError, match="anule-a"):
        live_app.request_series_finalize("GT", "CX1N2026", "admin")
    live_app.request_series_finalize("FS", "L2026", "admin", "Fim")
    with pytest.raises(SeriesError):
        live_app.sell_items([("PAO01", 1)], "FS", series_id="L2026")
    # L2026 was added by hand with a made-up code: AT refuses it and it waits for a manager.
    report = worker.drain_once()
    assert report.done == 3 and report.parked == 1


def test_finalize_and_cancel_reach_at_and_lost_answers_reconcile(live_app, live_clock, sandbox,
                                                                 config, make_worker):
    _request(live_app, "FS", "CX1N2026")
    _request(live_app, "FT", "CX1N2026")
    worker = make_worker(config)
    worker.drain_once(kinds=SERIES_KINDS)
    live_app.sell_items([("PAO01", 1)], "FS", series_id="CX1N2026")
    live_app.sell_items([("PAO01", 1)], "FS", series_id="CX1N2026")
    live_app.request_series_finalize("FS", "CX1N2026", "admin")
    live_app.request_series_cancel("FT", "CX1N2026", "admin")
    sandbox.inject("timeout", service="series", operation="finalizarSerie", delay=2,
                   process=True)
    impatient = make_worker(dataclasses.replace(config, read_timeout=0.5))
    assert impatient.drain_once(kinds=SERIES_KINDS).retried == 1
    live_clock.advance(hours=1)
    assert worker.drain_once(kinds=SERIES_KINDS).done == 2
    at = sandbox.services["series"].series
    assert at[("599999993", "FS", "CX1N2026")]["estado"] == "F"
    assert at[("599999993", "FS", "CX1N2026")]["seqUltimoDocEmitido"] == 2
    assert at[("599999993", "FT", "CX1N2026")]["estado"] == "N"
    assert (_series(live_app, "FS", "CX1N2026").status,
            _series(live_app, "FT", "CX1N2026").status) == ("F", "N")


def test_sync_fills_codes_and_states_from_at(live_app, live_clock, clients):
    code = clients.series.registar_serie("CX2N2026", "FR", 1, live_clock.now().date()
                                         ).cod_validacao_serie
    clients.series.registar_serie("OTHER", "FR", 1, live_clock.now().date())
    live_app.add_series("FR", "CX2N2026", None)
    remotes = ATSeriesRegistry(clients).query()
    changes = live_app.apply_series_sync(remotes, "admin")
    assert _series(live_app, "FR", "CX2N2026").validation_code == code
    assert any("OTHER" in c and "desconhecida" in c for c in changes)


def test_plan_for_a_new_till_registers_everything_once(live_app, live_clock, sandbox, config,
                                                       make_worker):
    types, recovery = ("FS", "PF", "GT"), ("FS",)
    # The hand-added L2026 series already cover FS and GT for this year.
    items = live_app.series_plan(types, recovery, warn_days=0)
    assert {(i.action, i.doc_type, i.kind) for i in items} == {
        ("ok", "FS", "N"), ("register", "PF", "N"), ("ok", "GT", "N"),
        ("register", "FS", "R")}
    live_app.apply_series_plan(items, "admin")
    again = live_app.series_plan(types, recovery, warn_days=0)
    assert {i.action for i in again} == {"ok", "waiting"}
    assert make_worker(config).drain_once().done == 2
    final = live_app.series_plan(types, recovery, warn_days=0)
    assert live_app.series_warnings(types, warn_days=0) == []
    assert {i.action for i in final} == {"ok"}
    assert _series(live_app, "FS", "CX1R2026").kind == "R"


def test_year_end_plans_next_years_series_and_later_closes_the_old_ones(live_app, sandbox,
                                                                        config, make_worker):
    clock = live_app.clock
    # Mid-November of next year: always weeks before a year end, and never before the
    # sandbox's real today (it refuses series starting in the past, as AT does).
    year = clock.now().year + 1
    clock.at = datetime(year, 11, 15, 9, 0)
    sandbox.now = lambda: clock.now().timestamp()      # AT's Date is of that day too
    # This till's own series for this year, already live.
    live_app.request_series_registration("FS", f"CX1N{year}", "admin")
    worker = make_worker(config)
    worker.drain_once()
    live_app.sell_items([("PAO01", 1)], "FS", series_id=f"CX1N{year}")
    live_app.z_closure("gerente")                       # the day's Z, as every day

    clock.at = datetime(year, 12, 10, 9, 0)
    warned = live_app.series_warnings(("FS",), warn_days=30)
    items = live_app.series_plan(("FS",), (), warn_days=30)
    assert any(f"CX1N{year + 1}" in w and "22 dia(s)" in w for w in warned)
    nxt = [i for i in items if i.year == year + 1]
    assert [(i.action, i.series_id, i.start_date) for i in nxt] == [
        ("register", f"CX1N{year + 1}", date(year + 1, 1, 1))]
    live_app.apply_series_plan(items, "admin")
    assert worker.drain_once(kinds=SERIES_KINDS).done == 1

    clock.at = datetime(year + 1, 1, 2, 9, 0)    # January: the old series is replaced
    items = live_app.series_plan(("FS",), (), warn_days=30)
    closing = [i for i in items if i.action == "finalize"]
    assert [i.series_id for i in closing] == [f"CX1N{year}"]
    live_app.apply_series_plan(items, "admin")
    assert worker.drain_once(kinds=SERIES_KINDS).done == 1
    with pytest.raises(SeriesError, match="finalizada"):
        live_app.sell_items([("PAO01", 1)], "FS", series_id=f"CX1N{year}")
    doc = live_app.sell_items([("PAO01", 1)], "FS", series_id=f"CX1N{year + 1}")
    assert doc.atcud == f"{_series(live_app, 'FS', f'CX1N{year + 1}').validation_code}-1"


def test_registration_rules(live_app, live_clock):
    with pytest.raises(ValidationError, match="hoje ou depois"):
        live_app.request_series_registration(
            "FS", "OLD", start_date=live_clock.now().date() - timedelta(days=1))
    with pytest.raises(ValidationError, match="formação"):
        live_app.request_series_registration("FS", "TRAIN", kind="F")
    row_id = live_app.request_series_registration("FS", "NEW")
    with pytest.raises(StateError, match="aguarde"):
        live_app.request_series_cancel("FS", "NEW")
    with live_app.unit(write=False) as uow:
        assert uow.session.get(OutboxRow, row_id).deadline.date() == live_clock.now().date()
    assert at_series.series_name("Caixa 2!", "N", 2027) == "CAIXA2N2027"


def test_registry_reports_a_refusal_as_rejected(clients, live_clock):
    from sync.errors import Rejected
    registry = ATSeriesRegistry(clients)
    with pytest.raises(Rejected):
        registry.finalize("NOPE", "FS", "ABCDEFGH", 3)
    with pytest.raises(Rejected):
        registry.register("X", "FS", "N", 1, live_clock.now().date() - timedelta(days=2))


def test_queue_status_lists_series_waiting_for_at(live_app):
    _request(live_app, "FS", "CX1N2026")
    st = live_app.queue_status()
    assert any("CX1N2026" in w.text and "espera de registo" in w.text for w in st.warnings)


@pytest.fixture
def at_today(sandbox):
    """AT's date, pinned for the test by the ``sandbox`` fixture."""
    return sandbox.services["series"].today()


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)


def test_registration_queued_before_midnight_is_accepted_the_next_day(
        live_app, sandbox, config, make_worker, at_today):
    clock = live_app.clock
    clock.at = _at(at_today - timedelta(days=1), 23, 50)
    row_id = _request(live_app, "FS", "CX3N2026")       # queued (no connection) at 23:50
    clock.at = _at(at_today, 8)
    report = make_worker(config).drain_once(kinds=SERIES_KINDS)
    assert report.done == 1, report.outcomes
    at = sandbox.services["series"].series[("599999993", "FS", "CX3N2026")]
    assert at["dataInicioPrevUtiliz"] == at_today
    assert [r.code for r in sandbox.requests_for("series")] == [2001]  # right the first time
    row = _series(live_app, "FS", "CX3N2026")
    assert row.validation_code == at["codValidacaoSerie"] and row.start_date == at_today
    with live_app.unit(write=False) as uow:
        assert uow.session.get(OutboxRow, row_id).status == "done"


def test_a_later_planned_start_is_kept(live_app, sandbox, config, make_worker, at_today):
    start = at_today + timedelta(days=20)
    _request(live_app, "FS", "CX4N2026", start_date=start)
    assert make_worker(config).drain_once(kinds=SERIES_KINDS).done == 1
    assert sandbox.services["series"].series[
        ("599999993", "FS", "CX4N2026")]["dataInicioPrevUtiliz"] == start


def test_at_already_past_midnight_4049_is_answered_with_ats_today(
        live_app, sandbox, config, make_worker, at_today):
    """This till still says 23:50 when AT's day has turned: AT answers 4049, and the date
    its answer asks for (AT's today, our tomorrow) is sent at once."""
    clock = live_app.clock
    clock.at = _at(at_today - timedelta(days=1), 23, 50)
    _request(live_app, "FT", "CX5N2026")
    assert make_worker(config).drain_once(kinds=SERIES_KINDS).done == 1
    assert [r.code for r in sandbox.requests_for("series")] == [4049, 2001]
    assert sandbox.services["series"].series[
        ("599999993", "FT", "CX5N2026")]["dataInicioPrevUtiliz"] == at_today


def test_parked_4049_is_sent_with_todays_date_when_retried(live_app, sandbox, config,
                                                           make_worker, at_today):
    clock = live_app.clock
    clock.at = _at(at_today - timedelta(days=1), 23, 50)
    row_id = _request(live_app, "FR", "CX6N2026")
    sandbox.inject("reject", service="series", operation="registarSerie", code=4049, times=2,
                   message="O valor indicado no início previsto de utilização deve ser "
                           "superior ou igual à data atual do sistema.")
    worker = make_worker(config)
    assert worker.drain_once(kinds=SERIES_KINDS).parked == 1
    with live_app.unit(write=False) as uow:
        error = uow.session.get(OutboxRow, row_id).last_error
    assert "A AT recusou o registo da série FR CX6N2026 (código 4049" in error
    assert f"caixa queue retry {row_id}" in error and "pré-impressos" in error
    assert "O documento" not in error and "fila de envios" not in error
    clock.at = _at(at_today, 9)
    live_app.queue_retry(row_id, "gerente")
    assert worker.drain_once(kinds=SERIES_KINDS).done == 1
    sent = [r.body for r in sandbox.requests_for("series", "registarSerie")]
    assert f"<dataInicioPrevUtiliz>{at_today}</dataInicioPrevUtiliz>".encode() in sent[-1]


def test_a_refused_registration_is_not_called_queued(live_app, live_clock, sandbox, config,
                                                     make_worker):
    row_id = _request(live_app, "PF", "CX7N2026")    # the till's only PF series
    sandbox.inject("reject", service="series", code=4003, message="Campos com erros")
    assert make_worker(config).drain_once(kinds=SERIES_KINDS).parked == 1
    texts = live_app.series_warnings(("PF",), warn_days=0)
    texts += [w.text for w in live_app.queue_status().warnings]
    mine = [t for t in texts if "CX7N2026" in t]
    assert len(mine) == 2 and all("recusado pela AT" in t for t in mine)
    assert all(f"caixa queue retry {row_id}" in t and "fila de envios" not in t for t in mine)
