"""A local stand-in for AT's webservices, for tests and demos. THIS IS NOT AT.

Names are loaded on first use (PEP 562): ``caixa`` registers ``at-sandbox`` from
``sync.sandbox.cli`` on every start, and must not pay for the server's imports to do so.
"""

import importlib

_WHERE = {
    "main": "cli", "parser": "cli", "run": "cli",
    "SandboxPKI": "pki", "generate_pki": "pki",
    "ATSandbox": "server", "DEFAULT_USERS": "server", "Fault": "server", "Received": "server",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
