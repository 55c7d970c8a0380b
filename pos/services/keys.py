"""Keys: the legal signing key (RSA-1024) and the seal key (Ed25519), their passphrase.

Both private keys are stored in the database as encrypted PKCS#8. Their passphrase is made
by Caixa, never shown, and kept in the OS key store (pos.services.vault), under the shop's
identity (``settings.shop_uuid``): a copy of the database alone never exposes a key, and
nobody at the shop needs to know it (AT treats a signature as invalid when the user knows the
private key). ``CAIXA_KEY_PASSPHRASE`` still overrides it (CI, a store's shared database set
up by the installer); a passphrase file left beside the database by older versions is moved
into the key store and deleted on first use.

Every key version is journaled with its public key's fingerprint when it is made; ``verify``
refuses a key version the journal does not know (a key added behind the program's back).
"""

from __future__ import annotations

import os
import secrets
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from pos import signing
from pos.domain.errors import KeyError_
from pos.files import readable_by_others
from pos.persistence.models import SealKey, SigningKey
from pos.persistence.uow import UnitOfWork

from .secret_box import derive
from .vault import Vault, open_vault

PASSPHRASE_ENV = "CAIXA_KEY_PASSPHRASE"
SHOP_KEY = "shop_uuid"


@dataclass(frozen=True, repr=False)
class PreparedKey:
    """A signing key ready to store: already encrypted with the shop's passphrase."""

    private_pem: bytes
    public_pem: bytes
    how: str                  # generated | imported


