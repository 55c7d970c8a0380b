"""The back office's door and the actions it takes on behalf of a signed-in person, each
checked against what that person's role may do (``pos.domain.roles``) in the same unit of
work that does it, and audited under their login.

The CLI's use cases (``cancel``, ``credit``, ``add_series``, ``generate_key``…) are for
scripts and IT, who act as the user they name; a screen acts for the person who signed in
with a PIN, so these variants refuse what that person's role may not do, in one sentence.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pos.domain import roles
from pos.domain.documents import Document
from pos.domain.errors import ValidationError
from pos.services import at_series, corrections, issuing, series_admin, shop_health, staff
from pos.services.ports import PrintOutcome
from pos.services.shop_health import KeyInfo

from .base import Base
from .people import UserInfo


class BackOfficeMixin(Base):
    # ---- the door --------------------------------------------------------------------
    def open_back_office(self, login: str, pin: str) -> UserInfo:
        """A person whose role may use the back office, with their PIN (wrong PINs count
        towards the lock-out, as at the till). Audited."""
        with self._write() as uow:
            now = self.clock.now()
            found, refused = staff.attempt(uow, login, pin, now)
            if found is not None:
                staff.require(uow, login, "back_office")
                uow.audit.append(now, login, "back_office", "signed in")
                info = UserInfo(found.login, found.name, found.role)
        if found is None:
            raise ValidationError(refused)
        return info

    def rights(self, login: str) -> frozenset[str]:
        """What ``login`` may do on their own (actions of ``roles.ACTIONS``): the screens
        grey out the rest (the use cases refuse it anyway)."""
        with self._read() as uow:
            user = staff.find(uow, login, active_only=True)
            return frozenset(a for a in roles.ACTIONS
                             if staff.permission_of(uow, user.role, a).allowed)

    # ---- documents -------------------------------------------------------------------
    def cancel_document(self, document_no: str, reason: str, user: str) -> Document:
        """Cancel a document (role 'cancel'), with the reason printed in SAF-T."""
        with self._write() as uow:
            staff.require(uow, user, "cancel")
            corrections.cancel(uow, document_no, reason, user, self.clock.now())
        self._kick()
        return self.document(document_no)

    def credit_document(self, document_no: str, reason: str,
                        picks: list[tuple[int, Decimal | None]] | None, user: str
                        ) -> Document:
        """A credit note on chosen lines (all open lines without ``picks``), role
        'credit_note'."""
        signer = self.keys.signer()
        with self._write() as uow:
            staff.require(uow, user, "credit_note")
            req = corrections.credit_note_request(uow, document_no, reason, picks, user)
            doc = issuing.issue(uow, req, signer, self.clock.now)
        self._kick()
        return doc

    def reprint_document(self, document_no: str, user: str, reason: str = "") -> PrintOutcome:
        """A copy on this till's printer, marked and recorded as such (role 'reprint')."""
        with self._read() as uow:
            staff.require(uow, user, "reprint")
        return self.print_document(document_no, copy=True, user=user, reason=reason)

    # ---- series (role 'settings') ----------------------------------------------------
    def add_series_code(self, doc_type: str, series_id: str, validation_code: str,
                        kind: str = "N", user: str = "admin") -> None:
        """A series registered by hand on AT's portal, with the code AT gave."""
        if not (validation_code or "").strip():
            raise ValidationError("Indique o código de validação que a AT deu à série.")
        with self._write() as uow:
            staff.require(uow, user, "settings")
            series_admin.add(uow, doc_type, series_id, validation_code.strip(), kind,
                             self.clock.now(), user)

    def series_request(self, action: str, doc_type: str, series_id: str, user: str,
                       kind: str = "N", start_date: date | None = None,
                       reason: str | None = None) -> int:
        """Queue for AT: 'register' a new series, 'finalize' or 'cancel' one; the queue's
        row id (the AT sender sends it)."""
        now = self.clock.now()
        with self._write() as uow:
            staff.require(uow, user, "settings")
            if action == "register":
                row = at_series.request_registration(uow, doc_type, series_id, now, user,
                                                     kind=kind, start_date=start_date)
            elif action == "finalize":
                row = at_series.request_finalize(uow, doc_type, series_id, now, user, reason)
            elif action == "cancel":
                row = at_series.request_cancel(uow, doc_type, series_id, now, user)
            else:
                raise ValidationError(f"Ação de série desconhecida: {action}.")
        self._kick()
        return row

    def apply_plan(self, items: list[at_series.PlanItem], user: str) -> list[int]:
        """Queue every action of ``series_plan`` (the series this till needs)."""
        with self._write() as uow:
            staff.require(uow, user, "settings")
            ids = at_series.apply_plan(uow, items, self.clock.now(), user)
        self._kick()
        return ids

    # ---- signing key and training (role 'settings') ----------------------------------
    def signing_keys(self) -> list[KeyInfo]:
        with self._read() as uow:
            return shop_health.keys(uow)

    def rotate_signing_key(self, user: str, pem: bytes | None = None,
                           password: bytes | None = None) -> int:
        """A new signing key (generated, or ``pem`` imported) from the next document on;
        the old ones stay to verify what they signed. Its version."""
        key = self.keys.prepare(pem, password)
        with self._write() as uow:
            staff.require(uow, user, "settings")
            return self.keys.store_in(uow, key, user)

    def set_training(self, on: bool, user: str) -> None:
        with self._write() as uow:
            staff.require(uow, user, "settings")
            uow.till_settings.put("training_mode", "on" if on else "off")
            uow.audit.append(self.clock.now(), user, "training", "on" if on else "off")
