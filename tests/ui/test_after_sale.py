"""After the sale: reprint a copy with a reason; return lines on a credit note approved by a
manager, finding the document by number, from the list, or by its scanned QR code."""

from decimal import Decimal as D

from PySide6.QtCore import Qt


def sell(d, *taps):
    for category, code, times in taps:
        d.tap_product(category, code, times)
    d.pay_cash_exact()
    return d.last_document()


def test_reprint_is_a_recorded_copy_with_a_reason(driver):
    d = driver
    d.sign_in()
    first = sell(d, ("Pastelaria", "PAS01", 1))
    last = sell(d, ("Cafetaria", "CAF02", 2))
    d.tap(d.w.sale.functions["reprint"])
    r = d.w.reprint
    assert d.page() is r and r.doc.document_no == last.document_no   # the last one first
    d.tap(r.go)
    assert "motivo" in r.notice.text()                               # a reason is required
    r.picker.field.setText(first.document_no)                       # typed number
    d.qtbot.keyClick(r.picker.field, Qt.Key.Key_Return)
    d.settle()
    assert r.doc.document_no == first.document_no
    d.tap(r.reasons["Talão ilegível"])
    d.tap(r.go)
    assert d.page() is d.w.sale and "A imprimir a cópia de" in d.w.sale.notice.text()
    d.wait_idle()                               # the printer's answer, told as it came
    assert d.w.sale.notice.text() == f"Cópia de {first.document_no} impressa (2.ª via)."
    copy = d.printer.documents()[-1]
    assert copy == {"kind": "document", "number": first.document_no, "copy": 1,
                    "reason": "Talão ilegível", "drawer": False, "user": "caixa1",
                    "label": "2.ª via"}
    assert d.reprints() == [(1, "caixa1", "Talão ilegível")]
    assert len(d.app.documents()) == 2                              # a copy issues nothing


def test_credit_note_of_chosen_lines_with_manager_approval(driver):
    d = driver
    d.sign_in("caixa1", "1111")
    sale = sell(d, ("Pastelaria", "PAS01", 3), ("Bebidas", "BEB05", 1))
    other = sell(d, ("Padaria", "PAO01", 1))
    d.tap(d.w.sale.functions["credit"])
    c = d.w.credit
    assert d.page() is c
    # Found by scanning the receipt's QR code (the scanner types the AT payload).
    qr = d.app.qr(sale)
    c.picker.field.setText(qr)
    d.qtbot.keyClick(c.picker.field, Qt.Key.Key_Return)
    d.settle()
    assert c.doc.document_no == sale.document_no and c.lines.count() == 2
    assert not c.go.isEnabled()
    c.lines.setCurrentRow(0)
    d.tap(c.minus)                              # return 2 of the 3 pastéis
    assert c.picks() == [(1, D("2"))] and c.total.text() == "A devolver: 2,40 €"
    d.tap(c.go)
    assert "motivo" in c.notice.text()
    d.tap(next(b for b in c.findChildren(type(c.go)) if b.text() == "Defeito"))
    d.tap(c.go)
    assert "gerente" in c.notice.text()         # no supervisor chosen
    d.tap(c.approval.buttons["gerente"])
    d.pad(c.pad, "9999")
    d.tap(c.go)
    assert "PIN errado" in c.notice.text()
    assert len(d.app.documents()) == 2         # nothing issued without approval
    d.pad(c.pad, "2222")
    d.tap(c.go)
    assert d.page() is d.w.sale and "devolva 2,40 €" in d.w.sale.notice.text()

    note = d.last_document()
    assert note.doc_type == "NC" and note.user == "caixa1"
    assert note.totals.gross == D("2.40")
    [line] = note.lines
    assert line.product_code == "PAS01" and line.quantity == 2
    assert line.reference.document_no == sale.document_no and line.reference.line_no == 1
    assert line.reference.reason == "Defeito"
    assert d.app.document(other.document_no).status == "N"
    d.wait_idle()
    job = d.printer.documents()[-1]
    assert job["number"] == note.document_no and job["drawer"]       # cash back
    events = d.audit()
    assert ("approval", "gerente") in events and ("credit_note", "caixa1") in events


def test_credit_note_refuses_more_than_what_is_left(driver):
    d = driver
    d.sign_in("gerente", "2222")
    sale = sell(d, ("Pastelaria", "PAS02", 1))
    d.app.credit(sale.document_no, "Devolução", user="gerente")
    d.tap(d.w.sale.functions["credit"])
    c = d.w.credit
    c.choose(sale.document_no)
    d.settle()
    c.check(1)
    c.reason.setText("Outra vez")
    assert c.approval.buttons["gerente"].isChecked()          # the manager approves himself
    d.pad(c.pad, "2222")
    d.tap(c.go)
    assert "totalmente creditado" in c.notice.text() or "só pode creditar" in c.notice.text()
    assert d.page() is c
