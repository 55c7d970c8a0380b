"""AT UsernameToken: known-answer crypto, round trip with the matching key, zeep hook."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re

import pytest
import zeep
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from lxml import etree

from sync.errors import ConfigurationError
from sync.sandbox.pki import issue, make_ca, new_key
from sync.sandbox.security import AuthFailure, TokenChecker
from sync.wsse import (
    SOAP11_NS,
    WSS_NS,
    ATWsse,
    aes_ecb_decrypt,
    aes_ecb_encrypt,
    build_security_header,
    load_at_certificate,
)

KEY = bytes(range(16))  # 000102...0f


def test_aes_block_matches_fips197_vector():
    # FIPS-197 Appendix C.1: the first block of our padded output must be the standard one,
    # and a full block of plaintext gets a whole extra block of 0x10 padding (PKCS#5/7).
    plaintext = bytes.fromhex("00112233445566778899aabbccddeeff")
    out = aes_ecb_encrypt(KEY, plaintext)
    assert out[:16].hex() == "69c4e0d86a7b0430d8cdb78070b4c55a"
    assert len(out) == 32
    raw = Cipher(algorithms.AES(KEY), modes.ECB()).decryptor()
    assert (raw.update(out) + raw.finalize())[16:] == b"\x10" * 16


def test_aes_pkcs5_padding_and_known_answer():
    out = aes_ecb_encrypt(KEY, b"testes1234")
    # Known answer recorded in LIBRARIES §7.2 (identical to `openssl enc -aes-128-ecb`).
    assert base64.b64encode(out).decode() == "DVHQ/l0tyzHUn1CNvBuGaw=="
    raw = Cipher(algorithms.AES(KEY), modes.ECB()).decryptor()
    assert (raw.update(out) + raw.finalize()).endswith(b"\x06" * 6)
    assert aes_ecb_decrypt(KEY, out) == b"testes1234"


def _at_key(pki):
    private = serialization.load_pem_private_key(pki.at_private_key.read_bytes(), None)
    return private, load_at_certificate(pki.at_public_cert)


def _field(security, name):
    return security.find(f"{{{WSS_NS}}}UsernameToken/{{{WSS_NS}}}{name}").text


def test_header_round_trips_with_matching_key(pki):
    private, cert = _at_key(pki)
    now = dt.datetime(2025, 3, 14, 9, 26, 53, 589000, tzinfo=dt.UTC)
    security = build_security_header("599999993/37", "testes1234", cert.public_key(), now=now)

    assert security.tag == f"{{{WSS_NS}}}Security" and security.prefix == "wss"
    token = security[0]
    assert [etree.QName(c).localname for c in token] == [
        "Username", "Password", "Nonce", "Created"]
    assert _field(security, "Username") == "599999993/37"
    nonce = base64.b64decode(_field(security, "Nonce"))
    assert len(_field(security, "Nonce")) == 344  # RSA-2048, as FISCAL-PT §5.1 notes
    ks = private.decrypt(nonce, padding.PKCS1v15())
    assert len(ks) == 16
    assert aes_ecb_decrypt(ks, base64.b64decode(_field(security, "Password"))) == b"testes1234"
    created = aes_ecb_decrypt(ks, base64.b64decode(_field(security, "Created"))).decode()
    assert created == "2025-03-14T09:26:53.589Z"


def test_every_header_uses_a_fresh_session_key(pki):
    private, cert = _at_key(pki)
    keys = {
        private.decrypt(base64.b64decode(_field(
            build_security_header("599999993/37", "x", cert.public_key()), "Nonce")),
            padding.PKCS1v15())
        for _ in range(5)
    }
    assert len(keys) == 5


def test_other_private_key_cannot_read_the_token(pki):
    _, cert = _at_key(pki)
    other = new_key()
    envelope = etree.Element(f"{{{SOAP11_NS}}}Envelope")
    header = etree.SubElement(envelope, f"{{{SOAP11_NS}}}Header")
    header.append(build_security_header("599999993/37", "testes1234", cert.public_key()))
    with pytest.raises(AuthFailure) as err:
        TokenChecker(other, {"599999993/37": "testes1234"}).check(envelope)
    assert err.value.code == 8  # "Cifra da chave pública inválida"


def test_zeep_hook_drops_ws_addressing_and_adds_security(pki, wsdl_dir):
    wsse = ATWsse("599999993/37", "testes1234", pki.at_public_cert)
    client = zeep.Client(str(wsdl_dir / "SeriesWSService.wsdl"))  # no wsse: see raw output
    service = client.create_service("{http://at.gov.pt/}SeriesWSPortBinding", "https://x/")
    envelope = client.create_message(service, "consultarSeries")  # zeep adds wsa:* here
    header = envelope.find(f"{{{SOAP11_NS}}}Header")
    assert any("addressing" in etree.QName(c).namespace for c in header)

    envelope, _ = wsse.apply(envelope, {})
    header = envelope.find(f"{{{SOAP11_NS}}}Header")
    assert [etree.QName(c).text for c in header] == [f"{{{WSS_NS}}}Security"]
    assert b"addressing" not in etree.tostring(envelope)
    assert "testes1234" not in repr(wsse)


def test_der_and_pem_certificates_both_load(pki, tmp_path):
    der = load_at_certificate(pki.at_public_cert)
    pem_path = tmp_path / "at.pem"
    pem_path.write_bytes(der.public_bytes(serialization.Encoding.PEM))
    assert load_at_certificate(pem_path) == der
    (tmp_path / "junk.cer").write_bytes(b"not a certificate")
    with pytest.raises(ConfigurationError):
        load_at_certificate(tmp_path / "junk.cer")


def test_expired_at_certificate_is_reported_not_fatal(caplog):
    ca = make_ca()
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    old = issue(ca, "Chave Cifra Publica AT", not_before=past,
                not_after=past + dt.timedelta(days=365)).cert
    with caplog.at_level(logging.WARNING, logger="sync.wsse"):
        wsse = ATWsse("599999993/37", "pw", old)
    status = wsse.certificate_status
    assert status.expired and not status.ok
    assert "expirou" in status.message
    assert "expirou" in caplog.text
    # Still usable: AT decides; the status is for the manager's screen.
    envelope = etree.Element(f"{{{SOAP11_NS}}}Envelope")
    etree.SubElement(envelope, f"{{{SOAP11_NS}}}Body")
    wsse.apply(envelope, {})
    assert envelope.find(f"{{{SOAP11_NS}}}Header/{{{WSS_NS}}}Security") is not None


def test_created_is_utc_with_milliseconds(pki):
    private, cert = _at_key(pki)
    lisbon_summer = dt.timezone(dt.timedelta(hours=1))
    now = dt.datetime(2025, 7, 1, 10, 0, 0, 5000, tzinfo=lisbon_summer)
    security = build_security_header("599999993/37", "x", cert.public_key(), now=now)
    ks = private.decrypt(base64.b64decode(_field(security, "Nonce")), padding.PKCS1v15())
    created = aes_ecb_decrypt(ks, base64.b64decode(_field(security, "Created"))).decode()
    assert created == "2025-07-01T09:00:00.005Z"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", created)
