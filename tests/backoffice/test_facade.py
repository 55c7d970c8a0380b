"""The facade's reads and role-checked actions for the back office, on a real SQLite shop:
sales over a period, documents found by number, date, customer and amount, logs of copies
and voids, one AT duty with its history, the queue stopped by a manager, and long work
(SAF-T export, verification) that tells how far it got."""

from datetime import date
from decimal import Decimal

import pytest

from pos.domain.at import PARK, Outcome
from pos.domain.errors import NotFoundError, PosError, ValidationError
from pos.services.document_search import DocumentQuery
from tests.ui.fakes import reprinted

DAY = date(2026, 3, 14)


def test_sales_summary_counts_sales_refunds_and_leaves_cancelled_out(app, clock):
    a = app.sell_items([("PAO01", 2)], payments=(("NU", None),), user="caixa1")
    b = app.sell_items([("CAF02", 1)], payments=(("CD", None),), user="gerente")
    app.cancel(b.document_no, "Engano", user="gerente")
    clock.advance(hours=4)
    c = app.sell_items([("PAS01", 3)], payments=(("MB", None),))
    note = app.credit(c.document_no, "Defeito", [(1, Decimal(1))], user="gerente")
    s = app.sales_summary(DAY, DAY)
    assert (s.documents, s.sales_count, s.cancelled) == (3, 2, 1)
    assert s.sales == a.totals.gross + c.totals.gross
    assert s.refunds == note.totals.gross and s.net == s.sales - s.refunds
    assert s.by_hour[10] == a.totals.gross
    assert s.by_hour[14] == c.totals.gross - note.totals.gross
    assert {m.method for m in s.by_method} == {"MB", "NU"}
    # everything was paid at the till; a note that records no payment gave cash back (the
    # X and Z reports' rule)
    assert sum(m.amount for m in s.by_method) == s.net
    assert next(m for m in s.by_method if m.method == "NU").amount == \
        a.totals.gross - note.totals.gross
    assert sum(r.gross for r in s.by_rate) == s.net
    assert s.vat == sum(r.tax for r in s.by_rate)
    assert s.training                                   # the demo sells in training series
    assert s.by_day == ((DAY, s.net),)


@pytest.mark.parametrize("start,end,sentence", [
    (date(2026, 3, 15), DAY, "termina antes de começar"),
    (date(2025, 1, 1), DAY, "até 366 dias"),
])
def test_sales_summary_refuses_a_wrong_period(app, start, end, sentence):
    with pytest.raises(ValidationError, match=sentence):
        app.sales_summary(start, end)


def test_documents_are_found_by_number_date_customer_and_amount(app, clock):
    from pos.domain.customer import make_customer
    first = app.sell_items([("PAO01", 1)])
    clock.advance(days=2)
    invoice = app.sell_items([("MER02", 2)], doc_type="FT",
                             customer=make_customer("123456789", "Maria Silva",
                                                    "Rua A, 1", "Porto", "4000-001"))
    find = app.find_documents
    assert [d.document_no for d in find(DocumentQuery(number=first.document_no)).items] == [
        first.document_no]
    assert find(DocumentQuery(start=date(2026, 3, 16))).total == 1
    assert find(DocumentQuery(end=DAY)).items[0].document_no == first.document_no
    assert find(DocumentQuery(customer="maria")).items[0].document_no == invoice.document_no
    assert find(DocumentQuery(customer="1234")).total == 1
    typed = f"{invoice.totals.gross:.2f}".replace(".", ",")
    assert [d.document_no for d in find(DocumentQuery(amount=typed)).items] == [
        invoice.document_no]
    assert find(DocumentQuery(doc_type="ft")).total == 1
    page = find(DocumentQuery(), offset=0, limit=1)
    assert (page.total, len(page.items), page.items[0].document_no) == (
        2, 1, invoice.document_no)                      # newest first
    for bad, sentence in ((DocumentQuery(amount="abc"), "inválido"),
                          (DocumentQuery(amount="-1"), "entre 0"),
                          (DocumentQuery(doc_type="XX"), "Tipo de documento desconhecido"),
                          (DocumentQuery(number="FS\x00"), "carácter de controlo"),
                          (DocumentQuery(start=DAY, end=date(2026, 3, 1)), "antes de")):
        with pytest.raises(ValidationError, match=sentence):
            find(bad)
    with pytest.raises(ValidationError, match="Página inválida"):
        find(DocumentQuery(), limit=10_000)


def test_reprint_and_void_logs(app):
    doc = app.sell_items([("PAO01", 1)])
    reprinted(app, doc.document_no, "gerente", "Talão perdido")
    other = app.sell_items([("CAF02", 1)])
    app.cancel(other.document_no, "Engano", user="gerente")
    app.record_event("caixa1", "cart_voided", "3 lines")
    (r,) = app.reprint_log(DAY, DAY)
    assert (r.document_no, r.copy_number, r.user, r.reason) == (
        doc.document_no, 1, "gerente", "Talão perdido")
    voids = app.void_log(DAY, DAY)
    assert [(v.what, v.user) for v in voids] == [("document", "gerente"),
                                                 ("cart_voided", "caixa1")]
    assert voids[0].amount == other.totals.gross and voids[0].reason == "Engano"


