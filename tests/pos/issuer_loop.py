"""Helper process for crash and concurrency tests: issue documents in a loop."""

import sys
from decimal import Decimal

from pos.bootstrap import open_app


def main(db: str, count: int) -> None:
    app = open_app(db)
    n = 0
    while count < 0 or n < count:
        doc = app.sell_items([("PAO01", Decimal(1 + n % 3)), ("CAF01", Decimal(1))],
                             payments=(("NU", None),))
        print(doc.number, flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
