"""AT's WS-Security UsernameToken (FISCAL-PT §5.1), as a zeep ``wsse`` object.

AT does not use the OASIS token zeep ships: every field except the username is encrypted.
Per request a fresh 128-bit session key Ks is drawn from the OS CSPRNG and

- Password = b64(AES-128-ECB-PKCS5(Ks, password))
- Created  = b64(AES-128-ECB-PKCS5(Ks, UTC timestamp "YYYY-MM-DDTHH:MM:SS.fffZ"))
- Nonce    = b64(RSA-PKCS#1 v1.5(AT public key, Ks))

AT refuses a repeated Ks (code 12/13), so the key is never cached or reused.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from lxml import etree

from .errors import ConfigurationError

log = logging.getLogger(__name__)

WSS_NS = "http://schemas.xmlsoap.org/ws/2002/12/secext"
SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/"
# zeep adds these because SeriesWSService.wsdl declares wsam:Action; AT's own sample
# requests carry only wss:Security, so they are dropped before sending.
WSA_NAMESPACES = (
    "http://www.w3.org/2005/08/addressing",
    "http://schemas.xmlsoap.org/ws/2004/08/addressing",
)

SESSION_KEY_BYTES = 16


def aes_ecb_encrypt(key: bytes, plaintext: bytes) -> bytes:
    """AES-128-ECB with PKCS#7 padding (what Java calls "PKCS5Padding" for 16-byte blocks)."""
    padder = sym_padding.PKCS7(128).padder()
    data = padder.update(plaintext) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # ECB: mandated by AT
    return enc.update(data) + enc.finalize()


def aes_ecb_decrypt(key: bytes, ciphertext: bytes) -> bytes:
    dec = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # ECB: mandated by AT
    data = dec.update(ciphertext) + dec.finalize()
    unpadder = sym_padding.PKCS7(128).unpadder()
    return unpadder.update(data) + unpadder.finalize()


def load_at_certificate(path: Path | str) -> x509.Certificate:
    """AT ships its key certificate as DER ``.cer``; copies found online are PEM. Take both."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigurationError(
            f"Não foi possível ler o certificado da chave pública da AT ({path}): "
            f"{exc.strerror or exc}.") from exc
    try:
        if raw.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(raw)
        return x509.load_der_x509_certificate(raw)
    except ValueError as exc:
        raise ConfigurationError(
            f"O ficheiro {path} não é um certificado X.509 (PEM ou DER) válido.") from exc


def format_created(now: dt.datetime) -> str:
    now = now.astimezone(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class CertificateStatus:
    """Validity of AT's public-key certificate; AT rotates it and an old one fails auth."""

    subject: str
    not_before: dt.datetime
    not_after: dt.datetime
    days_left: int
    expired: bool
    not_yet_valid: bool
    expires_soon: bool

    @property
    def ok(self) -> bool:
        return not (self.expired or self.not_yet_valid)

    @property
    def message(self) -> str:
        until = self.not_after.date().isoformat()
        if self.expired:
            return (f"O certificado da chave pública da AT expirou em {until}. Peça o atual à AT "
                    "(e-Fatura › Produtores de Software) antes que a autenticação falhe.")
        if self.not_yet_valid:
            return ("O certificado da chave pública da AT ainda não é válido "
                    f"(a partir de {self.not_before.date().isoformat()}). Verifique o relógio.")
        if self.expires_soon:
            return (f"O certificado da chave pública da AT expira em {until} "
                    f"({self.days_left} dias). Obtenha o novo junto da AT.")
        return f"Certificado da chave pública da AT válido até {until}."


def certificate_status(
    cert: x509.Certificate, now: dt.datetime | None = None, warn_days: int = 30
) -> CertificateStatus:
    now = now or dt.datetime.now(dt.UTC)
    not_after = cert.not_valid_after_utc
    not_before = cert.not_valid_before_utc
    days_left = (not_after - now).days
    return CertificateStatus(
        subject=cert.subject.rfc4514_string(),
        not_before=not_before,
        not_after=not_after,
        days_left=days_left,
        expired=now > not_after,
        not_yet_valid=now < not_before,
        expires_soon=now <= not_after and days_left < warn_days,
    )


def build_security_header(
    username: str,
    password: str,
    public_key: RSAPublicKey,
    *,
    now: dt.datetime | None = None,
    session_key: bytes | None = None,
) -> etree._Element:
    """The ``wss:Security`` element. ``session_key`` exists only for known-answer tests."""
    ks = session_key if session_key is not None else os.urandom(SESSION_KEY_BYTES)
    if len(ks) != SESSION_KEY_BYTES:
        raise ValueError("AT session key must be 16 bytes (AES-128)")
    created = format_created(now or dt.datetime.now(dt.UTC))

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    security = etree.Element(f"{{{WSS_NS}}}Security", nsmap={"wss": WSS_NS})
    token = etree.SubElement(security, f"{{{WSS_NS}}}UsernameToken")
    etree.SubElement(token, f"{{{WSS_NS}}}Username").text = username
    etree.SubElement(token, f"{{{WSS_NS}}}Password").text = b64(
        aes_ecb_encrypt(ks, password.encode("utf-8")))
    etree.SubElement(token, f"{{{WSS_NS}}}Nonce").text = b64(
        public_key.encrypt(ks, asym_padding.PKCS1v15()))
    etree.SubElement(token, f"{{{WSS_NS}}}Created").text = b64(
        aes_ecb_encrypt(ks, created.encode("ascii")))
    return security


class ATWsse:
    """zeep ``wsse`` plug-in: ``Client(..., wsse=ATWsse(user, password, cert))``.

    zeep calls ``apply`` once per request (after its plugins), so every request gets a new
    session key. ``clock`` lets the app pass an NTP-corrected UTC clock: AT rejects a
    ``Created`` too far from its own time.
    """

    def __init__(
        self,
        username: str,
        password: str,
        at_certificate: x509.Certificate | Path | str,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ):
        if not isinstance(at_certificate, x509.Certificate):
            at_certificate = load_at_certificate(at_certificate)
        public_key = at_certificate.public_key()
        if not isinstance(public_key, RSAPublicKey):
            raise ConfigurationError(
                "O certificado indicado como chave pública da AT não contém uma chave RSA.")
        self.username = username
        self._password = password
        self.certificate = at_certificate
        self._public_key = public_key
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.certificate_status = self.check_certificate()
        if not self.certificate_status.ok or self.certificate_status.expires_soon:
            log.warning("%s", self.certificate_status.message)

    def check_certificate(self, now: dt.datetime | None = None) -> CertificateStatus:
        return certificate_status(self.certificate, now or self._clock())

    def __repr__(self) -> str:
        return f"ATWsse(username={self.username!r}, password='***')"

    def apply(self, envelope, headers):
        header = envelope.find(f"{{{SOAP11_NS}}}Header")
        if header is None:
            header = etree.Element(f"{{{SOAP11_NS}}}Header")
            envelope.insert(0, header)
        for child in list(header):
            if isinstance(child.tag, str) and etree.QName(child).namespace in WSA_NAMESPACES:
                header.remove(child)
        header.append(build_security_header(
            self.username, self._password, self._public_key, now=self._clock()))
        etree.cleanup_namespaces(envelope)
        return envelope, headers

    def verify(self, envelope):
        # AT signs nothing in its answers; mutual TLS is what authenticates the server.
        return envelope
