"""Who works at the till: signing in, supervisor approvals, sensitive actions on record;
and what the sale screen browses: categories, products, customers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from pos.domain.documents import Customer, ProductSnapshot
from pos.domain.errors import ValidationError
from pos.domain.fields import sort_key
from pos.persistence.models import Category, Product, User
from pos.persistence.models import Customer as CustomerRow
from pos.services import catalogue, staff

from .base import Base

SUPERVISORS = ("supervisor", "manager", "admin")


@dataclass(frozen=True)
class UserInfo:
    login: str
    name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        """Supervisors, managers and admins approve what a cashier may not do alone (the
        exact rights of each role: ``Application.may``)."""
        return self.role in SUPERVISORS


class PeopleMixin(Base):
    # ---- people ----------------------------------------------------------------------
    def users(self) -> list[UserInfo]:
        with self._read() as uow:
            rows = uow.session.execute(select(User.login, User.name, User.role)
                                       .where(User.active)
                                       .order_by(User.role == "admin", User.name)).all()
        return [UserInfo(*r) for r in rows]

    def sign_in(self, login: str, pin: str) -> UserInfo:
        """A PIN for signing in. Wrong PINs are counted and journaled; after
        ``roles.MAX_WRONG_PINS`` in a row the user is locked out for a while."""
        with self._write() as uow:
            now = self.clock.now()
            user, refused = staff.attempt(uow, login, pin, now)
            if user is not None:
                uow.audit.append(now, user.login, "login", "")
                info = UserInfo(user.login, user.name, user.role)
        if user is None:          # raised after the commit: the count of wrong PINs stays
            raise ValidationError(refused)
        return info

    def approve(self, login: str, pin: str, action: str) -> UserInfo:
        """A supervisor's PIN for ``action``; journaled with who approved it. Wrong PINs
        count towards the same lock-out as signing in (and are journaled)."""
        with self._write() as uow:
            now = self.clock.now()
            user, refused = staff.attempt(uow, login, pin, now, "pin_failed", action[:200])
            if user is not None:
                if user.role not in SUPERVISORS:
                    raise ValidationError(f"{user.name} não pode autorizar: peça a um gerente.")
                uow.audit.append(now, user.login, "approval", action[:200])
                info = UserInfo(user.login, user.name, user.role)
        if user is None:
            raise ValidationError(refused)
        return info

    # ---- the product grid ------------------------------------------------------------
    def categories(self) -> list[str]:
        """Categories with products on sale, in the order the back office set (categories
        it hid are left out; any it does not know come last, in reading order)."""
        with self._read() as uow:
            rows = uow.session.execute(
                select(Product.category, Category.position, Category.active)
                .outerjoin(Category, Category.name == Product.category)
                .where(Product.active).distinct()).all()
        shown = [(pos, name) for name, pos, active in rows if active is not False]
        return [name for _, name in sorted(
            shown, key=lambda r: (r[0] is None, r[0] or 0, sort_key(r[1])))]

    def category_products(self, category: str, limit: int = 200) -> list[ProductSnapshot]:
        with self._read() as uow:
            rows = uow.session.scalars(select(Product).where(
                Product.active, Product.category == category).order_by(Product.name)
                .limit(limit))
            return sorted((catalogue.snapshot(p) for p in rows), key=lambda p: sort_key(p.name))

    def search_products(self, text: str, limit: int = 48) -> list[ProductSnapshot]:
        """Products whose name or code contains ``text`` (or whose barcode is ``text``), for
        the search box: names starting with the text first, then in reading order.

        Speed over completeness while the cashier types: SQL stops at the first ``limit``
        matches instead of sorting the whole catalogue (50,000 products: under 1 ms instead
        of ~50 ms); with more matches than fit, typing more narrows them. SQLite's LIKE is
        already case-insensitive (ASCII, as ``lower()`` would be); PostgreSQL needs ILIKE.
        """
        text = text.strip()
        if not text:
            return []
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"

        def contains(column):
            if self.db.is_sqlite:
                return column.like(pattern, escape="\\")
            return column.ilike(pattern, escape="\\")

        with self._read() as uow:
            rows = uow.session.scalars(select(Product).where(
                Product.active, or_(contains(Product.name), contains(Product.code),
                                    Product.barcode == text)).limit(limit))
            found = [catalogue.snapshot(p) for p in rows]
        key = sort_key(text)
        return sorted(found, key=lambda p: (not sort_key(p.name).startswith(key),
                                            sort_key(p.name)))

    def customer(self, nif: str) -> Customer | None:
        """A customer already in the file (kept by issuing), to fill name and address."""
        with self._read() as uow:
            row = uow.session.scalars(select(CustomerRow).where(CustomerRow.nif == nif)
                                      .order_by(CustomerRow.id)).first()
            if row is None:
                return None
            return Customer(row.nif, row.name, row.address, row.city, row.postal_code,
                            row.country)
