"""Helper process for the concurrent-writer tests: open the till as it opens at start-up
(the start-up check included), then sell and record an audit event in a loop, re-running
the start-up check now and then while the other writers go on.

``python -m tests.pos.writer_loop DB COUNT NAME [TILL]``: prints the number of each
document it issued, one a line; a false alarm (IntegrityError) ends it with an error.
"""

import sys
from decimal import Decimal

from pos.bootstrap import open_app

# A journal entry a screen may write (pos.domain.journal.SCREEN_KINDS), one per sale.
WRITER_KIND = "line_voided"


def main(db: str, count: int, name: str, till: str | None) -> None:
    app = open_app(db, till=till)
    app.quick_check()
    for n in range(count):
        doc = app.sell_items([("PAO01", Decimal(1 + n % 3)), ("CAF01", Decimal(1))],
                             payments=(("NU", None),), user="caixa1")
        app.record_event("caixa1", WRITER_KIND, f"{name} {n}")
        if n % 5 == 4:
            app.quick_check()
        print(doc.document_no, flush=True)
    app.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
