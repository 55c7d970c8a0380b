"""Throwaway PKI for the AT sandbox: a test CA, TLS certificates and an "AT" key pair.

Everything here is for tests and demos only. Keys are written unencrypted (mode 0600) because
requests cannot load a password-protected client key, and these keys protect nothing.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

_ONE_DAY = dt.timedelta(days=1)


PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class Issued:
    """A certificate with its private key (in memory)."""

    cert: x509.Certificate
    key: PrivateKey

    def write(self, cert_path: Path, key_path: Path | None = None, *, der: bool = False) -> None:
        encoding = serialization.Encoding.DER if der else serialization.Encoding.PEM
        Path(cert_path).write_bytes(self.cert.public_bytes(encoding))
        if key_path is not None:
            _write_private(Path(key_path), self.key)


def _write_private(path: Path, key: PrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _name(common_name: str, org: str = "Caixa AT sandbox (NOT AT)") -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "PT"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def new_key(kind: str = "rsa") -> PrivateKey:
    """RSA-2048 where AT uses RSA (its key, the producer's certificate); EC elsewhere, because
    generating it is instant and the sandbox is started once per test."""
    if kind == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca(common_name: str = "Caixa AT sandbox test CA", *, days: int = 730) -> Issued:
    key = new_key("ec")
    now = dt.datetime.now(dt.UTC)
    name = _name(common_name)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _ONE_DAY)
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return Issued(cert, key)


def issue(
    ca: Issued,
    common_name: str,
    *,
    server: bool = False,
    client: bool = False,
    hosts: tuple[str, ...] = (),
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    org: str = "Caixa AT sandbox (NOT AT)",
    days: int = 365,
    key_kind: str = "rsa",
) -> Issued:
    """Issue a leaf certificate signed by ``ca`` (valid from yesterday for ``days``)."""
    key = new_key(key_kind)
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, org))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - _ONE_DAY)
        .not_valid_after(not_after or now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), False
        )
    )
    usages = []
    if server:
        usages.append(ExtendedKeyUsageOID.SERVER_AUTH)
    if client:
        usages.append(ExtendedKeyUsageOID.CLIENT_AUTH)
    if usages:
        builder = builder.add_extension(x509.ExtendedKeyUsage(usages), critical=False)
    if hosts:
        names: list[x509.GeneralName] = []
        for host in hosts:
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                names.append(x509.DNSName(host))
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return Issued(builder.sign(ca.key, hashes.SHA256()), key)


@dataclass(frozen=True)
class SandboxPKI:
    """Paths of everything the sandbox and a Caixa client need.

    The client side uses ``client_cert``/``client_key`` (mutual TLS), ``ca_cert`` (to trust
    the sandbox) and ``at_public_cert`` (to encrypt the WS-Security Nonce). The sandbox keeps
    ``server_*`` and ``at_private_key`` (to decrypt the Nonce) for itself.
    """

    directory: Path
    ca_cert: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path
    at_public_cert: Path
    at_private_key: Path


def _paths(d: Path) -> SandboxPKI:
    return SandboxPKI(
        directory=d,
        ca_cert=d / "ca.pem",
        server_cert=d / "server.pem",
        server_key=d / "server.key",
        client_cert=d / "client.pem",
        client_key=d / "client.key",
        at_public_cert=d / "ChaveCifraPublicaAT-sandbox.cer",
        at_private_key=d / "at-private.key",
    )


def load_or_generate_pki(directory: Path | str) -> SandboxPKI:
    """Reuse the files in ``directory`` while they are valid for another day, so Caixa can
    stay pointed at a restarted sandbox; otherwise generate a new set."""
    pki = _paths(Path(directory))
    try:
        for path in (pki.ca_cert, pki.server_cert, pki.client_cert):
            cert = x509.load_pem_x509_certificate(path.read_bytes())
            if cert.not_valid_after_utc < dt.datetime.now(dt.UTC) + _ONE_DAY:
                raise ValueError("expiring")
        if not all(p.is_file() for p in (pki.server_key, pki.client_key, pki.at_public_cert,
                                         pki.at_private_key)):
            raise ValueError("incomplete")
    except (OSError, ValueError):
        return generate_pki(directory)
    return pki


def generate_pki(directory: Path | str, *, client_nif: str = "599999993") -> SandboxPKI:
    """Create a fresh CA, server/client TLS certificates and an RSA-2048 "AT" key pair."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    ca = make_ca()
    server = issue(ca, "localhost", server=True, hosts=("127.0.0.1", "localhost", "::1"),
                   key_kind="ec")
    # AT issues the producer's certificate with CN = producer NIF (FISCAL-PT §5.2).
    client = issue(ca, client_nif, client=True)
    at_ca = make_ca("Caixa AT sandbox fake DGITA CA")
    at_key = issue(at_ca, "Chave Cifra Publica AT (SANDBOX, NOT AT)")
    pki = _paths(d)
    ca.write(pki.ca_cert)
    server.write(pki.server_cert, pki.server_key)
    client.write(pki.client_cert, pki.client_key)
    # AT hands out its key certificate as DER .cer; mirror that so the loader path is tested.
    at_key.write(pki.at_public_cert, pki.at_private_key, der=True)
    return pki
