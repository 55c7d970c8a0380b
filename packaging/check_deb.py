"""CI check of the Linux package as a shop meets it (.ci/run runs it after `dev.py package`).

The .deb is unpacked into a temporary root and, from there: `caixa --version`, `caixa
self-test`, and the till under Xvfb until its first window is on screen and drawn. Then:

- nothing was written inside the unpacked tree (the program keeps its data elsewhere);
- every shared library the bundle links to, and every one the running till actually
  loaded (read from /proc/PID/maps, so plugins and dlopen() count), comes from the bundle
  or from a package the .deb declares, one those depend on, or one every Debian has
  (Priority: required): on Debian 12 the declared Depends are enough.

Run with the project's .venv Python (Pillow takes the screenshot):
``.venv/bin/python packaging/check_deb.py dist/caixa_<version>_amd64.deb``.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from deb_libraries import linked_libraries, owning_package

ROOT = Path(__file__).resolve().parents[1]
WINDOW_TIMEOUT_S = 90


def fail(message: str) -> None:
    print(f"check-deb: FAILED: {message}", file=sys.stderr)
    raise SystemExit(1)


def run(cmd: list[str], env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)


# ---- Debian packages -----------------------------------------------------------------

def _names(field: str) -> set[str]:
    """Package names in a Depends field (alternatives all count, versions dropped)."""
    names = set()
    for part in re.split(r"[,|]", field):
        name = part.strip().split(" ")[0].split(":")[0]
        if name:
            names.add(name)
    return names


def _installed(name: str) -> str | None:
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Depends}, ${Pre-Depends}\n", name],
                          capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else None


def allowed_packages(depends: str) -> set[str]:
    """The declared packages, what they depend on (as installed here), and Debian's
    required set."""
    required = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Priority}\n"],
                              capture_output=True, text=True).stdout
    allowed = {line.split()[0].split(":")[0] for line in required.splitlines()
               if line.endswith(" required")}
    todo = list(_names(depends))
    while todo:
        name = todo.pop()
        if name in allowed:
            continue
        allowed.add(name)
        deps = _installed(name)
        if deps is None:
            fail(f"the declared dependency {name} is not installed on this machine")
        todo += _names(deps)
    return allowed


def check_libraries(libs: set[str], allowed: set[str], what: str) -> None:
    strays = {}
    for lib in sorted(libs):
        pkg = owning_package(lib)
        if pkg is None or pkg not in allowed:
            strays[lib] = pkg or "no package"
    if strays:
        fail(f"{what} needs libraries from undeclared packages: "
             + ", ".join(f"{lib} ({pkg})" for lib, pkg in strays.items()))


# ---- the till under Xvfb -------------------------------------------------------------

def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A private Xvfb screen. Display numbers are picked at random well above the usual
    ones: other sessions on a shared machine start and stop theirs at :0, :1, :99... And no
    reset when the last client leaves: a till connecting during a reset is refused."""
    for number in random.sample(range(200, 900), 10):
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", f":{number}", "-displayfd", str(write), "-screen",
                                 "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
                                pass_fds=(write,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            ready = f.readline().strip()
        if ready:
            return xvfb, f":{ready}"
        xvfb.wait()                            # that display was taken: try another
    fail("Xvfb did not start")


def loaded_libraries(pid: int) -> set[str]:
    libs = set()
    with open(f"/proc/{pid}/maps") as maps:
        for line in maps:
            parts = line.split(maxsplit=5)
            if len(parts) == 6 and ".so" in parts[5]:
                libs.add(parts[5].strip())
    return libs


def launch_till(caixa: Path, env: dict, display: str, quit_after_ms: int) -> subprocess.Popen:
    env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "CAIXA_GUI_QUIT_AFTER_MS": str(quit_after_ms)}
    return subprocess.Popen([str(caixa), "gui", "--demo"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def first_frame(till: subprocess.Popen, display: str, start: float):
    """Seconds from ``start`` until a window named Caixa is on screen with something drawn
    in it (not a blank rectangle), and the screenshot; fails if the till never shows one."""
    from PIL import ImageGrab

    env = {**os.environ, "DISPLAY": display}
    while time.monotonic() - start < WINDOW_TIMEOUT_S and till.poll() is None:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Caixa"],
                               env=env, capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            image = ImageGrab.grab(xdisplay=display)
            colours = image.getcolors(maxcolors=1 << 16)
            if colours is None or len(colours) >= 16:
                return time.monotonic() - start, image
        time.sleep(0.02)
    till.kill()
    fail(f"the till showed no drawn window: {till.communicate()[0][-2000:]}")


def till_until_drawn(caixa: Path, env: dict, shot: Path) -> tuple[float, set[str]]:
    """Seconds from start to the first drawn window, and the libraries the till loaded."""
    xvfb, display = start_xvfb()
    try:
        start = time.monotonic()
        till = launch_till(caixa, env, display, quit_after_ms=8000)
        seen, image = first_frame(till, display, start)
        image.save(shot)
        time.sleep(1.0)                     # the status strip's first look, printer, etc.
        libs = loaded_libraries(till.pid)
        output = till.communicate(timeout=60)[0]
        if till.returncode != 0:
            fail(f"the till exited with {till.returncode}: {output[-2000:]}")
        return seen, libs
    finally:
        xvfb.terminate()
        xvfb.wait()


# ---- the check -----------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    deb = Path(argv[0]).resolve()
    work = Path(tempfile.mkdtemp(prefix="caixa-deb-check-"))
    try:
        root = work / "root"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        field = subprocess.run(["dpkg-deb", "-f", str(deb), "Version", "Depends"],
                               capture_output=True, text=True, check=True).stdout
        version = re.search(r"^Version: (.+)$", field, re.M).group(1)
        depends = re.search(r"^Depends: (.+)$", field, re.M).group(1)
        bundle = root / "opt" / "caixa"
        caixa = bundle / "caixa"
        if os.readlink(root / "usr" / "bin" / "caixa") != "/opt/caixa/caixa":
            fail("/usr/bin/caixa is not a link to /opt/caixa/caixa")
        entries = [e.read_text() for e in
                   (root / "usr" / "share" / "applications").glob("*.desktop")]
        # one launcher per face: the till's touch screen and the manager's back office
        for command, face in (("gui", "the till"), ("backoffice", "the back office")):
            if not any(f"Exec=/usr/bin/caixa {command}\n" in e for e in entries):
                fail(f"no desktop entry for {face}")
        if not (root / "usr/share/icons/hicolor/256x256/apps/caixa.png").is_file():
            fail("no icon")

        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("CAIXA_", "QT_", "XDG_")) and k != "DISPLAY"}
        env.update(HOME=str(work / "home"), CAIXA_DATA_DIR=str(work / "data"),
                   TMPDIR=str(work / "tmp"))
        for d in ("home", "tmp"):
            (work / d).mkdir()
        stamp = work / "stamp"
        stamp.touch()
        time.sleep(0.01)

        proc = run([str(caixa), "--version"], env)
        if proc.returncode != 0 or proc.stdout.strip() != f"caixa {version}":
            fail(f"--version said {proc.stdout!r} {proc.stderr!r}")
        print(f"check-deb: {proc.stdout.strip()}")

        proc = run([str(caixa), "self-test"], env)
        print(proc.stdout, end="")
        if proc.returncode != 0 or "(bundle" not in proc.stdout:
            fail(f"self-test exited {proc.returncode}: {proc.stderr}")

        shot = ROOT / "dist" / "deb-check-till.png"
        seconds, loaded = till_until_drawn(caixa, env, shot)
        print(f"check-deb: the till's first window was drawn after {seconds:.2f} s "
              f"(screenshot {shot.relative_to(ROOT)})")

        if not (work / "data" / "caixa.db").is_file():
            fail("the till did not keep its shop in the data directory")
        written = subprocess.run(["find", str(root), "-newer", str(stamp)],
                                 capture_output=True, text=True).stdout.split()
        if written:
            fail(f"the program wrote into its installation: {written[:5]}")

        allowed = allowed_packages(depends)
        linked, missing = linked_libraries(bundle)
        check_libraries(linked, allowed, "the bundle")
        check_libraries({lib for lib in loaded if not lib.startswith(str(root))}, allowed,
                        "the running till")
        essential = [m for m in missing if "PySide6/Qt/plugins/" not in m]
        if essential:
            fail(f"libraries not found: {essential}")
        if missing:
            print("check-deb: optional Qt plugins without their libraries here (unused): "
                  + "; ".join(sorted(missing)))
        print(f"check-deb: OK — Depends: {depends}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
