"""The only module that touches private keys.

The legal signature: RSA-1024, PKCS#1 v1.5, SHA-1, Base64 (D8632 §6.2). The seal of each
till's chains (pos.domain.seal) and of archives: Ed25519. Keys are kept as encrypted PKCS#8
PEM; the passphrase never leaves this module, and no function here returns a private key in
the clear (there is no export).
"""

import base64
import hashlib

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from pos.domain.errors import KeyError_

KEY_BITS = 1024


def generate_private_pem(passphrase: bytes) -> tuple[bytes, bytes]:
    """A new key pair as (encrypted PKCS#8 private PEM, public PEM)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    return _encrypt(key, passphrase), public_pem_of(key)


def import_private_pem(pem: bytes, old_password: bytes | None, passphrase: bytes
                       ) -> tuple[bytes, bytes]:
    try:
        key = serialization.load_pem_private_key(pem, password=old_password)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyError_(f"Não foi possível ler a chave privada: {str(exc)[:200]}") from None
    if not isinstance(key, rsa.RSAPrivateKey) or key.key_size != KEY_BITS:
        raise KeyError_("A chave de assinatura tem de ser RSA de 1024 bits (Despacho 8632/2014).")
    return _encrypt(key, passphrase), public_pem_of(key)


def _encrypt(key: rsa.RSAPrivateKey, passphrase: bytes) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase))


def public_pem_of(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


class Signer:
    """Holds one decrypted key in memory for the life of the process (decrypting is slow)."""

    def __init__(self, encrypted_pem: bytes, passphrase: bytes, version: int):
        try:
            self._key = serialization.load_pem_private_key(encrypted_pem, password=passphrase)
        except (ValueError, TypeError):
            raise KeyError_("A palavra-passe da chave de assinatura está errada ou a chave "
                            "está danificada.") from None
        self.version = version

    def sign(self, message: str) -> str:
        sig = self._key.sign(message.encode("utf-8"), padding.PKCS1v15(), hashes.SHA1())
        return base64.b64encode(sig).decode("ascii")


class Verifier:
    def __init__(self, public_pem: bytes):
        self._key = serialization.load_pem_public_key(public_pem)

    def verify(self, message: str, hash_b64: str) -> bool:
        try:
            sig = base64.b64decode(hash_b64, validate=True)
            self._key.verify(sig, message.encode("utf-8"), padding.PKCS1v15(), hashes.SHA1())
            return True
        except (InvalidSignature, ValueError):
            return False


# ---- the seal (Ed25519) --------------------------------------------------------------------

def generate_seal_pem(passphrase: bytes) -> tuple[bytes, bytes]:
    """A new Ed25519 seal key as (encrypted PKCS#8 private PEM, public PEM)."""
    key = ed25519.Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(passphrase))
    return private, key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def fingerprint(public_pem: bytes) -> str:
    """A public key's fingerprint: SHA-256 of its DER form, hex, first 32 characters."""
    key = serialization.load_pem_public_key(public_pem)
    der = key.public_bytes(serialization.Encoding.DER,
                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()[:32]


class Sealer:
    """One decrypted seal key for the life of the process: signs chain hashes (hex) and
    archive manifests."""

    def __init__(self, encrypted_pem: bytes, passphrase: bytes, version: int):
        try:
            key = serialization.load_pem_private_key(encrypted_pem, password=passphrase)
        except (ValueError, TypeError):
            raise KeyError_("A palavra-passe da chave de selagem está errada ou a chave está "
                            "danificada.") from None
        if not isinstance(key, ed25519.Ed25519PrivateKey):
            raise KeyError_("A chave de selagem não é Ed25519.")
        self._key = key
        self.version = version

    def seal(self, data: bytes) -> str:
        return base64.b64encode(self._key.sign(data)).decode("ascii")

    def seal_hash(self, chain_hash: str) -> str:
        return self.seal(bytes.fromhex(chain_hash))


class SealVerifier:
    def __init__(self, public_pem: bytes):
        key = serialization.load_pem_public_key(public_pem)
        if not isinstance(key, ed25519.Ed25519PublicKey):
            raise KeyError_("A chave pública de selagem não é Ed25519.")
        self._key = key
        self.fingerprint = fingerprint(public_pem)

    def verify(self, data: bytes, signature_b64: str | None) -> bool:
        if not signature_b64:
            return False
        try:
            self._key.verify(base64.b64decode(signature_b64, validate=True), data)
            return True
        except (InvalidSignature, ValueError):
            return False

    def verify_hash(self, chain_hash: str, signature_b64: str | None) -> bool:
        try:
            data = bytes.fromhex(chain_hash)
        except ValueError:
            return False
        return self.verify(data, signature_b64)
