"""Backups (encrypted, verified, restored with a full verify and the anchor check) and
period archives (any single changed byte caught, checked without the shop's database)."""

import json
import os
import sqlite3
import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from pos import archive
from pos.domain.errors import IntegrityError, ValidationError


def _sell(app):
    return app.sell_items([("PAO01", Decimal(1))], "FS", user="caixa1")


# ---- backups -------------------------------------------------------------------------

def test_backup_is_an_encrypted_consistent_copy_kept_apart_from_its_key(app, db_path,
                                                                       secure_dirs):
    doc = _sell(app)
    backup = app.backup_create("admin")
    raw = backup.path.read_bytes()
    assert raw.startswith(b"CAIXABK1\n") and b"SQLite format 3" not in raw
    assert doc.document_no.encode() not in raw and b"PAO01" not in raw
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert list(secure_dirs["CAIXA_VAULT_DIR"].glob("*.backup-key"))   # not beside the data
    assert not list(db_path.parent.glob("*backup-key*"))
    assert [b.path for b in app.backups()] == [backup.path]
    assert app.backup_verify(backup.path).sha256 == backup.sha256


@pytest.mark.parametrize("where", ["header", "middle", "end", "cut"])
def test_a_changed_or_cut_backup_is_refused(app, where):
    _sell(app)
    path = app.backup_create("admin").path
    data = bytearray(path.read_bytes())
    if where == "cut":
        data = data[:-100]
    else:
        at = {"header": 30, "middle": len(data) // 2, "end": len(data) - 5}[where]
        data[at] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ValidationError):
        app.backup_verify(path)


def test_backups_are_made_after_every_z_and_pruned(app, clock):
    for _ in range(3):
        session = app.open_session("caixa1", 0)
        clock.advance(minutes=1)
        app.close_session(session.id, "caixa1", {"NU": "0"})
    autos = [b for b in app.backups() if b.automatic]
    assert len(autos) == 3
    with app.unit(write=True) as uow:
        uow.till_settings.put("backup_keep", "2")
    session = app.open_session("caixa1", 0)
    clock.advance(minutes=1)
    app.close_session(session.id, "caixa1", {"NU": "0"})
    assert len([b for b in app.backups() if b.automatic]) == 2


def test_restoring_an_older_backup_is_journaled_verified_and_blocks(normal_app, clock,
                                                                    db_path):
    app = normal_app
    _sell(app)
    backup = app.backup_create("admin")
    clock.advance(minutes=1)
    lost = _sell(app)                              # issued and printed after the backup
    with pytest.raises(ValidationError, match="administrador"):
        app.backup_restore(backup.path, "caixa1", "1111")
    report = app.backup_restore(backup.path, "admin", "1234")
    assert any(p.kind == "rollback" for p in report.blocking)
    assert "FS A2026: a âncora" in report.text()
    assert f"regista o n.º {lost.number}" in report.text()
    assert list(db_path.parent.glob("caixa.db.before-restore-*"))
    assert app.journal(kinds=("restore",))[-1].user == "admin"
    with pytest.raises(IntegrityError):
        _sell(app)
    assert app.acknowledge_integrity("admin", "1234")
    # Despacho 8632 §2.5: the series is closed at the number the anchor knew, so the lost
    # number is never issued again; AT is told; new series go on.
    series = {(s.doc_type, s.series_id): s for s in app.series()}
    assert series[("FS", "A2026")].status == "F"
    finalize = [r for r in app.queue_rows() if r.kind == "series_finalize"
                and "FS A2026" in r.subject]
    assert finalize
    rebased = app.journal(kinds=("anchor_rebased",))[-1]
    assert f"FS A2026 last {lost.number}" in rebased.detail


def test_restore_refuses_another_shop_s_backup(app, tmp_path, clock):
    from pos.bootstrap import open_app
    other = open_app(str(tmp_path / "other.db"), clock=clock)
    other.init_demo()
    backup = other.backup_create("admin")
    other.close()
    with pytest.raises(ValidationError, match="outra loja"):
        app.backup_restore(backup.path, "admin", "1234")


def test_backup_cli(cli, demo_db):
    made = cli("backup", "create")
    assert made.returncode == 0, made.stderr
    path = made.stdout.strip().split(": ", 1)[1]
    listed = cli("backup", "list", "--json")
    assert json.loads(listed.stdout)[0]["path"] == path
    assert cli("backup", "verify", path).returncode == 0
    refused = subprocess_with_stdin(demo_db, "9999\n", "backup", "restore", path,
                                    "--user", "admin")
    assert refused.returncode == 2 and "PIN errado" in refused.stderr
    restored = subprocess_with_stdin(demo_db, "1234\n", "backup", "restore", path,
                                     "--user", "admin")
    assert "Cópia reposta" in restored.stdout


def subprocess_with_stdin(db, text, *args):
    import subprocess
    import sys

    from tests.conftest import ROOT
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, input=text,
                          env={**os.environ, "CAIXA_DB": str(db)}, capture_output=True,
                          text=True, timeout=120)


# ---- archives ------------------------------------------------------------------------

@pytest.fixture
def bundle(full_db, open_shop, shop_clock, tmp_path) -> Path:
    app = open_shop()
    out = tmp_path / "arquivo.zip"
    app.archive_create(2026, 3, out=out)
    app.close()
    return out


