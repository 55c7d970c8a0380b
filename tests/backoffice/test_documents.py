"""Documentos on a real shop: found by number, date, customer and amount; shown as printed
(the receipt preview from printing/); reprinted as a marked copy; cancelled with a reason
after a second press; a credit note on chosen lines; an A4 PDF; and the same refused to a
role that may not."""

from decimal import Decimal

from PySide6.QtCore import Qt

from pos.domain.customer import make_customer


def documents(office):
    office.sign_in()
    area = office.open("documents")
    office.settle()
    return area


def choose(office, area, number: str) -> None:
    area.table.choose(area.table.values.index(number))
    office.settle()


def test_search_preview_reprint_and_pdf(office, tmp_path):
    app = office.app
    sale = app.sell_items([("PAO01", 2)], payments=(("NU", None),))
    invoice = app.sell_items([("MER02", 1)], doc_type="FT", customer=make_customer(
        "123456789", "Maria Silva", "Rua A, 1", "Porto", "4000-001"))
    area = documents(office)
    assert area.table.values == [invoice.document_no, sale.document_no]
    office.type(area.customer, "maria")
    office.tap(area.find)
    assert area.table.values == [invoice.document_no]
    area.customer.clear()
    office.type(area.amount, f"{sale.totals.gross:.2f}".replace(".", ","))
    office.tap(area.find)
    assert area.table.values == [sale.document_no]
    choose(office, area, sale.document_no)
    assert area.preview.pixmap() is not None and not area.preview.pixmap().isNull()
    office.type(area.reason, "Talão perdido")
    office.tap(area.reprint_button)
    office.settle()
    # Never printed (sold through the facade): the first print is the original.
    job = office.app.printer.documents()[-1]
    assert (job["number"], job["copy"]) == (sale.document_no, 0)
    assert "original" in area.notice.text()
    office.tap(area.reprint_button)
    office.settle()
    job = office.app.printer.documents()[-1]
    assert (job["number"], job["copy"], job["reason"]) == (sale.document_no, 1,
                                                           "Talão perdido")
    assert "Cópia impressa (2.ª via)" in area.notice.text()
    out = tmp_path / "doc.pdf"
    area.pdf.set_path(str(out))
    office.tap(area.pdf_button)
    assert out.read_bytes().startswith(b"%PDF")


def test_cancel_asks_twice_and_needs_a_reason(office):
    sale = office.app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    area = documents(office)
    choose(office, area, sale.document_no)
    office.tap(area.cancel_button)
    assert "motivo" in area.notice.text()
    office.type(area.reason, "Engano do operador")
    office.tap(area.cancel_button)
    assert "Carregue outra vez" in area.notice.text()
    assert office.app.document(sale.document_no).status == "N"
    office.tap(area.cancel_button)
    assert office.app.document(sale.document_no).status == "A"
    assert f"{sale.document_no} anulado" in area.notice.text()
    assert ("cancel", "gerente") in [(k, u) for k, u, _ in office.audit()]


def test_a_credit_note_on_chosen_lines(office):
    sale = office.app.sell_items([("PAO01", 3), ("CAF02", 1)], payments=(("NU", None),))
    area = documents(office)
    choose(office, area, sale.document_no)
    office.tap(area.credit_button)
    credit = area.credit
    assert area.side.currentWidget() is credit and credit.lines.rowCount() == 2
    office.tap(credit.issue_button)
    assert "pelo menos uma linha" in area.notice.text()
    credit.set_quantity(1, "5")
    office.type(credit.reason, "Defeito")
    office.tap(credit.issue_button)
    assert area.notice.property("level") == "error"             # more than was sold
    credit.set_quantity(1, "2")
    office.tap(credit.issue_button)
    note = office.app.documents(1)[0]
    assert note.doc_type == "NC" and "emitida" in area.notice.text()
    lines = office.app.document(note.document_no).lines
    assert [(ln.product_code, ln.quantity) for ln in lines] == [("PAO01", Decimal(2))]


def test_a_role_without_the_right_is_refused(office):
    app = office.app
    sale = app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    app.set_permission("manager", "cancel", False, user="admin")
    area = documents(office)
    choose(office, area, sale.document_no)
    assert not area.cancel_button.isEnabled()
    office.ctx.rights = office.ctx.rights | {"cancel"}     # a screen that did not notice
    area._document(app.document(sale.document_no))
    office.type(area.reason, "Engano")
    office.tap(area.cancel_button)
    office.tap(area.cancel_button)
    assert "não pode anular documentos" in area.notice.text()
    assert app.document(sale.document_no).status == "N"


def test_keyboard_search(office):
    sale = office.app.sell_items([("PAO01", 1)], payments=(("NU", None),))
    office.app.sell_items([("CAF02", 1)], payments=(("NU", None),))
    area = documents(office)
    area.number.setFocus()
    office.qtbot.keyClicks(area.number, sale.document_no)
    office.qtbot.keyClick(area.number, Qt.Key.Key_Return)
    office.settle()
    assert area.table.values == [sale.document_no]


def test_send_by_email_beside_save_pdf(office):
    """The back office queues the document for e-mail (checked: one sentence on a bad
    address); the second document of the same customer is offered the same address."""
    from sync.mail_sender import MailLink
    from tests.mail.conftest import SmtpServer, configure, free_port

    app = office.app
    server = SmtpServer(free_port())
    server.start()
    try:
        configure(app, server.port)
        maria = make_customer("123456789", "Maria Silva", "Rua A, 1", "Porto", "4000-001")
        first = app.sell_items([("MER02", 1)], doc_type="FT", customer=maria)
        second = app.sell_items([("PAO01", 1)], doc_type="FT", customer=maria)
        area = documents(office)
        choose(office, area, first.document_no)
        assert area.email_button.text() == "Enviar por e-mail" and area.email.text() == ""
        office.type(area.email, "maria@exemplo")
        office.tap(area.email_button)
        assert "Endereço de e-mail inválido" in area.notice.text()
        assert app.mail_queue() == []
        area.email.clear()
        office.type(area.email, "maria@exemplo.pt")
        office.tap(area.email_button)
        office.settle()
        assert area.notice.text() == f"{first.document_no} na fila de envio por e-mail " \
                                     "para maria@exemplo.pt."
        choose(office, area, second.document_no)
        assert area.email.text() == "maria@exemplo.pt"
        assert MailLink(app, config_loader=None).drain().done == 1
        (msg,) = server.inbox.messages
        assert first.document_no in msg["Subject"]
    finally:
        server.stop()
