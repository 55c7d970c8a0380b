"""Entry point of the bundled `caixa` executable (PyInstaller): the same command line as
the one ``pip install`` makes, so `caixa gui`, `caixa self-test`... behave identically."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()        # the AT sandbox and workers may spawn processes
    # Alembic loads the migration scripts from source files inside the installation, which
    # is read-only (/opt/caixa, Program Files): never try to write __pycache__ there.
    sys.dont_write_bytecode = True
    # caixaw.exe (Windows, no console) has no standard streams: messages go nowhere
    # rather than crashing the till.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    from ui.cli import main

    sys.exit(main())
