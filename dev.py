#!/usr/bin/env python3
"""Developer entry point: `python3 dev.py run` and `python3 dev.py test` (and `bench`,
`package`).

Each creates the project's virtual environment in .venv when it is missing (or when
pyproject.toml changed since the last install), then does its job. Standard library only,
so it runs on a fresh machine with nothing but Python 3.11+.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".caixa-installed"


def ensure_venv() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PY.exists():
        print("dev: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev: installing Caixa and its development tools into .venv", flush=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def run(*cmd: str, env: dict | None = None) -> int:
    return subprocess.run(list(cmd), cwd=ROOT, env={**os.environ, **(env or {})}).returncode


def _has_screen() -> bool:
    if os.name == "nt" or sys.platform == "darwin" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def setup_reference(required: bool) -> bool:
    """AT's reference files (SAF-T XSD, WSDLs) in the data directory: copied from
    CAIXA_AT_REFERENCE or ../shared/at when there, else downloaded from AT and checked."""
    if run(str(BIN / "caixa"), "at-reference") == 0:
        return True
    if not required:
        print("dev: continuing without AT's reference files (SAF-T validation and the AT "
              "link need them)", file=sys.stderr, flush=True)
    return False


def cmd_run(extra: list[str]) -> int:
    """The till on the shop `caixa` opens by default (the demo shop when there is none yet);
    without a screen, a sale on that demo shop printed to the terminal."""
    setup_reference(required=False)
    if _has_screen():
        return run(str(BIN / "caixa"), "gui", "--demo", *extra)
    print("dev: no screen here (DISPLAY is not set): running the terminal demo instead",
          flush=True)
    return run(str(BIN / "caixa"), "demo", *extra)


def cmd_test(extra: list[str]) -> int:
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    print("dev: AT reference files", flush=True)
    if not setup_reference(required=True):
        return 1
    steps = [
        ("ruff", [str(BIN / "ruff"), "check", "."]),
        ("import rules", [str(BIN / "lint-imports")]),
    ]
    for name, cmd in steps:
        print(f"dev: {name}", flush=True)
        if run(*cmd, env=env) != 0:
            print(f"dev: {name} failed", file=sys.stderr)
            return 1
    print("dev: pytest", flush=True)
    return run(str(PY), "-m", "pytest", *extra, env=env)


def cmd_bench(extra: list[str]) -> int:
    return run(str(PY), "-m", "benchmarks", *extra)


def cmd_package(extra: list[str]) -> int:
    """The installers (packaging/build.py): .deb and .tar.gz on Linux, Inno Setup on Windows."""
    if subprocess.run([str(PY), "-c", "import PyInstaller"], capture_output=True).returncode:
        print("dev: installing the build tools (PyInstaller) into .venv", flush=True)
        subprocess.run([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[build]"],
                       check=True)
    if not setup_reference(required=True):
        return 1
    return run(str(PY), str(ROOT / "packaging" / "build.py"), *extra)


def main() -> int:
    commands = {"run": cmd_run, "test": cmd_test, "bench": cmd_bench, "package": cmd_package}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("usage: python3 dev.py run|test|bench|package [args...]", file=sys.stderr)
        return 2
    ensure_venv()
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
