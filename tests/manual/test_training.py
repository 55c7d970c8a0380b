"""Training mode: only kind-F series, never an AT duty."""

from pos.persistence.models import OutboxRow

from .helpers import outbox


def test_training_documents_carry_kind_f_and_create_no_outbox_rows(app, clock):
    assert app.training_mode()
    docs = [app.sell_items([("PAO01", 1)], "FS"),
            app.sell_items([("CAF01", 2)], "FR"),
            app.sell_items([("BEB05", 1)], "FT")]
    clock.advance(minutes=1)
    docs.append(app.credit(docs[2].document_no, "Devolução"))
    app.cancel(docs[0].document_no, "Teste")
    assert {d.series_kind for d in docs} == {"F"}
    assert all(d.training for d in docs)
    assert outbox(app) == []


def test_switching_training_off_goes_back_to_real_duties(normal_app):
    doc = normal_app.sell_items([("PAO01", 1)], "FS")
    rows = outbox(normal_app, document_id=doc.id)
    assert doc.series_kind == "N" and [r.kind for r in rows] == ["invoice"]
    assert isinstance(rows[0], OutboxRow)
