"""The OS key store backends (unit tests: a stand-in for libsecret's ``secret-tool``)."""

import os
import stat
import sys

import pytest

from pos.domain.errors import KeyError_
from pos.services import vault

FAKE_SECRET_TOOL = """#!{python}
import sys, pathlib
store = pathlib.Path({folder!r})
args = sys.argv[1:]
if args[0] == "search":
    sys.exit(1)
name = args[-1]
if args[0] == "store":
    store.mkdir(exist_ok=True)
    (store / name).write_bytes(sys.stdin.buffer.read())
elif args[0] == "lookup":
    path = store / name
    if not path.exists():
        sys.exit(1)
    sys.stdout.buffer.write(path.read_bytes())
"""


@pytest.fixture
def fake_keyring(tmp_path, monkeypatch):
    tool = tmp_path / "bin" / "secret-tool"
    tool.parent.mkdir()
    tool.write_text(FAKE_SECRET_TOOL.format(python=sys.executable,
                                            folder=str(tmp_path / "keyring")))
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tool.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    monkeypatch.delenv("CAIXA_VAULT_DIR")
    return tmp_path / "keyring"


def test_secret_service_is_used_when_a_keyring_answers(fake_keyring):
    store = vault.open_vault()
    assert isinstance(store, vault.SecretToolVault)
    assert store.get("shop.passphrase") is None
    store.put("shop.passphrase", b"\x00binary\xffsecret")
    assert store.get("shop.passphrase") == b"\x00binary\xffsecret"
    assert (fake_keyring / "shop.passphrase").read_bytes() != b"\x00binary\xffsecret"


def test_without_a_keyring_the_owner_only_folder_outside_the_data(tmp_path, monkeypatch):
    monkeypatch.delenv("CAIXA_VAULT_DIR")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = vault.open_vault()
    assert isinstance(store, vault.FileVault)
    store.put("x.passphrase", b"s3cret")
    folder = tmp_path / "config" / "caixa" / "vault"
    assert store.folder == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "x.passphrase").stat().st_mode) == 0o600
    os.chmod(folder / "x.passphrase", 0o604)
    with pytest.raises(KeyError_, match="chmod 600"):
        store.get("x.passphrase")


def test_names_cannot_leave_the_folder(tmp_path):
    store = vault.FileVault(tmp_path)
    with pytest.raises(ValueError):
        store.put("../escape", b"x")
