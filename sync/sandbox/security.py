"""Server side of AT's UsernameToken: decrypt and judge it the way AT documents it.

Failures are returned as a *reason*; each service turns the reason into its own code
(fatcorews and sgdtws number some of them differently, FISCAL-PT §5.1).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from lxml import etree

from ..wsse import SESSION_KEY_BYTES, SOAP11_NS, WSS_NS, aes_ecb_decrypt

# reason -> (code shared by all services, AT's wording)
REASONS: dict[str, tuple[int, str]] = {
    "no_header": (1, "Header inexistente ou vazio"),
    "no_user": (1, "Utilizador não preenchido"),
    "bad_nif": (3, "NIF inválido"),
    "bad_user": (4, "Utilizador com formato inválido"),
    "no_password": (6, "Senha não preenchida"),
    "bad_base64": (7, "Codificação Base64 inválida"),
    "bad_nonce": (8, "Cifra da chave pública inválida"),
    "bad_created_format": (9, "Formato do campo Created inválido"),
    "expired": (10, "Validade da credencial expirada"),
    "repeated_key": (12, "Chave simétrica repetida"),
    "bad_created_key": (16, "Chave de sessão inválida. Não foi possível decifrar o campo Created"),
    "bad_password_key": (17, "Chave de sessão inválida. Não foi possível decifrar o campo "
                             "Password"),
    "no_created": (19, "Data de criação do pedido não preenchida"),
    "no_nonce": (20, "Chave do pedido não preenchida"),
    "wrong_password": (99, "Erro na validação da senha (Senha errada, acesso suspenso, etc.)"),
}

_USER_RE = re.compile(r"^(\d{9})/(\d{1,9})$")
_CREATED_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


def nif_is_valid(nif: str) -> bool:
    """Portuguese NIF mod-11 check digit (FISCAL-PT §8.2)."""
    if not re.fullmatch(r"\d{9}", nif):
        return False
    total = sum(int(d) * w for d, w in zip(nif[:8], range(9, 1, -1), strict=True))
    check = 11 - total % 11
    return int(nif[8]) == (0 if check >= 10 else check)


@dataclass(frozen=True)
class Credentials:
    """What a valid header carried (the password is kept only to compare it)."""

    username: str
    nif: str
    created: dt.datetime
    session_key: bytes


class AuthFailure(Exception):
    def __init__(self, reason: str, username: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.code, self.text = REASONS[reason]
        self.username = username


class TokenChecker:
    """Decrypts the token with the sandbox's "AT" private key and checks it."""

    def __init__(self, private_key: RSAPrivateKey, users: Mapping[str, str],
                 max_skew: dt.timedelta = dt.timedelta(minutes=5)):
        self._key = private_key
        self._users = dict(users)
        self._max_skew = max_skew
        self._seen: set[bytes] = set()
        self._lock = threading.Lock()

    def check(self, envelope: etree._Element) -> Credentials:
        token = envelope.find(
            f"{{{SOAP11_NS}}}Header/{{{WSS_NS}}}Security/{{{WSS_NS}}}UsernameToken")
        if token is None:
            raise AuthFailure("no_header")

        def text(name: str) -> str:
            node = token.find(f"{{{WSS_NS}}}{name}")
            return "".join(node.text.split()) if node is not None and node.text else ""

        username = text("Username")
        if not username:
            raise AuthFailure("no_user")
        match = _USER_RE.match(username)
        if not match:
            raise AuthFailure("bad_user", username)
        if not nif_is_valid(match.group(1)):
            raise AuthFailure("bad_nif", username)
        for field, reason in (("Password", "no_password"), ("Nonce", "no_nonce"),
                              ("Created", "no_created")):
            if not text(field):
                raise AuthFailure(reason, username)
        try:
            nonce, password_ct, created_ct = (
                base64.b64decode(text(f), validate=True) for f in ("Nonce", "Password", "Created"))
        except binascii.Error:
            raise AuthFailure("bad_base64", username) from None
        try:
            ks = self._key.decrypt(nonce, padding.PKCS1v15())
        except ValueError:
            raise AuthFailure("bad_nonce", username) from None
        if len(ks) != SESSION_KEY_BYTES:
            raise AuthFailure("bad_nonce", username)
        try:
            created_text = aes_ecb_decrypt(ks, created_ct).decode("ascii")
        except ValueError:
            raise AuthFailure("bad_created_key", username) from None
        try:
            password = aes_ecb_decrypt(ks, password_ct).decode("utf-8")
        except ValueError:
            raise AuthFailure("bad_password_key", username) from None
        if not _CREATED_RE.match(created_text):
            raise AuthFailure("bad_created_format", username)
        created = dt.datetime.fromisoformat(created_text.replace("Z", "+00:00"))
        if abs(dt.datetime.now(dt.UTC) - created) > self._max_skew:
            raise AuthFailure("expired", username)
        with self._lock:
            if ks in self._seen:
                raise AuthFailure("repeated_key", username)
            self._seen.add(ks)
        if self._users.get(username) != password:
            raise AuthFailure("wrong_password", username)
        return Credentials(username, match.group(1), created, ks)
