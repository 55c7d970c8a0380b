"""AT credentials and certificates kept by the shop: checked, encrypted, never shown back."""

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from pos.domain.errors import ValidationError
from pos.persistence.models import AuditEvent, Setting

NOW = dt.datetime(2026, 3, 14, 10, 15, 30, tzinfo=dt.UTC)     # the fixture's clock


def certificate(cn: str, days: int = 365, key=None):
    """Valid until ``days`` after the till's clock (negative: already expired then)."""
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = NOW
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=400))
            .not_valid_after(now + dt.timedelta(days=days)).sign(key, hashes.SHA256()))
    return cert, key


def pem(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def key_pem(key, password: bytes | None = None) -> bytes:
    enc = serialization.BestAvailableEncryption(password) if password else \
        serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)


@pytest.fixture
def wsdl(tmp_path):
    folder = tmp_path / "wsdl"
    folder.mkdir()
    for name in ("SeriesWSService.wsdl", "fatcorews.wsdl", "documentosTransporte.wsdl"):
        (folder / name).write_text("<wsdl/>")
    return folder


def settings_text(app) -> str:
    with app.unit(write=False) as uow:
        return " ".join(v for v in uow.session.scalars(select(Setting.value)))


def test_credentials_are_kept_encrypted_and_never_shown_back(app, wsdl):
    app.set_at_credentials("599999993/37", "senha-muito-secreta", "production", str(wsdl),
                           user="admin")
    info = app.at_credentials()
    assert (info.username, info.environment, info.password_set, info.complete) == (
        "599999993/37", "production", True, False)
    assert "senha-muito-secreta" not in repr(info) and "senha" not in settings_text(app)
    at, _ = certificate("Chave Cifra Publica AT")
    client, key = certificate("599999993")
    app.set_at_certificates(pem(at), pem(client), key_pem(key, b"pw"), b"pw", user="admin")
    info = app.at_credentials()
    assert info.complete and info.client_key_set
    assert info.at_public_cert.subject == "CN=Chave Cifra Publica AT"
    assert b"PRIVATE KEY" not in settings_text(app).encode()
    conn = app.at_connection()                     # the sender's view, decrypted
    assert conn.password == "senha-muito-secreta" and b"PRIVATE KEY" in conn.client_key
    assert "senha" not in repr(conn)
    with app.unit(write=False) as uow:
        details = uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.kind.in_(("at_credentials", "at_certificates")))).all()
    assert details[0] == "599999993/37 production" and "senha" not in " ".join(details)
    app.clear_at_credentials(user="admin")
    assert app.at_connection() is None and not app.at_credentials().password_set


@pytest.mark.parametrize("args,sentence", [
    (("599999993", "x"), "formato NIF/número"),
    (("123456789/1", "x"), "tem de ser da empresa"),
    (("599999993/1", ""), "Indique a senha"),
    (("599999993/1", "x", "prod"), "Ambiente AT desconhecido"),
])
def test_bad_credentials_are_refused(app, args, sentence):
    with pytest.raises(ValidationError, match=sentence):
        app.set_at_credentials(*args, user="admin")
    assert not app.at_credentials().password_set


def test_a_folder_without_the_wsdls_is_refused(app, tmp_path):
    with pytest.raises(ValidationError, match="não tem SeriesWSService.wsdl"):
        app.set_at_credentials("599999993/1", "x", "test", str(tmp_path), user="admin")


def test_certificates_are_checked(app):
    expired, _ = certificate("AT", days=-1)
    with pytest.raises(ValidationError, match="expirou em"):
        app.set_at_certificates(pem(expired), user="admin")
    with pytest.raises(ValidationError, match="não é um certificado X.509"):
        app.set_at_certificates(b"not a certificate", user="admin")
    client, key = certificate("599999993")
    _, other = certificate("599999993")
    with pytest.raises(ValidationError, match="não é a do certificado do cliente"):
        app.set_at_certificates(None, pem(client), key_pem(other), user="admin")
    with pytest.raises(ValidationError, match="palavra-passe está certa"):
        app.set_at_certificates(None, pem(client), key_pem(key, b"pw"), b"wrong", user="admin")
    with pytest.raises(ValidationError, match="juntos"):
        app.set_at_certificates(None, pem(client), None, user="admin")
    with pytest.raises(ValidationError, match="não pode mudar a empresa"):
        app.set_at_certificates(None, pem(client), key_pem(key), user="gerente")
    der = client.public_bytes(serialization.Encoding.DER)
    app.set_at_certificates(der, user="admin")          # AT ships its .cer as DER
    assert app.at_credentials().at_public_cert.subject == "CN=599999993"
