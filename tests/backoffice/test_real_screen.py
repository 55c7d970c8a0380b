"""The back office on real screens: Xvfb with no window manager, so nobody but the window
sizes it. ``caixa backoffice`` itself is run and its window measured from outside
(xdotool); then a back-office process visits every area checking that its buttons are on
screen, and grabs the X server's own pixels (written to docs/img/ when CAIXA_UI_SHOTS=1).
"""

import json
import subprocess
import sys
import time

import pytest
from PIL import Image

from tests.ui.screens import ROOT, x_env, xvfb
from tests.ui.test_real_screen import black_rows, grab_root, shots_folder, window_geometry

SIZES = [(1024, 768), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_caixa_backoffice_fills_the_screen_it_is_on(size, demo_db, tmp_path):
    with xvfb(*size) as display:
        env = {**x_env(display), "CAIXA_GUI_QUIT_AFTER_MS": "60000"}
        proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "backoffice", "--db",
                                 str(demo_db)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            assert window_geometry(env, "^Caixa · Back office$") == (0, 0, *size)
            time.sleep(1.5)
            image = grab_root(env, shots_folder(tmp_path) /
                              f"xvfb-bo-signin-{size[0]}x{size[1]}.png")
            assert image.size == size and black_rows(image) == 0
        finally:
            proc.terminate()
            _out, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, err[-1500:]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_area_fits_the_real_screen(size, tmp_path):
    shots = shots_folder(tmp_path)
    tag = f"xvfb-bo-{size[0]}x{size[1]}-"
    with xvfb(*size) as display:
        proc = subprocess.run([sys.executable, "-m", "tests.backoffice.real_office",
                               str(tmp_path), "--shots", str(shots), "--tag", tag],
                              cwd=ROOT, env=x_env(display), capture_output=True, text=True,
                              timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["screen"] == [0, 0, *size]
    for name, page in found["pages"].items():
        assert page["window"] == [0, 0, *size], name
        for key, widget in page["widgets"].items():
            assert widget["visible"] and widget["on_screen"], (name, key, widget)
        image = Image.open(shots / f"{tag}{name}.png").convert("RGB")
        assert image.size == size and black_rows(image) == 0, name
