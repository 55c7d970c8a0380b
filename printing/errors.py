"""Printer errors: one sentence a cashier can act on (part of the PosError family)."""

from pos.domain.errors import PosError


class PrinterError(PosError):
    """The printer could not print (unreachable, refused, out of paper, not configured).
    Raised as such, something may have reached the printer before the error (a connection
    that broke while the job was flowing): a print that may have come out."""


class NothingPrinted(PrinterError):
    """The printer got nothing of the job: refused or unreachable, out of paper or its cover
    open before the job was sent, a queue that refused it. Nothing came out, so the print
    can be repeated as it was (an original stays the original)."""
