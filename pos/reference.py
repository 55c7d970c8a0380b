"""AT's public reference files: the SAF-T (PT) XSD and the WSDLs of the three webservices.

Caixa needs them at run time (``caixa saft validate``, requests checked against the WSDL
before they are sent) but never keeps copies in its repository. The set-up (``caixa
at-reference``, run by ``dev.py`` and by the packaging) puts a copy in the data directory:

- from a local folder when one is given, with no download attempted: ``CAIXA_AT_REFERENCE``,
  else ``../shared/at`` beside a source checkout when it exists;
- otherwise from AT's official addresses (FISCAL-PT.md §4, §6, §7.1), or from a mirror of
  them named by ``CAIXA_AT_REFERENCE_MIRROR`` (a shop behind a proxy, CI, tests).

Every file is checked against the SHA-256 pinned below before it is written (and again
when it is looked up), so an altered or newer file is refused rather than trusted: a new
AT version means new pins in a new Caixa release. The folder layout is the same in every
place (``SAFTPT1.04_01.xsd``, ``wsdl/*.wsdl``), so a local folder, the data directory and
the bundle are interchangeable.

Standard library only: it runs before anything else is installed.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pos.domain.errors import PosError
from pos.installation import data_dir, frozen, install_root, resource

ENV_LOCAL = "CAIXA_AT_REFERENCE"
ENV_MIRROR = "CAIXA_AT_REFERENCE_MIRROR"
FOLDER = "at-reference"            # in the data directory and in the bundle
MAX_BYTES = 4 * 1024 * 1024        # the largest file is ~100 kB; refuse anything absurd
TIMEOUT_SECONDS = 30


class ReferenceFilesError(PosError):
    """AT's reference files are missing, altered or could not be obtained."""


@dataclass(frozen=True)
class ReferenceFile:
    name: str        # path inside the reference folder
    url: str         # AT's official address
    sha256: str      # of the file AT publishes (FISCAL-PT.md §7.1 for the XSD)


_INFO = "https://info.portaldasfinancas.gov.pt"
SAFT_XSD = "SAFTPT1.04_01.xsd"
WSDL_FOLDER = "wsdl"
FILES = (
    ReferenceFile(SAFT_XSD, f"{_INFO}/apps/saft-pt04/SAFTPT1.04_01.xsd",
                  "b57aceefe4dfd874317f471761b37b912a6120aa97bc5e4fe447704cc599244e"),
    ReferenceFile("wsdl/SeriesWSService.wsdl",
                  f"{_INFO}/pt/apoio_contribuinte/Faturacao/Comunicacao_Series_ATCUD/"
                  "Documents/Comunicacao_Series.wsdl",
                  "9a847b906e9e234f2f190fa932eef0e05298ce027f3ff1b75e2c34bdd457dd44"),
    ReferenceFile("wsdl/fatcorews.wsdl",
                  f"{_INFO}/pt/apoio_contribuinte/Faturacao/Fatcorews/Documents/"
                  "Fatcorews.wsdl",
                  "8bcb83e8f5500bc095eedb528628fb5ec0c060be48b72450c1c813873119691e"),
    ReferenceFile("wsdl/documentosTransporte.wsdl",
                  f"{_INFO}/pt/apoio_contribuinte/Documents/documentosTransporte.wsdl",
                  "3ec5e2d71df0755b8d64b121a93b52e6b4f874b989b6e031965bcbfba3e01255"),
)


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def target_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the set-up keeps its copy: ``<data dir>/at-reference``."""
    return data_dir(_env(env)) / FOLDER


def local_source(env: Mapping[str, str] | None = None) -> Path | None:
    """The local folder to copy from: ``CAIXA_AT_REFERENCE``, else ``../shared/at``."""
    env = _env(env)
    if env.get(ENV_LOCAL):
        return Path(env[ENV_LOCAL]).expanduser()
    if not frozen():
        beside = install_root().parent / "shared" / "at"
        if beside.is_dir():
            return beside
    return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=64)
def _verified(path: str, size: int, mtime_ns: int, expected: str) -> bool:
    return _sha256(Path(path)) == expected


def is_verified(path: Path, expected: str) -> bool:
    """``path`` exists and is AT's file (hashed once per process while it is unchanged)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return _verified(str(path), st.st_size, st.st_mtime_ns, expected)


def complete(folder: Path) -> bool:
    return all(is_verified(folder / f.name, f.sha256) for f in FILES)


