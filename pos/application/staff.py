"""Users, roles and what each role may do (the back office's "Utilizadores" area, the CLI's
``caixa user``), and the checks the till and back office make before a sensitive action.

``user`` in every method is the login of the person acting: the change is refused unless
their role may do it, and it is audited under their name.
"""

from __future__ import annotations

from decimal import Decimal

from pos.domain.errors import PosError, ValidationError
from pos.domain.money import to_decimal
from pos.domain.roles import Permission
from pos.services import staff
from pos.services.staff import RoleRights, StaffMember

from .base import Base
from .people import UserInfo


class StaffMixin(Base):
    # ---- the list --------------------------------------------------------------------
    def staff(self, include_inactive: bool = False) -> list[StaffMember]:
        """Every user (active ones unless ``include_inactive``), by name."""
        with self._read() as uow:
            return staff.listing(uow, include_inactive)

    def staff_member(self, login: str) -> StaffMember:
        with self._read() as uow:
            return staff.member(staff.find(uow, login))

    # ---- changes (role 'users': administrators by default) ---------------------------
    def add_user(self, login: str, name: str, role: str, pin: str, user: str = "admin"
                 ) -> StaffMember:
        with self._write() as uow:
            staff.require(uow, user, "users")
            return staff.add(uow, login, name, role, pin, self.clock.now(), user)

    def update_user(self, login: str, *, name: str | None = None, role: str | None = None,
                    active: bool | None = None, user: str = "admin") -> StaffMember:
        """Name, role, or whether the user may sign in; the login never changes."""
        with self._write() as uow:
            staff.require(uow, user, "users")
            return staff.update(uow, login, self.clock.now(), user, name=name, role=role,
                                active=active)

    def set_pin(self, login: str, pin: str, user: str = "admin",
                current_pin: str | None = None) -> None:
        """A new PIN: by the user themself (giving ``current_pin``) or by an administrator."""
        now = self.clock.now()
        if user == login and current_pin is not None:
            with self._write() as uow:
                found, refused = staff.attempt(uow, login, current_pin, now)
                if found is not None:
                    staff.set_pin(uow, login, pin, now, user)
            if found is None:
                raise ValidationError(refused)
            return
        with self._write() as uow:
            staff.require(uow, user, "users")
            staff.set_pin(uow, login, pin, now, user)

    def unlock_user(self, login: str, user: str = "admin") -> bool:
        """Lift a lock-out after repeated wrong PINs (a manager may: 'back_office')."""
        with self._write() as uow:
            staff.require(uow, user, "back_office")
            return staff.unlock(uow, login, self.clock.now(), user)

    # ---- what each role may do -------------------------------------------------------
    def role_rights(self) -> list[RoleRights]:
        with self._read() as uow:
            return staff.rights(uow)

    def set_permission(self, role: str, action: str, allowed: bool, limit: object = None,
                       user: str = "admin") -> Permission:
        """Change what ``role`` may do; ``limit`` is the discount's largest %."""
        with self._write() as uow:
            staff.require(uow, user, "users")
            return staff.set_permission(uow, role, action, allowed, limit,
                                        self.clock.now(), user)

    def may(self, login: str, action: str, amount: object = None) -> bool:
        """Whether ``login`` may do ``action`` on their own (a discount: ``amount`` %)."""
        value = None if amount is None else to_decimal(amount, "valor")
        with self._read() as uow:
            try:
                staff.require(uow, login, action, value)
            except PosError:         # not allowed, or no such active user
                return False
            return True

    def authorize(self, login: str, pin: str, action: str, amount: object = None,
                  detail: str = "") -> UserInfo:
        """Someone whose role may do ``action`` confirms it with their PIN (a discount over
        the cashier's limit, a drawer without sale...). Audited; wrong PINs count towards
        the lock-out."""
        value: Decimal | None = None if amount is None else to_decimal(amount, "valor")
        with self._write() as uow:
            now = self.clock.now()
            found, refused = staff.attempt(uow, login, pin, now)
            if found is not None:
                staff.require(uow, login, action, value)
                note = f"{action}" + (f" {value}" if value is not None else "")
                uow.audit.append(now, login, "approval", f"{note} {detail}".strip()[:200])
                info = UserInfo(found.login, found.name, found.role)
        if found is None:
            raise ValidationError(refused)
        return info
