"""A throwaway PostgreSQL server for tests (PostgreSQL refuses to run as root).

``PostgresServer().start()``: trust authentication on 127.0.0.1, for the core's tests.
``PostgresServer(tls=True).start()``: as a store runs it — TLS with a test CA
(``server.ca_file``), password (SCRAM) authentication for every role but the owner
``postgres``, and plain connections of other roles refused. ``halt()`` stops the server
(``immediate``: as if it crashed) keeping its data; ``resume()`` starts it again on the
same port.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bindir() -> Path:
    found = shutil.which("initdb") or next(iter(sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None)
    if not found:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                           "install the 'postgresql' package (.ci/run does).")
    return Path(os.path.realpath(found)).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TLS_HBA = """\
local all all trust
hostssl all postgres 127.0.0.1/32 trust
hostssl all all 127.0.0.1/32 scram-sha-256
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 reject
"""


class PostgresServer:
    def __init__(self, tls: bool = False, max_connections: int = 50):
        self.bindir = _bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="caixa-pg-"))
        self.port = _free_port()
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self.tls = tls
        self.max_connections = max_connections
        self.ca_file: Path | None = None

    def _run(self, *args: str, timeout: int = 120) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)

    def _own(self, path: Path) -> None:
        if self.as_root:
            shutil.chown(path, "postgres", "postgres")

    def start(self) -> "PostgresServer":
        self._own(self.dir)
        self.dir.chmod(0o700)
        self._run("initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8")
        if self.tls:
            self._configure_tls()
        self.resume()
        return self

    def _configure_tls(self) -> None:
        from sync.sandbox.pki import issue, make_ca
        data = self.dir / "data"
        ca = make_ca("Caixa store test CA")
        server = issue(ca, "127.0.0.1", server=True, hosts=("127.0.0.1", "localhost"),
                       key_kind="ec")
        server.write(data / "server.crt", data / "server.key")
        self.ca_file = self.dir / "ca.pem"
        ca.write(self.ca_file)
        self.ca_file.chmod(0o644)
        (data / "pg_hba.conf").write_text(TLS_HBA)
        with open(data / "postgresql.conf", "a") as fh:
            fh.write("\nssl = on\npassword_encryption = 'scram-sha-256'\n")
        for name in ("server.crt", "server.key", "pg_hba.conf"):
            self._own(data / name)

    def resume(self) -> None:
        """Start the server (again) on its port and data."""
        opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c max_connections={self.max_connections}")
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-o", opts, "-l",
                  str(self.dir / "log"), "-w", "start")

    def halt(self, mode: str = "immediate") -> None:
        """Stop the server, keeping its data (``immediate``: no shutdown checkpoint, as a
        crash; ``fast``: clients disconnected, clean shutdown)."""
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        if self.tls:
            return (f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"
                    f"?sslmode=verify-full&sslrootcert={self.ca_file}")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres"):
        import psycopg
        return psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres "
                               f"dbname={database}", autocommit=True)

    def create_database(self, name: str) -> str:
        with self.admin() as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass                # already halted by the test
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
