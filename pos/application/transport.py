"""Transport documents: issue a guide (or an invoice that serves as one), send it to AT at
once, see where it stands, fall back on AT's phone service, cancel it before the goods
move, and print its three copies with AT's code.

The till, the back office and the CLI call these; each runs in its own unit of work, and
the sending goes through the AT link like every other duty (``services/transport*.py``).
"""

from __future__ import annotations

from datetime import date

from pos.domain.documents import Document
from pos.domain.errors import PosError, StateError
from pos.services import corrections, issuing, transport, transport_status
from pos.services.outbox import TRANSPORT_KINDS
from pos.services.ports import PrintOutcome
from pos.services.transport import TransportRequest
from pos.services.transport_status import CAN_TRAVEL, PhoneSheet, TransportInfo

from .base import Base

PRINTED = "transport_printed"     # audit event: the three issue-time copies came out


class TransportMixin(Base):
    def issue_transport(self, request: TransportRequest) -> Document:
        """Issue a transport document (GT, GR, GA, GC, GD, or an FT that serves as one),
        signed and committed; its communication to AT is queued and the sender told."""
        signer = self.keys.signer()
        with self._write() as uow:
            req = transport.issue_request(uow, request, self.clock.now())
            doc = issuing.issue(uow, req, signer, self.clock.now)
        self._kick()
        return doc

    def send_transport(self, document_no: str) -> TransportInfo:
        """Send to AT now what is due for transport documents (this one first: its deadline
        is its start), in this process; where ``document_no`` stands afterwards. When AT
        cannot be reached or is not configured, the document simply stays queued."""
        info = self.transport_info(document_no)
        kinds = TRANSPORT_KINDS
        if info.doc_type in transport.INVOICE_TYPES:
            kinds += ("invoice", "invoice_status")
        try:
            self.require_at()
            self.at_link.drain(kinds)
        except PosError:
            pass                        # not configured or stopped: transport_info says so
        return self.transport_info(document_no)

    def transport_info(self, document_no: str) -> TransportInfo:
        with self._read() as uow:
            row = transport.guide_row(uow, document_no)
            return transport_status.info(uow, row, self.clock.now())

    def transport_documents(self, limit: int = 50, open_only: bool = False
                            ) -> list[TransportInfo]:
        """This till's transport documents, newest first (``open_only``: those that still
        need something: an answer from AT, a phone call, a cancellation to send)."""
        with self._read() as uow:
            return transport_status.guides(uow, self.clock.now(), limit, open_only)

    # ---- AT's phone service (RBC art. 5.º n.º 6 b) -----------------------------------
    def transport_phone_sheet(self, document_no: str) -> PhoneSheet:
        """What to read out to AT's phone service for a guide the webservice could not
        carry before its start."""
        with self._read() as uow:
            return transport_status.phone_sheet(uow, document_no)

    def record_transport_phone_code(self, document_no: str, at_code: str,
                                    user: str = "admin", called_on: date | None = None
                                    ) -> TransportInfo:
        """The code AT's phone service gave: the guide's code from now on (printed on its
        copies); its full data is queued for AT by the 5th working day."""
        with self._write() as uow:
            transport_status.record_phone_code(uow, document_no, at_code, self.clock.now(),
                                               user, called_on)
        self._kick()
        return self.transport_info(document_no)

    # ---- cancelling --------------------------------------------------------------------
    def cancel_transport(self, document_no: str, reason: str, user: str = "admin"
                         ) -> TransportInfo:
        """Cancel a guide before its transport starts; the cancellation is queued for AT
        (after the guide's own registration, if that is still waiting)."""
        with self._write() as uow:
            transport.guide_row(uow, document_no)
            corrections.cancel(uow, document_no, reason, user, self.clock.now())
        self._kick()
        return self.transport_info(document_no)

    # ---- printing ----------------------------------------------------------------------
    def print_transport(self, document_no: str, user: str = "") -> PrintOutcome:
        """Print the three copies (Original, Duplicado, Triplicado) of a transport document,
        with AT's code. Refused while AT has not given the code (nor its phone service):
        the goods cannot travel on a guide without it. Printed once; later copies are
        reprints (``print_document(copy=True)``), marked as such."""
        info = self.transport_info(document_no)
        if info.status == "A":
            raise StateError(f"{document_no} está anulado.")
        if info.state not in CAN_TRAVEL + (transport_status.TRAINING,):
            raise StateError(f"{document_no} ainda não pode ser impresso para acompanhar a "
                             f"mercadoria: {info.detail}")
        if self.next_print(document_no) > 0:       # the originals came out (or may have)
            raise StateError(f"As três vias de {document_no} já foram impressas: outra "
                             "cópia é uma reimpressão (2.ª via), com o motivo.")
        doc = self.document(document_no)
        issuer = self.issuer()
        outcome = self.printer.print_document(doc, issuer, self.qr(doc, issuer), copies=3,
                                              user=user)
        if outcome.ok:
            with self._write() as uow:
                uow.audit.append(self.clock.now(), user or "sistema", PRINTED, document_no)
        return outcome
