"""The results table: printed, and appended (dated) to docs/PERFORMANCE.md.

docs/PERFORMANCE.md is shared: the benchmark sections sit between
``<!-- bench:... -->`` markers and a new run is inserted just before
``<!-- bench:results:end -->``, so sections other engineers add (SAF-T export) are never
touched.
"""

import os
import platform
import sqlite3
from datetime import datetime
from pathlib import Path

from .common import HEADERS, ROOT, Row

DOC = ROOT / "docs" / "PERFORMANCE.md"
START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"

SKELETON = f"""# Performance

<!-- bench:intro:start (section kept by benchmarks/; edit freely, the suite only appends
results between the results markers) -->
## Benchmarks: how to run

```sh
python3 dev.py bench            # the whole suite at 1M documents (< 15 min, data cached)
python3 dev.py bench --quick    # smoke run at small sizes (not recorded unless --record)
python3 dev.py bench --only sale,verify --no-record
```

Each run prints a table and appends it, dated, to the results below.
<!-- bench:intro:end -->

## Benchmark results

{START}
{END}
"""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")


def markdown(rows: list[Row]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(cell(c) for c in r.cells()) + " |" for r in rows]
    notes = [f"- {r.what} ({r.size}): {r.note}" for r in rows if r.note]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def text_table(rows: list[Row]) -> str:
    cells = [HEADERS] + [r.cells() for r in rows]
    widths = [min(60, max(len(c[i]) for c in cells)) for i in range(len(HEADERS))]
    out = []
    for n, c in enumerate(cells):
        out.append("  ".join(v[:60].ljust(w) for v, w in zip(c, widths, strict=True)))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def record(rows: list[Row], command: str, started: datetime, seconds: float,
           load_start: float, load_end: float) -> Path:
    entry = "\n".join([
        f"### {started:%Y-%m-%d %H:%M} — `{command}`",
        "",
        f"{machine()}. Suite {seconds / 60:.1f} min; load average (1 min) "
        f"{load_start:.2f} at start, {load_end:.2f} at end; the load column is taken as each "
        "figure was measured (2 cores shared with other work: figures under load > 1 are "
        "pessimistic).",
        "",
        markdown(rows),
        "",
    ])
    text = DOC.read_text() if DOC.exists() else SKELETON
    if END not in text:
        text = text.rstrip("\n") + f"\n\n## Benchmark results\n\n{START}\n{END}\n"
    head, tail = text.split(END, 1)
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(head.rstrip("\n") + "\n\n" + entry + "\n" + END + tail)
    return DOC
