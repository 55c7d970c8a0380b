"""Prints of documents: only the first is the original (pos.services.prints). The printing
adapter (printing.PrintService, through ``open_app(printer=)``) and the command line claim
each print here before sending it and say here how it ended."""

from __future__ import annotations

from pos.services import prints

from .base import Base


class PrintsMixin(Base):
    def claim_print(self, document_no: str, user: str, reason: str = "") -> prints.PrintClaim:
        """Claim the next print of ``document_no``: its number (0: the original; n: the
        n-th copy after it, printed '(n+1).ª via'), committed before anything is sent."""
        with self._write() as uow:
            return prints.claim(uow, document_no, user or "sistema", reason,
                                self.clock.now())

    def finish_print(self, claim_id: int, outcome: str, detail: str = "") -> None:
        """'printed' (a copy is then a reprint: recorded and journaled), 'failed' (nothing
        reached the printer: nothing recorded, the number is free) or 'uncertain'."""
        with self._write() as uow:
            prints.finish(uow, claim_id, outcome, detail, self.clock.now())

    def prints(self, document_no: str) -> list[prints.PrintInfo]:
        """Every print of ``document_no``, oldest first, with how it ended."""
        with self._read() as uow:
            return prints.history(uow, document_no)

    def next_print(self, document_no: str) -> int:
        """The number the next print of ``document_no`` would carry (0: the original), for
        a preview: nothing is claimed."""
        with self._read() as uow:
            return prints.next_number(uow, uow.documents.by_number(document_no))
