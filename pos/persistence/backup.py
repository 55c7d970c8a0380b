"""A verified copy of a SQLite shop, taken before anything rewrites its schema.

SQLite's online backup API copies the pages through a connection, so the write-ahead log
is included and other processes may keep reading meanwhile. A copy only counts once it
opens on its own, ``PRAGMA integrity_check`` says ``ok`` and it holds the revision it was
taken at: a backup nobody checked is a hope, not a backup.
"""

import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

from pos.domain.errors import PosError


class BackupError(PosError):
    """The copy could not be made or did not verify; the original was not touched."""


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What ``PRAGMA integrity_check`` and ``foreign_key_check`` report (empty when sound)."""
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    problems = [] if rows == ["ok"] else rows[:5]
    broken = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    problems += [f"chave estrangeira partida em {table} (linha {rowid})"
                 for table, rowid, *_ in broken]
    return problems


def backup_name(db_file: Path, revision: str, now: datetime) -> Path:
    """``shop.db`` -> ``shop.backup-0003-20260314-101530.db`` beside it."""
    return db_file.with_name(f"{db_file.stem}.backup-{revision}-"
                             f"{now:%Y%m%d-%H%M%S}{db_file.suffix or '.db'}")


def verified_backup(db_file: Path, revision: str, now: datetime | None = None) -> Path:
    """Copy ``db_file`` beside itself and check the copy; return its path.

    On any failure (full disk, unreadable file, a copy that does not verify) the partial
    copy is removed and BackupError says so: the caller must not go on to change the
    original.
    """
    target = backup_name(db_file, revision, now or datetime.now())
    try:
        source = sqlite3.connect(db_file)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        os.chmod(target, stat.S_IMODE(db_file.stat().st_mode))   # as private as the shop
        check = sqlite3.connect(target)
        try:
            problems = integrity_problems(check)
            stored = check.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            check.close()
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise BackupError(f"Não foi possível copiar {db_file} para {target} antes de "
                          f"atualizar a base de dados ({exc}); nada foi alterado.") from None
    if problems or stored is None or stored[0] != revision:
        target.unlink(missing_ok=True)
        why = "; ".join(problems) or "a cópia não tem a versão do esquema"
        raise BackupError(f"A cópia de segurança de {db_file} não passou a verificação "
                          f"({why}); nada foi alterado.")
    return target
