"""SAF-T (PT) 1.04_01: streaming export for invoicing (TaxAccountingBasis F) and a validator.

Public API:

- ``period_for(today, year=, month=, start=, end=) -> Period``
- ``export(db, out, period, today, establishment=None) -> ExportResult`` (pos.saft.writer)
- ``validate(path, xsd=None, xsd11=False, keyring=None) -> Report`` (pos.saft.validator),
  with ``KeyRing(by_version)`` / ``KeyRing.from_pem_files(paths)`` for the signatures.

The AT schema is configuration (``--xsd`` or ``CAIXA_SAFT_XSD``), see pos/saft/schema.py.
"""

from .period import Period, period_for
from .validator import KeyRing, Report, validate
from .writer import ExportResult, export

__all__ = ["ExportResult", "KeyRing", "Period", "Report", "export", "period_for", "validate"]
