"""The catalogue to and from CSV files (``caixa product import|export``, the back office's
import with a preview). Long work reports ``progress(stage, done, total)`` — stages
'reading', 'checking', 'writing' — from the thread it runs on; returning False stops it
with nothing written. The write needs 'back_office' and is one audited unit of work."""

from __future__ import annotations

from pos.services import catalogue_csv as csvio
from pos.services.catalogue_csv import ImportPreview, ImportResult, Progress
from pos.services.staff import require

from .base import Base


class CatalogueCsvMixin(Base):
    def preview_product_import(self, path: str, progress: Progress | None = None
                               ) -> ImportPreview:
        """What importing ``path`` would do, row by row, without writing: counts of new,
        changed and unchanged products, every refused row with its line and reason, and
        the first rows as they would be imported."""
        parsed = csvio.parse(csvio.read_file(path), progress)
        with self._read() as uow:
            return csvio.preview(uow, parsed, progress)

    def import_products(self, path: str, only_valid: bool = False, user: str = "admin",
                        progress: Progress | None = None) -> ImportResult:
        """Import ``path``: nothing at all when a row is refused, unless ``only_valid``
        (the manager chose to import the good rows and leave the others out)."""
        parsed = csvio.parse(csvio.read_file(path), progress)
        with self._read() as uow:          # the slow checks, without holding the database
            require(uow, user, "back_office")
            csvio.resolve(uow, parsed, progress)
        with self._write() as uow:
            require(uow, user, "back_office")
            return csvio.write(uow, parsed, only_valid, self.clock.now(), user, progress)

    def export_products(self, path: str, include_inactive: bool = True,
                        progress: Progress | None = None) -> int:
        """The catalogue into ``path`` (CSV that ``import_products`` reads back); how many
        products. Written beside and renamed at the end: never half a file."""
        with self._read() as uow:
            return csvio.export(uow, path, include_inactive, progress)
