"""PAdES signatures on A4 PDF invoices (qualified electronic signature or seal).

From 1 January 2027 a PDF invoice sent electronically is an electronic invoice only with a
qualified electronic signature or seal (DL 28/2019, as postponed by the 2026 State Budget).
The shop provides the certificate: a PKCS#12 file, or a key on a PKCS#11 token or smart card
(the qualified ones usually live there). pyHanko writes a PAdES B-B signature (ETSI.CAdES
.detached, SHA-256) as an incremental update, so the invoice's bytes stay as they were
rendered; with a time-stamping authority (TSA) configured, the signature also carries an
RFC 3161 timestamp (PAdES B-T).

Configuration is the ``[pdf_signing]`` section of the config file (see
``sync.config_file``, which resolves its paths and reads secret files) or the same keys
given by a caller; secrets come from files or environment variables, never from the
command line:

    [pdf_signing]
    pkcs12 = "loja.p12"                 # or, for a token:
    password_file = "loja.p12.senha"    #   pkcs11_library = "/usr/lib/…/opensc-pkcs11.so"
    tsa_url = "http://…/tsr"            #   token_label = "…", key_label = "…"
    location = "Lisboa"                 #   pin_file = "token.pin" (or CAIXA_PDF_SIGN_PIN)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from pos.domain.errors import PosError

PASSWORD_ENV = "CAIXA_PDF_SIGN_PASSWORD"
PIN_ENV = "CAIXA_PDF_SIGN_PIN"
KEYS = {"pkcs12", "password", "pkcs11_library", "token_label", "key_label", "cert_label",
        "slot", "pin", "tsa_url", "reason", "location", "field_name"}
DEFAULT_REASON = "Fatura emitida eletronicamente"


class PdfSigningError(PosError):
    """The PDF could not be signed (no certificate, wrong password, token or TSA error)."""


@dataclass(frozen=True, repr=False)
class SigningConfig:
    """Where the signing key is and how to sign. Exactly one of ``pkcs12`` and
    ``pkcs11_library`` is set; ``password``/``pin`` are kept out of ``repr``."""

    pkcs12: Path | None = None
    password: str | None = field(default=None, repr=False)
    pkcs11_library: Path | None = None
    token_label: str | None = None
    key_label: str | None = None
    cert_label: str | None = None
    slot: int | None = None
    pin: str | None = field(default=None, repr=False)
    tsa_url: str | None = None
    reason: str = DEFAULT_REASON
    location: str = ""
    field_name: str = "AssinaturaQualificada"

    def __post_init__(self) -> None:
        if (self.pkcs12 is None) == (self.pkcs11_library is None):
            raise PdfSigningError(
                "Assinatura de PDF: indique o certificado em 'pkcs12' (ficheiro .p12/.pfx) ou "
                "o token em 'pkcs11_library', um dos dois, na secção [pdf_signing].")
        if self.pkcs11_library is not None and not (self.token_label or self.slot is not None):
            raise PdfSigningError("Assinatura de PDF com token: indique token_label ou slot.")
        if self.tsa_url and not self.tsa_url.startswith(("http://", "https://")):
            raise PdfSigningError(f"Endereço do servidor de carimbo temporal inválido: "
                                  f"{self.tsa_url!r} (http:// ou https://).")

    def __repr__(self) -> str:
        where = f"pkcs12={str(self.pkcs12)!r}" if self.pkcs12 else \
            f"pkcs11_library={str(self.pkcs11_library)!r}, token_label={self.token_label!r}"
        return f"SigningConfig({where}, tsa_url={self.tsa_url!r}, secrets=***)"

    @classmethod
    def from_mapping(cls, d: Mapping[str, Any], env: Mapping[str, str] | None = None
                     ) -> SigningConfig:
        """From a ``[pdf_signing]`` mapping (paths already absolute); ``CAIXA_PDF_SIGN_
        PASSWORD`` and ``CAIXA_PDF_SIGN_PIN`` win over the file's secrets."""
        env = os.environ if env is None else env
        unknown = set(d) - KEYS
        if unknown:
            raise PdfSigningError(f"Chaves desconhecidas em [pdf_signing]: "
                                  f"{', '.join(sorted(unknown))}.")
        values: dict[str, Any] = {k: v for k, v in d.items() if v not in (None, "")}
        for key, var in (("password", PASSWORD_ENV), ("pin", PIN_ENV)):
            if env.get(var):
                values[key] = env[var]
        for key in ("pkcs12", "pkcs11_library"):
            if key in values:
                values[key] = Path(str(values[key])).expanduser()
        if "slot" in values:
            try:
                values["slot"] = int(values["slot"])
            except (TypeError, ValueError):
                raise PdfSigningError(f"slot inválido em [pdf_signing]: {values['slot']!r}."
                                      ) from None
        for key in KEYS - {"pkcs12", "pkcs11_library", "slot"}:
            if key in values:
                values[key] = str(values[key])
        return cls(**values)


