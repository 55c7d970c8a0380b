"""Secrets kept in the database encrypted (AT's sub-user password, the client certificate's
private key): AES-256-GCM under a key derived from the shop's key passphrase.

The passphrase never lives in the database (``CAIXA_KEY_PASSPHRASE``, or the owner-only
secret file beside the database: see pos.services.keys), so a copy of the database alone
reveals none of these secrets. Each value is bound to what it is (``context``): a password
copied into the key's setting does not decrypt.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pos.domain.errors import KeyError_

PREFIX = "enc1:"


def derive(passphrase: bytes, purpose: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"caixa secret box",
                info=purpose.encode("utf-8")).derive(passphrase)


def seal(key: bytes, plaintext: bytes, context: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plaintext, context.encode("utf-8"))
    return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def open_sealed(key: bytes, token: str, context: str) -> bytes:
    if not token.startswith(PREFIX):
        raise KeyError_("Segredo guardado num formato desconhecido: volte a indicá-lo.")
    raw = base64.b64decode(token[len(PREFIX):])
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], context.encode("utf-8"))
    except InvalidTag:
        raise KeyError_("Não foi possível abrir um segredo guardado (a palavra-passe das "
                        "chaves mudou?): volte a indicar as credenciais da AT.") from None
