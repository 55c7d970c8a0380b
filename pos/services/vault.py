"""The OS key store: where a till keeps its secrets away from the database file.

What it holds, per shop (``settings.shop_uuid``): the passphrase of the signing and seal
keys, the backup key, and a copy of each till's anchor (pos.services.anchors). A copy of the
database alone then opens nothing and proves nothing about what came after it.

Backends, chosen once per process (``open_vault``):

- **Windows: DPAPI, machine scope** (``%PROGRAMDATA%\\Caixa\\vault``): each secret is
  encrypted by Windows with a key of this machine. Copied to another machine the files are
  useless; any program running on this machine can decrypt them.
- **Linux with a desktop session: Secret Service** (GNOME Keyring, KWallet through
  ``secret-tool``): the secrets live in the user's keyring, encrypted with the login
  password, not in any file a copy of the data folder would take along.
- **Otherwise: owner-only files outside the data folder** (``/etc/caixa/vault`` when an
  administrator created it, else ``$XDG_CONFIG_HOME/caixa/vault``; mode 0700/0600). They keep
  other users of the machine and a copy of the data folder out; they do not keep out the
  till's own account or root.

``CAIXA_VAULT_DIR`` forces the file backend at that folder (servers, tests). See
docs/INTEGRITY.md for what each protects against and what none of them can.
"""

from __future__ import annotations

import base64
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Protocol

from pos.domain.errors import KeyError_

VAULT_ENV = "CAIXA_VAULT_DIR"
ATTRIBUTE = "caixa-secret"


class Vault(Protocol):
    description: str

    def get(self, name: str) -> bytes | None: ...

    def put(self, name: str, value: bytes) -> None: ...


def _check_name(name: str) -> str:
    if not name or not all(c.isalnum() or c in "-_." for c in name):
        raise ValueError(f"bad vault name {name!r}")
    return name


class FileVault:
    """Owner-only files in a folder of their own (0700; each file 0600)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.description = f"ficheiros só do dono em {self.folder}"

    def _path(self, name: str) -> Path:
        return self.folder / _check_name(name)

    def get(self, name: str) -> bytes | None:
        path = self._path(name)
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        if os.name != "nt" and st.st_mode & (stat.S_IROTH | stat.S_IWOTH):
            raise KeyError_(f"O segredo {path} pode ser lido por qualquer utilizador: "
                            f"corrija as permissões (chmod 600 {path}).")
        return path.read_bytes()

    def put(self, name: str, value: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name != "nt":
            os.chmod(self.folder, 0o700)
        path = self._path(name)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(value)
                fh.flush()
                os.fsync(fh.fileno())
            if os.name != "nt":
                os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class SecretToolVault:
    """The desktop keyring through libsecret's ``secret-tool`` (no Python dependency)."""

    description = "Secret Service (porta-chaves da sessão)"

    def __init__(self, tool: str):
        self.tool = tool

    def get(self, name: str) -> bytes | None:
        proc = subprocess.run([self.tool, "lookup", ATTRIBUTE, _check_name(name)],
                              capture_output=True, timeout=30)
        if proc.returncode != 0 or not proc.stdout.strip():
            return None
        try:
            return base64.b64decode(proc.stdout.strip(), validate=True)
        except ValueError:
            return None

    def put(self, name: str, value: bytes) -> None:
        proc = subprocess.run(
            [self.tool, "store", f"--label=Caixa {name}", ATTRIBUTE, _check_name(name)],
            input=base64.b64encode(value), capture_output=True, timeout=30)
        if proc.returncode != 0:
            raise KeyError_("O porta-chaves do sistema recusou guardar o segredo: "
                            f"{proc.stderr.decode(errors='replace').strip()[:200]}")


class DpapiVault:
    """Windows DPAPI in machine scope: files only this machine can decrypt."""

    def __init__(self, folder: Path):
        self.files = FileVault(folder)
        self.description = f"DPAPI (âmbito da máquina) em {folder}"

    def get(self, name: str) -> bytes | None:
        blob = self.files.get(name)
        return None if blob is None else _dpapi(blob, protect=False)

    def put(self, name: str, value: bytes) -> None:
        self.files.put(name, _dpapi(value, protect=True))


def _dpapi(data: bytes, protect: bool) -> bytes:   # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    local_machine, ui_forbidden = 0x4, 0x1
    buffer = ctypes.create_string_buffer(data, len(data))
    blob_in = Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    blob_out = Blob()
    crypt32 = ctypes.windll.crypt32
    if protect:
        ok = crypt32.CryptProtectData(ctypes.byref(blob_in), "Caixa", None, None, None,
                                      local_machine | ui_forbidden, ctypes.byref(blob_out))
    else:
        ok = crypt32.CryptUnprotectData(ctypes.byref(blob_in), None, None, None, None,
                                        ui_forbidden, ctypes.byref(blob_out))
    if not ok:
        raise KeyError_("O Windows (DPAPI) recusou abrir o segredo desta máquina.")
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        ctypes.windll.kernel32.LocalFree(blob_out.pbData)


def _secret_service() -> SecretToolVault | None:
    """secret-tool, when a session bus and a keyring answer (probed once)."""
    tool = shutil.which("secret-tool")
    if tool is None or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None
    try:
        probe = subprocess.run([tool, "search", ATTRIBUTE, "probe"], capture_output=True,
                               timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return SecretToolVault(tool) if probe.returncode in (0, 1) else None


def default_file_folder() -> Path:
    system = Path("/etc/caixa/vault")
    if system.is_dir() and os.access(system, os.R_OK | os.W_OK | os.X_OK):
        return system
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "caixa" / "vault"


def open_vault() -> Vault:
    forced = os.environ.get(VAULT_ENV)
    if forced:
        return FileVault(Path(forced))
    if sys.platform == "win32":   # pragma: no cover - Windows only
        base = Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData"))
        return DpapiVault(base / "Caixa" / "vault")
    return _secret_service() or FileVault(default_file_folder())
