"""PAdES signatures on the A4 invoice: a throwaway CA made here, the PDF signed with a
PKCS#12 file (and with a key on a SoftHSM PKCS#11 token), a real local HTTP time-stamping
server; checked by pyHanko's validator and independently by poppler's pdfsig and by
openssl cms on the signature bytes taken out of the file."""

import re
import shutil
import subprocess
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from printing.pdf import document_pdf
from printing.pdf_sign import PdfSigningError, SigningConfig, sign_pdf

PASSWORD = "senha-de-teste"


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "PT"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Loja Demo"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject, key, issuer, issuer_key, ca=False, eku=None):
    now = datetime.now(UTC)
    b = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
         .add_extension(x509.KeyUsage(
             digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
             data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
             encipher_only=False, decipher_only=False), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                        critical=False))
    if eku:
        b = b.add_extension(x509.ExtendedKeyUsage(eku), critical=True)
    return b.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A test CA, the shop's signing certificate in a PKCS#12 file, and a TSA certificate."""
    d = tmp_path_factory.mktemp("pki")
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = _cert("Caixa Test CA", ca_key, "Caixa Test CA", ca_key, ca=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = _cert("Loja Demo - Selo", key, "Caixa Test CA", ca_key)
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = _cert("Caixa Test TSA", tsa_key, "Caixa Test CA", ca_key,
                eku=[ExtendedKeyUsageOID.TIME_STAMPING])
    (d / "shop.p12").write_bytes(pkcs12.serialize_key_and_certificates(
        b"loja", key, cert, [ca],
        serialization.BestAvailableEncryption(PASSWORD.encode())))
    (d / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return dict(dir=d, ca=ca, key=key, cert=cert, tsa=tsa, tsa_key=tsa_key)


@pytest.fixture(scope="module")
def tsa_url(pki):
    """An RFC 3161 time-stamping server on 127.0.0.1 (pyHanko's DummyTimeStamper answers)."""
    from asn1crypto import keys, tsp
    from asn1crypto import x509 as ax509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    der = serialization.Encoding.DER
    stamper = DummyTimeStamper(
        ax509.Certificate.load(pki["tsa"].public_bytes(der)),
        keys.PrivateKeyInfo.load(pki["tsa_key"].private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsr"
    server.shutdown()


@pytest.fixture(scope="module")
def invoice_pdf(shop) -> bytes:
    return document_pdf(shop.docs["FT"], shop.issuer, shop.qr["FT"])


def _pyhanko_status(data: bytes, pki):
    from io import BytesIO

    from asn1crypto import x509 as ax509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = ax509.Certificate.load(pki["ca"].public_bytes(serialization.Encoding.DER))
    (sig,) = PdfFileReader(BytesIO(data)).embedded_signatures
    vc = ValidationContext(trust_roots=[root])
    return validate_pdf_signature(sig, vc, ts_validation_context=vc)


def _pdfsig(path) -> str:
    return subprocess.run([shutil.which("pdfsig"), "-nocert", str(path)], capture_output=True,
                          text=True).stdout


def _openssl_cms_verify(data: bytes, pki, tmp_path) -> subprocess.CompletedProcess:
    """Take /ByteRange and /Contents out of the file and verify them as detached CMS."""
    m = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    a, b, c, d = (int(x) for x in m.groups())
    signed = data[a:a + b] + data[c:c + d]
    contents = data[a + b:c].strip(b"<>")
    (tmp_path / "sig.der").write_bytes(bytes.fromhex(contents.decode()).rstrip(b"\0"))
    (tmp_path / "signed.bin").write_bytes(signed)
    return subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
         str(tmp_path / "sig.der"), "-content", str(tmp_path / "signed.bin"), "-CAfile",
         str(pki["dir"] / "ca.pem"), "-purpose", "any", "-out", "/dev/null"],
        capture_output=True, text=True)


def test_pkcs12_signature_verifies_in_pyhanko_pdfsig_and_openssl(pki, invoice_pdf, tmp_path):
    config = SigningConfig(pkcs12=pki["dir"] / "shop.p12", password=PASSWORD,
                           location="Lisboa")
    signed = sign_pdf(invoice_pdf, config)
    assert signed.startswith(invoice_pdf)          # an incremental update: bytes kept
    status = _pyhanko_status(signed, pki)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.signing_cert.subject.native["common_name"] == "Loja Demo - Selo"
    assert status.timestamp_validity is None       # no TSA configured: PAdES B-B
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    report = _pdfsig(path)
    assert "Signature is Valid." in report, report
    assert "ETSI.CAdES.detached" in report and "Total document signed" in report
    verified = _openssl_cms_verify(signed, pki, tmp_path)
    assert verified.returncode == 0 and "Verification successful" in verified.stderr


def test_a_changed_byte_breaks_the_signature_for_every_verifier(pki, invoice_pdf, tmp_path):
    signed = bytearray(sign_pdf(invoice_pdf, SigningConfig(
        pkcs12=pki["dir"] / "shop.p12", password=PASSWORD)))
    at = signed.index(b"ReportLab Generated")
    signed[at:at + 6] = b"Altera"                 # one word inside the signed byte range
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bytes(signed))
    assert not _pyhanko_status(bytes(signed), pki).intact
    assert "Signature is Valid." not in _pdfsig(path)
    assert _openssl_cms_verify(bytes(signed), pki, tmp_path).returncode != 0


def test_with_a_tsa_the_signature_carries_a_trusted_timestamp(pki, invoice_pdf, tsa_url,
                                                              tmp_path):
    signed = sign_pdf(invoice_pdf, SigningConfig(pkcs12=pki["dir"] / "shop.p12",
                                                 password=PASSWORD, tsa_url=tsa_url))
    status = _pyhanko_status(signed, pki)
    assert status.valid and status.trusted
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    assert abs(status.timestamp_validity.timestamp - datetime.now(UTC)) < timedelta(hours=1)
    path = tmp_path / "stamped.pdf"
    path.write_bytes(signed)
    assert "Signature is Valid." in _pdfsig(path)


@pytest.mark.parametrize("change, message", [
    (dict(password="errada"), "senha errada"),
    (dict(pkcs12="missing.p12"), "Não foi possível ler"),
    (dict(tsa_url="http://127.0.0.1:9/tsr"), "carimbo temporal"),
])
def test_signing_failures_are_one_sentence(pki, invoice_pdf, change, message):
    values = dict(pkcs12=pki["dir"] / "shop.p12", password=PASSWORD) | change
    if change.get("pkcs12"):
        values["pkcs12"] = pki["dir"] / change["pkcs12"]
    with pytest.raises(PdfSigningError, match=message):
        sign_pdf(invoice_pdf, SigningConfig(**values))


def test_configuration_from_a_mapping_keeps_secrets_out_of_repr():
    config = SigningConfig.from_mapping({"pkcs12": "/x/shop.p12", "password": "p"},
                                        env={"CAIXA_PDF_SIGN_PASSWORD": "from-env"})
    assert config.password == "from-env" and "from-env" not in repr(config)
    with pytest.raises(PdfSigningError, match="um dos dois"):
        SigningConfig.from_mapping({}, env={})
    with pytest.raises(PdfSigningError, match="desconhecidas"):
        SigningConfig.from_mapping({"pkcs12": "a", "passwd": "x"}, env={})
    with pytest.raises(PdfSigningError, match="token_label ou slot"):
        SigningConfig.from_mapping({"pkcs11_library": "/lib.so"}, env={})


SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"


@pytest.fixture(scope="module")
def token(pki, tmp_path_factory):
    """A SoftHSM token (a PKCS#11 software token) holding the shop's key and certificate."""
    import os

    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    util = shutil.which("softhsm2-util")
    if util is None or not os.path.exists(SOFTHSM):
        pytest.fail("SoftHSM (Debian package softhsm2, installed by .ci/run) is missing")
    d = tmp_path_factory.mktemp("softhsm")
    (d / "tokens").mkdir()
    (d / "softhsm2.conf").write_text(f"directories.tokendir = {d / 'tokens'}\n"
                                     "objectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(d / "softhsm2.conf")   # read when the library loads
    subprocess.run([util, "--init-token", "--free", "--label", "caixa", "--pin", "1234",
                    "--so-pin", "5678"], check=True, capture_output=True)
    (d / "key.pem").write_bytes(pki["key"].private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    subprocess.run([util, "--import", str(d / "key.pem"), "--token", "caixa", "--label",
                    "selo", "--id", "01", "--pin", "1234"], check=True, capture_output=True)
    (d / "key.pem").unlink()
    tok = pkcs11.lib(SOFTHSM).get_token(token_label="caixa")
    with tok.open(rw=True, user_pin="1234") as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
            Attribute.LABEL: "selo", Attribute.ID: b"\x01",
            Attribute.SUBJECT: pki["cert"].subject.public_bytes(),
            Attribute.VALUE: pki["cert"].public_bytes(serialization.Encoding.DER)})
    return dict(pkcs11_library=SOFTHSM, token_label="caixa", key_label="selo")


def test_a_key_on_a_pkcs11_token_signs_and_every_verifier_agrees(pki, token, invoice_pdf,
                                                                  tmp_path):
    config = SigningConfig.from_mapping(token, env={"CAIXA_PDF_SIGN_PIN": "1234"})
    signed = sign_pdf(invoice_pdf, config)
    status = _pyhanko_status(signed, pki)
    assert status.intact and status.valid and status.trusted
    path = tmp_path / "token.pdf"
    path.write_bytes(signed)
    assert "Signature is Valid." in _pdfsig(path)
    assert _openssl_cms_verify(signed, pki, tmp_path).returncode == 0


def test_a_wrong_pin_or_label_is_one_sentence(token, invoice_pdf):
    with pytest.raises(PdfSigningError, match="token PKCS#11"):
        sign_pdf(invoice_pdf, SigningConfig(**token, pin="0000"))
    with pytest.raises(PdfSigningError, match="não tem a chave"):
        sign_pdf(invoice_pdf, SigningConfig(**{**token, "key_label": "outra"}, pin="1234"))


def _config(tmp_path, pki, body: str, mode: int = 0o600):
    (tmp_path / "p12.senha").write_text(PASSWORD + "\n")
    (tmp_path / "p12.senha").chmod(0o600)
    shutil.copyfile(pki["dir"] / "shop.p12", tmp_path / "loja.p12")
    cfg = tmp_path / "caixa.toml"
    cfg.write_text(body)
    cfg.chmod(mode)
    return {"CAIXA_CONFIG": str(cfg)}


def test_cli_receipt_writes_a_signed_pdf(shop, pki, tmp_path):
    from tests.conftest import run_cli

    env = _config(tmp_path, pki, '[pdf_signing]\npkcs12 = "loja.p12"\n'
                                 'password_file = "p12.senha"\nlocation = "Lisboa"\n')
    out = tmp_path / "fatura.pdf"
    number = shop.docs["FT"].document_no
    proc = run_cli(shop.path, "receipt", number, "--pdf", str(out), "--sign", env=env)
    assert proc.returncode == 0, proc.stderr
    assert "PDF assinado gravado" in proc.stderr
    assert "Signature is Valid." in _pdfsig(out)
    status = _pyhanko_status(out.read_bytes(), pki)
    assert status.valid and status.trusted


@pytest.mark.parametrize("args, body, mode, message", [
    (["--sign"], "", 0o600, "indique também --pdf"),
    (["--pdf", "x.pdf", "--sign"], "[queue]\n", 0o600, "configure a secção [pdf_signing]"),
    (["--pdf", "x.pdf", "--sign"], '[pdf_signing]\npkcs12 = "loja.p12"\npassword = "x"\n',
     0o644, "pode ser lido por outros"),
    (["--pdf", "x.pdf", "--sign"], '[pdf_signing]\npkcs12 = "loja.p12"\n'
                                   'password_file = "nada"\n', 0o600, "Não foi possível ler"),
])
def test_cli_signing_mistakes_are_one_sentence_and_write_nothing(shop, pki, tmp_path, args,
                                                                  body, mode, message):
    from tests.conftest import run_cli

    env = _config(tmp_path, pki, body, mode)
    args = [str(tmp_path / a) if a == "x.pdf" else a for a in args]
    proc = run_cli(shop.path, "receipt", shop.docs["FT"].document_no, *args, env=env)
    assert proc.returncode == 2 and message in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.pdf").exists()
