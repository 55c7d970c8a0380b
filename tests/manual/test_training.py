"""Training mode: only kind-F series, never an AT duty."""

from pos.persistence.models import OutboxRow

from .helpers import outbox


def test_training_documents_carry_kind_f_and_create_no_outbox_rows(till, clock):
    assert till.training_mode()
    docs = [till.sell([("PAO01", 1)], "FS"),
            till.sell([("CAF01", 2)], "FR"),
            till.sell([("BEB05", 1)], "FT")]
    clock.advance(minutes=1)
    docs.append(till.credit_note(docs[2].document_no, "Devolução"))
    till.cancel(docs[0].document_no, "Teste")
    assert {d.series_kind for d in docs} == {"F"}
    assert all(d.training for d in docs)
    assert outbox(till) == []


def test_switching_training_off_goes_back_to_real_duties(normal_till):
    doc = normal_till.sell([("PAO01", 1)], "FS")
    rows = outbox(normal_till, document_id=doc.id)
    assert doc.series_kind == "N" and [r.kind for r in rows] == ["invoice"]
    assert isinstance(rows[0], OutboxRow)
