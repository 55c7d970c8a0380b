"""Integrity: the full verification, the start-up check, and the administrator's
acknowledgement that lets issuing go on after a report."""

from __future__ import annotations

from pos.domain.errors import IntegrityError, ValidationError
from pos.services import integrity, users

from .base import Base


class IntegrityMixin(Base):
    def verify(self, progress: integrity.Progress | None = None) -> integrity.Report:
        """Every chain, signature, number and total of the database, in one snapshot;
        issuing is blocked on the tills whose data was altered. ``progress('verifying',
        done, total)`` hears how many documents are checked (a screen's progress bar)."""
        verifiers = self.keys.verifiers()
        with self._read(snapshot=True) as uow:
            report = integrity.verify(uow, verifiers, progress)
        if not report.ok and self.till is not None:
            with self._write() as uow:
                integrity.block(uow, report.text(), self.clock.now(),
                                {p.till_id for p in report.problems})
        return report

    def quick_check(self) -> None:
        """What runs before the till opens: this till's series heads, in one snapshot;
        blocks issuing when the data was altered."""
        if self.till is None:
            return
        verifiers = self.keys.verifiers()
        with self._read(snapshot=True) as uow:
            problems = integrity.quick_check(uow, verifiers)
        if problems:
            text = "\n".join(f"- {p}" for p in problems)
            with self._write() as uow:
                integrity.block(uow, text, self.clock.now())
            raise IntegrityError("Dados fiscais alterados:\n" + text)

    def acknowledge_integrity(self, user: str) -> bool:
        """An administrator confirms the report: issuing may go on. False when nothing was
        blocked."""
        with self._write() as uow:
            who = users.get(uow, user)
            if who.role != "admin":
                raise ValidationError(f"Só um administrador confirma o relatório ({who.name} "
                                      "não é).")
            return integrity.acknowledge(uow, user, self.clock.now())
