"""One AT queue claim of 10 rows (``outbox.claim``) against the size of the backlog.

On a copy of the cached shop (its history's outbox rows all done), the newest N rows are put
back to 'pending' and due (a till back online after days offline), then one claim of 10 is
timed and rolled back (median of 7) — at every backlog size in turn, on the same file, so
the done history under them is the same. The figure must not grow with N.
"""

import time
from datetime import datetime

from . import datagen
from .common import Row, copy_db, human, median, ms, open_shop, remove_db, say, verdict, work_dir

BACKLOGS = (0, 1_000, 30_000)
REPEATS = 7


class _RollBack(Exception):
    """Raised to leave a unit of work without committing the claim."""


def _claim_seconds(app, now) -> float:
    from pos.services import outbox

    times = []
    for _ in range(REPEATS):
        try:
            with app.unit(write=True) as uow:
                start = time.perf_counter()
                claimed = outbox.claim(uow, now, outbox.QueuePolicy(), 10)
                times.append(time.perf_counter() - start)
                raise _RollBack(claimed)
        except _RollBack as done:
            claimed = done.args[0]
    return median(times), len(claimed)


def _backlog(db, pending: int) -> None:
    """The newest ``pending`` outbox rows back to due and pending (raw SQL on the file)."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        with con:
            con.execute("UPDATE outbox SET status = 'done', done_at = created_at "
                        "WHERE status != 'done'")
            con.execute("UPDATE outbox SET status = 'pending', done_at = NULL, attempts = 0,"
                        " next_attempt_at = created_at WHERE id IN (SELECT id FROM outbox "
                        "ORDER BY id DESC LIMIT ?)", (pending,))
    finally:
        con.close()


def measure(size: int, backlogs=BACKLOGS) -> dict[int, tuple[float, int]]:
    db = copy_db(datagen.ensure(size), work_dir() / "claim.db")
    try:
        out = {}
        for pending in backlogs:
            _backlog(db, pending)
            app = open_shop(db)
            try:
                seconds, claimed = _claim_seconds(app, datetime(2030, 1, 1))
            finally:
                app.db.dispose()
            assert claimed == min(10, pending), (pending, claimed)
            out[pending] = (seconds, claimed)
            say(f"  AT claim of 10 with {pending} pending ({size} documents): {ms(seconds)}")
        return out
    finally:
        remove_db(db)


def rows(size: int, backlogs=BACKLOGS) -> list[Row]:
    what = "AT queue claim of 10 rows (outbox.claim)"
    found = measure(size, backlogs)
    figures = " · ".join(f"{p:,} pending {ms(s)}".replace(",", " ")
                         for p, (s, _n) in found.items())
    flat = found[max(backlogs)][0] <= 2 * max(found[min(backlogs)][0], 0.001)
    return [Row(what, f"{human(size)} history", figures, "—", "independent of the backlog",
                verdict(flat),
                note="median of 7 claims, rolled back; backlog made by setting the newest "
                     "rows pending")]
