"""A newer Caixa opening an older shop: verified backup, migration, verification, a sentence
saying so. An older Caixa opening a newer shop: refused, nothing touched.

The old database is built by migrating to the revision before HEAD, whatever HEAD is.
"""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from pos.bootstrap import open_app
from pos.persistence import backup, migrate
from pos.persistence.db import Database
from tests.conftest import run_cli


def previous_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._config("sqlite://"))
    down = script.get_revision(migrate.HEAD).down_revision
    assert isinstance(down, str), "HEAD should have exactly one parent"
    return down


def build_old(url_or_path, revision: str) -> None:
    """A database at ``revision`` holding a row the upgrade must carry across."""
    from alembic import command

    db = Database(url_or_path)
    with db.engine.connect() as conn:
        cfg = migrate._config(db.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.execute(text("CREATE TABLE shop_marker (note TEXT)"))
        conn.execute(text("INSERT INTO shop_marker VALUES ('vendas de 2025')"))
        conn.commit()
    db.dispose()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_db(tmp_path) -> Path:
    path = tmp_path / "loja.db"
    build_old(path, previous_revision())
    path.chmod(0o600)                 # a shop kept private: its backup must be too
    return path


def test_an_older_shop_is_backed_up_migrated_verified_and_told(old_db, capsys):
    old = previous_revision()
    app = open_app(str(old_db))
    try:
        assert migrate.current_revision(app.db) == migrate.HEAD
        with app.unit(write=False) as uow:
            assert uow.session.execute(text("SELECT note FROM shop_marker")).scalar() \
                == "vendas de 2025"
    finally:
        app.close()
    (copy,) = old_db.parent.glob(f"loja.backup-{old}-*.db")
    said = capsys.readouterr().err
    assert said.count("\n") == 1
    assert f"atualizada do esquema {old} para {migrate.HEAD}" in said and str(copy) in said
    assert copy.stat().st_mode == old_db.stat().st_mode
    with sqlite3.connect(copy) as conn:
        assert backup.integrity_problems(conn) == []
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (old,)
        assert conn.execute("SELECT note FROM shop_marker").fetchone() == ("vendas de 2025",)


def test_a_current_shop_is_opened_without_a_backup_or_a_word(old_db, capsys):
    open_app(str(old_db)).db.dispose()
    capsys.readouterr()
    open_app(str(old_db)).db.dispose()
    assert capsys.readouterr().err == ""
    assert len(list(old_db.parent.glob("loja.backup-*"))) == 1


def test_a_new_database_needs_no_backup(tmp_path, capsys):
    open_app(str(tmp_path / "nova.db")).db.dispose()
    assert capsys.readouterr().err == "" and not list(tmp_path.glob("*backup*"))


def test_a_backup_that_does_not_verify_stops_the_upgrade(old_db, monkeypatch):
    monkeypatch.setattr(backup, "integrity_problems", lambda conn: ["página 7 corrompida"])
    with pytest.raises(backup.BackupError, match="página 7 corrompida.*nada foi alterado"):
        open_app(str(old_db))
    db = Database(old_db)
    assert migrate.current_revision(db) == previous_revision()
    db.dispose()
    assert not list(old_db.parent.glob("loja.backup-*"))


@pytest.fixture
def newer_db(tmp_path) -> Path:
    """A shop written by a future Caixa: a revision these scripts do not know."""
    path = tmp_path / "futura.db"
    open_app(str(path)).db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_futuro'")
    conn.close()
    return path


def test_an_older_caixa_refuses_a_newer_database_untouched(newer_db):
    before = digest(newer_db)
    with pytest.raises(migrate.NewerDatabaseError) as err:
        open_app(str(newer_db))
    assert "versão mais recente do Caixa" in str(err.value)
    assert "9999_futuro" in str(err.value) and str(newer_db) in str(err.value)
    assert digest(newer_db) == before
    assert not list(newer_db.parent.glob("*backup*"))


def test_the_command_line_says_it_in_one_sentence(newer_db):
    proc = run_cli(newer_db, "documents")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "versão mais recente do Caixa" in proc.stderr


def test_the_command_line_reports_the_upgrade(old_db):
    proc = run_cli(old_db, "init", "--demo")
    assert proc.returncode == 0, proc.stderr
    assert "cópia de segurança verificada" in proc.stderr


@pytest.mark.postgres
def test_an_older_postgres_store_is_migrated_in_one_transaction(pg_url, capsys):
    old = previous_revision()
    build_old(pg_url, old)
    till = open_app(pg_url)
    try:
        assert migrate.current_revision(till.db) == migrate.HEAD
    finally:
        till.db.dispose()
    said = capsys.readouterr().err
    assert f"do esquema {old} para {migrate.HEAD}" in said and "PostgreSQL" in said
