"""A store with many tills, on its central database: set-up, the store's office, tills joining
(called by the joining till's ``attach_to_store``), and the store's view of replication.

The central database acts for no selling till: ``open_app`` makes it act for the store's
office (pos.services.store.central.OFFICE), whose sealed journal records what the back
office changes there."""

from __future__ import annotations

from pos.services import sealing
from pos.services.store import central, master

from .base import Base


class StoreCentralMixin(Base):
    _store: bool | None = None

    def is_store(self) -> bool:
        """Whether this database is a store's central one (``caixa store init``)."""
        if self._store is None:
            if self.db.is_sqlite:
                self._store = False
            else:
                with self._read() as uow:
                    self._store = central.is_store(uow)
        return self._store

    def store_init(self) -> central.InitReport:
        """Make this PostgreSQL database a store's central one (again after an upgrade)."""
        with self._write() as uow:
            report = central.init(uow)
        self._store = True
        self.store_office()
        return report

    def store_office(self) -> bool:
        """Create the store's office (its journal, sealed with a seal key of its own) once
        the store has a company; True when it did. The office's seal key is kept like a
        shop's (its passphrase in this machine's key store)."""
        with self._read() as uow:
            if central.office(uow) is not None:
                return False
            establishment = central.office_establishment(uow)
        if establishment is None:
            return False
        now = self.clock.now()
        with self._write() as uow:
            shop = self.keys.shop_uuid_in(uow)
            ref = central.make_office(uow, establishment, now)
            version, fingerprint = self.keys.seal_key_in(uow, shop)
            sealing.record_setup(uow, now, "sistema", shop, version, fingerprint)
        self._adopt(ref)
        self._shop = shop
        return True

    def store_status(self) -> list[central.TillStatus]:
        with self._read() as uow:
            return central.status(uow)

    def store_conflicts(self) -> list[central.ConflictInfo]:
        with self._read() as uow:
            return central.conflicts(uow)

    def store_problems(self) -> list[tuple[str, str, str, str]]:
        with self._read() as uow:
            return central.problems(uow)

    def store_reapply(self) -> int:
        with self._write() as uow:
            return central.reapply(uow)

    # ---- a till joining (its ``attach_to_store`` calls these, as the store's owner) -------
    def store_join_problems(self, code: str, facts: central.JoinFacts) -> list[str]:
        with self._read() as uow:
            return central.join_problems(uow, code, facts)

    def store_heads(self, code: str) -> dict[str, tuple[int, str]]:
        with self._read() as uow:
            return central.held_heads(uow, code)

    def store_enrol(self, code: str, name: str, establishment: str, takeover: bool = False
                    ) -> central.Credentials:
        with self._write() as uow:
            return central.enrol(uow, code, name, establishment, self.clock.now(), takeover)

    def store_seed(self, rows: dict[str, list[dict]], shop: str | None) -> int:
        """Fill an empty store's master data from its first till, which also gives the
        store its identity (the shop's), then create the store's office."""
        with self._write() as uow:
            count = master.seed(uow, rows)
            if shop and not uow.settings.get("shop_uuid"):
                uow.settings.put("shop_uuid", shop)
        self._shop = None
        self.store_office()
        return count

    def master_snapshot(self) -> dict[str, list[dict]]:
        with self._read() as uow:
            return master.snapshot(uow)

    def master_keys(self) -> dict[str, set[str]]:
        """Product codes and customer NIFs this database holds."""
        rows = self.master_snapshot()
        return {"products": {r["code"] for r in rows["products"]},
                "customers": {r["nif"] for r in rows["customers"]}}

    def store_seal_verifiers(self) -> dict[int, dict]:
        """Each till's seal keys as it sent them (``verify`` on the central database)."""
        with self._read() as uow:
            return central.seal_verifiers(uow)
