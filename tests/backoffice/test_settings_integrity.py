"""Definições and Integridade on a real shop: the company edited by an administrator (a
manager refused), payment methods in order, the printer set and tried on a real TCP socket
with its receipt preview, AT credentials typed and never shown back, the public key exported
and a new key in use, training mode; a full verification with a progress bar finding altered
data, and the administrator's PIN to acknowledge it."""

import sqlite3

from tests.printing.conftest import FakePrinter as TcpPrinter
from tests.shop.test_at_credentials import certificate, key_pem, pem


def settings(office, login="admin", pin="1234"):
    office.sign_in(login, pin)
    area = office.open("settings")
    office.settle()
    return area


def test_the_company_is_changed_by_an_administrator_only(office):
    area = settings(office, "gerente", "2222")
    assert "Pode consultar" in area.notice.text()
    office.type(area.company.fields["phone"], "219999999")
    office.tap(area.company.save_button)
    assert "não pode mudar a empresa" in area.notice.text()
    office.tap(office.w.leave)
    area = settings(office)
    company = area.company
    assert company.fields["nif"].text() == "599999993"
    office.type(company.fields["phone"], "219999999")
    office.tap(company.save_button)
    assert "Empresa guardada" in area.notice.text()
    assert office.app.company().phone == "219999999"
    office.type(company.fields["postal_code"], "1000")
    office.tap(company.save_button)
    assert "Código postal" in area.notice.text()
    company.region.setCurrentIndex(company.region.findData("PT-MA"))
    office.tap(company.preview_button)
    assert "De PT para PT-MA" in company.region_note.text()
    assert office.app.company().tax_region == "PT"


def test_payment_methods_in_button_order(office):
    area = settings(office)
    area.tabs.setCurrentWidget(area.payments)
    office.settle()
    p = area.payments
    codes = [p.list.item(i).data(256) for i in range(p.list.count())]
    from PySide6.QtCore import Qt
    for i, code in enumerate(codes):
        p.list.item(i).setCheckState(Qt.CheckState.Checked if code in ("NU", "MB", "CC")
                                     else Qt.CheckState.Unchecked)
    p.list.setCurrentRow(codes.index("MB"))
    office.tap(p.up)
    office.tap(p.save_button)
    chosen = [m.code for m in office.app.payment_methods()]
    assert set(chosen) == {"NU", "MB", "CC"}
    assert "Meios de pagamento guardados" in area.notice.text()


def test_the_printer_is_set_tried_and_previewed(office):
    printer = TcpPrinter()
    try:
        area = settings(office)
        area.tabs.setCurrentWidget(area.printer)
        office.settle()
        tab = area.printer
        office.type(tab.connection, "lpt1:")
        office.tap(tab.save_button)
        assert "desconhecida" in area.notice.text()
        office.type(tab.connection, printer.spec)
        tab.preset.setCurrentIndex(tab.preset.findData("epson-tm-t20"))
        office.tap(tab.save_button)
        assert office.app.printer_settings().connection == printer.spec
        office.tap(tab.test_button)
        printer.wait()
        assert "Página de teste enviada" in area.notice.text()
        assert printer.jobs and b"\x1dV" in printer.jobs[-1]             # cut at the end
        office.tap(tab.preview_button)
        assert not tab.picture.pixmap().isNull()
    finally:
        printer.close()


def test_at_credentials_are_typed_and_never_shown_back(office, tmp_path):
    area = settings(office)
    area.tabs.setCurrentWidget(area.at)
    office.settle()
    at = area.at
    office.type(at.username, "599999993/37")
    office.type(at.password, "senha-muito-secreta")
    office.tap(at.login_button)
    assert at.password.text() == "" and "senha" not in at.state.text()
    assert "palavra-passe: guardada" in at.state.text()
    cert, key = certificate("Caixa")
    (tmp_path / "c.pem").write_bytes(pem(cert))
    (tmp_path / "k.pem").write_bytes(key_pem(key, b"pw"))
    at.client_cert.set_path(str(tmp_path / "c.pem"))
    at.client_key.set_path(str(tmp_path / "k.pem"))
    office.type(at.key_password, "pw")
    office.tap(at.certs_button)
    assert "chave: guardada" in at.state.text(), at.state.text()
    assert "Caixa" in at.state.text()
    at.at_cert.set_path(str(tmp_path / "missing.cer"))
    office.tap(at.certs_button)
    assert "Não foi possível ler" in area.notice.text()


def test_public_key_exported_and_a_new_key_in_use(office, tmp_path):
    area = settings(office)
    area.tabs.setCurrentWidget(area.key)
    office.settle()
    key = area.key
    assert key.table.rowCount() == 1
    key.public_path.set_path(str(tmp_path / "pub.pem"))
    office.tap(key.export_button)
    assert (tmp_path / "pub.pem").read_bytes().startswith(b"-----BEGIN PUBLIC KEY")
    office.tap(key.rotate_button)
    office.tap(key.rotate_button)
    assert "Chave versão 2 em uso" in area.notice.text()
    assert [k.active for k in office.app.signing_keys()] == [False, True]


def test_training_mode_and_language(office):
    area = settings(office)
    area.tabs.setCurrentWidget(area.tills)
    office.settle()
    office.settle()
    assert "modo de formação" in area.tills.training.text()
    office.tap(area.tills.off_button)
    assert office.app.training_mode() is False
    area.tabs.setCurrentWidget(area.language)
    office.settle()
    area.language.language.setCurrentIndex(1)
    office.tap(area.language.save_button)
    assert office.app.language() == "en"


def test_verification_finds_altered_data_and_an_administrator_acknowledges(office, db_path):
    app = office.app
    for _ in range(3):
        app.sell_items([("PAO01", 1)])
    app.db.dispose()
    con = sqlite3.connect(db_path)
    con.execute("DROP TRIGGER IF EXISTS documents_update")   # as an editor of the file would
    con.execute("UPDATE documents SET gross_total='0.50' WHERE document_no='FS DEMO2026/2'")
    con.commit()
    con.close()
    office.sign_in()
    area = office.open("integrity")
    office.settle()
    assert not area.ack_button.isEnabled()
    values = []
    area.progress.bar.valueChanged.connect(values.append)
    office.tap(area.verify_button)
    assert "FS DEMO2026/2" in area.report.toPlainText()
    assert 3 in values and not area.progress.isVisible()
    assert "bloqueada" in area.state.text() and area.ack_button.isEnabled()
    assert set(area.admin_buttons) == {"admin"}
    office.type(area.pin, "9999")
    office.tap(area.ack_button)
    assert "PIN errado" in area.notice.text()
    assert app.integrity_status().blocked
    office.type(area.pin, "1234")
    office.tap(area.ack_button)
    assert "Relatório confirmado" in area.notice.text()
    assert not app.integrity_status().blocked
    assert any(k == "integrity_acknowledged" and u == "admin" for k, u, _d in office.audit())


def test_an_establishment_is_edited_and_training_mode_left(office):
    area = settings(office)
    area.tabs.setCurrentWidget(area.tills)
    office.settle()
    tills = area.tills
    office.tap(tills.save_button)
    assert "Escolha um estabelecimento" in area.notice.text()
    tills.table.choose(0)
    assert tills.table.text(0, 3) == "CX1"
    office.type(tills.place["name"], "Loja da Sé")
    office.tap(tills.save_button)
    assert "Estabelecimento guardado" in area.notice.text()
    assert [e.name for e in office.app.establishments()] == ["Loja da Sé"]
