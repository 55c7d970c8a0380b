"""Closures and perpetual grand totals (the strictest regimes' rules, NF525 first).

Each till closes periods: a **Z** (the end of a cash period, numbered 1, 2, 3…), then every
finished **day**, **month** and **year**. A closure carries the totals of its period and the
till's perpetual grand totals — the previous closure's, plus these — so a document removed
afterwards no longer adds up with a sealed closure, and the totals of a till since its first
day are always at hand. Closures are sealed journal entries.

Totals of a period, per mode (``N``: fiscal series, N and R; ``F``: training):

- ``net``, ``tax``, ``gross``: documents issued in the period that sell (FS, FR, FT, ND) minus
  credit notes (NC), cancelled or not (they were issued);
- ``credits``: the absolute total of the credit notes issued in the period;
- ``cancellations``: the absolute total of the documents cancelled in the period (whenever
  they were issued). Sales after cancellations are ``gross - cancellations``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .money import ZERO

SELLING = ("FS", "FR", "FT", "ND")
CREDITING = ("NC",)
KINDS = ("Z", "day", "month", "year")
MODES = ("N", "F")


@dataclass(frozen=True)
class Totals:
    documents: int = 0
    net: Decimal = ZERO
    tax: Decimal = ZERO
    gross: Decimal = ZERO
    credits: Decimal = ZERO
    cancellations: Decimal = ZERO

    def __add__(self, other: Totals) -> Totals:
        return Totals(self.documents + other.documents, self.net + other.net,
                      self.tax + other.tax, self.gross + other.gross,
                      self.credits + other.credits, self.cancellations + other.cancellations)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "net": str(self.net), "tax": str(self.tax),
                "gross": str(self.gross), "credits": str(self.credits),
                "cancellations": str(self.cancellations)}

    @classmethod
    def from_dict(cls, d: dict) -> Totals:
        return cls(int(d.get("documents", 0)), Decimal(d.get("net", "0")),
                   Decimal(d.get("tax", "0")), Decimal(d.get("gross", "0")),
                   Decimal(d.get("credits", "0")), Decimal(d.get("cancellations", "0")))


def mode_of(series_kind: str) -> str:
    return "F" if series_kind == "F" else "N"


class Accumulator:
    """Adds documents and cancellations up into totals per mode."""

    def __init__(self):
        self.by_mode: dict[str, Totals] = {m: Totals() for m in MODES}

    def document(self, doc_type: str, series_kind: str, net: Decimal, tax: Decimal,
                 gross: Decimal) -> None:
        if doc_type in SELLING:
            t = Totals(1, net, tax, gross)
        elif doc_type in CREDITING:
            t = Totals(1, -net, -tax, -gross, credits=abs(gross))
        else:
            return
        m = mode_of(series_kind)
        self.by_mode[m] = self.by_mode[m] + t

    def cancellation(self, doc_type: str, series_kind: str, gross: Decimal) -> None:
        if doc_type in SELLING + CREDITING:
            m = mode_of(series_kind)
            self.by_mode[m] = self.by_mode[m] + Totals(cancellations=abs(gross))


@dataclass(frozen=True)
class Closure:
    kind: str                     # Z | day | month | year
    number: int                   # per kind and till: 1, 2, 3…
    period: str                   # Z: start/end; day 2026-03-14; month 2026-03; year 2026
    start: datetime               # exclusive for Z (the previous Z's end), inclusive else
    end: datetime
    totals: dict[str, Totals] = field(default_factory=dict)     # by mode
    grand: dict[str, Totals] = field(default_factory=dict)      # perpetual, by mode
    user: str = "sistema"

    @property
    def journal_kind(self) -> str:
        return "closure_z" if self.kind == "Z" else f"closure_{self.kind}"

    def detail(self) -> str:
        """The journal entry: a line of words, then the data (what is sealed)."""
        n, g = self.totals.get("N", Totals()), self.grand.get("N", Totals())
        head = (f"{self.kind} {self.number} {self.period}: total {n.gross} € "
                f"(perpétuo {g.gross} €)")
        data = {"kind": self.kind, "number": self.number, "period": self.period,
                "start": self.start.isoformat(), "end": self.end.isoformat(),
                "totals": {m: t.to_dict() for m, t in self.totals.items()},
                "grand": {m: t.to_dict() for m, t in self.grand.items()}}
        return head + "\n" + json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_detail(cls, detail: str, user: str = "sistema") -> Closure:
        d = json.loads(detail.split("\n", 1)[1])
        return cls(d["kind"], int(d["number"]), d["period"], datetime.fromisoformat(d["start"]),
                   datetime.fromisoformat(d["end"]),
                   {m: Totals.from_dict(t) for m, t in d["totals"].items()},
                   {m: Totals.from_dict(t) for m, t in d["grand"].items()}, user)


def carried(previous: Closure | None, totals: dict[str, Totals]) -> dict[str, Totals]:
    """The perpetual grand totals after a period: the previous closure's plus these."""
    before = previous.grand if previous else {}
    return {m: before.get(m, Totals()) + totals.get(m, Totals()) for m in MODES}


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def z_end(detail: str | None) -> datetime:
    """Where a till's period without a Z starts: the end of its last Z (the journal entry's
    detail), or long ago when it never had one."""
    return datetime.fromisoformat(json.loads(detail.split("\n", 1)[1])["end"]) \
        if detail else datetime(1970, 1, 1)
