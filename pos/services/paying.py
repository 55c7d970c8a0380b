"""Pay: the till's own sale on its long-lived connection (pos.persistence.till_writer).

The same steps as ``issuing.issue`` — the same checks (``issuing.take_slot``), the same
composition and signature (``issuing.compose``), the same seal — read from the till's state
kept between sales and written with prepared statements, in one ``BEGIN IMMEDIATE``
transaction. What the write path of a unit of work does for a document, this does too, and
nothing else: the rows are the same, and ``verify`` cannot tell which path wrote them.

Requests it does not take (``takes``) go through ``issuing.issue`` in a unit of work: a
manager confirming the clock with the sale (journaled in the same transaction).
"""

from __future__ import annotations

from pos.domain import seal
from pos.domain.documents import Document
from pos.persistence.repositories import chain_entry
from pos.persistence.till_writer import TillWriter
from pos.persistence.uow import Moved, TillRef

from .issuing import Clock, IssueRequest, compose, moved_on, region_or_refuse, take_slot


def takes(req: IssueRequest) -> bool:
    """Whether ``pay`` issues ``req`` (else ``issuing.issue`` in a unit of work)."""
    return not req.confirm_clock


def _no_manager(_at, reason: str) -> None:
    from .clock import refusal

    raise refusal(reason)


def pay(writer: TillWriter, req: IssueRequest, signer, sealer, now: Clock, till: TillRef
        ) -> tuple[Document, Moved]:
    """Issue ``req`` for ``till``: the signed, sealed and committed document, and what the
    transaction moved on (for the anchor)."""
    moved = Moved()
    with writer.transaction() as tx:
        state = tx.state
        region = req.tax_region or region_or_refuse(state.region())
        slot = take_slot(state, req.doc_type, req.series_id, now,
                         manual=bool(req.manual_ref or req.duplicate_ref),
                         doc_date=req.doc_date, clock_needs_manager=_no_manager)
        draft = compose(req, slot, region, signer, till.id)
        values = draft.values
        doc_id = values["id"] = state.next_document_id()
        lines, payments = draft.line_rows(doc_id), draft.pay_rows(doc_id)
        content = seal.document_content(
            {**values, "till": till.code, "ref_document": state.uuid_of(req.ref_document_id)},
            lines, payments)
        head = state.chain_head()
        seq, prev = (head[0] + 1, head[1]) if head else (1, "")
        event = chain_entry(till.id, seq, prev, doc_id, seal.ISSUED,
                            values["system_entry_date"], values["user_login"], None, None,
                            content, seal.pack(content), sealer)
        tx.insert_document(values, lines, payments, event, draft.outbox_row(doc_id))
        series = slot.series
        moved_series = moved_on(slot, values["hash"])
        tx.move_series(series.id, moved_series)
        customer = req.customer
        if not customer.is_final_consumer:
            tx.remember_customer(customer.nif, customer.name, customer.address, customer.city,
                                 customer.postal_code, customer.country)
        fiscal = series.kind != "F"
        tx.on_commit(lambda: state.issued(series, moved_series, doc_id,
                                          (seq, event["hash"]), fiscal))
    moved.documents = (seq, event["hash"], event["signature"])
    moved.series[f"{series.doc_type} {series.series_id}"] = (slot.number, values["hash"][:16])
    return draft.document(doc_id), moved