class KeyService:
    """The signer, sealer and verifiers adapter. ``units(write)`` opens a unit of work for the
    till this process acts for (key changes are journaled in its chain)."""

    def __init__(self, units: Callable[[bool], UnitOfWork], secret_path: Path, clock,
                 vault: Vault | None = None):
        self.units = units
        self.secret_path = secret_path          # where older versions kept the passphrase
        self.clock = clock
        self._vault = vault
        self._signer: signing.Signer | None = None
        self._sealer: signing.Sealer | None = None
        self._verifiers: dict[int, signing.Verifier] = {}
        self._seal_verifiers: dict[int, signing.SealVerifier] = {}
        self.custody_note = ""                  # what happened to the passphrase, for the journal

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            self._vault = open_vault()
        return self._vault

    # ---- the shop's identity and the passphrase ----------------------------------------
    def shop_uuid(self, create: bool = False) -> str | None:
        with self.units(False) as uow:
            value = uow.settings.get(SHOP_KEY)
        if value or not create:
            return value or None
        with self.units(True) as uow:
            value = uow.settings.get(SHOP_KEY)
            if not value:
                value = str(uuidlib.uuid4())
                uow.settings.put(SHOP_KEY, value)
        return value

    def shop_uuid_in(self, uow: UnitOfWork) -> str:
        """The shop's identity inside ``uow``, made there when missing (set-up: it then
        exists only if the whole set-up commits)."""
        value = uow.settings.get(SHOP_KEY)
        if not value:
            value = str(uuidlib.uuid4())
            uow.settings.put(SHOP_KEY, value)
        return value

    def _passphrase(self, create: bool = False, shop: str | None = None) -> bytes:
        env = os.environ.get(PASSPHRASE_ENV)
        if env:
            return env.encode("utf-8")
        shop = shop or self.shop_uuid(create=create)
        name = f"{shop}.passphrase" if shop else None
        found = self.vault.get(name) if name else None
        if found:
            return found
        if name and self.secret_path.exists():
            if readable_by_others(self.secret_path):
                # Refused, not adopted: with this file and a copy of the database anyone
                # could sign as the shop. Older versions created it 0600, so only a loosened
                # mode gets here; reading, showing and verifying documents still work.
                raise KeyError_(
                    f"O ficheiro da palavra-passe da chave de assinatura {self.secret_path} "
                    "pode ser lido por outros utilizadores: a assinatura fica bloqueada até "
                    f"'chmod 600 {self.secret_path}'.")
            legacy = self.secret_path.read_bytes().strip()
            self.vault.put(name, legacy)
            self.secret_path.unlink()
            self.custody_note = (f"passphrase moved from {self.secret_path} to the OS key "
                                 f"store ({self.vault.description})")
            return legacy
        if not create or name is None or self._any_key():
            # A key exists: its passphrase is somewhere else (another account, a key store
            # not restored); a new one would lock every existing key out.
            raise KeyError_(
                "Falta a palavra-passe das chaves no porta-chaves do sistema "
                f"({self.vault.description}). Restaure-o (ou defina {PASSPHRASE_ENV}) antes "
                "de emitir documentos.")
        value = secrets.token_urlsafe(32).encode("ascii")
        self.vault.put(name, value)
        return value

    def _any_key(self) -> bool:
        with self.units(False) as uow:
            s = uow.session
            return bool(s.scalar(select(func.count()).select_from(SigningKey))
                        or s.scalar(select(func.count()).select_from(SealKey)))

    def import_passphrase(self, value: bytes, shop: str | None = None) -> None:
        """Install the passphrase on another till of the shop, or on a machine that will
        restore a backup (``shop``: the shop's identity, shown by 'caixa backup list')."""
        value = value.strip()
        if len(value) < 16:
            raise KeyError_("A palavra-passe das chaves tem pelo menos 16 caracteres.")
        self.vault.put(f"{shop or self.shop_uuid(create=True)}.passphrase", value)
        self._signer = self._sealer = None

    def has_passphrase(self, shop: str) -> bool:
        return bool(os.environ.get(PASSPHRASE_ENV) or self.vault.get(f"{shop}.passphrase"))

    # ---- the legal signing key (RSA) ---------------------------------------------------
    def generate(self, user: str = "admin") -> int:
        return self._store(self.prepare(), user)

    def import_pem(self, pem: bytes, password: bytes | None, user: str = "admin") -> int:
        return self._store(self.prepare(pem, password), user)

    @staticmethod
    def check_import(pem: bytes, password: bytes | None) -> None:
        """Refuse a key that cannot be imported (unreadable, wrong password, not RSA-1024),
        writing nothing."""
        signing.import_private_pem(pem, password, secrets.token_bytes(16))

    def prepare(self, pem: bytes | None = None, password: bytes | None = None,
                shop: str | None = None) -> PreparedKey:
        """A new key (or ``pem`` imported), encrypted with this shop's passphrase, ready to
        be stored by ``store_in`` in the unit of work that needs it (set-up: the shop's
        first unit, so a shop never exists without its key; ``shop``: its identity, made
        in that unit by ``shop_uuid_in``)."""
        passphrase = self._passphrase(create=True, shop=shop)
        if pem is None:
            return PreparedKey(*signing.generate_private_pem(passphrase), "generated")
        return PreparedKey(*signing.import_private_pem(pem, password, passphrase), "imported")

    def store_in(self, uow: UnitOfWork, key: PreparedKey, user: str) -> int:
        """Make ``key`` the active signing key inside ``uow``; its version, journaled with
        its public key's fingerprint (``verify`` refuses a version the journal does not
        know)."""
        now = self.clock.now()
        s = uow.session
        version = (s.scalar(select(func.max(SigningKey.version))) or 0) + 1
        for old in s.scalars(select(SigningKey).where(SigningKey.active)):
            old.active = False
        s.add(SigningKey(version=version, private_pem=key.private_pem,
                         public_pem=key.public_pem, created_at=now, active=True))
        uow.audit.append(now, user, "key", f"signing key version {version} {key.how} "
                                           f"fingerprint {signing.fingerprint(key.public_pem)}")
        self._signer = None
        return version

    def _store(self, key: PreparedKey, user: str) -> int:
        self.ensure_seal_key()
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
        """The newest signing key the journal knows (a key added behind the program's back
        is never used to sign, whatever its ``active`` flag says)."""
        if self._signer is None:
            from .chains import journal_facts

            with self.units(False) as uow:
                known = journal_facts(uow.session.connection()).signing_keys
                rows = uow.session.scalars(select(SigningKey).order_by(
                    SigningKey.active.desc(), SigningKey.version.desc())).all()
            row = next((r for r in rows if signing.fingerprint(r.public_pem) in known), None)
            if row is None:
                raise KeyError_("Não existe chave de assinatura registada. Execute 'caixa keys "
                                "generate'.")
            self._signer = signing.Signer(row.private_pem, self._passphrase(), row.version)
        return self._signer

    def verifiers(self) -> dict[int, signing.Verifier]:
        with self.units(False) as uow:
            s = uow.session
            for row in s.scalars(select(SigningKey)):
                if row.version not in self._verifiers:
                    self._verifiers[row.version] = signing.Verifier(row.public_pem)
        return self._verifiers

    def signing_fingerprints(self) -> dict[int, str]:
        with self.units(False) as uow:
            rows = uow.session.execute(select(SigningKey.version, SigningKey.public_pem)).all()
        return {v: signing.fingerprint(pem) for v, pem in rows}

    # ---- the seal key (Ed25519) --------------------------------------------------------
    def has_seal_key(self) -> bool:
        with self.units(False) as uow:
            return uow.session.scalar(select(func.count()).select_from(SealKey)) > 0

    def seal_key_in(self, uow: UnitOfWork, shop: str) -> tuple[int, str]:
        """The shop's seal key inside ``uow``, made there when there is none (set-up);
        (version, fingerprint)."""
        s = uow.session
        row = s.scalars(select(SealKey).order_by(SealKey.version.desc()).limit(1)).first()
        passphrase = self._passphrase(create=True, shop=shop)
        if row is None:
            private_pem, public_pem = signing.generate_seal_pem(passphrase)
            row = SealKey(version=1, uuid=str(uuidlib.uuid4()), private_pem=private_pem,
                          public_pem=public_pem, fingerprint=signing.fingerprint(public_pem),
                          created_at=self.clock.now())
            s.add(row)
        # The unit's own entries are sealed with it before it is committed (sealer() reads
        # only what is committed).
        self._sealer = signing.Sealer(row.private_pem, passphrase, row.version)
        return row.version, row.fingerprint

    def ensure_seal_key(self) -> None:
        """Make the shop's first seal key when there is none (set-up, upgrade)."""
        if self.has_seal_key():
            return
        private_pem, public_pem = signing.generate_seal_pem(self._passphrase(create=True))
        with self.units(True) as uow:
            s = uow.session
            if s.scalar(select(func.count()).select_from(SealKey)):
                return
            s.add(SealKey(version=1, uuid=str(uuidlib.uuid4()), private_pem=private_pem,
                          public_pem=public_pem, fingerprint=signing.fingerprint(public_pem),
                          created_at=self.clock.now()))

    def sealer(self) -> signing.Sealer:
        if self._sealer is None:
            with self.units(False) as uow:
                row = uow.session.scalars(select(SealKey).order_by(SealKey.version.desc())
                                          .limit(1)).first()
            if row is None:
                raise KeyError_("Não existe chave de selagem: execute 'caixa init' ou "
                                "'caixa keys generate'.")
            self._sealer = signing.Sealer(row.private_pem, self._passphrase(), row.version)
        return self._sealer

    def seal_verifiers(self) -> dict[int, signing.SealVerifier]:
        with self.units(False) as uow:
            for version, pem in uow.session.execute(select(SealKey.version,
                                                           SealKey.public_pem)).all():
                if version not in self._seal_verifiers:
                    self._seal_verifiers[version] = signing.SealVerifier(pem)
        return self._seal_verifiers
