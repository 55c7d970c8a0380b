"""A till process for the store's stress test: ``python -m tests.store.till_loop DB N``.

It opens the till as the desktop app does (the store link sending in the background),
sells until its database holds N documents — sales, invoices, credit notes, cancellations —
then waits until the store holds everything it owes, and exits 0. Killed at any moment, it
is simply started again and carries on from what its database holds.
"""

from __future__ import annotations

import os
import random
import sys
import time

from sqlalchemy import text

from pos.bootstrap import open_app
from pos.domain.customer import make_customer
from pos.domain.errors import PosError
from sync.store_link import StoreSyncLink

CODES = ("PAO01", "PAO02", "PAS01", "CAF01", "CAF02", "BEB01", "BEB03", "MER01", "MER03",
         "FRU01", "HIG01", "SRV01")


def count(app) -> int:
    with app.db.read() as s:
        return s.execute(text("SELECT count(*) FROM documents WHERE series_kind = 'N'")
                         ).scalar()


def one_more(app, rng: random.Random, recent: list[str]) -> None:
    roll = rng.random()
    try:
        if roll < 0.03 and recent:
            # The whole first line: partial credits of one line can add up to a cent more
            # than it was sold for (each rounded on its own), which 'saft validate' flags
            # — a matter of the credit note's rules, not of the store.
            app.credit(rng.choice(recent), "Devolução", [(1, None)])
            return
        if roll < 0.05 and recent:
            app.cancel(recent.pop(rng.randrange(len(recent))), "Engano")
            return
    except PosError:              # credited or cancelled already: sell instead
        pass
    items = [(rng.choice(CODES), rng.randint(1, 3)) for _ in range(rng.randint(1, 4))]
    if roll > 0.95:
        app.sell_items(items, "FT", make_customer("123456789", "Cliente da Loja, Lda.",
                                                  "Rua 1", "Lisboa"))
    else:
        doc = app.sell_items(items, payments=(("NU", None),))
        recent.append(doc.document_no)
        del recent[:-50]


def main() -> int:
    db, wanted = sys.argv[1], int(sys.argv[2])
    rng = random.Random(os.getpid())
    app = open_app(db, store_link=lambda a: StoreSyncLink(
        a, background=True, interval=0.2, pull_every=2.0, batch=500, max_backoff=2.0))
    recent: list[str] = []
    have = count(app)
    while have < wanted:
        one_more(app, rng, recent)
        have = count(app)
    while app.store_health().pending:      # everything owed reaches the store
        time.sleep(0.2)
    app.close()
    print(f"done {have}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
