"""Where a till's anchor (pos.domain.anchor) is kept outside its database, and how it is
read back and compared.

- **The anchor log**: an append-only file per till in a folder away from the data folder
  (``CAIXA_ANCHOR_DIR``; else ``$XDG_STATE_HOME/caixa/anchors`` on Linux,
  ``%PROGRAMDATA%\\Caixa\\anchors`` on Windows). After every unit of work that appended to
  the till's chains, one line with the new heads is added (no fsync: a line lost in a power
  cut only leaves the anchor behind the database, which is harmless; the database itself
  commits with synchronous=FULL first). Past 1 MB the file starts over from one full line
  (the old one is kept as ``.1``).
- **The OS key store** (pos.services.vault): the full state at checkpoints (start-up, Z,
  closures, backup, exit and every ``VAULT_EVERY`` anchored units).
- **The central store** through the ``AnchorStore`` port, at checkpoints, when the till is
  attached to a store (sync/store_link.py implements it: the store keeps each till's anchor
  and never lets it move back).
- **AT**: the last numbers AT reports for finalised series (``apply_series_sync``).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select

from pos.domain.anchor import AnchorState, Head, advanced, behind
from pos.persistence.models import AuditEvent, DocumentEvent, SealKey, Series
from pos.persistence.uow import Moved, UnitOfWork

from .vault import Vault

log = logging.getLogger(__name__)

ANCHOR_ENV = "CAIXA_ANCHOR_DIR"
MAX_LOG = 1_000_000
VAULT_EVERY = 100


class AnchorStore(Protocol):
    """The central store's copy of each till's anchor (sync/store_link.py: the store link of
    an attached till).

    ``publish`` is called at checkpoints with the till's full state; ``latest`` at start-up
    and by ``verify``. Either may raise OSError or a PosError when the store is unreachable:
    the till then goes on with its local anchors."""

    def publish(self, state: AnchorState) -> None: ...

    def latest(self, shop: str, till: str) -> AnchorState | None: ...


def default_folder() -> Path:
    forced = os.environ.get(ANCHOR_ENV)
    if forced:
        return Path(forced)
    if sys.platform == "win32":   # pragma: no cover - Windows only
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Caixa" / "anchors"
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "caixa" / "anchors"


class AnchorLog:
    """One append-only JSON-lines file per till: full states and deltas, folded on read."""

    description = "ficheiro de âncora"

    def __init__(self, folder: Path | None = None):
        self.folder = folder or default_folder()
        self._open: dict[Path, int] = {}     # path -> descriptor kept open for appending
        self._paths: dict[tuple[str, str], Path] = {}

    def path(self, shop: str, till: str) -> Path:
        key = (shop, till)
        path = self._paths.get(key)
        if path is None:
            path = self._paths[key] = self.folder / f"{shop}-{till}.log"
        return path

    def read(self, shop: str, till: str) -> AnchorState | None:
        path = self.path(shop, till)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        state = None
        for line in text.splitlines():
            try:
                item = json.loads(line)
                if "full" in item:
                    state = AnchorState.from_json(json.dumps(item["full"]))
                elif state is not None and "delta" in item:
                    d = item["delta"]
                    state = advanced(
                        state, documents=Head(*d["documents"]) if d.get("documents") else None,
                        journal=Head(*d["journal"]) if d.get("journal") else None,
                        series={k: tuple(v) for k, v in d.get("series", {}).items()},
                        at=d.get("at", ""))
            except (ValueError, KeyError, TypeError):
                continue       # a torn last line (power cut): the lines before it stand
        return state

    def _descriptor(self, path: Path) -> int:
        """The log open for appending, kept open between sales; opened again when the file
        at ``path`` is no longer the one open (restarted by another process, deleted)."""
        fd = self._open.get(path)
        if fd is not None:
            try:
                if os.stat(path).st_ino == os.fstat(fd).st_ino:
                    return fd
            except OSError:
                pass
            self._close(path)
        if not self.folder.exists():
            self.folder.mkdir(parents=True, mode=0o700)
        fd = self._open[path] = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return fd

    def _close(self, path: Path) -> None:
        fd = self._open.pop(path, None)
        if fd is not None:
            os.close(fd)

    def _write(self, path: Path, line: str) -> None:
        data = memoryview((line + "\n").encode("utf-8"))
        fd = self._descriptor(path)
        # One write(2) on an O_APPEND descriptor: the line lands whole, after any other
        # process's line (a short write, on a full disk, goes on with the rest).
        while data:
            data = data[os.write(fd, data):]

    def close(self) -> None:
        for path in list(self._open):
            self._close(path)

    def full(self, state: AnchorState) -> None:
        path = self.path(state.shop, state.till)
        if path.exists() and path.stat().st_size > MAX_LOG:
            self._close(path)
            os.replace(path, path.with_suffix(".log.1"))
        self._write(path, json.dumps({"full": json.loads(state.to_json())},
                                     separators=(",", ":")))

    def delta(self, shop: str, till: str, moved: Moved, at: datetime) -> None:
        d: dict = {"at": at.isoformat()}
        if moved.documents:
            d["documents"] = list(moved.documents[:2])
        if moved.journal:
            d["journal"] = list(moved.journal[:2])
        if moved.series:
            d["series"] = {k: list(v) for k, v in moved.series.items()}
        self._write(self.path(shop, till), json.dumps({"delta": d}, separators=(",", ":")))


class VaultAnchor:
    """The full state in the OS key store, one entry per till."""

    description = "porta-chaves do sistema"

    def __init__(self, vault: Vault):
        self.vault = vault

    @staticmethod
    def name(shop: str, till: str) -> str:
        return f"{shop}.{till}.anchor"

    def read(self, shop: str, till: str) -> AnchorState | None:
        raw = self.vault.get(self.name(shop, till))
        if not raw:
            return None
        try:
            return AnchorState.from_json(raw)
        except (ValueError, KeyError, TypeError):
            return None

    def full(self, state: AnchorState) -> None:
        self.vault.put(self.name(state.shop, state.till), state.to_json().encode("utf-8"))


# ---- the database's side -------------------------------------------------------------

def series_label(doc_type: str, series_id: str) -> str:
    return f"{doc_type} {series_id}"


def db_state(uow: UnitOfWork, shop: str) -> AnchorState:
    """This till's heads, series and seal keys as its database has them now."""
    s = uow.session
    till = uow.till

    def head(model) -> Head | None:
        row = s.execute(select(model.seq, model.hash).where(model.till_id == till.id)
                        .order_by(model.seq.desc()).limit(1)).first()
        return Head(row[0], row[1]) if row else None

    series = {series_label(t, sid): (n, (h or "")[:16]) for t, sid, n, h in s.execute(
        select(Series.doc_type, Series.series_id, Series.last_number, Series.last_hash)
        .where(Series.till_id == till.id))}
    keys = tuple(s.scalars(select(SealKey.fingerprint).order_by(SealKey.version)))
    # The epoch: how many times an administrator re-based the anchor after a rollback (the
    # one way an anchor may move back; the store's copy refuses any other).
    epoch = s.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.till_id == till.id, AuditEvent.kind == "anchor_rebased")) or 0
    return AnchorState(shop, till.code, epoch, head(DocumentEvent), head(AuditEvent), series,
                       keys)


