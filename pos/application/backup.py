"""Backups of this till's database: made on request and after every Z, listed, verified,
restored (an administrator's PIN; journaled, then a full verify and the anchor check)."""

from __future__ import annotations

import base64
import logging
import os
import sqlite3
import tempfile
from pathlib import Path

from pos.domain.errors import IntegrityError, NotFoundError, ValidationError
from pos.persistence.db import Database
from pos.persistence.uow import UnitOfWork, till_ref
from pos.services import anchors, backups, integrity, users
from pos.services.backups import BackupInfo

from .base import Base

log = logging.getLogger(__name__)

KEEP_KEY, ON_Z_KEY = "backup_keep", "backup_on_z"


class BackupMixin(Base):
    def _db_path(self) -> Path:
        if not self.db.is_sqlite:
            raise ValidationError("As cópias de segurança do Caixa são da base SQLite de uma "
                                  "caixa; uma base PostgreSQL copia-se com as ferramentas do "
                                  "servidor (pg_dump, pgBackRest).")
        return Path(self.db.url.removeprefix("sqlite:///"))

    def backup_folder(self) -> Path:
        return backups.folder_for(self._db_path())

    def backup_create(self, user: str = "admin", folder: str | Path | None = None,
                      automatic: bool = False) -> BackupInfo:
        """Snapshot, encrypt, write and read back this till's database; journaled (the
        entry is inside the backup), or journaled as failed."""
        path = self._db_path()
        shop = self.keys.shop_uuid(create=True)
        secret = backups.key(self.keys.vault, shop, create=True)
        target = Path(folder) if folder else backups.folder_for(path)
        if not target.exists():
            target.mkdir(parents=True, mode=0o700)
        now = self.clock.now()
        name = f"caixa-{self.till.code}-{now:%Y%m%d-%H%M%S}{'-auto' if automatic else ''}"
        out, n = target / f"{name}{backups.SUFFIX}", 1
        while out.exists():
            n += 1
            out = target / f"{name}-{n}{backups.SUFFIX}"
        with self._write() as uow:
            uow.audit.append(now, user, "backup", f"{out.name} in {target}")
            state = anchors.db_state(uow, shop)
        try:
            fd, tmp = tempfile.mkstemp(dir=target, prefix=".snapshot-")
            os.close(fd)
            try:
                backups.snapshot(path, Path(tmp))
                backups.encrypt(Path(tmp), out, {
                    "shop": shop, "till": self.till.code, "created": now.isoformat(),
                    "documents": state.documents.seq if state.documents else 0,
                    "journal": state.journal.seq if state.journal else 0,
                    "automatic": automatic}, secret)
            finally:
                Path(tmp).unlink(missing_ok=True)
            backups.verify(out, secret)
        except Exception as exc:
            out.unlink(missing_ok=True)
            self._journal(user, "backup_failed", f"{out.name}: {exc}"[:500])
            raise
        if automatic:
            with self._read() as uow:
                keep = int(uow.till_settings.get(KEEP_KEY) or 30)
            backups.prune(target, keep)
        return backups.info(out)

    def backups(self, folder: str | Path | None = None) -> list[BackupInfo]:
        return backups.listing(Path(folder) if folder else self.backup_folder())

    def backup_verify(self, path: str | Path) -> BackupInfo:
        """Decrypt the whole backup and open it: intact, with this shop's key."""
        path = Path(path)
        header, _ = backups.read_header(path)
        backups.verify(path, backups.key(self.keys.vault, header["shop"]))
        return backups.info(path)

    def backup_restore(self, path: str | Path, user: str, pin: str) -> integrity.Report:
        """Put a backup in place of this till's database (the current file is kept beside
        it), journaled in the restored database, then verified in full and against the
        anchors: a backup older than the till's last sale blocks selling until an
        administrator confirms (and the Despacho 8632 §2.5 path follows)."""
        path = Path(path)
        db_path = self._db_path()
        header, _ = backups.read_header(path)
        secret = backups.key(self.keys.vault, header["shop"])
        current = self.shop_uuid()
        if current and current != header["shop"]:
            raise ValidationError(f"{path.name} é uma cópia de outra loja.")
        if not self.keys.has_passphrase(header["shop"]):
            raise ValidationError(
                "Este computador não tem a palavra-passe das chaves desta loja: instale-a "
                f"primeiro ('caixa passphrase --shop {header['shop']}').")
        now = self.clock.now()
        with tempfile.TemporaryDirectory(dir=db_path.parent) as tmp:
            plain = Path(tmp) / "restored.db"
            backups.decrypt_to(path, secret, plain)
            who = self._restore_admin(plain, user, pin)
            self.db.dispose()
            aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
            if db_path.exists():
                os.replace(db_path, aside)
            for suffix in ("-wal", "-shm"):
                extra = Path(f"{db_path}{suffix}")
                if extra.exists():
                    os.replace(extra, Path(f"{aside}{suffix}"))
            os.replace(plain, db_path)
        self._shop, self._checked, self._findings = None, False, set()
        if self._till is None:             # a machine that had no database of this shop
            with self._read() as uow:
                self._till = till_ref(uow.session, header["till"])
        with self._write() as uow:
            uow.audit.append(now, who, "restore",
                             f"{path.name} taken {header['created']} (documents "
                             f"{header.get('documents')}, journal {header.get('journal')}); "
                             f"the file it replaced is kept as {aside.name}")
        report = self.verify()
        try:
            self.quick_check()
        except IntegrityError:
            pass           # the report says why; selling stays blocked until acknowledged
        return report

    def _restore_admin(self, plain: Path, login: str, pin: str) -> str:
        """The administrator's PIN, checked against the backup's own users (the current file
        may be the one that was lost)."""
        db = Database(plain)
        try:
            with UnitOfWork(db, None, write=False) as uow:
                who = users.get(uow, login)
                ok = users.check_pin(who.pin_hash, pin)
                role, name = who.role, who.name
        except NotFoundError:
            raise
        except sqlite3.DatabaseError as exc:
            raise ValidationError(f"A cópia não abre: {exc}.") from None
        finally:
            db.dispose()
        if not ok:
            if self.till is not None:
                self._journal(login, "pin_failed", "restore a backup")
            raise ValidationError("PIN errado.")
        if role != "admin":
            raise ValidationError(f"Só um administrador repõe uma cópia ({name} não é).")
        return login

    def _backup_after_z(self) -> None:
        """The scheduled backup: after every Z (a till setting turns it off); a failure is
        journaled and never undoes the Z."""
        if not self.db.is_sqlite or self.till is None:
            return
        with self._read() as uow:
            if uow.till_settings.get(ON_Z_KEY) == "off":
                return
        try:
            self.backup_create("sistema", automatic=True)
        except Exception as exc:   # noqa: BLE001 - journaled by backup_create
            log.warning("backup after Z failed: %s", exc)

    # ---- the backup key --------------------------------------------------------------
    def backup_key_export(self, out: str | Path, user: str = "admin") -> Path:
        """Write the backup key to an owner-only file, to keep away from this machine: the
        backups cannot be read without it (they do not contain the signing keys'
        passphrase)."""
        shop = self.keys.shop_uuid(create=True)
        secret = backups.key(self.keys.vault, shop, create=True)
        out = Path(out)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(f"caixa-backup-key {shop} {base64.b64encode(secret).decode()}\n")
        self._journal(user, "key_custody", f"backup key exported to {out}")
        return out

    def backup_key_import(self, path: str | Path, user: str = "admin") -> None:
        try:
            tag, shop, value = Path(path).read_text(encoding="ascii").split()
            secret = base64.b64decode(value, validate=True)
        except (ValueError, UnicodeDecodeError):
            raise ValidationError(f"{path} não é um ficheiro de chave de cópias do Caixa.") \
                from None
        if tag != "caixa-backup-key" or len(secret) != 32:
            raise ValidationError(f"{path} não é um ficheiro de chave de cópias do Caixa.")
        self.keys.vault.put(f"{shop}.backup-key", secret)
        if self.till is not None:
            self._journal(user, "key_custody", f"backup key of shop {shop} imported")
