"""What the cashier's screen asks of the core besides selling: who may sign in, supervisor
approvals, the product grid by category, sensitive-action audit, and the AT queue figures.

The interfaces never issue SQL (ARCHITECTURE); these are the read and audit queries the
touch screen needs, returned as small frozen values.
"""

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from pos.domain.documents import Customer, ProductSnapshot
from pos.domain.errors import ValidationError
from pos.persistence.db import Database
from pos.persistence.models import Customer as CustomerRow
from pos.persistence.models import OutboxRow, Product, User

from . import audit, catalogue, users
from .ports import Clock

SUPERVISORS = ("manager", "admin")


@dataclass(frozen=True)
class UserInfo:
    login: str
    name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        """Managers and admins may override prices, give discounts and approve returns."""
        return self.role in SUPERVISORS


@dataclass(frozen=True)
class QueueInfo:
    """Duties owed to AT that are not done yet (the outbox), as the status bar shows them."""

    pending: int
    oldest: datetime | None
    parked: int          # rejected by AT or given up: need a person, never retried blindly
    last_error: str | None


def sort_key(text: str) -> str:
    """Portuguese reading order: 'Água' with the A's, 'Pão' before 'Papo' (SQLite sorts
    binary, which puts accented letters last)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


class Desk:
    def __init__(self, db: Database, clock: Clock):
        self.db, self.clock = db, clock

    # ---- people ----------------------------------------------------------------------
    def users(self) -> list[UserInfo]:
        with self.db.read() as s:
            rows = s.execute(select(User.login, User.name, User.role).where(User.active)
                             .order_by(User.role == "admin", User.name)).all()
        return [UserInfo(*r) for r in rows]

    def sign_in(self, login: str, pin: str) -> UserInfo:
        try:
            with self.db.write() as s:
                user = users.authenticate(s, login, pin)
                audit.record(s, self.clock.now(), user.login, "login", "")
                return UserInfo(user.login, user.name, user.role)
        except ValidationError:
            self.record(login, "login_failed")    # its own transaction: the other rolled back
            raise

    def approve(self, login: str, pin: str, action: str) -> UserInfo:
        """A supervisor's PIN for ``action``; audited with who approved it."""
        with self.db.write() as s:
            user = users.authenticate(s, login, pin)
            if user.role not in SUPERVISORS:
                raise ValidationError(f"{user.name} não pode autorizar: peça a um gerente.")
            audit.record(s, self.clock.now(), user.login, "approval", action[:200])
            return UserInfo(user.login, user.name, user.role)

    def record(self, user: str, kind: str, detail: str = "") -> None:
        """Audit a sensitive action done on screen (price override, discount, sign out…)."""
        with self.db.write() as s:
            audit.record(s, self.clock.now(), user, kind, detail[:500])

    # ---- product grid ----------------------------------------------------------------
    def categories(self) -> list[str]:
        with self.db.read() as s:
            cats = s.scalars(select(Product.category).where(Product.active).distinct())
            return sorted(cats, key=sort_key)

    def category_products(self, category: str, limit: int = 200) -> list[ProductSnapshot]:
        with self.db.read() as s:
            rows = s.scalars(select(Product).where(Product.active, Product.category == category)
                             .order_by(Product.name).limit(limit))
            return sorted((catalogue.snapshot(p) for p in rows), key=lambda p: sort_key(p.name))

    def search(self, text: str, limit: int = 48) -> list[ProductSnapshot]:
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

        with self.db.read() as s:
            rows = s.scalars(select(Product).where(
                Product.active, or_(contains(Product.name), contains(Product.code),
                                    Product.barcode == text)).limit(limit))
            found = [catalogue.snapshot(p) for p in rows]
        key = sort_key(text)
        return sorted(found, key=lambda p: (not sort_key(p.name).startswith(key),
                                            sort_key(p.name)))

    def customer(self, nif: str) -> Customer | None:
        """A customer already in the file (kept by issuing), to fill name and address."""
        with self.db.read() as s:
            row = s.scalars(select(CustomerRow).where(CustomerRow.nif == nif)
                            .order_by(CustomerRow.id)).first()
            if row is None:
                return None
            return Customer(row.nif, row.name, row.address, row.city, row.postal_code,
                            row.country)

    # ---- AT queue --------------------------------------------------------------------
    def queue(self) -> QueueInfo:
        with self.db.read() as s:
            pending, oldest = s.execute(
                select(func.count(), func.min(OutboxRow.created_at))
                .where(OutboxRow.status.not_in(("done", "parked")))).one()
            parked = s.scalar(select(func.count()).select_from(OutboxRow)
                              .where(OutboxRow.status == "parked")) or 0
            error = s.scalar(select(OutboxRow.last_error)
                             .where(OutboxRow.last_error.is_not(None))
                             .order_by(OutboxRow.id.desc()).limit(1))
        return QueueInfo(pending or 0, oldest, parked, error)
