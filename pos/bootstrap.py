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
from pos.services.anchors import Anchors, AnchorStore
from pos.services.keys import KeyService
from pos.services.ports import AtLink, Clock, Printer, StoreLink, SystemClock
from pos.services.store import central
from pos.services.vault import open_vault

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


def store_secret_path_for(db: str) -> Path:
    """Where an attached till keeps its password to the store's central database (beside
    its file, owner-only like it)."""
    if "://" in db:
        return data_dir() / "store.secret"
    return Path(db).expanduser().resolve().with_suffix(".store-secret")


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
             printer: Callable[[Application], Printer] | None = None,
             at_link: Callable[[Application], AtLink] | None = None,
             printer_check: Callable[[dict], object] | None = None,
             anchor_store: AnchorStore | None = None,
             store_link: Callable[[Application], StoreLink] | None = None) -> Application:
    """Open (creating and migrating when needed) the database and build the facade.

    ``till``: the till this process acts for (its code), else ``CAIXA_TILL``, else the
    database's only till; none before set-up. ``printer`` and ``at_link`` build the
    adapters from the application they serve, since both call it back: the printer records
    the copies it prints, the AT sender drains the queue; the printer factory is kept to
    rebuild the printer when the till's printer settings change. ``printer_check`` reads a
    printer configuration as printing would (refusing what it would refuse).
    ``anchor_store``: the central store's copy of the anchors, when there is one; by
    default the store link's (an attached till's sender keeps its anchor at the store).
    ``store_link`` builds the store's sender from the application it serves.

    On a store's central database (``caixa store init``) the process acts for the store's
    office (pos.services.store.central.OFFICE) and for no selling till: a till's numbers
    live in its own file. ``till=""`` acts for no particular till, whatever ``CAIXA_TILL``
    says (the CLI naming another database than the till's).
    """
    db = db or default_db()
    if "://" not in db:
        _owner_only(db)
    database = Database(db)
    done = migrate.upgrade(database)    # an older shop: verified backup, migrate, verify
    if done is not None:
        print(f"caixa: {done.describe()}", file=sys.stderr)
    clock = clock or SystemClock()
    wanted = (till if till is not None else os.environ.get(TILL_ENV)) or None
    with UnitOfWork(database, None, write=False) as uow:
        if central.is_store(uow):
            if wanted and wanted != central.OFFICE:
                raise ValidationError(f"A caixa {wanted} vende na sua própria base de dados; a "
                                      "base central da loja não age por nenhuma caixa.")
            ref = central.office(uow)
        else:
            ref = till_ref(uow.session, wanted)
        if ref is None and wanted and uow.session.scalar(select(func.count(TillRow.id))):
            raise ValidationError(f"A caixa {wanted} não existe nesta base de dados.")
    holder: list[Application] = []

    def units(write: bool) -> UnitOfWork:
        return holder[0].unit(write)

    vault = open_vault()
    keys = KeyService(units, secret_path_for(db), clock, vault)
    app = Application(database, ref, clock, keys,
                      anchors=Anchors(vault, store=anchor_store))
    holder.append(app)
    app.store_secret = store_secret_path_for(db)
    app.printer_check = printer_check
    app.seal_upgrade()
    if printer is not None:
        app.printer_factory = printer
        app.printer = printer(app)
    if at_link is not None:
        app.at_link = at_link(app)
    if ref is not None and database.is_sqlite:
        app.store_refresh()      # an attached till's triggers, up to date with this Caixa
    if store_link is not None:
        app.store_link = store_link(app)
        if anchor_store is None and hasattr(app.store_link, "latest"):
            app.anchors.store = app.store_link
    return app
