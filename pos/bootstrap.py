"""Builds the services from configuration and the adapters handed to it."""

import os
import sys
from pathlib import Path

from pos.installation import data_dir
from pos.persistence import migrate
from pos.persistence.db import Database
from pos.services.keys import KeyService
from pos.services.ports import Clock, SystemClock
from pos.services.till import Till


def default_db() -> str:
    return os.environ.get("CAIXA_DB") or str(data_dir() / "caixa.db")


def secret_path_for(db: str) -> Path:
    if "://" in db:
        return data_dir() / "signing-key.secret"
    return Path(db).expanduser().resolve().with_suffix(".secret")


def open_till(db: str | None = None, clock: Clock | None = None) -> Till:
    """Open (creating and migrating when needed) the database and build the Till."""
    db = db or default_db()
    if "://" not in db:
        Path(db).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    database = Database(db)
    done = migrate.upgrade(database)    # an older shop: verified backup, migrate, verify
    if done is not None:
        print(f"caixa: {done.describe()}", file=sys.stderr)
    clock = clock or SystemClock()
    keys = KeyService(database, secret_path_for(db), clock)
    return Till(database, keys, clock)
