"""Sub-command modules of the CLI; each has ``register(subparsers)``.

Modules are imported lazily by name so a missing optional part never breaks the CLI.
"""

import importlib

MODULES = ["core", "custody", "printing", "saft", "manual", "gui", "sync", "reference",
           "selftest", "transport", "master", "settings", "backoffice", "store", "mail"]


# Which modules register each command (tests/shop/test_cli.py keeps it true): a command
# line that names its command imports only those (``caixa sell`` never loads the back
# office's commands, nor AT's or the printer's).
COMMANDS: dict[str, list[str]] = {
    **dict.fromkeys(("init", "demo", "sell", "products", "documents", "show", "cancel",
                     "credit-note", "verify", "keys", "training", "session-rule"), ["core"]),
    "series": ["core", "sync"],
    **dict.fromkeys(("backup", "archive", "clock", "closures", "journal", "settings",
                     "passphrase"), ["custody"]),
    **dict.fromkeys(("print", "receipt", "printer-test"), ["printing"]),
    "saft": ["saft"],
    "manual": ["manual"],
    "gui": ["gui"],
    **dict.fromkeys(("queue", "at-sandbox"), ["sync"]),
    "at-reference": ["reference"],
    "self-test": ["selftest"],
    "transport": ["transport"],
    **dict.fromkeys(("product", "category", "customer", "user"), ["master"]),
    **dict.fromkeys(("company", "payments", "at", "printer"), ["settings"]),
    "backoffice": ["backoffice"],
    "store": ["store"], "mail": ["mail"],
}


def modules(command: str | None = None):
    """The modules registering ``command`` (every module when None or unknown)."""
    names = COMMANDS.get(command or "", MODULES)
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def finished() -> None:
    """After a command: common.finished, when the command opened anything through it."""
    import sys

    common = sys.modules.get(f"{__name__}.common")
    if common is not None:
        common.finished()
