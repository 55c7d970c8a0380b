"""The only module that touches the private signing key.

RSA-1024, PKCS#1 v1.5, SHA-1, Base64 (D8632 §6.2). Keys are kept as encrypted PKCS#8 PEM;
the passphrase never leaves this module.
"""

import base64

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

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
