"""Issuing, chaining, series, clock and correction rules through the services."""

import sqlite3
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import select, update

from pos.domain.customer import make_customer
from pos.domain.errors import ClockError, SeriesError, StateError, ValidationError
from pos.domain.taxes import rate_for
from pos.persistence.models import DocumentRow, OutboxRow


def test_documents_chain_per_series_with_atcud_and_key_version(app):
    a = app.sell_items([("PAO01", 2), ("CAF01", 1)], payments=(("NU", D("10")),))
    b = app.sell_items([("BEB02", 1)])
    assert a.document_no == "FS DEMO2026/1" and b.document_no == "FS DEMO2026/2"
    assert a.atcud == "DEMOFS26-1" and b.atcud == "DEMOFS26-2"
    assert a.previous_hash == "" and b.previous_hash == a.hash
    assert len(a.hash) == 172 and a.hash_control == "1" and a.source_billing == "P"
    assert a.change == D("5.47")
    ft = app.sell_items([("PAO01", 1)], "FT", make_customer("123456789", "Cliente", "Rua A"))
    assert ft.document_no == "FT DEMO2026/1" and ft.previous_hash == ""


def test_signature_verifies_with_the_public_key(app):
    from pos.domain.signature import signature_message
    from pos.signing import Verifier
    doc = app.sell_items([("PAO01", 1)])
    msg = signature_message(doc.invoice_date, doc.system_entry_date, doc.document_no,
                            doc.totals.gross, doc.previous_hash)
    assert Verifier(app.public_key()).verify(msg, doc.hash)


def test_training_series_stay_out_of_the_at_queue(normal_app):
    app = normal_app
    app.set_training_mode(True)
    app.sell_items([("PAO01", 1)])
    app.set_training_mode(False)
    real = app.sell_items([("PAO01", 1)])
    with app.unit(write=False) as uow:
        queued = uow.session.scalars(select(OutboxRow.document_id)).all()
    assert real.series_kind == "N" and len(queued) == 1


def test_fs_limit_requires_an_invoice_with_customer_data(app):
    with pytest.raises(ValidationError, match="Fatura simplificada só até 1000.00"):
        app.sell_items([("MER02", 120)])
    with pytest.raises(ValidationError, match="nome e morada"):
        app.sell_items([("MER02", 120)], "FR")
    doc = app.sell_items([("MER02", 120)], "FR",
                    make_customer(None, "Maria Silva", "Rua B, 2", "Lisboa", "1000-001"))
    assert doc.totals.gross == D("1078.80")


def test_services_limit_is_100_euros(app):
    with pytest.raises(ValidationError, match="100.00"):
        app.sell_items([("SRV02", 5)])


def test_clock_behind_last_document_needs_confirmation(app, clock):
    app.sell_items([("PAO01", 1)])
    clock.advance(minutes=-10)
    with pytest.raises(ClockError, match="relógio"):
        app.sell_items([("PAO01", 1)])
    doc = app.sell_items([("PAO01", 1)], confirm_clock=True)
    assert doc.number == 2


def test_series_without_validation_code_cannot_issue(app):
    app.set_training_mode(False)
    app.add_series("FS", "SEMCODIGO", None, "N")
    with pytest.raises(SeriesError, match="código de validação"):
        app.sell_items([("PAO01", 1)], series_id="SEMCODIGO")
    with pytest.raises(SeriesError, match="Não há série normal"):
        app.sell_items([("PAO01", 1)])


def test_training_mode_refuses_a_normal_series(normal_app):
    normal_app.set_training_mode(True)
    with pytest.raises(SeriesError, match="formação"):
        normal_app.sell_items([("PAO01", 1)], series_id="A2026")


def test_series_identifier_rules(app):
    for bad in ("", "-A", "A--B", "A B", "X" * 36, "Série"):
        with pytest.raises(ValidationError):
            app.add_series("FS", bad, "ABCDEFGH")
    with pytest.raises(ValidationError, match="já existe"):
        app.add_series("FS", "demo2026", "ABCDEFGH")


def test_bad_input_is_refused_with_clear_messages(app):
    with pytest.raises(ValidationError, match="Quantidade"):
        app.sell_items([("PAO01", D("-1"))])
    with pytest.raises(Exception, match="Produto desconhecido"):
        app.sell_items([("NOPE", 1)])
    with pytest.raises(ValidationError, match="Pagamento insuficiente"):
        app.sell_items([("PAO01", 1)], payments=(("NU", D("0.50")),))
    with pytest.raises(ValidationError, match="excede"):
        app.sell_items([("PAO01", 1)], payments=(("CC", D("5")),))
    with pytest.raises(ValidationError, match="nome do cliente"):
        make_customer("123456789", "x" * 101)
    assert app.documents() == []


