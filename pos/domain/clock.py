"""The till's clock, judged before every document (D8632 §3.4.3 and more).

A document's SystemEntryDate comes from the machine's clock, which anyone can set. Three
references say when it is wrong:

- the till's last document (its high-water mark): a clock **behind** it;
- a **forward jump** beyond ``window`` since the last document (a clock run ahead signs
  documents dated in the future, and then the series cannot go on until that day comes);
- the last time **AT's servers** reported (the HTTPS ``Date`` of their answers, recorded by
  the AT link): true time is never before it, and a clock that disagreed with it by more
  than ``tolerance`` when it was received was wrong then.

A forward jump is accepted without asking when AT's time, received after the last document,
agreed with the clock (a ``window`` of 0 turns the forward-jump rule off). Otherwise a
manager confirms (journaled) and the confirmation holds for ``CONFIRMATION`` minutes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

TOLERANCE = timedelta(minutes=5)
CONFIRMATION = timedelta(minutes=15)


@dataclass(frozen=True)
class AtTime:
    """AT's server time (local, naive) and this till's clock when it was received."""

    server: datetime
    local: datetime

    @property
    def offset(self) -> timedelta:
        return self.local - self.server

    def to_json(self) -> str:
        return json.dumps({"server": self.server.isoformat(), "local": self.local.isoformat()})

    @classmethod
    def from_json(cls, text: str) -> AtTime | None:
        try:
            d = json.loads(text)
            return cls(datetime.fromisoformat(d["server"]), datetime.fromisoformat(d["local"]))
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class Confirmation:
    """A manager said the clock was right when it read ``clock``."""

    clock: datetime
    by: str

    def to_json(self) -> str:
        return json.dumps({"clock": self.clock.isoformat(), "by": self.by})

    @classmethod
    def from_json(cls, text: str) -> Confirmation | None:
        try:
            d = json.loads(text)
            return cls(datetime.fromisoformat(d["clock"]), d["by"])
        except (ValueError, KeyError, TypeError):
            return None

    def covers(self, now: datetime) -> bool:
        return timedelta(0) <= now - self.clock <= CONFIRMATION


def _fmt(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def needs_confirmation(now: datetime, last_entry: datetime | None, window: timedelta,
                       at_time: AtTime | None, tolerance: timedelta = TOLERANCE
                       ) -> str | None:
    """Why a manager must confirm the clock before the next document, or None."""
    if last_entry is not None and now < last_entry:
        return (f"O relógio do sistema ({_fmt(now)}) está atrás do último documento emitido "
                f"({_fmt(last_entry)}).")
    if at_time is not None:
        if now < at_time.server - tolerance:
            return (f"O relógio do sistema ({_fmt(now)}) está atrás da hora que os servidores "
                    f"da AT já indicaram ({_fmt(at_time.server)}).")
        if abs(at_time.offset) > tolerance and at_time.local <= now:
            minutes = int(abs(at_time.offset).total_seconds() // 60)
            return (f"O relógio do sistema diferia {minutes} min da hora dos servidores da AT "
                    f"({_fmt(at_time.server)}).")
    if last_entry is not None and window > timedelta(0) and now - last_entry > window:
        vouched = at_time is not None and last_entry < at_time.local <= now \
            and abs(at_time.offset) <= tolerance
        if not vouched:
            hours = int((now - last_entry).total_seconds() // 3600)
            return (f"O relógio do sistema ({_fmt(now)}) avançou {hours} h desde o último "
                    f"documento ({_fmt(last_entry)}), mais do que as "
                    f"{int(window.total_seconds() // 3600)} h permitidas sem confirmação.")
    return None
