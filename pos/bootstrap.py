"""Builds the application facade once, from configuration and the adapters handed to it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from pos.application import Application
from pos.domain.errors import ValidationError
from pos.persistence import migrate
from pos.persistence.db import Database
from pos.persistence.models import TillRow
from pos.persistence.uow import UnitOfWork, till_ref
from pos.services.keys import KeyService
from pos.services.ports import AtLink, Clock, Printer, SystemClock

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


def open_app(db: str | None = None, *, till: str | None = None, clock: Clock | None = None,
             printer: Callable[[Application], Printer] | None = None,
             at_link: Callable[[Application], AtLink] | None = None,
             printer_check: Callable[[dict], object] | None = None) -> Application:
    """Open (creating and migrating when needed) the database and build the facade.

    ``till``: the till this process acts for (its code), else ``CAIXA_TILL``, else the
    database's only till; none before set-up. ``printer`` and ``at_link`` build the
    adapters from the application they serve, since both call it back: the printer records
    the copies it prints, the AT sender drains the queue; the printer factory is kept to
    rebuild the printer when the till's printer settings change. ``printer_check`` reads a
    printer configuration as printing would (refusing what it would refuse).
    """
    db = db or default_db()
    if "://" not in db:
        Path(db).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    database = Database(db)
    migrate.upgrade(database)
    clock = clock or SystemClock()
    wanted = till or os.environ.get(TILL_ENV) or None
    with UnitOfWork(database, None, write=False) as uow:
        ref = till_ref(uow.session, wanted)
        if ref is None and wanted and uow.session.scalar(select(func.count(TillRow.id))):
            raise ValidationError(f"A caixa {wanted} não existe nesta base de dados.")
    holder: list[Application] = []

    def units(write: bool) -> UnitOfWork:
        return holder[0].unit(write)

    keys = KeyService(units, secret_path_for(db), clock)
    app = Application(database, ref, clock, keys)
    holder.append(app)
    app.printer_check = printer_check
    if printer is not None:
        app.printer_factory = printer
        app.printer = printer(app)
    if at_link is not None:
        app.at_link = at_link(app)
    return app