def test_role_checked_actions_refuse_what_the_role_may_not(app):
    doc = app.sell_items([("PAO01", 2)], payments=(("NU", None),))
    with pytest.raises(ValidationError, match="não pode anular documentos"):
        app.cancel_document(doc.document_no, "Engano", "caixa1")
    with pytest.raises(ValidationError, match="não pode emitir notas de crédito"):
        app.credit_document(doc.document_no, "Defeito", None, "caixa1")
    with pytest.raises(ValidationError, match="não pode mudar a empresa"):
        app.series_request("register", "FS", "CX1N2026", "gerente")
    with pytest.raises(ValidationError, match="não pode mudar a empresa"):
        app.rotate_signing_key("gerente")
    with pytest.raises(ValidationError, match="não pode mudar a empresa"):
        app.set_training(False, "gerente")
    note = app.credit_document(doc.document_no, "Defeito", [(1, Decimal(1))], "gerente")
    assert note.doc_type == "NC"
    app.set_permission("manager", "reprint", False, user="admin")
    with pytest.raises(ValidationError, match="não pode reimprimir"):
        app.reprint_document(doc.document_no, "gerente", "cópia")
    assert app.rights("gerente") >= {"back_office", "cancel", "credit_note"}
    assert "reprint" not in app.rights("gerente") and "users" not in app.rights("gerente")


def test_key_rotation_keeps_old_documents_verifiable(app):
    doc = app.sell_items([("PAO01", 1)])
    version = app.rotate_signing_key("admin")
    assert version == 2
    assert [(k.version, k.active) for k in app.signing_keys()] == [(1, False), (2, True)]
    after = app.sell_items([("PAO01", 1)])
    assert app.document(after.document_no).key_version == 2
    assert app.document(doc.document_no).key_version == 1
    assert app.verify().ok
    assert ("key", "admin") in [(k, u) for k, u in _audit(app)]


def _audit(app):
    from sqlalchemy import select

    from pos.persistence.models import AuditEvent
    with app.unit(False) as uow:
        return [(e.kind, e.user_login) for e in uow.session.scalars(select(AuditEvent))]


def test_a_duty_shows_its_history_and_the_answer_of_at(normal_app):
    app = normal_app
    doc = app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    (duty,) = app.claim_duties(10)
    app.record_outcome(duty, Outcome(PARK, "Documento já existe", "-3"))
    item = app.queue_item(duty.id)
    assert (item.subject, item.status, item.kind) == (doc.document_no, "parked", "invoice")
    assert any("Recusado pela AT: [-3] Documento já existe" in s.what for s in item.history)
    app.queue_retry(duty.id, user="gerente")
    item = app.queue_item(duty.id)
    assert any(s.what.startswith("Reenvio pedido por gerente") for s in item.history)
    (duty,) = app.claim_duties(10)
    app.record_outcome(duty, Outcome("done", result={"ATDocCodeID": "X1"}))
    item = app.queue_item(duty.id)
    assert item.answer == {"ATDocCodeID": "X1"} and item.history[-1].what == "A AT recebeu."
    with pytest.raises(NotFoundError):
        app.queue_item(99999)


def test_refused_duties_come_first_however_long_the_queue(normal_app):
    app = normal_app
    first = app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    (duty,) = app.claim_duties(1)
    app.record_outcome(duty, Outcome(PARK, "Recusado", "-7"))
    for _ in range(4):
        app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    rows = app.queue_list(limit=3)
    assert [r.subject for r in rows][0] == first.document_no and rows[0].status == "parked"
    assert len(rows) == 3 and all(r.status == "pending" for r in rows[1:])


def test_a_manager_stops_and_resumes_the_queue(app):
    assert app.queue_stop("Certificado a renovar", user="gerente") is True
    assert app.queue_stop("outra vez", user="gerente") is False
    stop = app.queue_stopped()
    assert stop.message == "Parados por gerente: Certificado a renovar"
    with pytest.raises(ValidationError, match="não pode entrar no back office"):
        app.queue_stop("x", user="caixa1")
    with pytest.raises(ValidationError, match="Indique o motivo"):
        app.queue_stop("  ", user="gerente")
    assert app.queue_resume(user="gerente") and app.queue_stopped() is None


def test_saft_export_tells_its_progress_and_stops_when_asked(normal_app, tmp_path):
    app = normal_app
    for _ in range(3):
        app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    seen = []
    out = tmp_path / "saft"
    out.mkdir()
    result = app.export_saft(out / "s.xml", 2026, 3, progress=lambda *p: seen.append(p))
    assert result.documents == 3
    assert seen[0] == ("writing", 1, 3) and seen[-1] == ("writing", 3, 3)
    with pytest.raises(PosError, match="cancelada"):
        app.export_saft(out / "stopped.xml", 2026, 3, progress=lambda *p: False)
    assert [p.name for p in out.iterdir()] == ["s.xml"]      # nothing half-written left


def test_verification_tells_its_progress(app):
    for _ in range(3):
        app.sell_items([("PAO01", 1)])
    seen = []
    report = app.verify(progress=lambda *p: seen.append(p))
    assert report.ok and report.documents == 3
    assert seen[0] == ("verifying", 0, 3) and seen[-1] == ("verifying", 3, 3)


def test_the_dashboard_in_one_read(normal_app, clock):
    app = normal_app
    app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    d = app.dashboard(date(2026, 3, 1), DAY)
    assert d.today.documents == 1 and d.period.documents == 1
    assert d.deadline.subject.startswith("FS A2026/")
    assert d.deadline.at.date() == date(2026, 4, 5)
    assert not d.integrity.blocked and d.last_backup is None
    assert any("cópia de segurança" in w.text for w in d.warnings)
    with app.unit(write=True) as uow:               # a backup on record (as create_backup does)
        uow.audit.append(clock.now(), "admin", "backup", "caixa.backup")
    assert not any("cópia de segurança" in w.text for w in app.dashboard().warnings)
    clock.advance(days=8)
    assert any("há 8 dias" in w.text for w in app.dashboard().warnings)
