import pytest

from tests.pg import PostgresServer

from . import helpers

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="session")
def store_server():
    """A PostgreSQL server as a store runs it: TLS, passwords for the tills' roles."""
    server = PostgresServer(tls=True).start()
    yield server
    server.stop()


@pytest.fixture
def admin_url(store_server, request) -> str:
    """A fresh central database (its owner's URL, over TLS) for this test."""
    name = "s_" + request.node.name.lower().replace("[", "_").replace("]", "")[:50]
    return store_server.create_database(name)


@pytest.fixture
def central(admin_url, clock):
    app = helpers.open_central(admin_url, clock)
    app.store_init()
    yield app
    app.close()


@pytest.fixture
def till1(demo_template, tmp_path, central, admin_url, clock):
    """The demo shop made a real till (CX1) and attached: it seeded the store."""
    app = helpers.first_till(demo_template, tmp_path / "cx1.db", clock)
    helpers.join(app, central, admin_url, "CX1")
    assert app.store_sync().ok
    yield app
    app.close()


@pytest.fixture
def key_pem(till1):
    """The store's signing key, as the installer imports it on every till."""
    return helpers.store_key_pem(till1)
