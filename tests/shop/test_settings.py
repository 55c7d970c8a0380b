"""The company, its tax region, establishments, payment methods, the till's printer and the
language, as the back office and the CLI change them."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.domain.errors import ValidationError
from pos.persistence.models import AuditEvent


def audit(app, kind):
    with app.unit(write=False) as uow:
        return uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.kind == kind).order_by(AuditEvent.id)).all()


def test_the_company_is_shown_and_edited_by_an_administrator(app):
    c = app.company()
    assert (c.nif, c.tax_region, c.certificate_number) == ("599999993", "PT", "9999")
    c = app.update_company(name="Loja Nova, Lda.", address="Rua Nova, 2",
                           postal_code="1000-001", email="geral@loja.pt",
                           certificate_number="1234", user="admin")
    assert (c.name, c.address, c.postal_code, c.certificate_number) == (
        "Loja Nova, Lda.", "Rua Nova, 2", "1000-001", "1234")
    assert app.issuer().name == "Loja Nova, Lda."
    assert audit(app, "company_changed") == ["name, address, postal_code, email, "
                                             "certificate_number"]
    with pytest.raises(ValidationError, match="não pode mudar a empresa"):
        app.update_company(name="Outra", user="gerente")
    for kwargs, sentence in ((dict(postal_code="1000"), "Código postal inválido"),
                             (dict(email="geral"), "E-mail inválido"),
                             (dict(certificate_number="12345"), "certificado do programa"),
                             (dict(name=""), "Indique o nome da empresa"),
                             (dict(nif="123456780"), "NIF inválido")):
        with pytest.raises(ValidationError, match=sentence):
            app.update_company(**kwargs, user="admin")
    assert app.company().name == "Loja Nova, Lda."


def test_the_nif_changes_before_the_first_document_never_after(normal_app):
    app = normal_app
    assert app.update_company(nif="500000000", user="admin").nif == "500000000"
    app.sell_items([("PAO01", 1)], payments=(("NU", None),), user="caixa1")
    with pytest.raises(ValidationError, match="não muda depois de emitidos documentos"):
        app.update_company(nif="599999993", user="admin")


def test_a_tax_region_change_follows_its_rules(normal_app):
    app = normal_app
    before = app.sell_items([("BEB02", 1)], payments=(("NU", None),), user="caixa1")
    preview = app.region_change_preview("PT-MA")
    assert dict((c, (a, b)) for c, a, b in preview.rates)["NOR"] == (Decimal(23),
                                                                     Decimal(22))
    assert preview.products > 0 and app.company().tax_region == "PT"
    session = app.open_session("caixa1", "50")
    with pytest.raises(ValidationError, match=r"Feche as sessões de caixa abertas \(CX1\)"):
        app.set_tax_region("PT-MA", user="admin")
    app.close_session(session.id, "gerente", {"NU": "52.50"})
    with pytest.raises(ValidationError, match="Região fiscal desconhecida"):
        app.set_tax_region("ES", user="admin")
    with pytest.raises(ValidationError, match="não pode mudar a empresa"):
        app.set_tax_region("PT-MA", user="gerente")
    change = app.set_tax_region("pt-ma", user="admin")
    assert (change.old, change.new) == ("PT", "PT-MA")
    after = app.sell_items([("BEB02", 1)], payments=(("NU", None),), user="caixa1")
    assert (after.tax_region, after.lines[0].tax_percentage) == ("PT-MA", Decimal(22))
    assert after.totals.gross == before.totals.gross == Decimal("2.50")
    assert app.document(before.document_no).tax_region == "PT"       # signed: unchanged
    note = app.credit(before.document_no, "Devolução")
    assert (note.tax_region, note.lines[0].tax_percentage) == ("PT", Decimal(23))
    assert audit(app, "tax_region") == ["PT -> PT-MA"]
    with pytest.raises(ValidationError, match="já está na região fiscal PT-MA"):
        app.set_tax_region("PT-MA", user="admin")


def test_establishments_are_listed_with_their_tills_and_edited(app):
    [e] = app.establishments()
    assert (e.code, e.tills) == ("Global", ("CX1",))
    app.update_establishment("Global", name="Loja da Sé", user="admin")
    assert app.establishments()[0].name == "Loja da Sé"
    with pytest.raises(ValidationError, match="Código postal inválido"):
        app.update_establishment("Global", postal_code="abc", user="admin")


def test_payment_methods_keep_cash_and_their_order(app):
    assert [m.code for m in app.payment_methods()][:3] == ["NU", "CD", "MB"]
    assert [m.code for m in app.set_payment_methods("mb, nu", user="admin")] == ["MB", "NU"]
    assert audit(app, "payment_methods") == ["MB,NU"]
    for codes, sentence in (("CD,MB", "numerário \\(NU\\) tem de estar"),
                            ("NU,BTC", "Meio de pagamento desconhecido"),
                            (["NU", "nu"], "aparece duas vezes")):
        with pytest.raises(ValidationError, match=sentence):
            app.set_payment_methods(codes, user="admin")
    assert [m.code for m in app.payment_methods()] == ["MB", "NU"]
    assert len(app.all_payment_methods()) == 7


def test_the_printer_is_kept_in_the_tills_settings_and_checked_by_printing(app):
    from ui.adapters import check_printer_config
    app.printer_check = check_printer_config
    assert app.printer_settings() is None
    kept = app.set_printer("tcp:192.168.1.50:9100", "epson-tm-t20", {"qr_mode": "native"},
                           user="admin")
    assert app.printer_settings() == kept
    assert kept.config() == {"connection": "tcp:192.168.1.50:9100",
                             "profile": {"preset": "epson-tm-t20", "qr_mode": "native"}}
    for args, sentence in ((("lpt1",), "Ligação de impressora desconhecida"),
                           (("tcp:host", "epson-xx"), "Perfil de impressora desconhecido"),
                           (("tcp:host", "generic-80", {"cuter": "no"}), "desconhecida: cuter"),
                           (("tcp:host\x1b",), "carácter de controlo")):
        with pytest.raises(ValidationError, match=sentence):
            app.set_printer(*args, user="admin")
    assert app.printer_settings() == kept
    app.remove_printer(user="admin")
    assert app.printer_settings() is None
    assert audit(app, "printer") == ["tcp:192.168.1.50:9100 epson-tm-t20", "removed"]


def test_the_till_prints_on_the_printer_its_settings_name(app, tmp_path):
    """The till's adapter reads the settings; a change rebuilds it (a real file printer)."""
    from pos.bootstrap import open_app
    from ui.adapters import check_printer_config, printer_from_environment
    out = tmp_path / "printer.bin"
    a = open_app(app.db.url.removeprefix("sqlite:///"), printer=printer_from_environment,
                 printer_check=check_printer_config)
    try:
        assert type(a.printer).__name__ == "NoPrinter"
        a.set_printer(f"file:{out}", user="admin")
        doc = a.sell_items([("PAO01", 1)], payments=(("NU", None),), user="caixa1")
        assert a.print_document(doc.document_no).ok
        assert doc.document_no.encode() in out.read_bytes()
    finally:
        a.close()


def test_the_language_is_pt_or_en(app):
    assert app.language() == "pt"
    assert app.set_language("EN", user="admin") == "en"
    with pytest.raises(ValidationError, match="Língua desconhecida"):
        app.set_language("fr", user="admin")
    assert app.language() == "en"
