"""The sealed chains, the guards and the checks on a real PostgreSQL server."""

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from pos.domain.errors import IntegrityError
from pos.services.ports import FixedClock

pytestmark = pytest.mark.postgres


def test_sealed_till_on_postgres(pg_url):
    from pos.bootstrap import open_app
    clock = FixedClock(datetime(2026, 3, 14, 10, 0, 0))
    app = open_app(pg_url, clock=clock)
    app.init_demo()
    for _ in range(3):
        clock.advance(minutes=1)
        doc = app.sell_items([("PAO01", Decimal(2))], user="caixa1")
    app.cancel(doc.document_no, "Engano", user="gerente")
    assert app.document(doc.document_no).status == "A"
    assert app.verify().ok
    assert app.shop_uuid() and app.journal(kinds=("anchor",))     # anchored outside

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER documents_guard ON documents"))
        conn.execute(text("UPDATE documents SET customer_name = 'Outro' WHERE number = 2"))
    engine.dispose()
    report = app.verify()
    text_ = report.text()
    assert "customer_name alterado: 'Outro'" in text_ and "documents_guard" in text_
    with pytest.raises(IntegrityError):
        app.sell_items([("PAO01", Decimal(1))], user="caixa1")
    assert app.acknowledge_integrity("admin", "1234")
    clock.advance(minutes=1)
    app.sell_items([("PAO01", Decimal(1))], user="caixa1")
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        names = set(conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
                    .scalars())
    engine.dispose()
    assert "documents_guard" in names            # put back
    app.close()


def test_migrations_build_exactly_the_models_on_postgres(pg_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from pos.persistence import guards, migrate
    from pos.persistence.db import Database
    from pos.persistence.models import Base
    db = Database(pg_url)
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert guards.damaged(conn) == []
    db.dispose()


def test_migrations_build_exactly_the_guards_on_sqlite(tmp_path):
    from pos.persistence import guards, migrate
    from pos.persistence.db import Database
    db = Database(tmp_path / "g.db")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        assert guards.damaged(conn) == []
    db.dispose()
