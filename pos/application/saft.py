"""SAF-T (PT): the export of a period, and the public keys its validation checks against."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .base import Base

if TYPE_CHECKING:
    from pos.saft.writer import ExportResult, Progress


class SaftMixin(Base):
    def export_saft(self, out: str | Path, year: int | None = None, month: int | None = None,
                    start: str | None = None, end: str | None = None,
                    establishment: str | None = None, progress: Progress | None = None
                    ) -> ExportResult:
        """Write the SAF-T of a year, a month or a date range to ``out``; ``progress
        ('writing', done, total)`` hears how many documents are written (False cancels,
        with no file left)."""
        # lxml and the writer load when a file is exported, not with every command.
        from pos.saft.period import period_for
        from pos.saft.writer import export

        today = self.clock.now().date()
        period = period_for(today, year, month, start, end)
        return export(self.db, out, period, today, establishment, progress)

    def verifiers(self) -> dict:
        """The public keys of every signing key version (for validating a SAF-T)."""
        return self.keys.verifiers()
