"""SAF-T export benchmark: documents per second and peak memory, 100k and 1M documents.

    python -m benchmarks.saft_export                  # 100k
    python -m benchmarks.saft_export --sizes 100k,1M  # and 1M (data cached in .bench-cache/)
    python -m benchmarks.saft_export --validate       # also time the validator

Data: the suite's generated shops (benchmarks/datagen.py: FS + FT every tenth, 3-5 lines,
all signed in their chains) when that module is there, else ``saft_demo.bulk_sales``
(signed FS, 1-3 lines), cached. Every measurement runs in a child process, so its peak
resident memory (VmHWM) is the export's own; memory is flat when the largest size's
peak stays within 10 % + 10 MB of the smallest's. The floor is lxml alone writing the same
number of elements, one SubElement at a time, through xmlfile (measured on up to 100k
records, as a rate). Results are printed and added, dated, to docs/PERFORMANCE.md under
"SAF-T export" (``--no-record`` to skip). The suite (benchmarks/__main__.py) calls ``run``.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from benchmarks.common import child_env, open_shop, remove_db

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".bench-cache"
DOC = ROOT / "docs" / "PERFORMANCE.md"
TARGET = 10_000
FLOOR_SAMPLE = 100_000
START, END = "<!-- saft-export:start -->", "<!-- saft-export:end -->"

# Peak memory of the child itself: /proc's VmHWM (ru_maxrss survives execve, so on Linux a
# child would inherit the parent's peak); ru_maxrss elsewhere.
_MEMORY = """
import resource
def mb(field):
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_EXPORT = _MEMORY + """
import json, sys, time
from datetime import date
from sqlalchemy import func, select
from pos.persistence.db import Database
from pos.persistence.models import DocumentRow
from pos.saft.period import period_for
from pos.saft.writer import export
db = Database(sys.argv[1])
with db.read() as s:
    year = s.scalar(select(func.min(DocumentRow.invoice_date))).year
before = mb("VmRSS")
wall, cpu = time.perf_counter(), time.process_time()
result = export(db, sys.argv[2], period_for(date(year, 12, 31), year), date(year + 1, 1, 5))
print(json.dumps({"documents": result.documents, "seconds": time.perf_counter() - wall,
                  "cpu": time.process_time() - cpu, "rss_before_mb": before,
                  "peak_mb": mb("VmHWM")}))
"""

_VALIDATE = _MEMORY + """
import json, sys, time
from pos.bootstrap import open_app
from pos.saft.validator import KeyRing, validate
keys = KeyRing(open_app(sys.argv[1]).verifiers())
wall = time.perf_counter()
report = validate(sys.argv[2], keyring=keys)
print(json.dumps({"documents": report.documents, "ok": report.ok,
                  "signatures": report.signatures, "seconds": time.perf_counter() - wall,
                  "peak_mb": mb("VmHWM")}))
"""

_FLOOR = """
import json, sys, time
from lxml import etree
from lxml.etree import Element, SubElement
records, per_record = int(sys.argv[2]), int(sys.argv[3])
wall = time.perf_counter()
with open(sys.argv[1], "wb") as fh, etree.xmlfile(fh, encoding="UTF-8") as xf:
    with xf.element("AuditFile", nsmap={None: "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"}):
        for _ in range(records):
            record = Element("Invoice")
            for _ in range(per_record - 1):
                SubElement(record, "Field").text = "1.00"
            xf.write(record)
print(json.dumps({"seconds": time.perf_counter() - wall}))
"""


def say(text: str) -> None:
    print(text, flush=True)


