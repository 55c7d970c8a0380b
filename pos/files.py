"""Files Caixa reads and writes on a person's say-so: secrets, configuration, exports.

- A secret (the AT password file, the signing key's passphrase file) that other users can
  read is refused, as SSH refuses a private key others can read: whoever reads it can act
  as the shop. The refusal names the ``chmod`` that fixes it.
- What is read is a regular file of bounded size: a named pipe would block forever, a
  device or a huge file would be read without end.
- What is written goes only to a regular file or a new path, through a temporary file in
  the same folder renamed at the end, so a failure (full disk) never leaves half a file
  under the name asked for, and a named pipe or a device (``/dev/full``) is never
  replaced by a file.
- New databases and secrets are created owner-only (0600).
"""

import os
import stat
import sys
import tempfile
from pathlib import Path

from pos.domain.errors import ValidationError
from pos.domain.text import first_refused, shown

PRIVATE = 0o600


def readable_by_others(path: Path) -> bool:
    if sys.platform == "win32":  # NTFS permissions are not mode bits
        return False
    return bool(Path(path).stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def _check_name(path: str | Path, what: str) -> Path:
    text = str(path)
    if not text.strip():
        raise ValidationError(f"Indique o nome do {what}.")
    bad = first_refused(text)
    if bad is not None or len(text) > 4096:
        raise ValidationError(f"Nome de {what} inválido: {shown(text)}.")
    return Path(text).expanduser()


def read_file(path: str | Path, what: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; OSError passes through."""
    path = _check_name(path, what)
    with open(path, "rb", opener=_nonblocking) as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError(f"{path} ({what}) não é um ficheiro normal.")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(f"{path} ({what}) é grande demais (mais de {max_bytes} bytes).")
    return data


def read_text_file(path: str | Path, what: str, max_bytes: int) -> str:
    """The UTF-8 text of a regular file of at most ``max_bytes``; OSError passes through."""
    try:
        return read_file(path, what, max_bytes).decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"{path} ({what}) não é texto UTF-8.") from None


def _nonblocking(path, flags):
    # Opening a named pipe for reading blocks until a writer comes: O_NONBLOCK opens it at
    # once, and the regular-file check above then refuses it.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def output_path(path: str | Path, what: str) -> Path:
    """Where a file may be written: a new path or an existing regular file, in a folder.

    Symbolic links are followed, so a link to a regular file is written through and a link
    to a device is refused like the device itself.
    """
    if str(path).endswith(("/", os.sep)):
        raise ValidationError(f"{shown(str(path))} é uma pasta: indique o nome do {what}.")
    target = _check_name(path, what).resolve()
    if target.exists() and not target.is_file():
        kind = "uma pasta" if target.is_dir() else "um dispositivo ou canal (não um ficheiro)"
        raise ValidationError(f"{path} é {kind}: o {what} só é gravado num ficheiro normal "
                              "ou num caminho novo.")
    if not target.parent.is_dir():
        raise ValidationError(f"A pasta {target.parent} não existe (para o {what}).")
    return target


def temporary_beside(target: Path) -> tuple[int, Path]:
    """A new private file in ``target``'s folder (for writing, then ``replace``)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial",
                                dir=target.parent)
    return fd, Path(name)


def write_file(path: str | Path, data: bytes, what: str) -> Path:
    """Write ``data`` whole or not at all (see the module docstring)."""
    target = output_path(path, what)
    fd, tmp = temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def create_private(path: str | Path) -> None:
    """Create ``path`` empty and owner-only, unless it exists (a new database, say).

    SQLite gives its -wal and -shm files the database file's permissions, so creating the
    database 0600 first keeps all three private.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    except FileExistsError:
        pass
    except OSError:
        pass   # no such folder, no permission: whoever opens it next says so
