"""What every part of the application facade shares: the database, the till it acts for,
and the adapters (clock, signer, printer, AT link, store link) that ``pos.bootstrap`` hands
it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from pos.persistence.db import Database
from pos.persistence.uow import Moved, TillRef, UnitOfWork
from pos.services.anchors import Anchors
from pos.services.keys import KeyService
from pos.services.ports import (
    AtLink,
    Clock,
    NoAtLink,
    NoPrinter,
    NoStoreLink,
    Printer,
    StoreLink,
)

log = logging.getLogger(__name__)


class Base:
    def __init__(self, db: Database, till: TillRef | None, clock: Clock, keys: KeyService,
                 printer: Printer | None = None, at_link: AtLink | None = None,
                 anchors: Anchors | None = None):
        self.db, self._till, self.clock, self.keys = db, till, clock, keys
        self.printer: Printer = printer or NoPrinter()
        self.at_link: AtLink = at_link or NoAtLink()
        self.store_link: StoreLink = NoStoreLink()
        self.anchors = anchors or Anchors(keys.vault)
        self._shop: str | None = None
        self._findings: set[str] = set()     # blocking findings this process has seen
        self._checked = False                # the start-up check ran in this process
        self._anchor_found = False
        self._upgrading = False              # sealing migration 0006's chains: nothing before it
        self.last_check = None               # what the last start-up check read (checkpoints)

    # ---- units of work ---------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[UnitOfWork]:
        """A write unit for this till: ``with self._write() as uow: ...`` commits at the end
        of the block, rolls back on any exception. What it appended to the till's chains is
        then anchored outside the database (pos.services.anchors)."""
        uow = UnitOfWork(self.db, self._till, write=True, sealer=self.keys.sealer)
        with uow:
            yield uow
        self._committed(uow.moved)

    def _committed(self, moved: Moved) -> None:
        """After a write has committed: what it appended to the till's chains is anchored
        outside the database (pos.services.anchors); a passphrase moved meanwhile is
        journaled."""
        if moved and self._till is not None:
            try:
                self._anchor(moved)
            except Exception as exc:   # noqa: BLE001 - the unit has committed: never undo it
                log.warning("anchor not advanced: %s", exc)
        if self.keys.custody_note and self._till is not None and not self._upgrading:
            self._journal_custody()

    def _journal_custody(self) -> None:
        """A passphrase file of an older version was moved into the key store while sealing
        (pos.services.keys): journaled once a unit has committed, in a unit of its own."""
        note, self.keys.custody_note = self.keys.custody_note, ""
        with self._write() as uow:
            uow.audit.append(self.clock.now(), "sistema", "key_custody", note)

    def _read(self, snapshot: bool = False) -> UnitOfWork:
        return UnitOfWork(self.db, self._till, write=False, snapshot=snapshot)

    def unit(self, write: bool):
        """A unit of work for this till (for the core's own tools: key service, bulk data)."""
        return self._write() if write else self._read()

    def shop_uuid(self) -> str | None:
        if self._shop is None:
            with self._read() as uow:
                self._shop = uow.settings.get("shop_uuid") or None
        return self._shop

    def _anchor(self, moved: Moved) -> None:
        shop = self.shop_uuid()
        if shop is None:
            return
        self.anchors.advance(shop, self._till.code, moved, self.clock.now())
        if self.anchors.due_for_vault():
            self._checkpoint()

    def _checkpoint(self) -> None:
        """The till's full state to every anchor (key store, central store too) — only once
        this process has checked the database and found nothing left unacknowledged: a
        database behind its anchor must never overwrite it."""
        from pos.services import anchors

        shop = self.shop_uuid()
        if shop is None or self._till is None or not self._checked or self._findings:
            return
        try:
            with self._read(snapshot=True) as uow:
                state = anchors.db_state(uow, shop)
        except Exception as exc:   # noqa: BLE001 - anchoring never fails a committed use case
            log.warning("anchor checkpoint skipped: %s", exc)
            return
        self.anchors.checkpoint(state)

    # ---- the till --------------------------------------------------------------------
    @property
    def till(self) -> TillRef | None:
        return self._till

    def advance_checkpoint(self) -> None:
        """Moves the till's integrity checkpoint on (IntegrityMixin)."""

    def _adopt(self, till: TillRef) -> None:
        """Set-up created this process's till: act for it from now on."""
        self._till = till

    def _kick(self) -> None:
        """Tell the AT and store senders there is something new; never fails the use case
        that made it."""
        for link in (self.at_link, self.store_link):
            try:
                link.kick()
            except Exception:     # noqa: S110 - a committed sale must not turn into an error
                pass

    def close(self) -> None:
        """Stop the AT sender, anchor the till's state (the store's copy too: the store
        link takes it before it stops) and release the database (at exit)."""
        self.at_link.close()
        self.advance_checkpoint()
        self._checkpoint()
        self.store_link.close()
        self.anchors.log.close()
        self.db.dispose()
