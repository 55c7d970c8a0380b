"""`python -m benchmarks.bundle_startup`: installer sizes and the bundled till's start-up.

Needs `python3 dev.py package` first (dist/caixa, the .deb, the .tar.gz), Xvfb and xdotool.
Start-up is the time from starting `caixa gui --demo` to its first window drawn on an Xvfb
screen (packaging/check_deb.py's detection: mapped, and not blank), a new process each run:

- cold: the operating system's file cache dropped before each run (root only:
  /proc/sys/vm/drop_caches) and a new data directory, so the demo shop is created too;
- warm, first start: file cache warm, new data directory (the demo shop is created);
- warm, existing shop: the same data directory run after run (a till's everyday start).

The same is measured from source (.venv/bin/caixa) beside it. Prints a Markdown section for
docs/PERFORMANCE.md; the machine's load is printed with it (2 shared cores).
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .common import ROOT, load, median

sys.path.insert(0, str(ROOT / "packaging"))
import check_deb  # noqa: E402  (a script folder, not a package)

DIST = ROOT / "dist"


def drop_file_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def one_start(caixa: Path, display: str, data: Path) -> float:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CAIXA_", "QT_")) and k != "DISPLAY"}
    env.update(CAIXA_DATA_DIR=str(data), HOME=str(data.parent / "home"))
    start = time.monotonic()
    till = check_deb.launch_till(caixa, env, display, quit_after_ms=4000)
    seconds, _ = check_deb.first_frame(till, display, start)
    till.communicate(timeout=60)
    return seconds


def series(caixa: Path, display: str, runs: int, mode: str, work: Path) -> list[float]:
    out = []
    shop = work / f"{mode}-shop"
    for i in range(runs):
        if mode == "cold" and not drop_file_cache():
            raise SystemExit("bundle_startup: dropping the file cache needs root; "
                             "use --no-cold")
        data = shop if mode == "existing" else work / f"{mode}-{i}"
        out.append(one_start(caixa, display, data))
    return out


def size(path: Path) -> int:
    if path.is_dir():
        return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())
    return path.stat().st_size


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def fmt(values: list[float]) -> str:
    return (f"{median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, "
            f"n={len(values)})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.bundle_startup",
                                description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--no-cold", action="store_true", help="skip the cold runs (not root)")
    args = p.parse_args(argv)
    bundle = DIST / "caixa"
    debs, tars = sorted(DIST.glob("caixa_*_amd64.deb")), sorted(DIST.glob("caixa-*.tar.gz"))
    if not (bundle / "caixa").is_file() or not debs or not tars:
        print("bundle_startup: run `python3 dev.py package` first", file=sys.stderr)
        return 2
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    rows = [("bundle (dist/caixa, one folder)", f"{mib(size(bundle))}, {files} files"),
            (debs[-1].name, mib(size(debs[-1]))), (tars[-1].name, mib(size(tars[-1])))]
    work = Path(tempfile.mkdtemp(prefix="caixa-startup-"))
    xvfb, display = check_deb.start_xvfb()
    loads = [load()]
    try:
        timings = []
        for label, caixa in (("bundle", bundle / "caixa"), ("source", ROOT / ".venv/bin/caixa")):
            modes = ["first", "existing"] if args.no_cold else ["cold", "first", "existing"]
            for mode in modes:
                values = series(caixa, display, args.runs, mode, work / label)
                timings.append((label, mode, values))
                loads.append(load())
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(work, ignore_errors=True)
    names = {"cold": "cold (file cache dropped), first start",
             "first": "warm, first start (creates the demo shop)",
             "existing": "warm, existing shop"}
    print(f"### {time.strftime('%Y-%m-%d %H:%M')} — `python -m benchmarks.bundle_startup "
          f"--runs {args.runs}`\n")
    print(f"Load average (1 min) during the runs: {min(loads):.1f}–{max(loads):.1f}.\n")
    print("| what | size |\n|---|---|")
    for what, value in rows:
        print(f"| {what} | {value} |")
    print("\n| `caixa gui` to its first drawn window | median (min, max) |\n|---|---|")
    for label, mode, values in timings:
        print(f"| {label}, {names[mode]} | {fmt(values)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
