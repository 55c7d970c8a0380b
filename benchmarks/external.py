"""Calling benchmark modules other engineers own (``benchmarks/saft_export.py``,
``benchmarks/ui_bench.py``) without depending on their exact signature.

Their ``run(...)`` gets, by parameter name, whichever of these it asks for:
``quick`` (bool), ``runs`` (int), ``sizes`` (document counts), ``documents`` / ``n`` /
``size`` (one count: then run is called once per size), ``db`` / ``db_path`` / ``path``
(a cached shop with that many documents; do not write to it), ``ensure_db`` (a function
``n -> Path`` to such a shop), ``products`` (50_000), ``catalogue_db`` (a cached shop with
that many products), ``cache_dir`` and ``work_dir`` (Paths). What it returns becomes table
rows: a list of ``benchmarks.common.Row``, a dict (``{label: figure}``), a list of dicts
with keys what/size/figure/floor/target/verdict (and load), a string, or None (it printed its own).
"""

import importlib
import inspect
from collections.abc import Callable

from .common import Row

ONE_SIZE = ("documents", "n", "size")
ONE_DB = ("db", "db_path", "path")


def load(module: str):
    """The module, or None when it does not exist (yet)."""
    name = f"benchmarks.{module}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def _to_rows(result, label: str, size: str) -> list[Row]:
    if result is None:
        return [Row(label, size, "ran; see its own output above", verdict="n/a")]
    if isinstance(result, Row):
        return [result]
    if isinstance(result, str):
        return [Row(label, size, result, verdict="n/a")]
    if isinstance(result, dict):
        if "figure" in result or "what" in result:
            return _to_rows([result], label, size)
        return [Row(f"{label}: {k}", size, str(v), verdict="n/a") for k, v in result.items()]
    out = []
    for item in result:
        if isinstance(item, Row):
            out.append(item)
        elif isinstance(item, dict):
            row = Row(str(item.get("what", label)), str(item.get("size", size)),
                      str(item.get("figure", "")), str(item.get("floor", "—")),
                      str(item.get("target", "—")), str(item.get("verdict", "n/a")),
                      note=str(item.get("note", "")))
            if isinstance(item.get("load"), int | float):
                row.load = float(item["load"])
            out.append(row)
        else:
            out.append(Row(label, size, str(item), verdict="n/a"))
    return out


def call(module: str, label: str, sizes: list[int], available: dict,
         ensure_db: Callable | None = None, human=str) -> list[Row] | None:
    """Rows from ``benchmarks/<module>.py``'s ``run``; None when the module is missing."""
    mod = load(module)
    if mod is None:
        return None
    run = getattr(mod, "run", None)
    if not callable(run):
        return [Row(label, "—", f"benchmarks/{module}.py has no run()", verdict="pending")]
    params = inspect.signature(run).parameters
    takes_all = any(p.kind is p.VAR_KEYWORD for p in params.values())
    per_size = any(name in params for name in ONE_SIZE + ONE_DB)
    base = dict(available, sizes=sizes)
    if ensure_db is not None:
        base["ensure_db"] = ensure_db

    def kwargs_for(extra: dict) -> dict:
        values = {**base, **extra}
        out = {}
        for name, p in params.items():
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            if name in values:
                out[name] = values[name]
            elif p.default is p.empty:
                raise TypeError(f"run() needs '{name}', which the suite cannot give")
        if takes_all:
            out.update({k: v for k, v in values.items() if k not in out})
        return out

    try:
        if not per_size:
            return _to_rows(run(**kwargs_for({})), label, "—")
        rows = []
        for n in sizes:
            extra = {k: n for k in ONE_SIZE}
            if ensure_db is not None and any(k in params for k in ONE_DB):
                path = ensure_db(n)
                extra.update({k: path for k in ONE_DB})
            rows += _to_rows(run(**kwargs_for(extra)), label, human(n))
        return rows
    except Exception as exc:   # their bench failing must not lose the rest of the table
        return [Row(label, "—", f"benchmarks/{module}.py failed: {type(exc).__name__}: {exc}",
                    verdict="error")]
