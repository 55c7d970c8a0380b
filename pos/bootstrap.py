"""Builds the application facade once, from configuration and the adapters handed to it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from pos.application import Application
from pos.domain.errors import ValidationError
from pos.installation import data_dir
from pos.persistence import migrate
from pos.persistence.db import Database
from pos.persistence.models import TillRow
from pos.persistence.uow import UnitOfWork, till_ref
from pos.services.keys import KeyService
from pos.services.ports import AtLink, Clock, Printer, SystemClock

TILL_ENV = "CAIXA_TILL"


def default_db() -> str:
    return os.environ.get("CAIXA_DB") or str(data_dir() / "caixa.db")


def database_label(db: str | None = None) -> str:
    """The database for messages: the file, or the URL with its password hidden."""
    db = db or default_db()
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url

    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: say which variable holds it instead
        return "indicada em --db/CAIXA_DB"


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
    done = migrate.upgrade(database)    # an older shop: verified backup, migrate, verify
    if done is not None:
        print(f"caixa: {done.describe()}", file=sys.stderr)
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
