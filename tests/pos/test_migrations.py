from pos.persistence import migrate
from pos.persistence.db import Database


def test_head_constant_matches_the_alembic_scripts(tmp_path):
    db = Database(tmp_path / "m.db")
    assert migrate.script_head(db) == migrate.HEAD
    migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.HEAD
    migrate.upgrade(db)   # idempotent


def test_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from pos.persistence.models import Base
    db = Database(tmp_path / "m.db")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
