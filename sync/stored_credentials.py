"""AT credentials kept by the shop (back office, ``caixa at …``) turned into the sender's
configuration.

The ``[at]`` section of caixa.toml and the ``CAIXA_AT_*`` variables still win, key by key:
an installer may keep endpoints or a CA there while the manager sets the sub-user and the
certificates in the back office. The certificates go into a private temporary folder
(owner-only, removed when the sender stops); the client's private key is written there
encrypted again, with a one-time password held only in memory, so it is never on disk in
clear; the HTTPS session opens it with that password (``ATConfig.client_key_password``).
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from .config import ENV_VARS, ATConfig


class StoredCredentials:
    """Owns the temporary folder of one sender's certificates."""

    def __init__(self):
        self.folder: Path | None = None

    def config(self, stored, file_at: dict, env=None) -> ATConfig:
        """``stored``: ``Application.at_connection()``; ``file_at``: the file's ``[at]``."""
        env = os.environ if env is None else env
        self.close()
        self.folder = Path(tempfile.mkdtemp(prefix="caixa-at-"))     # mode 0700
        public = self._write("at-public.pem", stored.at_public_cert)
        client = self._write("client.pem", stored.client_cert)
        password = secrets.token_urlsafe(24)
        key = serialization.load_pem_private_key(stored.client_key, password=None)
        encrypted = key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.BestAvailableEncryption(password.encode()))
        key_path = self._write("client.key", encrypted)
        mapping = {"environment": stored.environment, "username": stored.username,
                   "password": stored.password, "wsdl_dir": stored.wsdl_dir,
                   "at_public_cert": str(public), "client_cert": str(client),
                   "client_key": str(key_path)}
        mapping.update({k: v for k, v in file_at.items() if v not in (None, "")})
        at = ATConfig.from_mapping(mapping, env=env)
        if Path(at.client_key or "") == key_path and not env.get(ENV_VARS["client_key"]):
            at = replace(at, client_key_password=password)
        return at

    def _write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return path

    def close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
