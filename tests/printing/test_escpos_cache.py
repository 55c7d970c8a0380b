"""python-escpos' capabilities cache (issue 13): first prints in parallel never crash.

escpos 3.1 rewrites its pickle in place, so a second process starting at the same moment
read it half written ("EOFError: Ran out of input"). printing._escpos builds it first,
atomically.
"""

import os
import subprocess
import sys

from tests.conftest import ROOT


def _printer_test(cache, out):
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env.update(XDG_CACHE_HOME=str(cache), LOCALAPPDATA=str(cache))
    return subprocess.Popen([sys.executable, "-m", "ui.cli", "printer-test", "--to",
                             f"file:{out}"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_four_first_prints_at_once_all_print(tmp_path):
    for round_ in range(2):                      # without the fix, most of them failed
        cache = tmp_path / f"cache{round_}"
        procs = [_printer_test(cache, tmp_path / f"job{round_}{n}.bin") for n in range(4)]
        results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
        for code, err in results:
            assert code == 0 and "EOFError" not in err, err
        for n in range(4):
            assert (tmp_path / f"job{round_}{n}.bin").read_bytes().startswith(b"\x1b@")


def test_a_half_written_pickle_is_replaced_whole(tmp_path):
    from printing._escpos import prebuild_capabilities

    target = prebuild_capabilities(tmp_path)
    whole = target.read_bytes()
    target.write_bytes(whole[: len(whole) // 2])      # what a killed writer leaves
    assert prebuild_capabilities(tmp_path) == target
    assert target.read_bytes() == whole
    assert [p.name for p in tmp_path.iterdir()] == [target.name]   # no temporary left
