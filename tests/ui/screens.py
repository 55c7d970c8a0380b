"""Real screens for the till's window tests: an X server (Xvfb, no window manager: nobody but
the till sizes its window) and Qt's offscreen platform with several screens."""

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def xvfb(width: int, height: int):
    """An X server with one screen of ``width``×``height``; yields its DISPLAY."""
    if shutil.which("Xvfb") is None:
        raise AssertionError("Xvfb is needed (apt-get install xvfb)")
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                             f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as fh:
            number = fh.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def x_env(display: str) -> dict:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CAIXA_PRINTER", None)
    env.pop("CAIXA_CUSTOMER_DISPLAY", None)
    return env


def offscreen_env(tmp: Path, screens: list[tuple[str, int, int, int, int]]) -> dict:
    """Qt's offscreen platform with these screens: (name, x, y, width, height)."""
    config = tmp / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": n, "x": x, "y": y, "width": w, "height": h, "logicalDpiX": 96,
         "logicalDpiY": 96, "dpr": 1} for n, x, y, w, h in screens]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CAIXA_PRINTER", None)
    return env


def run_till(env: dict, tmp: Path, *args: str, timeout: int = 240) -> dict:
    """The till in its own process (tests/ui/real_till.py) on the demo shop in ``tmp``
    (``caixa.db``: the demo_db fixture's copy); its findings as a dict."""
    proc = subprocess.run([sys.executable, "-m", "tests.ui.real_till", str(tmp), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])