def test_exempt_line_carries_code_and_legal_text(app):
    doc = app.sell_items([("SRV02", 1), ("PAO01", 1)])
    exempt = [ln for ln in doc.lines if ln.tax_code == "ISE"][0]
    assert exempt.exemption_code == "M07"
    assert exempt.exemption_reason == "Isento artigo 9.º do CIVA"
    assert exempt.tax_amount == 0 and exempt.net_amount == D("25.00")


def test_madeira_reduced_rate_changes_on_2024_10_01():
    assert rate_for("PT-MA", "RED", date(2024, 9, 30)) == 5
    assert rate_for("PT-MA", "RED", date(2024, 10, 1)) == 4
    assert rate_for("PT-AC", "NOR", date(2026, 1, 1)) == 16


def test_foreign_tax_number_is_signed_without_its_country_prefix(app):
    """Portaria 302/2016 2.2.3 and QR field B: the number alone, the country in C."""
    doc = app.sell_items([("PAO01", 1)], "FT", make_customer("ESB12345678", "Cliente SL",
                                                             "Calle 1", "Madrid", "28001",
                                                             "ES"))
    assert doc.customer.nif == "B12345678" and doc.customer.country == "ES"
    assert app.document(doc.document_no).customer.nif == "B12345678"
    assert "*B:B12345678*C:ES*" in app.qr(doc)
    fr = app.sell_items([("PAO01", 1)], "FT", make_customer("FR 12 345678901", "Client SARL"))
    assert (fr.customer.nif, fr.customer.country) == ("12345678901", "FR")
    assert "*B:12345678901*C:FR*" in app.qr(fr)


def test_cancel_and_credit_note_rules(app):
    ft = app.sell_items([("PAO01", 3), ("CAF01", 2)], "FT",
                   make_customer("123456789", "Cliente", "Rua A"))
    nc = app.credit(ft.document_no, "Devolução", [(1, D(1))])
    assert nc.doc_type == "NC" and nc.lines[0].reference.document_no == ft.document_no
    assert nc.totals.gross == D("1.89") and nc.lines[0].tax_percentage == 6
    with pytest.raises(StateError, match="anule-a primeiro"):
        app.cancel(ft.document_no, "Erro")
    with pytest.raises(ValidationError, match="só pode creditar até 2"):
        app.credit(ft.document_no, "Mais", [(1, D(3))])
    app.cancel(nc.document_no, "Nota errada")
    cancelled = app.cancel(ft.document_no, "Erro de registo")
    assert cancelled.status == "A" and cancelled.status_reason == "Erro de registo"
    with pytest.raises(StateError, match="anulado"):
        app.credit(ft.document_no, "Devolução")
    with pytest.raises(ValidationError, match="motivo"):
        app.cancel("FS DEMO2026/1", "")
    assert app.verify().ok


def test_signed_rows_are_refused_by_database_triggers(app, db_path):
    doc = app.sell_items([("PAO01", 1)])
    with pytest.raises(Exception, match="append-only"):
        with app.unit(write=True) as uow:
            uow.session.execute(update(DocumentRow).where(DocumentRow.id == doc.id)
                      .values(gross_total=D("0.01")))
    con = sqlite3.connect(db_path)
    # No column of a document changes any more: a cancellation or AT's code is a sealed
    # event of the document chain, itself append-only.
    for sql in ("DELETE FROM documents", "DELETE FROM document_lines",
                "UPDATE document_lines SET gross_amount='0'",
                "UPDATE documents SET customer_name='x'",
                "UPDATE document_events SET reason='x'", "DELETE FROM document_events"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute(sql)
    assert "status" not in {r[1] for r in con.execute("PRAGMA table_info(documents)")}
    con.close()
    assert app.verify().ok


def test_prints_are_numbered_and_copies_audited(app):
    from tests.integrity.test_journal import last

    doc = app.sell_items([("PAO01", 1)])
    numbers = []
    for user, reason in (("caixa1", ""), ("caixa1", "Cliente pediu"), ("gerente", "")):
        claim = app.claim_print(doc.document_no, user, reason)
        app.finish_print(claim.id, "printed", "impressora")
        numbers.append(claim.number)
    assert numbers == [0, 1, 2]                  # the original, then copies
    assert last(app, "reprint").detail == f"{doc.document_no} copy 2: "
    with pytest.raises(Exception, match="não encontrado"):
        app.claim_print("FS X/1", "caixa1")
    with pytest.raises(ValidationError, match="já terminou"):
        app.finish_print(claim.id, "failed")


def test_an_invoice_settled_by_a_receipt_cannot_be_cancelled_first(normal_app):
    from pos.services.receipts import ReceiptRequest, Settlement
    ft = normal_app.sell_items([("PAO01", 2)], "FT", make_customer("123456789", "Cliente", "Rua A"))
    rg = normal_app.settle(ReceiptRequest((Settlement(ft.document_no),)))
    with pytest.raises(StateError, match=f"recibo {rg.document_no}"):
        normal_app.cancel(ft.document_no, "Erro")
    normal_app.cancel(rg.document_no, "Recibo errado")
    assert normal_app.cancel(ft.document_no, "Erro").status == "A"
