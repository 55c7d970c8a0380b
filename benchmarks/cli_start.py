"""The command line from cold: ``caixa --help`` and a sale from ``caixa sell``.

Each is the installed ``caixa`` command started as a new process, as a person or a script
runs it, timed from outside (wall, and the child's CPU from the operating system's
accounting); the median of the runs, after one warm-up run that is not counted (it fills the
page cache, and the sale's first start closes the periods since the generated history). The
floor is a bare Python interpreter (``python -c pass``) timed the same way, in turn with
the figure. The sale sells a 4-line cart on a copy of the cached empty shop.
"""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from . import datagen
from .common import Row, child_env, copy_db, load, median, ms, remove_db, say, verdict, work_dir

HELP_S = 0.150
SALE_S = 0.400
CART = ["--item", "PAO01", "--item", "CAF01:2", "--item", "BEB01", "--item", "PAS01"]


def _caixa() -> str:
    return str(Path(sys.executable).with_name("caixa"))


def _once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``argv`` as a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=120, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])} failed: {proc.stderr.decode()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _paired(argv: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    floor = [sys.executable, "-c", "pass"]
    _once(argv, env)
    _once(floor, env)
    walls, cpus, floor_walls = [], [], []
    for _ in range(runs):
        wall, cpu = _once(argv, env)
        walls.append(wall)
        cpus.append(cpu)
        floor_walls.append(_once(floor, env)[0])
    return {"wall": median(walls), "cpu": median(cpus), "floor": median(floor_walls),
            "load": load()}


def measure(runs: int = 9) -> dict[str, dict[str, float]]:
    env = {**os.environ, "CAIXA_CONFIG": "", "CAIXA_PRINTER": ""}
    out = {"help": _paired([_caixa(), "--help"], env, runs)}
    db = copy_db(datagen.ensure(0), work_dir() / "cli.db")
    try:
        out["sell"] = _paired([_caixa(), "sell", *CART], child_env(
            db, CAIXA_DB=str(db), CAIXA_CONFIG="", CAIXA_PRINTER=""), runs)
    finally:
        remove_db(db)
    for name, f in out.items():
        say(f"  caixa {name} cold: {ms(f['wall'])} wall, {ms(f['cpu'])} CPU; bare Python "
            f"{ms(f['floor'])}")
    return out


def rows(found: dict[str, dict[str, float]]) -> list[Row]:
    out = []
    for name, what, goal in (("help", "caixa --help, cold", HELP_S),
                             ("sell", "caixa sell (4 lines), cold: a new process", SALE_S)):
        f = found[name]
        out.append(Row(what, "empty" if name == "sell" else "—",
                       f"{ms(f['wall'])} wall · {ms(f['cpu'])} CPU",
                       f"bare Python {ms(f['floor'])}", f"≤ {goal * 1000:.0f} ms",
                       verdict(f["wall"] <= goal), load=f["load"]))
    return out
