from pos.persistence import migrate
from pos.persistence.db import Database


def test_head_constant_matches_the_alembic_scripts(tmp_path):
    db = Database(tmp_path / "m.db")
    assert migrate.script_head(db) == migrate.HEAD
    migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.HEAD
    migrate.upgrade(db)   # idempotent
