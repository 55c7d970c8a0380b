"""The journal records every kind of event the law and a careful inspector want, each one
sealed in the till's chain: one test per kind, each asserting its entry."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from pos.domain.at import DONE, PARK, RETRY, Outcome
from pos.domain.errors import ValidationError


def last(app, kind):
    entries = app.journal(kinds=(kind,))
    assert entries, f"no {kind} entry"
    entry = entries[-1]
    assert entry.sealed
    return entry


def test_sign_in_and_sign_out(app):
    app.sign_in("caixa1", "1111")
    assert last(app, "login").user == "caixa1"
    app.sign_out("caixa1")
    assert last(app, "logout").user == "caixa1"


def test_failed_pins(app):
    with pytest.raises(ValidationError):
        app.sign_in("caixa1", "9999")
    assert last(app, "login_failed").user == "caixa1"
    with pytest.raises(ValidationError):
        app.approve("gerente", "0000", "discount on PAO01")
    entry = last(app, "pin_failed")
    assert entry.user == "gerente" and "discount on PAO01" in entry.detail


def test_drawer_opened_without_a_sale(app):
    app.open_drawer("caixa1", "troco")               # no cash session open
    assert last(app, "drawer_opened").detail == "troco"
    session = app.open_session("caixa1", 20)
    app.open_drawer("caixa1", "moedas", session.id)
    assert "moedas" in last(app, "cash_drawer").detail


def test_voided_cart_and_voided_line(app):
    app.record_line_voided("caixa1", "PAO01", "Pão", Decimal(2), Decimal("3.00"))
    assert "PAO01" in last(app, "line_voided").detail
    app.record_cart_voided("caixa1", 3, Decimal("7.50"), approved_by="gerente")
    assert "3 lines, 7.50 EUR approved by gerente" in last(app, "cart_voided").detail


def test_price_override_and_discount(app):
    app.record_price_override("caixa1", "CAF01", Decimal("0.70"), Decimal("0.50"), "gerente")
    assert "CAF01 price 0.70 -> 0.50 approved by gerente" in last(app, "price_override").detail
    app.record_discount("caixa1", "PAO01", Decimal("0.30"), "gerente")
    assert "discount 0.30" in last(app, "discount").detail


def test_a_screen_cannot_write_the_core_s_entries(app):
    with pytest.raises(ValidationError):
        app.record_event("admin", "integrity_acknowledged", '\n{"keys": ["x"]}')


def test_reprint(app):
    doc = app.sell_items([("PAO01", 1)], user="caixa1")
    for reason in ("", "talão perdido"):
        claim = app.claim_print(doc.document_no, "gerente", reason)
        app.finish_print(claim.id, "printed")
    assert claim.number == 1                  # the first print is the original, not journaled
    assert f"{doc.document_no} copy 1: talão perdido" in last(app, "reprint").detail


def test_training_on_and_off(app):
    app.set_training_mode(False, "gerente")
    assert last(app, "training").detail == "off"
    app.set_training_mode(True, "gerente")
    assert last(app, "training").detail == "on"


def _duty(app):
    app.sell_items([("PAO01", 1)], user="caixa1")
    duties = app.claim_duties(1)
    assert duties
    return duties[0]


def test_offline_and_online_transitions(normal_app, clock):
    duty = _duty(normal_app)
    normal_app.record_outcome(duty, Outcome(RETRY, "Sem ligação à AT"))
    assert "Sem ligação" in last(normal_app, "at_offline").detail
    clock.advance(hours=2)
    duty = normal_app.claim_duties(1)[0]
    normal_app.record_outcome(duty, Outcome(DONE, "ok", result={}))
    assert last(normal_app, "at_online").detail == duty.label
    assert len(normal_app.journal(kinds=("at_offline",))) == 1    # transitions, not tries


def test_at_failures(normal_app):
    duty = _duty(normal_app)
    normal_app.record_outcome(duty, Outcome(PARK, "Documento com NIF inválido", "-3"))
    assert f"{duty.label}: [-3] Documento com NIF inválido" in last(normal_app,
                                                                     "at_failure").detail


def test_series_changes(app):
    app.add_series("FS", "NOVA2026", "ATCNOVA2026", "N", "gerente")
    assert "added FS NOVA2026 kind N" in last(app, "series").detail


def test_tax_changes(app):
    assert app.change_product_tax("PAO01", "INT", user="gerente") == "PAO01: RED -> INT"
    assert last(app, "tax_change").user == "gerente"
    table = last(app, "tax_table")               # the program's own table, at its first start
    assert "PT NOR 23%" in table.detail


def test_clock_corrections(normal_app, clock):
    app = normal_app
    app.sell_items([("PAO01", 1)], user="caixa1")
    clock.advance(days=2)
    app.confirm_clock("gerente", "2222", "loja fechada dois dias")
    entry = last(app, "clock_confirmed")
    assert entry.user == "gerente" and "avançou 48 h" in entry.detail
    app.record_at_time(datetime.now(UTC))      # the real time, far from the fixed clock
    assert "min" in last(app, "clock_offset").detail


def test_backup_and_restore(app, clock):
    backup = app.backup_create("admin")
    assert backup.path.name in last(app, "backup").detail
    clock.advance(minutes=1)
    app.backup_restore(backup.path, "admin", "1234")
    assert backup.path.name in last(app, "restore").detail


def test_software_update(demo_db, clock, monkeypatch):
    from pos.bootstrap import open_app
    from pos.services import housekeeping
    app = open_app(str(demo_db), clock=clock)
    app.quick_check()
    first = last(app, "software_update")
    monkeypatch.setattr(housekeeping, "running_version", lambda: "9.9.9")
    app.db.dispose()
    again = open_app(str(demo_db), clock=clock)
    again.quick_check()
    entry = last(again, "software_update")
    assert entry.seq > first.seq and entry.detail.endswith("-> 9.9.9")
    again.close()


def test_acknowledgement(app, db_path):
    import sqlite3
    con = sqlite3.connect(db_path)
    con.execute("DROP TRIGGER documents_update")
    con.commit()
    con.close()
    with pytest.raises(Exception, match="proteções"):
        app.quick_check()
    assert app.acknowledge_integrity("admin", "1234")
    assert "documents_update" in last(app, "integrity_acknowledged").detail


def test_every_listed_kind_is_in_the_vocabulary(app):
    listed = {"login", "logout", "login_failed", "pin_failed", "drawer_opened", "cart_voided",
              "line_voided", "price_override", "discount", "reprint", "training",
              "at_offline", "at_online", "at_failure", "series", "tax_change",
              "clock_confirmed", "clock_recovery", "backup", "restore", "software_update",
              "integrity_acknowledged"}
    assert listed <= set(app.journal_kinds())


def test_the_journal_is_one_sealed_chain(app, clock):
    app.sign_in("caixa1", "1111")
    clock.advance(seconds=timedelta(minutes=1).seconds)
    app.sign_out("caixa1")
    entries = app.journal()
    assert [e.seq for e in entries] == list(range(entries[0].seq, entries[-1].seq + 1))
    assert app.verify().ok