def locate(env: Mapping[str, str] | None = None) -> Path | None:
    """The folder with a verified copy of every file: the bundle's, else the data dir's."""
    candidates = [resource(FOLDER)] if frozen() else []
    candidates.append(target_dir(env))
    return next((c for c in candidates if complete(c)), None)


def missing_sentence(target: Path, why: str = "") -> str:
    return (f"Faltam os ficheiros de referência da AT (o XSD do SAF-T e os WSDL dos "
            f"webservices{why}): execute 'caixa at-reference' com ligação à internet, "
            f"copie-os para {target} ({SAFT_XSD}, {WSDL_FOLDER}/*.wsdl) ou indique em "
            f"{ENV_LOCAL} a pasta que os tem.")


def require(env: Mapping[str, str] | None = None) -> Path:
    folder = locate(env)
    if folder is None:
        raise ReferenceFilesError(missing_sentence(target_dir(env)))
    return folder


def saft_xsd(env: Mapping[str, str] | None = None) -> Path | None:
    """AT's official SAF-T XSD (1.1), or None when the set-up has not run."""
    folder = locate(env)
    return folder / SAFT_XSD if folder else None


def wsdl_dir(env: Mapping[str, str] | None = None) -> Path | None:
    folder = locate(env)
    return folder / WSDL_FOLDER if folder else None


# ---- the set-up ----------------------------------------------------------------------

Fetch = Callable[[str, float], bytes]


def download(url: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """GET ``url`` (proxies from the environment, as urllib does); at most MAX_BYTES."""
    request = urllib.request.Request(url, headers={"User-Agent": "Caixa"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"mais de {MAX_BYTES} bytes")
    return data


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the final name, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _url(f: ReferenceFile, env: Mapping[str, str]) -> str:
    mirror = env.get(ENV_MIRROR)
    return f"{mirror.rstrip('/')}/{f.name}" if mirror else f.url


def _refused(f: ReferenceFile, origin: str, digest: str) -> ReferenceFilesError:
    return ReferenceFilesError(
        f"O ficheiro {f.name} de {origin} não é o publicado pela AT (SHA-256 {digest[:16]}… "
        f"em vez de {f.sha256[:16]}…); não foi usado.")


FIND_LOCAL = object()    # setup(local=...): look for CAIXA_AT_REFERENCE / ../shared/at


def setup(env: Mapping[str, str] | None = None, *, local: Path | None | object = FIND_LOCAL,
          allow_download: bool = True, fetch: Fetch = download,
          report: Callable[[str], None] | None = None) -> Path:
    """Make sure the data directory holds a verified copy of every file; return the folder.

    Files already there and intact are kept. The rest come from the local folder when
    there is one (``local``, by default ``local_source()``; no download then), else from
    AT (or the mirror) when ``allow_download``. Raises ReferenceFilesError with one
    sentence saying where to put the files.
    """
    env = _env(env)
    target = target_dir(env)
    todo = [f for f in FILES if not is_verified(target / f.name, f.sha256)]
    if not todo:
        return target
    source = local_source(env) if local is FIND_LOCAL else local
    source = Path(source) if source is not None else None
    say = report or (lambda _msg: None)
    if source is not None:
        for f in todo:
            src = source / f.name
            if not src.is_file():
                raise ReferenceFilesError(missing_sentence(target, f"; {src} não existe"))
            digest = _sha256(src)
            if digest != f.sha256:
                raise _refused(f, str(source), digest)
            _write_atomically(target / f.name, src.read_bytes())
        say(f"Ficheiros de referência da AT copiados de {source} para {target}.")
        return target
    if not allow_download:
        raise ReferenceFilesError(missing_sentence(target))
    for f in todo:
        url = _url(f, env)
        try:
            data = fetch(url, TIMEOUT_SECONDS)
        except (OSError, ValueError, http.client.HTTPException) as exc:
            # URLError, timeouts, refused, a cut connection, too large
            reason = getattr(exc, "reason", None) or exc
            raise ReferenceFilesError(missing_sentence(
                target, f"; não foi possível descarregar {url}: {reason}")) from None
        digest = hashlib.sha256(data).hexdigest()
        if digest != f.sha256:
            raise _refused(f, url, digest)
        _write_atomically(target / f.name, data)
    say(f"Ficheiros de referência da AT descarregados para {target}.")
    return target


def copy_to(folder: Path, env: Mapping[str, str] | None = None) -> Path:
    """Copy the verified set into ``folder`` (the packaging bundles it from here)."""
    source = require(env)
    for f in FILES:
        (folder / f.name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / f.name, folder / f.name)
    return folder
