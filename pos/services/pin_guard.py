"""Wrong PINs are counted; after ``MAX_WRONG_PINS`` in a row the user is locked out.

A PIN has 4 to 8 digits: without a limit a person at the till could try them all. The count
is per user (one PIN, whichever till it is typed on), kept in ``pin_failures`` and reset by
a right PIN; the lock-out lasts ``LOCK_MINUTES`` and is audited. Signing in and a
supervisor's approval go through the same check.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pos.persistence.models import PinFailure, User
from pos.persistence.uow import UnitOfWork

from .users import check_pin, get

MAX_WRONG_PINS = 5
LOCK_MINUTES = 15


def attempt(uow: UnitOfWork, login: str, pin: str, now: datetime) -> tuple[User | None, str]:
    """Check ``pin`` for ``login``: (the user, "") or (None, the sentence why refused).

    The caller commits either way (so the count survives) and raises after the commit. The
    wrong PIN and the lock-out are put on record in the same unit of work."""
    user = get(uow, login)
    row = uow.session.get(PinFailure, login)
    if row is not None and row.locked_until is not None and now < row.locked_until:
        return None, (f"{user.name} está bloqueado até {row.locked_until:%H:%M} por PIN "
                      "errado repetido: espere ou peça a um gerente.")
    if check_pin(user.pin_hash, pin or ""):
        if row is not None:
            uow.session.delete(row)
        return user, ""
    if row is None:
        row = PinFailure(login=login, failures=0)
        uow.session.add(row)
    row.failures = (row.failures or 0) + 1
    row.locked_until = None
    uow.audit.append(now, login, "login_failed", f"wrong PIN {row.failures}")
    if row.failures >= MAX_WRONG_PINS:
        row.locked_until = now + timedelta(minutes=LOCK_MINUTES)
        row.failures = 0
        uow.audit.append(now, login, "user_locked",
                         f"{login} until {row.locked_until:%Y-%m-%dT%H:%M:%S}")
        return None, (f"PIN errado {MAX_WRONG_PINS} vezes seguidas: {user.name} fica "
                      f"bloqueado até {row.locked_until:%H:%M}.")
    left = MAX_WRONG_PINS - row.failures
    return None, f"PIN errado ({left} tentativa{'s' if left > 1 else ''} antes do bloqueio)."
