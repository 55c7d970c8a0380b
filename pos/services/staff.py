"""People who work at the shop: users, their roles and PINs, what each role may do, and
the lock-out after repeated wrong PINs.

A login is never reused nor renamed (D8632 §3.3.6: documents name the user who issued them,
SAF-T SourceID): a person who leaves is deactivated, never deleted. The last active
administrator can be neither deactivated nor demoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from pos.domain import fields, roles
from pos.domain.errors import NotFoundError, ValidationError
from pos.domain.roles import Permission
from pos.persistence.models import RolePermission, User
from pos.persistence.uow import UnitOfWork

from .users import check_pin, hash_pin

_LOGIN = re.compile(r"^[A-Za-z0-9._-]{1,30}$")


@dataclass(frozen=True)
class StaffMember:
    """A user as the back office lists them (never the PIN, not even its hash)."""

    login: str
    name: str
    role: str
    active: bool
    locked_until: datetime | None
    failed_pins: int

    @property
    def role_name(self) -> str:
        return roles.ROLE_NAMES.get(self.role, self.role)


@dataclass(frozen=True)
class RoleRights:
    role: str
    name: str
    permissions: tuple[Permission, ...]

    def get(self, action: str) -> Permission:
        return next(p for p in self.permissions if p.action == action)


def member(u: User) -> StaffMember:
    return StaffMember(u.login, u.name, u.role, u.active, u.locked_until, u.failed_pins or 0)


def check_login(login: str) -> str:
    login = (login or "").strip()
    if not _LOGIN.match(login):
        raise ValidationError(f"Identificador de utilizador inválido: {login!r} (1 a 30 letras "
                              "sem acentos, algarismos, '.', '_' ou '-').")
    return login


def find(uow: UnitOfWork, login: str, active_only: bool = False) -> User:
    q = select(User).where(User.login == login)
    if active_only:
        q = q.where(User.active)
    user = uow.session.scalars(q).first()
    if user is None:
        raise NotFoundError(f"Utilizador desconhecido: {login}.")
    return user


def listing(uow: UnitOfWork, include_inactive: bool = False) -> list[StaffMember]:
    q = select(User).order_by(User.name)
    if not include_inactive:
        q = q.where(User.active)
    return [member(u) for u in uow.session.scalars(q)]


def add(uow: UnitOfWork, login: str, name: str, role: str, pin: str, now: datetime,
        by: str) -> StaffMember:
    login = check_login(login)
    name = fields.text(name, "O nome do utilizador", 60, min_len=2)
    role = roles.role(role)
    pin = roles.check_new_pin(pin)
    taken = uow.session.scalar(select(User.login).where(
        func.lower(User.login) == login.lower()))
    if taken is not None:
        raise ValidationError(f"O identificador {taken} já existe (ou existiu: não se "
                              "reutiliza o de quem deixou a loja).")
    user = User(login=login, name=name, role=role, pin_hash=hash_pin(pin), active=True,
                failed_pins=0)
    uow.session.add(user)
    uow.audit.append(now, by, "user_added", f"{login} ({role})")
    return member(user)


def _active_admins(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.count()).select_from(User).where(
        User.active, User.role == "admin"))


def update(uow: UnitOfWork, login: str, now: datetime, by: str, *, name: str | None = None,
           role: str | None = None, active: bool | None = None) -> StaffMember:
    """Change a user's name, role or whether they may sign in (the login never changes)."""
    user = find(uow, login)
    changes = []
    if name is not None:
        new = fields.text(name, "O nome do utilizador", 60, min_len=2)
        if new != user.name:
            changes.append(f"name {user.name!r} -> {new!r}")
            user.name = new
    losing_admin = user.role == "admin" and user.active and (
        (role is not None and roles.role(role) != "admin") or active is False)
    if losing_admin and _active_admins(uow) <= 1:
        raise ValidationError(f"{user.name} é o único administrador ativo: crie outro "
                              "administrador antes de o desativar ou mudar de perfil.")
    if role is not None:
        new_role = roles.role(role)
        if new_role != user.role:
            changes.append(f"role {user.role} -> {new_role}")
            user.role = new_role
    if active is not None and bool(active) != user.active:
        changes.append("activated" if active else "deactivated")
        user.active = bool(active)
    if changes:
        uow.audit.append(now, by, "user_changed", f"{login}: {'; '.join(changes)}")
    return member(user)


def set_pin(uow: UnitOfWork, login: str, pin: str, now: datetime, by: str) -> None:
    """A new PIN (the lock-out ends with it)."""
    user = find(uow, login, active_only=True)
    user.pin_hash = hash_pin(roles.check_new_pin(pin))
    user.failed_pins, user.locked_until = 0, None
    uow.audit.append(now, by, "pin_changed", login)