def test_an_archive_verifies_without_the_database(bundle, tmp_path, roles):
    moved = tmp_path / "elsewhere" / bundle.name
    moved.parent.mkdir()
    bundle.rename(moved)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAIXA_")}
    import subprocess
    import sys

    from tests.conftest import ROOT
    proc = subprocess.run([sys.executable, "-m", "ui.cli", "--db", str(tmp_path / "nada.db"),
                           "archive", "verify", str(moved), "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout)
    assert result["ok"] and result["manifest"]["period"] == "2026-03"
    assert not (tmp_path / "nada.db").exists()          # no database was opened or made
    report = archive.verify(moved)
    assert report.saft_documents >= 12 and report.documents >= 15
    with zipfile.ZipFile(moved) as zf:
        names = set(zf.namelist())
        saft = zf.read("saft.xml").decode("utf-8")
    assert {"saft.xml", "documents.jsonl", "journal.jsonl", "closures.json",
            "manifest.json", "keys/signing-v1.pem", "keys/seal-v1.pem"} <= names
    # the document rows never change: SAF-T reads the state from the sealed events
    cancelled = saft.split(f"<InvoiceNo>{roles['ft_cancelled']}</InvoiceNo>")[1]
    assert "<InvoiceStatus>A</InvoiceStatus>" in cancelled.split("</DocumentStatus>")[0]
    assert "<ATDocCodeID>AT-GT-0001</ATDocCodeID>" in saft


def _flip(path: Path, at: int, out: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    out.write_bytes(bytes(data))
    return out


def test_any_single_changed_byte_is_caught(bundle, tmp_path):
    size = bundle.stat().st_size
    positions = set(range(0, 400)) | set(range(size - 400, size)) | \
        set(range(400, size - 400, 97))
    copy = tmp_path / "altered.zip"
    missed = [at for at in sorted(positions)
              if archive.verify(_flip(bundle, at, copy)).ok]
    assert missed == [], f"changes at bytes {missed[:10]} went unnoticed"


def test_a_changed_file_inside_is_named(bundle, tmp_path):
    """Rewritten with a valid ZIP around it (a careful forger): the signature and the
    manifest both say so, and the journal no longer matches its seals."""
    altered = tmp_path / "rezipped.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(altered, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "journal.jsonl":
                assert b'"training"' in data
                data = data.replace(b'"training"', b'"trainin9"', 1)
            dst.writestr(info, data)
        dst.comment = src.comment
    report = archive.verify(altered)
    text = report.text()
    assert "assinatura do arquivo inválida" in text
    assert "journal.jsonl: conteúdo alterado" in text


def test_the_expected_key_is_checked(bundle):
    assert archive.verify(bundle, expect_key="0" * 32).problems[-1].startswith(
        "a chave de selagem do arquivo")


def test_key_custody_files_are_owner_only(app, db_path, secure_dirs):
    assert stat.S_IMODE(db_path.stat().st_mode) & 0o077 == 0
    vault = secure_dirs["CAIXA_VAULT_DIR"]
    assert stat.S_IMODE(vault.stat().st_mode) == 0o700
    for secret in vault.iterdir():
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert not db_path.with_suffix(".secret").exists()


def test_a_world_readable_secret_is_refused(app, secure_dirs, tmp_path):
    from pos.bootstrap import open_app
    from pos.domain.errors import KeyError_
    for secret in secure_dirs["CAIXA_VAULT_DIR"].glob("*.passphrase"):
        os.chmod(secret, 0o644)
    fresh = open_app(str(app.db.url.removeprefix("sqlite:///")), clock=app.clock)
    with pytest.raises(KeyError_, match="qualquer utilizador"):
        _sell(fresh)


def test_the_private_keys_are_never_printed(cli, demo_db):
    public = cli("keys", "public")
    assert "PUBLIC KEY" in public.stdout and "PRIVATE" not in public.stdout
    con = sqlite3.connect(demo_db)
    pem = con.execute("SELECT private_pem FROM signing_keys").fetchone()[0]
    seal = con.execute("SELECT private_pem FROM seal_keys").fetchone()[0]
    con.close()
    assert b"ENCRYPTED PRIVATE KEY" in pem and b"ENCRYPTED PRIVATE KEY" in seal
    help_text = cli("keys", "--help").stdout
    assert "export" not in help_text


def test_restore_on_a_new_machine(app, clock, tmp_path, secure_dirs, monkeypatch):
    """The till's machine died: a new one gets the backup key and the passphrase (from the
    installer), restores, and an administrator confirms what the missing anchor cannot
    tell."""
    sold = _sell(app)
    backup = app.backup_create("admin")
    key_file = app.backup_key_export(tmp_path / "chave-copias.txt")
    passphrase = next(secure_dirs["CAIXA_VAULT_DIR"].glob("*.passphrase")).read_bytes()
    app.close()

    new = tmp_path / "new-machine"
    monkeypatch.setenv("CAIXA_VAULT_DIR", str(new / "vault"))
    monkeypatch.setenv("CAIXA_ANCHOR_DIR", str(new / "anchors"))
    db = new / "data" / "caixa.db"
    assert subprocess_with_stdin(db, "", "backup", "key", "--import", str(key_file)
                                 ).returncode == 0
    shop = subprocess_with_stdin(db, "", "backup", "list", "--from", str(backup.path.parent))
    assert backup.shop in shop.stdout
    refused = subprocess_with_stdin(db, "1234\n", "backup", "restore", str(backup.path),
                                    "--user", "admin")
    assert refused.returncode == 2 and "palavra-passe" in refused.stderr
    assert subprocess_with_stdin(db, passphrase.decode() + "\n", "passphrase", "--shop",
                                 backup.shop).returncode == 0
    restored = subprocess_with_stdin(db, "1234\n", "backup", "restore", str(backup.path),
                                     "--user", "admin")
    assert restored.returncode == 1 and "âncora externa desta caixa não está" in \
        restored.stdout
    assert subprocess_with_stdin(db, "1234\n", "verify", "--acknowledge", "admin"
                                 ).returncode == 0
    again = subprocess_with_stdin(db, "", "sell", "--item", "PAO01", "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["sequence"] == sold.number + 1
