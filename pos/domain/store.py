"""The store's vocabulary: what a till sends up, what the central database answers, and what
comes down. Plain values (standard library only), passed between the application and the
replication sender in ``sync``.

A record travels as canonical JSON text: keys sorted, no spaces, UTF-8. Its digest is the
SHA-256 of that text, and the central database computes the same digest from the same text
(``sha256(convert_to(payload, 'UTF8'))``), so both sides agree on what "the same content"
means without trusting the sender's word for it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

STORE_KIND = "store"          # the outbox kind of records owed to the store


def canonical(payload: dict) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoreItem:
    """One record owed to the store: its outbox row, identity and content."""

    row_id: int                  # the till's outbox row (also its order: till_seq)
    key: str                     # the record's identity on every database
    entry: str                   # which kind of record (pos/services/store/registry.py)
    payload: str                 # canonical JSON
    recorded_at: datetime        # when the till recorded it (the till's clock)

    @property
    def digest(self) -> str:
        return digest(self.payload)


@dataclass(frozen=True)
class Receipt:
    """What the central database holds under a key this till sent (None: nothing visible
    to this till, i.e. another till's record under the same key)."""

    key: str
    digest: str | None
    applied: bool = False
    problem: str | None = None


@dataclass(frozen=True)
class MasterChange:
    """The newest state of one row of master data after the till's cursor (row None: the
    row was deleted centrally)."""

    seq: int
    table: str
    key: str
    row: str | None              # JSON object


@dataclass(frozen=True)
class StoreConnection:
    """How this till reaches the central database (its own role)."""

    url: str                     # libpq URL without the password
    password: str
    till_id: int                 # this till's id in the central database
    code: str


@dataclass(frozen=True)
class StoreHealth:
    """What a till reports to the store after each pass (queue health)."""

    pending: int
    oldest_pending: datetime | None
    parked: int
    at_pending: int
    at_parked: int
    cursor: int
    last_error: str | None = None


@dataclass
class SyncReport:
    """One push-and-pull pass."""

    sent: int = 0
    accepted: int = 0            # now held by the store (new or already there)
    conflicts: int = 0
    problems: int = 0            # held by the store but not applied (a manager looks)
    pulled: int = 0              # master data rows applied here
    error: str | None = None     # why the pass stopped (network, credentials)

    @property
    def ok(self) -> bool:
        return self.error is None

    def text(self) -> str:
        parts = [f"{self.sent} registo(s) enviado(s), {self.accepted} aceite(s)"]
        if self.conflicts:
            parts.append(f"{self.conflicts} em conflito")
        if self.problems:
            parts.append(f"{self.problems} por aplicar na loja")
        parts.append(f"{self.pulled} alteração(ões) de dados mestre recebida(s)")
        text = ", ".join(parts) + "."
        if self.error:
            text += f" Parou: {self.error}"
        return text
