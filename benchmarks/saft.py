"""SAF-T export: ``benchmarks/saft_export.py`` (owned by the SAF-T engineer) does the work.

Its ``run(sizes, quick, runs, ensure_db, work_dir)`` exports the whole generated year in a
child process (documents/s, peak RSS, an lxml-alone floor) and returns rows for the table;
its method and history live in the "SAF-T export" section of docs/PERFORMANCE.md.
"""

from . import datagen, external
from .common import Row, human, work_dir


def rows(sizes: list[int], quick: bool, runs: int) -> list[Row]:
    available = {"quick": quick, "runs": runs, "cache_dir": datagen.CACHE,
                 "work_dir": work_dir()}
    got = external.call("saft_export", "SAF-T export", sizes, available,
                        ensure_db=datagen.ensure, human=human)
    if got is not None:
        return got
    return [Row("SAF-T export documents/s and peak memory", ", ".join(map(human, sizes)),
                "not yet measurable", "—", "≥ 10 000 docs/s, flat memory", "pending",
                note="benchmarks/saft_export.py does not exist")]
