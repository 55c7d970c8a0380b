"""Signing keys: generate or import, keep encrypted, hand out a Signer and Verifiers.

The private key is stored in the database as encrypted PKCS#8. Its passphrase comes from
``CAIXA_KEY_PASSPHRASE`` or, failing that, a secret file kept beside the database with
owner-only permissions, so a copy of the database alone never exposes the key. A secret
file others can read is refused for signing (see ``_passphrase``).
"""

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from pos import signing
from pos.domain.errors import KeyError_
from pos.files import readable_by_others
from pos.persistence.models import SigningKey
from pos.persistence.uow import UnitOfWork

from .secret_box import derive


@dataclass(frozen=True, repr=False)
class PreparedKey:
    """A signing key ready to store: already encrypted with the shop's passphrase."""

    private_pem: bytes
    public_pem: bytes
    how: str                  # generated | imported


class KeyService:
    """The signer and verifiers adapter. ``units(write)`` opens a unit of work for the till
    this process acts for (key changes are audited in its chain)."""

    def __init__(self, units: Callable[[bool], UnitOfWork], secret_path: Path, clock):
        self.units = units
        self.secret_path = secret_path
        self.clock = clock
        self._signer: signing.Signer | None = None
        self._verifiers: dict[int, signing.Verifier] = {}

    def _passphrase(self, create: bool = False) -> bytes:
        env = os.environ.get("CAIXA_KEY_PASSPHRASE")
        if env:
            return env.encode("utf-8")
        if self.secret_path.exists():
            if readable_by_others(self.secret_path):
                # Refused, not just warned: with this file and a copy of the database anyone
                # can sign documents as the shop. Caixa creates it 0600, so only a loosened
                # mode gets here; reading, showing and verifying documents still work.
                raise KeyError_(
                    f"O ficheiro da palavra-passe da chave de assinatura {self.secret_path} "
                    "pode ser lido por outros utilizadores: a assinatura fica bloqueada até "
                    f"'chmod 600 {self.secret_path}'.")
            return self.secret_path.read_bytes().strip()
        if not create:
            raise KeyError_(
                f"Falta a palavra-passe da chave de assinatura ({self.secret_path}). "
                "Defina CAIXA_KEY_PASSPHRASE ou restaure o ficheiro.")
        self.secret_path.parent.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(32).encode("ascii")
        fd = os.open(self.secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(value)
        return value

    def generate(self, user: str = "admin") -> int:
        return self._store(self.prepare(), user)

    def import_pem(self, pem: bytes, password: bytes | None, user: str = "admin") -> int:
        return self._store(self.prepare(pem, password), user)

    @staticmethod
    def check_import(pem: bytes, password: bytes | None) -> None:
        """Refuse a key that cannot be imported (unreadable, wrong password, not RSA-1024),
        writing nothing."""
        signing.import_private_pem(pem, password, secrets.token_bytes(16))

    def prepare(self, pem: bytes | None = None, password: bytes | None = None) -> PreparedKey:
        """A new key (or ``pem`` imported), encrypted with this shop's passphrase, ready to
        be stored by ``store_in`` in the unit of work that needs it (set-up: the shop's
        first unit, so a shop never exists without its key)."""
        passphrase = self._passphrase(create=True)
        if pem is None:
            return PreparedKey(*signing.generate_private_pem(passphrase), "generated")
        return PreparedKey(*signing.import_private_pem(pem, password, passphrase), "imported")

    def store_in(self, uow: UnitOfWork, key: PreparedKey, user: str) -> int:
        """Make ``key`` the active signing key inside ``uow``; its version."""
        now = self.clock.now()
        s = uow.session
        version = (s.scalar(select(func.max(SigningKey.version))) or 0) + 1
        for old in s.scalars(select(SigningKey).where(SigningKey.active)):
            old.active = False
        s.add(SigningKey(version=version, private_pem=key.private_pem,
                         public_pem=key.public_pem, created_at=now, active=True))
        uow.audit.append(now, user, "key", f"signing key version {version} {key.how}")
        self._signer = None
        return version

    def _store(self, key: PreparedKey, user: str) -> int:
        with self.units(True) as uow:
            version = self.store_in(uow, key, user)
        self._signer = None
        return version

    def secret_key(self, purpose: str) -> bytes:
        """A key for secrets kept in the database (pos.services.secret_box), derived from
        the passphrase: never stored, never the passphrase itself."""
        return derive(self._passphrase(create=True), purpose)

    def has_key(self) -> bool:
        with self.units(False) as uow:
            s = uow.session
            return s.scalar(select(func.count()).select_from(SigningKey)) > 0

    def public_pem(self, version: int | None = None) -> bytes:
        with self.units(False) as uow:
            s = uow.session
            q = select(SigningKey)
            q = q.where(SigningKey.version == version) if version else \
                q.where(SigningKey.active)
            row = s.scalars(q).first()
        if row is None:
            raise KeyError_("Não existe chave de assinatura. Execute 'caixa keys generate'.")
        return row.public_pem

    def signer(self) -> signing.Signer:
        if self._signer is None:
            with self.units(False) as uow:
                row = uow.session.scalars(select(SigningKey).where(SigningKey.active)).first()
            if row is None:
                raise KeyError_("Não existe chave de assinatura. Execute 'caixa keys generate'.")
            self._signer = signing.Signer(row.private_pem, self._passphrase(), row.version)
        return self._signer

    def verifiers(self) -> dict[int, signing.Verifier]:
        with self.units(False) as uow:
            s = uow.session
            for row in s.scalars(select(SigningKey)):
                if row.version not in self._verifiers:
                    self._verifiers[row.version] = signing.Verifier(row.public_pem)
        return self._verifiers

