"""The application facade: the one door every interface goes through.

The till, the back office, the CLI, the AT sender and store replication call an
``Application`` built once by ``pos.bootstrap.open_app`` with its adapters (clock, signer,
printer, AT link). Use cases are named by what a person does, take plain values and return
frozen values; each runs in its own unit of work scoped to the till the process acts for.
No module outside ``pos`` imports SQLAlchemy or opens a session.
"""

from .app import Application

__all__ = ["Application"]
