"""A store with many tills, on a till: joining a store, and what the store's sender
(``StoreLink``, in ``sync``) calls — the next records owed, what the store answered, master
data pulled, the till's health."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pos.domain.errors import ValidationError
from pos.domain.store import (
    MasterChange,
    Receipt,
    StoreConnection,
    StoreHealth,
    StoreItem,
    SyncReport,
)
from pos.services.store import attach, central, local, master, outgoing

from .base import Base

if TYPE_CHECKING:
    from .app import Application


@dataclass(frozen=True)
class LocalStatus:
    """A till's own view of its link to the store."""

    attached: bool
    code: str
    server: str                  # host/database (no credentials)
    health: StoreHealth | None
    online: bool | None


def till_url(admin_url: str, role: str) -> str:
    """The libpq URL a till uses: the central database's address and TLS settings with the
    till's own role (TLS required unless the URL says otherwise)."""
    parts = urlsplit(admin_url)
    host = parts.netloc.rsplit("@", 1)[-1]
    query = dict(parse_qsl(parts.query))
    query.setdefault("sslmode", "require")
    return urlunsplit(("postgresql", f"{role}@{host}", parts.path, urlencode(query), ""))


def server_of(url: str) -> str:
    """host:port/database of a URL (no user, no password, no options)."""
    parts = urlsplit(url)
    return parts.netloc.rsplit("@", 1)[-1] + parts.path


