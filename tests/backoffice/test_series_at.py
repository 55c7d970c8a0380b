"""Séries e AT on a real shop: series of every till, what is reserved ahead, a series added
with AT's portal code (an administrator; a manager refused), a registration queued for AT;
the AT queue with each duty's history and AT's answer, retry, stop and resume."""

from pos.domain.at import PARK, Outcome


def series_area(office, login="admin", pin="1234"):
    office.sign_in(login, pin)
    return office.open("series")


def test_series_are_listed_and_the_plan_is_asked_of_at(office):
    area = series_area(office)
    tab = area.series
    office.settle()
    assert tab.table.rowCount() == len(office.app.series())
    assert ("FS", "DEMO2026") in tab.table.values
    wanted = [i for i in office.app.series_plan() if i.action == "register"]
    assert tab.plan.rowCount() >= len(wanted) and tab.plan_button.isEnabled()
    office.tap(tab.plan_button)
    assert "pedido(s) na fila" in area.notice.text()
    rows = office.app.queue_rows()
    assert len(rows) == len(wanted) and {r.kind for r in rows} == {"series_register"}


def test_a_series_added_with_the_portal_code_and_a_manager_refused(office):
    area = series_area(office, "gerente", "2222")
    tab = area.series
    tab.doc_type.setCurrentIndex(tab.doc_type.findData("FS"))
    office.type(tab.series_id, "CX1N2026")
    office.type(tab.code, "AAJFJ2KC")
    office.tap(tab.add_button)
    assert "não pode mudar a empresa" in area.notice.text()
    office.tap(office.w.leave)
    area = series_area(office)
    tab = area.series
    tab.doc_type.setCurrentIndex(tab.doc_type.findData("FS"))
    office.type(tab.series_id, "CX1N2026")
    office.type(tab.code, "abc")
    office.tap(tab.add_button)
    assert "Código de validação AT inválido" in area.notice.text()
    office.type(tab.code, "AAJFJ2KC")
    office.tap(tab.add_button)
    assert "Série acrescentada" in area.notice.text()
    assert ("FS", "CX1N2026") in tab.table.values
    office.type(tab.series_id, "CX1N2027")
    office.tap(tab.register_button)
    assert "fila de envios" in area.notice.text()
    assert office.app.queue_rows()[-1].kind == "series_register"


def test_the_queue_shows_history_and_answer_and_takes_a_retry(make_office, normal_app):
    app = normal_app
    doc = app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    (duty,) = app.claim_duties(10)
    app.record_outcome(duty, Outcome(PARK, "NIF do adquirente inválido", "-7"))
    office = make_office(app)
    area = series_area(office)
    area.tabs.setCurrentWidget(area.queue)
    office.settle()
    q = area.queue
    assert "1 recusado(s)" in q.summary.text()
    assert q.table.values == [duty.id] and q.table.text(0, 3) == "recusado"
    q.table.choose(0)
    office.settle()
    text = q.detail.toPlainText()
    assert doc.document_no in text and "Recusado pela AT: [-7] NIF do adquirente inválido" in text
    office.tap(q.retry_button)
    assert "volta a ser enviado" in area.notice.text()
    assert app.queue_rows()[0].status == "pending"
    q.table.choose(0)
    office.settle()
    assert "Reenvio pedido por admin" in q.detail.toPlainText()
    office.tap(q.retry_button)                          # not refused any more
    assert "não está retido" in area.notice.text()


def test_the_queue_is_stopped_and_resumed(office):
    area = series_area(office, "gerente", "2222")
    area.tabs.setCurrentWidget(area.queue)
    office.settle()
    q = area.queue
    office.tap(q.stop_button)
    assert "Indique o motivo" in area.notice.text()
    office.type(q.reason, "Certificado a renovar")
    office.tap(q.stop_button)
    assert "PARADA" in q.summary.text() and q.resume_button.isEnabled()
    assert office.app.queue_stopped() is not None
    office.tap(q.resume_button)
    assert office.app.queue_stopped() is None and q.stop_button.isEnabled()
    office.tap(q.send_button)                           # the AT link answers (a fake here)
    assert "Enviados: 0 recebidos" in area.notice.text()