def hashes_at(uow: UnitOfWork, anchor: AnchorState) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for chain, model in (("documents", DocumentEvent), ("journal", AuditEvent)):
        head = getattr(anchor, chain)
        if head is not None:
            out[chain] = uow.session.scalar(select(model.hash).where(
                model.till_id == uow.till.id, model.seq == head.seq))
    return out


def anchored_before(uow: UnitOfWork) -> bool:
    """Whether this till's journal says it was anchored somewhere already."""
    return bool(uow.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.till_id == uow.till.id, AuditEvent.kind == "anchor")))


class Anchors:
    """Every place this process keeps its till's anchor."""

    def __init__(self, vault: Vault, folder: Path | None = None,
                 store: AnchorStore | None = None):
        self.log = AnchorLog(folder)
        self.vault = VaultAnchor(vault)
        self.store = store
        self._since_vault = 0

    def read_all(self, shop: str, till: str) -> list[tuple[str, AnchorState | None]]:
        """(where, state or None) for each place that could be read."""
        out: list[tuple[str, AnchorState | None]] = [
            (f"{self.log.description} {self.log.path(shop, till)}", self.log.read(shop, till))]
        try:
            out.append((self.vault.description, self.vault.read(shop, till)))
        except Exception as exc:   # noqa: BLE001 - an unreadable key store is reported, not fatal
            log.warning("anchor: key store unreadable: %s", exc)
        if self.store is not None:
            try:
                out.append(("loja central", self.store.latest(shop, till)))
            except Exception as exc:   # noqa: BLE001 - the store may be offline
                log.info("anchor: central store unreachable: %s", exc)
        return out

    def compare(self, uow: UnitOfWork, shop: str,
                anchored: list[tuple[str, AnchorState | None]] | None = None
                ) -> tuple[AnchorState, list[tuple[str, bool]], bool]:
        """(the database's state, why it is behind any anchor — with whether numbers could
        be issued twice —, whether any anchor exists). ``anchored``: ``read_all``'s answer,
        read before ``uow``'s snapshot began (else read now)."""
        mine = db_state(uow, shop)
        problems: list[tuple[str, bool]] = []
        found = False
        if anchored is None:
            anchored = self.read_all(shop, uow.till.code)
        for where, anchor in anchored:
            if anchor is None:
                continue
            found = True
            problems += behind(mine, anchor, hashes_at(uow, anchor), where)
        return mine, problems, found

    def missing(self, shop: str, till: str) -> list[str]:
        """Local places that have no anchor for the till."""
        return [where for where, state in self.read_all(shop, till)[:2] if state is None]

    def advance(self, shop: str, till: str, moved: Moved, at: datetime) -> None:
        """After a commit: the new heads, appended to the log (never fails the caller)."""
        try:
            self.log.delta(shop, till, moved, at)
        except OSError as exc:
            log.warning("anchor: could not append to the anchor log: %s", exc)
        self._since_vault += 1

    def due_for_vault(self) -> bool:
        return self._since_vault >= VAULT_EVERY

    def checkpoint(self, state: AnchorState) -> None:
        """The full state everywhere: the log, the key store, the central store."""
        self._since_vault = 0
        try:
            self.log.full(state)
        except OSError as exc:
            log.warning("anchor: could not write the anchor log: %s", exc)
        try:
            self.vault.full(state)
        except Exception as exc:   # noqa: BLE001 - reported at the next start as a lag
            log.warning("anchor: could not write to the key store: %s", exc)
        if self.store is not None:
            try:
                self.store.publish(state)
            except Exception as exc:   # noqa: BLE001 - the store may be offline
                log.info("anchor: central store unreachable: %s", exc)