def unlock(uow: UnitOfWork, login: str, now: datetime, by: str) -> bool:
    user = find(uow, login, active_only=True)
    if not user.failed_pins and user.locked_until is None:
        return False
    user.failed_pins, user.locked_until = 0, None
    uow.audit.append(now, by, "user_unlocked", login)
    return True


def attempt(uow: UnitOfWork, login: str, pin: str, now: datetime,
            kind: str = "login_failed", what: str = "") -> tuple[User | None, str]:
    """Check a PIN and keep count of wrong ones; (the user, "") or (None, why refused).

    The caller commits either way, so the count survives, then raises with the sentence:
    after ``MAX_WRONG_PINS`` wrong PINs in a row the user is locked out for
    ``LOCK_MINUTES`` (or until a manager unlocks them), and the lock-out is journaled.
    A wrong PIN is journaled as ``kind`` (signing in: login_failed; approving something:
    pin_failed, with ``what``).
    """
    user = find(uow, login, active_only=True)
    if user.locked_until is not None and now < user.locked_until:
        return None, (f"{user.name} está bloqueado até {user.locked_until:%H:%M} por PIN "
                      "errado repetido: peça a um gerente que o desbloqueie.")
    if check_pin(user.pin_hash, pin or ""):
        if user.failed_pins or user.locked_until is not None:
            user.failed_pins, user.locked_until = 0, None
        return user, ""
    user.failed_pins = (user.failed_pins or 0) + 1
    uow.audit.append(now, login, kind, f"wrong PIN {user.failed_pins}"
                     + (f": {what}" if what else ""))
    if user.failed_pins >= roles.MAX_WRONG_PINS:
        user.locked_until = (now + timedelta(minutes=roles.LOCK_MINUTES)).replace(microsecond=0)
        user.failed_pins = 0
        uow.audit.append(now, "sistema", "user_locked",
                         f"{login} until {user.locked_until:%Y-%m-%dT%H:%M:%S}")
        return None, (f"PIN errado {roles.MAX_WRONG_PINS} vezes seguidas: {user.name} fica "
                      f"bloqueado até {user.locked_until:%H:%M} (um gerente pode "
                      "desbloquear antes).")
    left = roles.MAX_WRONG_PINS - user.failed_pins
    return None, f"PIN errado ({left} tentativa{'s' if left > 1 else ''} antes do bloqueio)."


# ---- what each role may do ------------------------------------------------------------
def rights(uow: UnitOfWork) -> list[RoleRights]:
    """Every role's permissions: the defaults with the shop's changes over them."""
    changed = {(r.role, r.action): r for r in uow.session.scalars(select(RolePermission))}
    out = []
    for role in roles.ROLES:
        perms = []
        for action, default in roles.DEFAULTS[role].items():
            row = changed.get((role, action)) if role != "admin" else None
            if row is not None:
                limit = row.limit_value
                perms.append(Permission(action, row.allowed,
                                        None if limit is None else Decimal(limit)))
            else:
                perms.append(default)
        out.append(RoleRights(role, roles.ROLE_NAMES[role], tuple(perms)))
    return out


def permission_of(uow: UnitOfWork, role: str, action: str) -> Permission:
    roles.action(action)
    return next(r for r in rights(uow) if r.role == role).get(action)


def set_permission(uow: UnitOfWork, role: str, action: str, allowed: bool, limit: object,
                   now: datetime, by: str) -> Permission:
    role = roles.role(role)
    if role == "admin":
        raise ValidationError("O administrador pode tudo: as suas permissões não se mudam.")
    p = roles.permission(action, allowed, limit)
    row = uow.session.get(RolePermission, (role, p.action))
    stored = None if p.limit is None else format(p.limit, "f")
    if row is None:
        uow.session.add(RolePermission(role=role, action=p.action, allowed=p.allowed,
                                       limit_value=stored))
    else:
        row.allowed, row.limit_value = p.allowed, stored
    uow.audit.append(now, by, "permission", f"{role} {p.action} "
                     f"{'yes' if p.allowed else 'no'}" + (f" {stored}%" if stored else ""))
    return p


def require(uow: UnitOfWork, login: str, action: str, amount=None) -> User:
    """The active user ``login`` when their role may do ``action``; refused otherwise."""
    user = find(uow, login, active_only=True)
    p = permission_of(uow, user.role, action)
    if not roles.allows(p, amount):
        if p.allowed and p.limit is not None:
            raise ValidationError(f"{user.name} só pode dar descontos até "
                                  f"{p.limit.normalize():f} %: peça a um gerente.")
        what = roles.ACTIONS[action].split(" (")[0]
        raise ValidationError(f"{user.name} ({roles.ROLE_NAMES[user.role].lower()}) não pode "
                              f"{what[0].lower() + what[1:]}: peça a quem possa.")
    return user
