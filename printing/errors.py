"""Printer errors: one sentence a cashier can act on (part of the PosError family)."""

from pos.domain.errors import PosError


class PrinterError(PosError):
    """The printer could not print (unreachable, refused, out of paper, not configured)."""
