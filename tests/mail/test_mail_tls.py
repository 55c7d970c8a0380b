"""The encrypted ways to the server, against a real aiosmtpd server on 127.0.0.1 with a
certificate from a throwaway CA (trusted through SSL_CERT_FILE, as a shop would trust its
provider's): STARTTLS with a login, implicit TLS, and a certificate nobody vouches for
refused without sending the password — the e-mail waits in the queue."""

import ssl
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.mail_sender import MailLink

from .conftest import Inbox, free_port


def _cert(name, key, issuer, issuer_key, ca=False):
    now = datetime.now(UTC)
    b = (x509.CertificateBuilder()
         .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
         .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        b = b.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(IPv4Address("127.0.0.1"))]),
            critical=False)
    return b.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    d = tmp_path_factory.mktemp("smtp-pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _cert("Caixa SMTP CA", ca_key, "Caixa SMTP CA", ca_key, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _cert("localhost", key, "Caixa SMTP CA", ca_key)
    pem = serialization.Encoding.PEM
    (d / "ca.pem").write_bytes(ca.public_bytes(pem))
    (d / "server.pem").write_bytes(cert.public_bytes(pem))
    (d / "server.key").write_bytes(key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return d


def _context(pki) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(pki / "server.pem", pki / "server.key")
    return ctx


class Logins:
    def __init__(self):
        self.seen = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult

        self.seen.append((auth_data.login.decode(), auth_data.password.decode()))
        ok = auth_data.login == b"loja" and auth_data.password == b"segredo"
        return AuthResult(success=ok, handled=False)     # a refusal is answered: 535


@pytest.fixture
def server(pki):
    from aiosmtpd.controller import Controller

    made = []

    def start(implicit: bool):
        inbox, logins, port = Inbox(), Logins(), free_port()
        # aiosmtpd does not count implicit TLS as TLS for AUTH: allow it there (it is TLS).
        kw = dict(ssl_context=_context(pki), auth_require_tls=False) if implicit else dict(
            tls_context=_context(pki), require_starttls=True)
        c = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=logins,
                       auth_required=True, **kw)
        c.start()
        made.append(c)
        return inbox, logins, port

    yield start
    for c in made:
        c.stop()


def _send(app, port, security, password="segredo"):
    app.set_mail_settings(host="localhost", port=port, security=security, smtp_user="loja",
                          password=password, sender="loja@exemplo.pt")
    doc = app.sell_items([("PAO01", 1)], "FS")
    app.email_document(doc.document_no, "cliente@exemplo.pt")
    return MailLink(app, config_loader=None).drain()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize("security,implicit", [("starttls", False), ("tls", True)])
def test_encrypted_with_a_login(app, server, pki, monkeypatch, security, implicit):
    monkeypatch.setenv("SSL_CERT_FILE", str(pki / "ca.pem"))
    inbox, logins, port = server(implicit)
    report = _send(app, port, security)
    assert report.done == 1, report.outcomes
    assert logins.seen == [("loja", "segredo")] and len(inbox.messages) == 1


def test_a_wrong_password_waits_in_the_queue(app, server, pki, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(pki / "ca.pem"))
    inbox, logins, port = server(False)
    report = _send(app, port, "starttls", password="errada")
    assert report.retried == 1 and inbox.messages == []
    (row,) = app.mail_queue()
    assert row.status == "pending" and "utilizador ou a senha" in row.last_error


def test_an_untrusted_certificate_is_refused_before_the_password(app, server, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "nobody.pem"))   # trusts nothing
    inbox, logins, port = server(False)
    report = _send(app, port, "starttls")
    assert report.retried == 1 and logins.seen == [] and inbox.messages == []
    (row,) = app.mail_queue()
    assert row.status == "pending" and "ligação cifrada" in row.last_error
