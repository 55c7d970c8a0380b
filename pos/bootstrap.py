"""Builds the application facade once, from configuration and the adapters handed to it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from pos.application import Application
from pos.domain.errors import ValidationError
from pos.persistence import migrate
from pos.persistence.db import Database
from pos.persistence.uow import UnitOfWork, till_ref
from pos.services.anchors import Anchors, AnchorStore
from pos.services.keys import KeyService
from pos.services.ports import AtLink, Clock, Printer, SystemClock
from pos.services.vault import open_vault

TILL_ENV = "CAIXA_TILL"


def data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "Caixa"
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "caixa"


def default_db() -> str:
    return os.environ.get("CAIXA_DB") or str(data_dir() / "caixa.db")


def secret_path_for(db: str) -> Path:
    if "://" in db:
        return data_dir() / "signing-key.secret"
    return Path(db).expanduser().resolve().with_suffix(".secret")


def _owner_only(db: str) -> None:
    """Create the data folder (0700) and the database file (0600) owner-only; tighten an
    existing file that others can read (its -wal/-shm take the file's permissions)."""
    path = Path(db).expanduser().resolve()
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    if os.name == "nt":
        return
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if p.stat().st_mode & 0o077:
                os.chmod(p, 0o600)
        except (FileNotFoundError, PermissionError):
            pass


def open_app(db: str | None = None, *, till: str | None = None, clock: Clock | None = None,
             printer: Printer | None = None,
             at_link: Callable[[Application], AtLink] | None = None,
             anchor_store: AnchorStore | None = None) -> Application:
    """Open (creating and migrating when needed) the database and build the facade.

    ``till``: the till this process acts for (its code), else ``CAIXA_TILL``, else the
    database's only till; none before set-up. ``at_link`` builds the AT sender from the
    application it will drain (the sender calls the facade back). ``anchor_store``: the
    central store's copy of the anchors (issue 18), when there is one.
    """
    db = db or default_db()
    if "://" not in db:
        _owner_only(db)
    database = Database(db)
    migrate.upgrade(database)
    clock = clock or SystemClock()
    wanted = till or os.environ.get(TILL_ENV) or None
    with UnitOfWork(database, None, write=False) as uow:
        ref = till_ref(uow.session, wanted)
        if ref is None and wanted and till_ref(uow.session) is not None:
            raise ValidationError(f"A caixa {wanted} não existe nesta base de dados.")
    holder: list[Application] = []

    def units(write: bool) -> UnitOfWork:
        return holder[0].unit(write)

    vault = open_vault()
    keys = KeyService(units, secret_path_for(db), clock, vault)
    app = Application(database, ref, clock, keys, printer,
                      anchors=Anchors(vault, store=anchor_store))
    holder.append(app)
    app.seal_upgrade()
    if at_link is not None:
        app.at_link = at_link(app)
    return app