def load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def human(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k" \
        if n % 1000 == 0 else str(n)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * mult)


def _child(code: str, *args, shop: Path | None = None) -> dict:
    """Run ``code`` in a child process; ``shop``: the database it opens as the application
    (with that shop's key store and anchors)."""
    env = child_env(shop) if shop is not None else None
    proc = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _own_db(n: int) -> Path:
    """A demo shop with ``n`` signed FS from saft_demo.bulk_sales, cached."""
    path = CACHE / f"saft-bulk-{human(n)}.db"
    done = path.with_suffix(".json")
    if done.exists() and path.exists():
        return path
    from pos.services import saft_demo
    from pos.services.ports import FixedClock

    CACHE.mkdir(parents=True, exist_ok=True)
    remove_db(path)
    app = open_shop(path, clock=FixedClock(datetime(2025, 1, 1, 7, 0, 0)))
    app.init_demo()
    started = time.perf_counter()
    saft_demo.bulk_sales(app, n, start=datetime(2025, 1, 1, 8, 0, 0), batch=20_000,
                         progress=lambda k: say(f"  generated {k:,} / {n:,} "
                                                f"({k / (time.perf_counter() - started):,.0f}/s)")
                         if k % 100_000 == 0 or k == n else None)
    app.close()
    done.write_text(json.dumps({"documents": n}))
    return path


def source_db(n: int, ensure_db=None) -> Path:
    if ensure_db is not None:
        return ensure_db(n)
    try:
        from benchmarks import datagen
    except ImportError:
        return _own_db(n)
    return datagen.ensure(n, verify=False)   # the export does not need the full verify


def _elements(path: Path) -> int:
    """Elements in the file: every one we write has exactly one end tag."""
    count = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            count += chunk.count(b"</")
    return count


def measure(n: int, runs: int = 1, validate: bool = False, ensure_db=None,
            work: Path | None = None) -> dict:
    db = source_db(n, ensure_db)
    work = work or CACHE / "work" / f"saft-{os.getpid()}"   # other benchmarks share work/
    work.mkdir(parents=True, exist_ok=True)
    out = work / f"saft-{human(n)}.xml"
    figures = []
    for _ in range(runs):
        f = _child(_EXPORT, db, out)
        assert f["documents"] == n, (f["documents"], n)
        f["load"] = load()
        figures.append(f)
        say(f"  export {human(n)}: {f['seconds']:.1f} s ({n / f['seconds']:,.0f} docs/s, cpu "
            f"{f['cpu']:.1f} s), peak RSS {f['peak_mb']:.0f} MB, load {f['load']:.2f}")
    size, elements = out.stat().st_size, _elements(out)
    result = {"documents": n, "seconds": statistics.median(f["seconds"] for f in figures),
              "cpu": statistics.median(f["cpu"] for f in figures),
              "peak_mb": max(f["peak_mb"] for f in figures),
              "rss_before_mb": figures[0]["rss_before_mb"], "bytes": size,
              "elements": elements, "load": statistics.median(f["load"] for f in figures)}
    if validate:
        v = _child(_VALIDATE, db, out, shop=db)
        assert v["ok"] and v["documents"] == n, v
        result["validate"] = v
        say(f"  validate {human(n)}: {v['seconds']:.1f} s ({n / v['seconds']:,.0f} docs/s, "
            f"{v['signatures']:,} signatures), peak RSS {v['peak_mb']:.0f} MB")
    out.unlink(missing_ok=True)
    records = min(n, FLOOR_SAMPLE)
    floor = _child(_FLOOR, work / "floor.xml", records, max(2, round(elements / n)))
    (work / "floor.xml").unlink(missing_ok=True)
    result["floor_docs_s"] = records / floor["seconds"]
    if work.name.startswith("saft-") and not any(work.iterdir()):
        work.rmdir()
    say(f"  lxml floor ({round(elements / n)} elements per document): "
        f"{result['floor_docs_s']:,.0f} docs/s")
    return result


def _rate(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ")


def rows_for(results: list[dict]) -> list[dict]:
    smallest = results[0]["peak_mb"] if results else 0
    rows = []
    for r in results:
        n, per_s = r["documents"], r["documents"] / r["seconds"]
        flat = r["peak_mb"] <= smallest * 1.1 + 10
        rows.append({
            "what": "SAF-T export (pos.saft.writer), whole year, child process",
            "size": human(n),
            "figure": f"{r['seconds']:.1f} s · {_rate(per_s)} docs/s ({_rate(n / r['cpu'])} "
                      f"per CPU-second) · peak RSS "
                      f"{r['peak_mb']:.0f} MB ({r['rss_before_mb']:.0f} MB before export) · "
                      f"{_rate(r['bytes'] / 1e6)} MB, {r['elements'] / n:.0f} elements/doc",
            "floor": f"lxml SubElement alone: {_rate(r['floor_docs_s'])} docs/s",
            "target": f"≥ {_rate(TARGET)} docs/s, flat memory",
            "verdict": "met" if per_s >= TARGET and flat else "MISSED",
            "load": r["load"]})
        if "validate" in r:
            v = r["validate"]
            rows.append({
                "what": "caixa saft validate (business checks + every signature)",
                "size": human(n),
                "figure": f"{v['seconds']:.1f} s · {_rate(n / v['seconds'])} docs/s · "
                          f"peak RSS {v['peak_mb']:.0f} MB",
                "floor": "—", "target": "flat memory", "verdict": "n/a", "load": r["load"]})
    return rows


def run(sizes: list[int], quick: bool = False, runs: int = 1, ensure_db=None,
        work_dir: Path | None = None) -> list[dict]:
    """Entry point for benchmarks/__main__.py (rows for its table)."""
    results = [measure(n, max(1, runs if n < 1_000_000 else 1), False, ensure_db, work_dir)
               for n in sizes]
    return rows_for(results)   # the suite prints and records its own table


def markdown(rows: list[dict]) -> str:
    head = "| size | export | floor | target | verdict | load |\n|---|---|---|---|---|---|"
    body = [f"| {r['size']} | {r['what']}: {r['figure']} | {r['floor']} | {r['target']} | "
            f"{r['verdict']} | {r['load']:.2f} |" for r in rows]
    return "\n".join([head, *body])


def record(rows: list[dict], command: str) -> Path:
    entry = (f"### {datetime.now():%Y-%m-%d %H:%M} — `{command}`\n\n"
             f"{platform.machine()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}, SQLite file database; load average (1 min) per "
             "row (the machine is shared: figures under load > 1 are pessimistic).\n\n"
             f"{markdown(rows)}\n")
    text = DOC.read_text() if DOC.exists() else "# Performance\n"
    if END not in text:
        text = (text.rstrip("\n") + "\n\n## SAF-T export\n\nHow to run: "
                "`python -m benchmarks.saft_export [--sizes 100k,1M] [--validate]` "
                "(see its docstring for method).\n\n" + f"{START}\n{END}\n")
    head, tail = text.split(END, 1)
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(head.rstrip("\n") + "\n\n" + entry + "\n" + END + tail)
    return DOC


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.saft_export",
                                description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100k", help="comma list, e.g. 100k,1M")
    p.add_argument("--runs", type=int, default=1, help="repeats per size (median)")
    p.add_argument("--validate", action="store_true",
                   help="also time the validator (at the smallest size)")
    p.add_argument("--no-record", action="store_true", help="do not write PERFORMANCE.md")
    args = p.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    results = [measure(n, args.runs, args.validate and n == min(sizes)) for n in sizes]
    rows = rows_for(results)
    say(markdown(rows))
    if not args.no_record:
        command = " ".join(["python -m benchmarks.saft_export", *(argv or sys.argv[1:])])
        say(f"recorded in {record(rows, command)}")
    return 0 if all(r["verdict"] != "MISSED" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
