"""Backups: a consistent snapshot of the till's SQLite database (the online backup API),
encrypted with AES-256-GCM under a key kept apart from the data (the OS key store), and
read back in full after writing.

The file (``*.caixabak``)::

    CAIXABK1\\n
    {header: shop, till, created, size and SHA-256 of the snapshot, chain heads…}\\n
    [4-byte length][AES-GCM chunk] × n      (1 MiB of the snapshot each)

Each chunk's nonce is the header's 8-byte prefix plus its index, and its additional data is
the header, its index and whether it is the last: a chunk cannot be moved, dropped, taken from
another backup, nor the file cut short, without decryption failing. The snapshot's SHA-256
is checked again after decryption.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pos.domain.errors import KeyError_, ValidationError

from .vault import Vault

MAGIC = b"CAIXABK1\n"
CHUNK = 1 << 20
SUFFIX = ".caixabak"
BACKUP_ENV = "CAIXA_BACKUP_DIR"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    shop: str
    till: str
    created: datetime
    size: int
    sha256: str
    documents: int            # the document chain's head when it was taken
    journal: int
    automatic: bool


def key(vault: Vault, shop: str, create: bool = False) -> bytes:
    """The shop's backup key (32 bytes), kept in the OS key store, never in the data."""
    name = f"{shop}.backup-key"
    found = vault.get(name)
    if found:
        return found
    if not create:
        raise KeyError_("Falta a chave das cópias de segurança no porta-chaves do sistema: "
                        "importe-a ('caixa backup key --import FICHEIRO').")
    value = secrets.token_bytes(32)
    vault.put(name, value)
    return value


def folder_for(db_path: Path) -> Path:
    forced = os.environ.get(BACKUP_ENV)
    return Path(forced) if forced else db_path.parent / "backups"


def snapshot(db_path: Path, into: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API: readers and the
    writer go on meanwhile), checked with ``PRAGMA quick_check``."""
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    dst = sqlite3.connect(into)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        ok = dst.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if ok != "ok":
        raise ValidationError(f"A cópia da base de dados não está íntegra ({ok}).")


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">I?", index, last)


def encrypt(plain: Path, out: Path, header: dict, secret: bytes) -> None:
    size = plain.stat().st_size
    digest = hashlib.sha256()
    with plain.open("rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    header = {**header, "size": size, "sha256": digest.hexdigest(),
              "nonce": secrets.token_hex(8), "chunk": CHUNK}
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    prefix = bytes.fromhex(header["nonce"])
    aes = AESGCM(secret)
    count = max(1, -(-size // CHUNK))
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as dst, plain.open("rb") as src:
        dst.write(MAGIC + head + b"\n")
        for index in range(count):
            block = src.read(CHUNK)
            sealed = aes.encrypt(_nonce(prefix, index), block,
                                 _aad(head, index, index == count - 1))
            dst.write(struct.pack(">I", len(sealed)) + sealed)
        dst.flush()
        os.fsync(dst.fileno())


def read_header(path: Path) -> tuple[dict, bytes]:
    with path.open("rb") as fh:
        if fh.read(len(MAGIC)) != MAGIC:
            raise ValidationError(f"{path.name} não é uma cópia de segurança do Caixa.")
        head = fh.readline(64 * 1024).rstrip(b"\n")
    try:
        header = json.loads(head)
    except ValueError:
        raise ValidationError(f"{path.name}: cabeçalho ilegível.") from None
    if not isinstance(header, dict) or not {"shop", "till", "created", "size", "sha256",
                                            "nonce", "chunk"} <= set(header):
        raise ValidationError(f"{path.name}: cabeçalho alterado.")
    return header, head


def decrypt(path: Path, secret: bytes) -> Iterator[bytes]:
    """The snapshot's bytes, chunk by chunk; a ValidationError at the first wrong byte."""
    header, head = read_header(path)
    try:
        prefix = bytes.fromhex(header["nonce"])
        count = max(1, -(-int(header["size"]) // int(header["chunk"])))
        if len(prefix) != 8:
            raise ValueError("nonce")
    except (KeyError, ValueError, TypeError):
        raise ValidationError(f"{path.name}: cabeçalho alterado.") from None
    aes = AESGCM(secret)
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        fh.seek(len(MAGIC) + len(head) + 1)
        for index in range(count):
            raw = fh.read(4)
            if len(raw) != 4:
                raise ValidationError(f"{path.name} está incompleta (cortada).")
            sealed = fh.read(struct.unpack(">I", raw)[0])
            try:
                block = aes.decrypt(_nonce(prefix, index), sealed,
                                    _aad(head, index, index == count - 1))
            except InvalidTag:
                raise ValidationError(f"{path.name} foi alterada ou a chave não é a desta "
                                      f"loja (o bloco {index} não decifra).") from None
            digest.update(block)
            yield block
        if fh.read(1):
            raise ValidationError(f"{path.name} tem dados a mais no fim.")
    if digest.hexdigest() != header["sha256"]:
        raise ValidationError(f"{path.name}: a cópia decifrada não é a que foi guardada.")


def decrypt_to(path: Path, secret: bytes, out: Path) -> None:
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as dst:
        for block in decrypt(path, secret):
            dst.write(block)


def verify(path: Path, secret: bytes) -> dict:
    """Decrypt the whole file (nothing written) and check the snapshot opens as a sound
    database; its header."""
    header, _ = read_header(path)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        plain = Path(tmp) / "check.db"
        decrypt_to(path, secret, plain)
        con = sqlite3.connect(plain)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()[0]
            con.execute("SELECT count(*) FROM documents").fetchone()
        except sqlite3.DatabaseError as exc:
            raise ValidationError(f"{path.name}: a base de dados da cópia não abre ({exc}).") \
                from None
        finally:
            con.close()
    if ok != "ok":
        raise ValidationError(f"{path.name}: a base de dados da cópia não está íntegra.")
    return header


def info(path: Path) -> BackupInfo:
    h, _ = read_header(path)
    return BackupInfo(path, h["shop"], h["till"], datetime.fromisoformat(h["created"]),
                      int(h["size"]), h["sha256"], int(h.get("documents") or 0),
                      int(h.get("journal") or 0), bool(h.get("automatic")))


def listing(folder: Path) -> list[BackupInfo]:
    out = []
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        try:
            out.append(info(path))
        except (ValidationError, KeyError, ValueError):
            continue
    return sorted(out, key=lambda b: b.created)


def prune(folder: Path, keep: int) -> list[Path]:
    """Drop the oldest automatic backups beyond ``keep`` (those made on request stay)."""
    automatic = [b for b in listing(folder) if b.automatic]
    gone = [b.path for b in automatic[:-keep]] if keep > 0 else []
    for path in gone:
        path.unlink(missing_ok=True)
    return gone
