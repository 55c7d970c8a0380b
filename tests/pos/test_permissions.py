"""Who may read the shop's files (issue 13): the database, the key store's secrets and a
passphrase file an older version left beside the database."""

import stat

import pytest

from tests.hostile import assert_one_sentence, db_digest, run_main


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_are_owner_only(tmp_path):
    from sqlalchemy import text

    from pos.persistence.db import Database

    path = tmp_path / "loja.db"
    db = Database(path)
    with db.write() as s:
        s.execute(text("CREATE TABLE t (x)"))
        s.execute(text("INSERT INTO t VALUES (1)"))
    with db.engine.connect():              # open: the -wal and -shm files exist now
        files = [path, tmp_path / "loja.db-wal", tmp_path / "loja.db-shm"]
        assert [_mode(p) for p in files] == [0o600] * 3
    db.dispose()


def test_the_cli_creates_the_shop_owner_only(tmp_path, monkeypatch, secure_dirs):
    """The database, and the key store and anchors outside the data folder: owner-only
    folders (0700) of owner-only files (0600); no passphrase file beside the database."""
    monkeypatch.setenv("CAIXA_DB", str(tmp_path / "loja.db"))
    monkeypatch.delenv("CAIXA_KEY_PASSPHRASE", raising=False)
    assert run_main("init", "--demo")[0] == 0
    assert _mode(tmp_path / "loja.db") == 0o600
    assert not (tmp_path / "loja.secret").exists()
    for folder in secure_dirs.values():
        files = list(folder.iterdir())
        assert _mode(folder) == 0o700 and files, folder
        assert [_mode(p) for p in files] == [0o600] * len(files), files


@pytest.fixture
def shop(demo_db, monkeypatch):
    monkeypatch.setenv("CAIXA_DB", str(demo_db))
    monkeypatch.delenv("CAIXA_KEY_PASSPHRASE", raising=False)
    return demo_db


@pytest.fixture
def vault_entry(shop, secure_dirs):
    """The keys' passphrase in the key store (the file store of CAIXA_VAULT_DIR)."""
    entries = list(secure_dirs["CAIXA_VAULT_DIR"].glob("*.passphrase"))
    assert len(entries) == 1 and _mode(entries[0]) == 0o600
    return entries[0]


@pytest.fixture
def legacy_secret(shop, vault_entry):
    """The shop as an older version left it: the passphrase in a file beside the database
    (created 0600), none in the key store."""
    secret = shop.with_suffix(".secret")
    secret.write_bytes(vault_entry.read_bytes())
    secret.chmod(0o600)
    vault_entry.unlink()
    return secret


def _signing_refused_while_others_can_read(shop, secret) -> None:
    """Loosen ``secret`` to 0644: selling is one sentence naming the fix and changes
    nothing; reading, showing and verifying documents still work; then restore 0600."""
    secret.chmod(0o644)
    before = db_digest(shop)
    code, _, err = run_main("sell", "--item", "PAO01")
    assert_one_sentence(code, err)
    assert f"chmod 600 {secret}" in err
    assert db_digest(shop) == before
    assert run_main("verify")[0] == 0 and run_main("documents")[0] == 0
    assert secret.exists()
    secret.chmod(0o600)


def test_a_legacy_secret_others_can_read_blocks_signing_until_chmod_600(
        shop, legacy_secret, vault_entry):
    """Refused rather than moved into the key store: with that file and a copy of the
    database anyone can sign as the shop, and older versions created it 0600, so only a
    loosened mode gets here."""
    _signing_refused_while_others_can_read(shop, legacy_secret)
    assert not vault_entry.exists()                                     # not adopted
    assert run_main("sell", "--item", "PAO01")[0] == 0
    assert not legacy_secret.exists() and _mode(vault_entry) == 0o600     # moved in
    code, out, _ = run_main("journal")
    assert code == 0 and f"passphrase moved from {legacy_secret}" in out


def test_a_key_store_secret_others_can_read_blocks_signing_until_chmod_600(shop, vault_entry):
    _signing_refused_while_others_can_read(shop, vault_entry)
    assert run_main("sell", "--item", "PAO01")[0] == 0


@pytest.mark.parametrize("url, words", [
    ("foo://bar", "não suportada"),
    ("mysql://u:segredo@h/caixa", "não suportada"),
    ("postgresql+psycopg2://u:segredo@h/caixa", "psycopg2"),
    ("postgresql+nope://u:segredo@h/caixa", "Controlador desconhecido"),
    ("://segredo", "mal formado"),
])
def test_database_urls_caixa_cannot_use_are_one_sentence(shop, url, words):
    code, _, err = run_main("--db", url, "documents")
    assert_one_sentence(code, err)
    assert words in err and "segredo" not in err


def test_the_postgresql_driver_is_installed_with_caixa():
    """--db postgresql+psycopg://… works out of the box: psycopg is a main dependency."""
    import tomllib

    import psycopg

    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(d.startswith("psycopg[binary]") for d in project["dependencies"])
    assert psycopg.pq.version() > 0
