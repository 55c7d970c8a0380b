"""Sub-command modules of the CLI; each has ``register(subparsers)``.

Modules are imported lazily by name so a missing optional part never breaks the CLI.
"""

import importlib

MODULES = ["core", "custody", "printing", "saft", "manual", "gui", "sync", "reference",
           "selftest", "transport", "master", "settings", "backoffice", "store"]


def modules():
    return [importlib.import_module(f"{__name__}.{name}") for name in MODULES]