class StoreTillMixin(Base):
    store_secret: Path | None = None

    # ---- joining ---------------------------------------------------------------------
    def store_join_facts(self) -> central.JoinFacts:
        if self.till is None:
            return central.JoinFacts(None, (), ())
        with self._read() as uow:
            return attach.facts(uow)

    def attach_to_store(self, store: Application, admin_url: str, code: str, name: str = "",
                        establishment: str | None = None, user: str = "admin",
                        replace: bool = False) -> attach.AttachReport:
        """Join the store whose central database ``store`` opens (as its owner): checks,
        the till's row and role there, and here the link, the triggers and the backlog.
        ``replace``: this database (the till's own, on a new machine) takes the place of
        the store's till ``code``."""
        if not self.db.is_sqlite:
            raise ValidationError("Só uma caixa com a sua própria base de dados (ficheiro "
                                  "SQLite) se liga a uma loja.")
        with self._read() as uow:
            linked = attach.link_settings(uow)
        if linked is not None and server_of(linked["url"]) != server_of(admin_url):
            raise ValidationError(f"Esta caixa já está ligada a outra loja "
                                  f"({server_of(linked['url'])}).")
        if self.till is not None and self.till.code != code:
            raise ValidationError(f"Esta caixa é a {self.till.code}: o código de uma caixa faz "
                                  "parte dos seus registos selados e não muda. Ligue-a como "
                                  f"{self.till.code}.")
        problems = store.store_join_problems(code, self.store_join_facts())
        with self._read() as uow:
            problems += [f"Esta base de dados não continua a caixa {code} da loja: {p} "
                         "(restaure a cópia de segurança dessa caixa, ou ligue esta como uma "
                         "caixa nova)." for p in attach.continues(uow, store.store_heads(code))]
        if problems:
            raise ValidationError("Esta caixa não pode entrar na loja:\n" +
                                  "\n".join(f"- {p}" for p in problems))
        configured = self.till is not None and self.is_configured()
        seeded = False
        if not store.is_configured():
            if not configured:
                raise ValidationError("A loja ainda não tem empresa nem catálogo e esta caixa "
                                      "também não: ligue primeiro uma caixa configurada.")
            store.store_seed(self.master_snapshot(), self.shop_uuid())
            seeded = True
        establishment = establishment or (self.till.establishment if self.till else None) \
            or "Global"
        creds = store.store_enrol(code, name or code, establishment,
                                  takeover=replace or linked is not None)
        url = till_url(admin_url, creds.role)
        # Master data the store already has (all of it, when this till seeded it) is not
        # sent up again: only what this till alone created goes up, as new records.
        known = store.master_keys()
        mine = self.master_snapshot() if configured else {"products": [], "customers": []}
        skip = {"products": {r["code"] for r in mine["products"]
                             if r["code"] in known["products"]},
                "customers": {r["id"] for r in mine["customers"]
                              if r["nif"] in known["customers"]}}
        self._write_store_secret(creds.password)
        seal = None if self.till is not None else self._seal_new_till(creds.shop)
        with self._write() as uow:
            ref, owed = attach.join(uow, code, name, establishment, url, creds.till.id,
                                    self.clock.now(), user, skip, seal)
        self._adopt(ref)
        self._kick()
        return attach.AttachReport(ref.code, creds.till.id, owed, seeded)

    def _seal_new_till(self, shop: str | None) -> tuple[str, int, str]:
        """A new database joining: it takes the store's identity and makes its own seal key
        (sealed as its first journal entry by ``attach.join``)."""
        with self._write() as uow:
            if shop and not uow.settings.get("shop_uuid"):
                uow.settings.put("shop_uuid", shop)
        self._shop = None
        self.keys.ensure_seal_key()
        sealer = self.keys.sealer()
        fingerprint = self.keys.seal_verifiers()[sealer.version].fingerprint
        return self.keys.shop_uuid(create=True), sealer.version, fingerprint

    def _write_store_secret(self, password: str) -> None:
        path = self.store_secret
        if path is None:
            raise ValidationError("Não há onde guardar a palavra-passe da loja.")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password)
        os.replace(tmp, path)

    # ---- a till's side of replication (the sender calls these) -------------------------
    def store_connection(self) -> StoreConnection | None:
        """How this till reaches its store (None: not attached)."""
        with self._read() as uow:
            data = attach.link_settings(uow)
            if data is None:
                return None
        try:
            password = self.store_secret.read_text().strip()
        except (OSError, AttributeError):
            raise ValidationError(f"Falta a palavra-passe da loja ({self.store_secret}): "
                                  "ligue a caixa de novo (caixa store attach).") from None
        with self._read() as uow:
            return attach.connection(uow, password)

    def store_refresh(self) -> bool:
        """An attached till's triggers brought up to date (after an upgrade of Caixa)."""
        with self._read() as uow:
            data = attach.link_settings(uow)
        if data is None:
            return False
        with self._write() as uow:
            return local.install(uow, int(data["till_id"]))

    def store_claim(self, limit: int) -> list[StoreItem]:
        """The next records this till owes the store, in order (read in one snapshot; a
        record that cannot be built is parked for a manager)."""
        while True:
            with self._read() as uow:
                items, lost = outgoing.claim(uow, limit)
            if not lost:
                return items
            with self._write() as uow:
                outgoing.park_lost(uow, lost, self.clock.now())
            if items:
                return items

    def store_record(self, items: list[StoreItem], receipts: dict[str, Receipt]
                     ) -> tuple[int, int, int]:
        with self._write() as uow:
            return outgoing.record(uow, items, receipts, self.clock.now())

    def store_cursor(self) -> int:
        with self._read() as uow:
            return outgoing.cursor(uow)

    def store_apply(self, changes: list[MasterChange]) -> int:
        """Master data pulled from the store, applied at once with the new cursor."""
        with self._write() as uow:
            return master.apply(uow, changes)

    def store_health(self, error: str | None = None) -> StoreHealth:
        with self._read() as uow:
            return outgoing.health(uow, self.clock.now(), error)

    def store_purge(self) -> int:
        with self._write() as uow:
            return outgoing.purge(uow, self.clock.now())

    def store_sync(self) -> SyncReport:
        """Push what this till owes and pull master data, now."""
        return self.store_link.sync()

    def store_local_status(self) -> LocalStatus:
        with self._read() as uow:
            data = attach.link_settings(uow)
            code = uow.till.code if uow.has_till else ""
        if data is None:
            return LocalStatus(False, code, "", None, None)
        return LocalStatus(True, code, server_of(data["url"]), self.store_health(),
                           self.store_link.online())
