"""A till selling back to back for the store's lag benchmark:
``python -m benchmarks.store_till DB SECONDS PAUSE``. The store link runs in the background
with its default settings, as the till runs it; after selling, the till waits until the
store holds everything, then prints how many documents it sold."""

import sys
import time
from itertools import cycle

from pos.bootstrap import open_app
from sync.store_link import StoreSyncLink

from .store import _carts


def main() -> int:
    db, seconds, pause = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    app = open_app(db, store_link=lambda a: StoreSyncLink(a, background=True))
    app.quick_check()
    carts = cycle(_carts(app))
    sold, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        app.sell(next(carts))
        sold += 1
        time.sleep(pause)
    while app.store_health().pending:
        time.sleep(0.1)
    app.close()
    print(sold, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
