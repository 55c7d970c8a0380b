"""Who holds a claimed AT duty, and whether that process is still alive.

A worker that claims outbox rows writes a claim token on them: the machine, the process id,
the process's start time as the operating system reports it, and a random part naming this
one claim (two senders in one process must not mistake each other's rows for their own).
A till that starts again after a crash reads the tokens of the rows still marked as being
sent: when the process that holds them is gone from this machine, its rows are due at once
instead of waiting for their lease. A process id alone is not enough, because the system
reuses ids: the start time tells a new process with the old id from the one that claimed.

Only this machine's processes can be checked; a row held on another machine (a shared
PostgreSQL) keeps its lease, which the holder renews while it is alive.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from dataclasses import dataclass
from functools import lru_cache

MAX_TOKEN = 120
_SEP = "|"


@dataclass(frozen=True)
class Claimant:
    host: str
    pid: int
    started: str          # the OS's start time of the process ('' when it cannot be read)
    nonce: str = ""

    @property
    def token(self) -> str:
        return _SEP.join((self.host, str(self.pid), self.started, self.nonce))[:MAX_TOKEN]

    def describe(self) -> str:
        return f"processo {self.pid} em {self.host}"


def parse(token: str | None) -> Claimant | None:
    parts = (token or "").split(_SEP)
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    return Claimant(parts[0], int(parts[1]), parts[2], parts[3])


@lru_cache(maxsize=1)
def _host() -> str:
    return (socket.gethostname() or "localhost").replace(_SEP, "_")[:60]


def this_process() -> Claimant:
    pid = os.getpid()
    return Claimant(_host(), pid, start_time(pid) or "")


def new_claim() -> str:
    """A token for one claim by this process."""
    me = this_process()
    return Claimant(me.host, me.pid, me.started, secrets.token_hex(4)).token


def process_gone(token: str | None) -> bool:
    """True only when the claim's process is certainly not running any more on this machine.

    Anything that cannot be told for sure (another machine, a token this version did not
    write, a system that hides other processes' start times) reads as alive: its rows then
    wait for their lease, as before."""
    who = parse(token)
    if who is None or who.host != _host():
        return False
    now = start_time(who.pid)
    if now is None:
        return True
    return bool(who.started and now and now != who.started)


def start_time(pid: int) -> str | None:
    """The start time of process ``pid`` as an opaque string; None when there is no such
    (living) process; '' when it exists but its start time cannot be read."""
    if pid <= 0:
        return None
    if sys.platform.startswith("linux"):
        return _linux_start(pid)
    if os.name == "nt":
        return _windows_start(pid)
    return _posix_exists(pid)


def _linux_start(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            stat = f.read()
    except OSError:
        return None
    # "pid (comm) state ppid ... starttime(22nd)"; comm may hold spaces and parentheses.
    fields = stat[stat.rfind(")") + 2:].split()
    if not fields or fields[0] in ("Z", "X"):      # killed, waiting to be reaped: gone
        return None
    return fields[19] if len(fields) > 19 else ""


def _posix_exists(pid: int) -> str | None:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return ""
    return ""


def _windows_start(pid: int) -> str | None:   # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE      # not a truncated int on 64 bits
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    handle = kernel32.OpenProcess(0x1000, False, pid)   # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        # 5 = access denied: it exists but belongs to someone else.
        return "" if ctypes.get_last_error() == 5 else None
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != 259:
            return None                                    # 259 = STILL_ACTIVE
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return ""
        created = times[0]
        return str((created.dwHighDateTime << 32) | created.dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)
