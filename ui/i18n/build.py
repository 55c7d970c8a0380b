"""Refresh the translation sources and compile them: ``python -m ui.i18n.build``.

``pyside6-lupdate`` scans ui/ for ``tr()``/``translate()`` strings into the ``.ts`` files
(keeping existing translations); ``pyside6-lrelease`` compiles them into ``.qm``.
"""

import shutil
import subprocess
import sys
from pathlib import Path

from resources import path

UI = Path(__file__).resolve().parents[1]
LANGS = ("en",)


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def main() -> int:
    sources = sorted(str(p) for p in UI.rglob("*.py") if "commands" not in p.parts)
    for lang in LANGS:
        ts = path("translations", f"caixa_{lang}.ts")
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-source-language", "pt_PT",
                        "-target-language", lang, *sources, "-ts", str(ts)], check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
