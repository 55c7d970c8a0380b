"""A local stand-in for AT's webservices, for tests and demos. THIS IS NOT AT."""

from .cli import main
from .pki import SandboxPKI, generate_pki
from .server import DEFAULT_USERS, ATSandbox, Fault, Received

__all__ = ["ATSandbox", "DEFAULT_USERS", "Fault", "Received", "SandboxPKI", "generate_pki",
           "main"]
