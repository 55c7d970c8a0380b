"""What every part of the application facade shares: the database, the till it acts for,
and the adapters (clock, signer, printer, AT link) that ``pos.bootstrap`` hands it."""

from __future__ import annotations

from pos.persistence.db import Database
from pos.persistence.uow import TillRef, UnitOfWork
from pos.services.keys import KeyService
from pos.services.ports import AtLink, Clock, NoAtLink, NoPrinter, Printer


class Base:
    def __init__(self, db: Database, till: TillRef | None, clock: Clock, keys: KeyService,
                 printer: Printer | None = None, at_link: AtLink | None = None):
        self.db, self._till, self.clock, self.keys = db, till, clock, keys
        self.printer: Printer = printer or NoPrinter()
        self.at_link: AtLink = at_link or NoAtLink()

    # ---- units of work ---------------------------------------------------------------
    def _write(self) -> UnitOfWork:
        """A write unit for this till: ``with self._write() as uow: ...`` commits at the end
        of the block, rolls back on any exception."""
        return UnitOfWork(self.db, self._till, write=True)

    def _read(self, snapshot: bool = False) -> UnitOfWork:
        return UnitOfWork(self.db, self._till, write=False, snapshot=snapshot)

    def unit(self, write: bool) -> UnitOfWork:
        """A unit of work for this till (for the core's own tools: key service, bulk data)."""
        return self._write() if write else self._read()

    # ---- the till --------------------------------------------------------------------
    @property
    def till(self) -> TillRef | None:
        return self._till

    def _adopt(self, till: TillRef) -> None:
        """Set-up created this process's till: act for it from now on."""
        self._till = till

    def _kick(self) -> None:
        """Tell the AT sender there is a new duty; never fails the use case that made it."""
        try:
            self.at_link.kick()
        except Exception:     # noqa: S110 - a committed sale must not turn into an error
            pass

    def close(self) -> None:
        """Stop the AT sender and release the database (at exit)."""
        self.at_link.close()
        self.db.dispose()
