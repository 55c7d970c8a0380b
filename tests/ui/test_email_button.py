"""The till's after-sale "E-mail" button: the address typed on the on-screen keyboard, the
request recorded off the screen's thread, the message delivered by the background sender
to a real SMTP server on 127.0.0.1; a bad address is one sentence on the page."""

from sync.mail_sender import MailLink
from tests.mail.conftest import configure, smtp  # noqa: F401


def _sell(d):
    d.sign_in()
    d.tap_product("Pastelaria", "PAS01", 2)
    d.tap(d.w.sale.pay_button)
    d.tap(next(b for b in d.w.payment.quick_buttons if b.text() == "20 €"))
    d.tap(d.w.payment.confirm_button)
    d.wait_idle()
    return d.last_document()


def test_the_till_emails_the_last_sale(driver, app, smtp):  # noqa: F811
    d = driver
    configure(app, smtp.port)
    app.mail_link = MailLink(app, config_loader=None, background=True)
    try:
        doc = _sell(d)
        card = d.w.sale.after
        assert card.email_button.isVisible() and card.email_button.height() >= 48
        d.tap(card.email_button)
        page, kb = d.w.page("email"), d.w.keyboard.keyboard
        assert d.page() is page and kb.isVisible() and kb.target is page.address
        # Everything the cashier needs stays above the keyboard at 1024×768.
        for widget in (page.address, page.ok, page.back):
            bottom = widget.mapTo(d.w.centralWidget(), widget.rect().bottomLeft()).y()
            assert bottom < kb.geometry().top() and widget.height() >= 48
        for key in "ana⇧-s@exemplo.pt":           # shift and '-' type '_'
            d.tap(kb.keys[key])
        assert page.address.text() == "ana_s@exemplo.pt"
        d.tap(kb.keys["OK"])                       # Enter sends, as the button does
        d.wait_idle()
        assert d.page() is d.w.sale
        assert d.w.sale.notice.text() == f"{doc.document_no} segue por e-mail para " \
                                         "ana_s@exemplo.pt."
        d.qtbot.waitUntil(lambda: len(smtp.inbox.messages) == 1, timeout=20_000)
        (msg,) = smtp.inbox.messages
        assert msg["To"] == "ana_s@exemplo.pt" and doc.document_no in msg["Subject"]
        assert [p.get_content_type() for p in msg.iter_attachments()] == ["application/pdf"]
    finally:
        app.mail_link.close()


def test_a_bad_address_stays_on_the_page_in_one_sentence(driver, app):
    d = driver
    _sell(d)
    d.tap(d.w.sale.after.email_button)
    page = d.w.page("email")
    page.address.setText("ana@exemplo")
    d.tap(page.ok)
    d.wait_idle()
    assert d.page() is page
    assert page.notice.text() == "Endereço de e-mail inválido: 'ana@exemplo' (por exemplo " \
                                 "cliente@exemplo.pt)."
    assert app.mail_queue() == []
