"""Which system libraries a PyInstaller bundle uses, and which Debian packages own them.

Shared by build.py (to write the .deb's Depends) and check_deb.py (to prove them enough).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

_LDD = re.compile(r"^\s*(\S+)\s+=>\s+(/\S+)\s+\(0x")


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def linked_libraries(bundle: Path) -> tuple[set[Path], set[str]]:
    """(system libraries the bundle's ELF files link to, ``"lib (for file)"`` for each one
    ldd cannot find on this machine)."""
    outside, missing = set(), set()
    inside = str(bundle.resolve())
    # The bootloader puts _internal/ on LD_LIBRARY_PATH: what is bundled is loaded from
    # there, whatever a plugin's own search path says.
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
    for elf in elf_files(bundle):
        out = subprocess.run(["ldd", str(elf)], capture_output=True, text=True,
                             env=env).stdout
        for line in out.splitlines():
            if "=> not found" in line:
                missing.add(f"{line.split()[0]} (for {elf.relative_to(bundle)})")
                continue
            m = _LDD.match(line)
            if m and not os.path.realpath(m.group(2)).startswith(inside):
                outside.add(Path(m.group(2)))
    return outside, missing


def owning_package(path: Path | str) -> str | None:
    """The Debian package a file comes from (merged /usr: both spellings are tried)."""
    candidates = [str(path), os.path.realpath(path)]
    for c in list(candidates):
        if c.startswith("/usr/lib/"):
            candidates.append(c[len("/usr"):])
        elif c.startswith("/lib/"):
            candidates.append("/usr" + c)
    for c in candidates:
        proc = subprocess.run(["dpkg-query", "-S", c], capture_output=True, text=True)
        if proc.returncode == 0:
            return proc.stdout.split(":", 1)[0].split(",")[0].strip()
    return None
