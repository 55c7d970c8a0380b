"""A shop with every document kind, built once; each test alters its own copy."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import clone_shop, secure_env_beside

START = datetime(2026, 3, 14, 10, 15, 30)


@pytest.fixture(scope="session")
def full_template(demo_template, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """FS, FR, FT (one cancelled), NC, ND, GT (with AT's code), OR and RG in normal series,
    training documents before and after; (database, document numbers by role)."""
    from pos.bootstrap import open_app
    from pos.services import saft_demo
    from pos.services.ports import FixedClock

    path = tmp_path_factory.mktemp("full") / "caixa.db"
    with secure_env_beside(path):
        clone_shop(demo_template, path)
        app = open_app(str(path), clock=FixedClock(START))
        roles = saft_demo.build(app)
        guide = next(r for r in app.queue_rows() if r.subject == roles["gt"])
        app.clock.advance(minutes=2)
        app.queue_resolve(guide.id, "AT-GT-0001", user="gerente")
        app.clock.advance(minutes=2)
        for reason in ("", "cliente pediu"):          # the original, then a copy
            claim = app.claim_print(roles["fs"], "caixa1", reason)
            app.finish_print(claim.id, "printed")
        app.close()
    return path, roles


@pytest.fixture
def full_db(full_template, db_path, secure_dirs) -> Path:
    return clone_shop(full_template[0], db_path)


@pytest.fixture
def roles(full_template) -> dict[str, str]:
    return full_template[1]


@pytest.fixture
def shop_clock():
    from pos.services.ports import FixedClock
    return FixedClock(datetime(2026, 3, 14, 13, 0, 0))


@pytest.fixture
def open_shop(full_db, shop_clock):
    """Open the shop (as a new process would) — call again after altering the file."""
    from pos.bootstrap import open_app
    apps = []

    def _open():
        app = open_app(str(full_db), clock=shop_clock)
        apps.append(app)
        return app

    yield _open
    for app in apps:
        app.db.dispose()


def attacker(db_path) -> sqlite3.Connection:
    """What someone with a database tool does: drop every guard, then edit."""
    con = sqlite3.connect(db_path, isolation_level=None)
    names = con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for (name,) in names:
        con.execute(f"DROP TRIGGER {name}")
    return con
