"""The till on real screens. Under Xvfb there is no window manager: a window that does not
size itself stays where and how big it was made (it used to open at 1280×800 whatever the
screen, and full screen left a black strip). The command ``caixa gui`` itself is run and its
window measured from outside (xdotool); a till process then goes through a cashier's screens
checking that PAGAR, the total, the PIN pad and Entrar are on screen, and grabs the X
server's own pixels.

Screenshots go to docs/img/ when CAIXA_UI_SHOTS=1 (and are looked at before committing)."""

import os
import shutil
import subprocess
import sys
import time

import pytest
from PIL import Image

from .screens import ROOT, offscreen_env, run_till, x_env, xvfb

SIZES = [(1024, 768), (1280, 800), (1920, 1080)]
SHOTS = ROOT / "docs" / "img"


def shots_folder(tmp_path):
    if os.environ.get("CAIXA_UI_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        return SHOTS
    return tmp_path


def grab_root(env: dict, out) -> Image.Image:
    """The X screen as it is now, grabbed by another X client (not the till itself)."""
    code = ("import sys\nfrom PySide6.QtGui import QGuiApplication\n"
            "app = QGuiApplication([])\n"
            "assert QGuiApplication.primaryScreen().grabWindow(0).save(sys.argv[1], 'PNG')\n")
    subprocess.run([sys.executable, "-c", code, str(out)], env=env, check=True, timeout=60)
    return Image.open(out).convert("RGB")


def window_geometry(env: dict, title: str = "^Caixa$") -> tuple[int, int, int, int]:
    """x, y, width, height of the till's window, asked of the X server by xdotool."""
    assert shutil.which("xdotool"), "xdotool is needed (.ci/run installs it)"
    wid = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", title],
                         env=env, capture_output=True, text=True, timeout=90,
                         check=True).stdout.split()[0]
    shell = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], env=env,
                           capture_output=True, text=True, timeout=30, check=True).stdout
    g = dict(line.split("=") for line in shell.split())
    return int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])


def black_rows(image: Image.Image, rows: int = 100) -> int:
    """Rows at the bottom of the screen that are nearly all pure black (nothing drawn)."""
    w, h = image.size
    count = 0
    for y in range(h - rows, h):
        line = [image.getpixel((x, y)) for x in range(0, w, 8)]
        if sum(1 for p in line if p == (0, 0, 0)) > 0.9 * len(line):
            count += 1
    return count


@pytest.mark.parametrize("size,fullscreen", [(s, False) for s in SIZES] + [((1024, 768), True)],
                         ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else
                         ("fullscreen" if v else "window"))
def test_caixa_gui_fills_the_screen_it_is_on(size, fullscreen, tmp_path):
    with xvfb(*size) as display:
        env = {**x_env(display), "CAIXA_GUI_QUIT_AFTER_MS": "60000"}
        args = [sys.executable, "-m", "ui.cli", "gui", "--demo", "--db",
                str(tmp_path / "shop.db")] + (["--fullscreen"] if fullscreen else [])
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        try:
            assert window_geometry(env) == (0, 0, *size)
            time.sleep(1.5)                        # the first paint, the names listed
            tag = "-fullscreen" if fullscreen else ""
            image = grab_root(env, shots_folder(tmp_path) /
                              f"xvfb-signin-{size[0]}x{size[1]}{tag}.png")
            assert image.size == size and black_rows(image) == 0
        finally:
            proc.terminate()
            _out, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, err[-1500:]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_cashiers_screens_fit_under_xvfb(size, tmp_path, demo_db):
    shots = shots_folder(tmp_path)
    with xvfb(*size) as display:
        found = run_till(x_env(display), tmp_path, "--shots", str(shots),
                         "--tag", f"xvfb-{size[0]}x{size[1]}-")
    assert found["screen"] == [0, 0, *size]
    for name, page in found["pages"].items():
        assert page["window"] == [0, 0, *size], name
        for key, widget in page["widgets"].items():
            assert widget["visible"] and widget["on_screen"], (name, key, widget)
    for name in found["pages"]:
        image = Image.open(shots / f"xvfb-{size[0]}x{size[1]}-{name}.png").convert("RGB")
        assert image.size == size and black_rows(image) == 0, name


def test_full_screen_at_1024_has_no_black_strip(tmp_path, demo_db):
    with xvfb(1024, 768) as display:
        found = run_till(x_env(display), tmp_path, "--fullscreen", "--shots", str(tmp_path),
                         "--tag", "full-")
    assert found["pages"]["sale"]["window"] == [0, 0, 1024, 768]
    assert black_rows(Image.open(tmp_path / "full-sale.png").convert("RGB")) == 0


def test_the_customer_display_goes_to_the_second_screen(tmp_path, demo_db):
    env = offscreen_env(tmp_path, [("till", 0, 0, 1024, 768),
                                   ("customer", 1024, 0, 800, 480)])
    found = run_till(env, tmp_path, "--display", "--shots", str(shots_folder(tmp_path)),
                     "--tag", "ui-")
    assert found["screen"] == [0, 0, 1024, 768]
    assert found["display"] == [1024, 0, 800, 480]
    assert found["display_total"] == found["till_total"]