def _pkcs12_signer(config: SigningConfig):
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers

    try:
        data = config.pkcs12.read_bytes()
    except OSError as exc:
        raise PdfSigningError(f"Não foi possível ler o certificado {config.pkcs12}: "
                              f"{exc.strerror or exc}.") from None
    password = config.password.encode("utf-8") if config.password else None
    try:   # checked first: pyHanko only logs a wrong password and returns None
        key, cert, _ = pkcs12.load_key_and_certificates(data, password)
    except ValueError:
        raise PdfSigningError(
            f"Não foi possível abrir {config.pkcs12.name}: senha errada ou ficheiro que não "
            f"é PKCS#12 (senha em password_file ou {PASSWORD_ENV}).") from None
    if key is None or cert is None:
        raise PdfSigningError(f"{config.pkcs12.name} não tem a chave privada e o certificado.")
    signer = signers.SimpleSigner.load_pkcs12(str(config.pkcs12), passphrase=password)
    if signer is None:
        raise PdfSigningError(f"Não foi possível usar o certificado {config.pkcs12.name}.")
    return signer


def _pkcs11_signer(config: SigningConfig):
    """A signer on a token; returns (signer, session) — close the session when done."""
    try:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as p11
    except ImportError:    # python-pkcs11 is an optional extra
        raise PdfSigningError("Assinatura com token PKCS#11 indisponível: instale "
                              "'pyhanko[pkcs11]'.") from None
    if not config.pin:
        raise PdfSigningError(f"Falta o PIN do token (pin_file ou {PIN_ENV}).")
    criteria = TokenCriteria(label=config.token_label) if config.token_label else None
    try:
        session = p11.open_pkcs11_session(str(config.pkcs11_library), slot_no=config.slot,
                                          token_criteria=criteria, user_pin=config.pin)
    except Exception as exc:     # the library's errors carry no message a person can act on
        raise PdfSigningError(
            f"Não foi possível abrir o token PKCS#11 ({type(exc).__name__}): confirme a "
            "biblioteca, o token inserido e o PIN.") from None
    try:
        signer = p11.PKCS11Signer(session, key_label=config.key_label,
                                  cert_label=config.cert_label or config.key_label)
        if signer.signing_cert is None:   # fetched now: a missing certificate fails here
            raise LookupError("certificate")
    except Exception as exc:
        session.close()
        raise PdfSigningError(f"O token não tem a chave ou o certificado indicados "
                              f"({type(exc).__name__}).") from None
    return signer, session


def sign_pdf(pdf: bytes, config: SigningConfig, timestamper=None) -> bytes:
    """``pdf`` signed as PAdES (B-T when a TSA is configured or ``timestamper`` given)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    session = None
    if config.pkcs12 is not None:
        signer = _pkcs12_signer(config)
    else:
        signer, session = _pkcs11_signer(config)
    if timestamper is None and config.tsa_url:
        timestamper = timestamps.HTTPTimeStamper(config.tsa_url, timeout=15)
    meta = signers.PdfSignatureMetadata(
        field_name=config.field_name, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES, reason=config.reason or None,
        location=config.location or None, use_pades_lta=False)
    try:
        writer = IncrementalPdfFileWriter(BytesIO(pdf))
        out = signers.sign_pdf(writer, meta, signer=signer, timestamper=timestamper)
    except Exception as exc:
        name = type(exc).__name__
        if "Timestamp" in name or "timestamp" in str(exc).lower():
            raise PdfSigningError(f"O servidor de carimbo temporal ({config.tsa_url}) não "
                                  f"respondeu como devia ({name}); o PDF não foi "
                                  "assinado.") from None
        raise PdfSigningError(f"Não foi possível assinar o PDF ({name}: {exc}).") from None
    finally:
        if session is not None:
            session.close()
    return out.getvalue()
