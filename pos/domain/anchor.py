"""The anchor: what a till has recorded, kept outside its database.

A database can be edited, or replaced by an older copy of itself, by anyone who has the
file; the chains inside it then still agree with each other. The anchor is a record of each
till's chain heads and series numbers written *outside* the file (an append-only file in
another folder, the OS key store, and the central store and AT when reachable), so a
database found behind its anchor — fewer entries, a rewritten entry, a series whose last
number went back — is caught at the next start.

An anchor only moves forward; the one way back is an administrator's acknowledgement of a
rollback (the ``epoch`` then goes up, and both the journal and the anchor say so).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


@dataclass(frozen=True)
class AnchorState:
    shop: str
    till: str
    epoch: int = 0
    documents: Head | None = None
    journal: Head | None = None
    series: dict[str, tuple[int, str]] = field(default_factory=dict)  # label: (n, hash[:16])
    seal_keys: tuple[str, ...] = ()        # fingerprints of every seal key seen
    at: str = ""

    def to_json(self) -> str:
        return json.dumps({
            "shop": self.shop, "till": self.till, "epoch": self.epoch,
            "documents": _head_out(self.documents), "journal": _head_out(self.journal),
            "series": {k: list(v) for k, v in sorted(self.series.items())},
            "seal_keys": list(self.seal_keys), "at": self.at,
        }, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> AnchorState:
        d = json.loads(text)
        return cls(d["shop"], d["till"], int(d.get("epoch", 0)), _head_in(d.get("documents")),
                   _head_in(d.get("journal")),
                   {k: (int(v[0]), str(v[1])) for k, v in d.get("series", {}).items()},
                   tuple(d.get("seal_keys", ())), d.get("at", ""))


def _head_out(head: Head | None):
    return None if head is None else [head.seq, head.hash]


def _head_in(value) -> Head | None:
    return None if not value else Head(int(value[0]), str(value[1]))


def advanced(state: AnchorState, *, documents: Head | None = None, journal: Head | None = None,
             series: dict[str, tuple[int, str]] | None = None, at: str = "") -> AnchorState:
    """``state`` moved on by what one unit of work appended (never moved back)."""
    def later(old: Head | None, new: Head | None) -> Head | None:
        if new is None or (old is not None and old.seq > new.seq):
            return old
        return new

    merged = dict(state.series)
    for label, (number, digest) in (series or {}).items():
        if number >= merged.get(label, (0, ""))[0]:
            merged[label] = (number, digest)
    return replace(state, documents=later(state.documents, documents),
                   journal=later(state.journal, journal), series=merged,
                   at=at or state.at)


CHAIN_NAMES = {"documents": "cadeia de documentos", "journal": "diário"}


def behind(db: AnchorState, anchor: AnchorState, hash_at: dict[str, str | None],
           source: str) -> list[tuple[str, bool]]:
    """Why the database ``db`` is behind ``anchor`` (read from ``source``): (words, whether
    document numbers could be issued twice — documents or series behind); empty when it is
    level with it or ahead. ``hash_at[chain]`` is the database's hash of its entry at the
    anchored sequence number (None when it has no such entry)."""
    out: list[tuple[str, bool]] = []
    for chain in ("documents", "journal"):
        anchored: Head | None = getattr(anchor, chain)
        if anchored is None:
            continue
        mine: Head | None = getattr(db, chain)
        name = CHAIN_NAMES[chain]
        numbers = chain == "documents"
        if mine is None or mine.seq < anchored.seq:
            out.append((f"{name} da caixa {db.till} termina no registo "
                        f"{mine.seq if mine else 0}, mas a âncora ({source}) regista "
                        f"{anchored.seq}: registos apagados ou cópia antiga da base de dados",
                        numbers))
        elif hash_at.get(chain) != anchored.hash:
            out.append((f"{name} da caixa {db.till}: o registo {anchored.seq} não é o que a "
                        f"âncora ({source}) regista: reescrito ou substituído", numbers))
    for label, (number, _digest) in sorted(anchor.series.items()):
        have = db.series.get(label, (0, ""))[0]
        if have < number:
            out.append((f"série {label}: a âncora ({source}) regista o n.º {number}, a base "
                        f"de dados só chega ao n.º {have}: números já emitidos seriam "
                        "repetidos", True))
    unknown = [k for k in db.seal_keys if anchor.seal_keys and k not in anchor.seal_keys]
    if unknown:
        out.append((f"chave de selagem {unknown[0]} desconhecida da âncora ({source}): chave "
                    "acrescentada fora do programa", False))
    return out
