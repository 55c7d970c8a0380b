"""Transport documents issued electronically, against the HTTPS sandbox (issue 16).

RBC art. 5.º: three copies, communicated before the goods move, AT's code printed on them.
Online, a guide reaches AT at once and its code comes out on Original, Duplicado and
Triplicado (read back from the ESC/POS bytes a TCP printer received). Offline, it waits,
is shown as not communicated once its start has passed, goes through AT's phone service
(the code typed back in, printed, and the full data sent later), and a guide can be
cancelled only before its transport starts.
"""

from __future__ import annotations

import re
import socket
from datetime import timedelta

import pytest
from sqlalchemy import select

from pos.bootstrap import open_app
from pos.domain.customer import make_customer
from pos.domain.documents import cart_line
from pos.domain.errors import StateError, ValidationError
from pos.domain.transport import Place
from pos.persistence.models import OutboxRow
from pos.services.transport import TransportRequest
from sync.config_file import CaixaConfig
from sync.link import OutboxLink
from sync.sandbox import ATSandbox
from tests.printing.conftest import FakePrinter
from tests.printing.escpos_parse import text_of

CUSTOMER = make_customer("123456789", "Cliente Exemplo, Lda", "Rua Nova 5", "Porto",
                         "4000-100")
GUIDE_TYPES = ("GR", "GA", "GC", "GD")


def _valid_saft(app, path, shared_at) -> None:
    """The export passes AT's XSD (as XSD 1.0, and 1.1 with its assertions) and the business
    checks, every signature verified."""
    from pos.saft.validator import KeyRing, validate

    for xsd11 in (False, True):
        report = validate(path, shared_at / "SAFTPT1.04_01.xsd", xsd11=xsd11,
                          keyring=KeyRing(app.verifiers()))
        assert report.ok, report.text()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def printer():
    p = FakePrinter()
    yield p
    p.close()


@pytest.fixture
def open_till(live_app, demo_db, live_clock, printer):
    """``open_till(sandbox)``: the live till as the CLI and the till open it, with its AT
    link on ``sandbox`` and a TCP receipt printer; series for every guide type."""
    from printing.service import PrintService
    from ui.adapters import ReceiptPrinter

    for code in GUIDE_TYPES:
        live_app.add_series(code, "L2026", f"LIVE{code}CODE")
    opened = []

    def _open(sandbox):
        app = open_app(
            str(demo_db), clock=live_clock,
            at_link=lambda a: OutboxLink(a, config_loader=lambda: CaixaConfig(
                at={**sandbox.config_mapping(), "read_timeout": "5", "connect_timeout": "2"})),
            printer=lambda a: ReceiptPrinter(PrintService.from_config(
                {"connection": printer.spec}, a)))
        opened.append(app)
        return app

    yield _open
    for app in opened:
        app.close()


def _guide(app, clock, doc_type="GT", hours=2, **kw):
    kw.setdefault("customer", CUSTOMER)
    kw.setdefault("lines", (cart_line(app.product("MER01"), 3),))
    return app.issue_transport(TransportRequest(
        doc_type, clock.now() + timedelta(hours=hours), vehicle="aa-00-bb", **kw))


def _printed(printer) -> str:
    printer.wait()
    return text_of(printer.jobs[-1])


def _three_copies_with(text: str, code: str) -> None:
    assert [label for label in ("Original", "Duplicado", "Triplicado") if label in text] == [
        "Original", "Duplicado", "Triplicado"]
    assert text.count(f"Código AT: {code}") == 3, text


# ---- online ------------------------------------------------------------------------------

def test_a_guide_issued_online_reaches_at_before_its_start_and_prints_its_code_three_times(
        open_till, sandbox, live_clock, printer):
    app = open_till(sandbox)
    doc = _guide(app, live_clock)
    info = app.send_transport(doc.document_no)

    (request,) = sandbox.requests_for("transport")
    assert request.accepted and request.schema_errors == [] and request.key == doc.document_no
    assert request.at.astimezone().replace(tzinfo=None) < doc.movement_start - timedelta(
        hours=1)
    body = request.body.decode()
    assert "<MovementType>GT</MovementType>" in body and "<VehicleID>AA-00-BB</VehicleID>" in body
    assert (info.state, info.can_travel) == ("communicated", True)
    code = info.at_doc_code
    assert code and app.document(doc.document_no).at_doc_code == code   # kept

    outcome = app.print_transport(doc.document_no, "ana")
    assert outcome.ok, outcome.error
    _three_copies_with(_printed(printer), code)
    with pytest.raises(StateError, match="reimpressão"):
        app.print_transport(doc.document_no, "ana")        # the originals come out once


def test_every_guide_type_is_accepted_by_at(open_till, sandbox, live_clock):
    app = open_till(sandbox)
    docs = [_guide(app, live_clock, code) for code in GUIDE_TYPES]
    infos = [app.send_transport(d.document_no) for d in docs]
    assert [i.state for i in infos] == ["communicated"] * 4
    assert all(sandbox.accepted_count("transport", d.document_no) == 1 for d in docs)
    # GA moves the sender's own goods: the sender is the recipient (SGDT 1.10).
    ga = app.issue_transport(TransportRequest("GA", live_clock.now() + timedelta(hours=1),
                                              lines=(cart_line(app.product("MER01"), 1),),
                                              unload=Place("Armazém 2", "Braga", "4700-001")))
    assert ga.customer.nif == app.issuer().nif


def test_a_guide_from_an_invoice_names_it_to_at_and_in_saft(open_till, sandbox, live_clock,
                                                           tmp_path, shared_at):
    app = open_till(sandbox)
    ft = app.sell_items([("MER01", 4), ("SRV02", 1), ("PAO01", 2)], "FT", CUSTOMER)
    gr = app.issue_transport(TransportRequest(
        "GR", live_clock.now() + timedelta(hours=3), CUSTOMER, from_invoice=ft.document_no,
        picks=((1, 2), (3, None))))
    assert [(ln.product_code, ln.quantity) for ln in gr.lines] == [("MER01", 2), ("PAO01", 2)]
    app.send_transport(gr.document_no)
    body = sandbox.requests_for("transport")[-1].body.decode()
    assert body.count(f"<OriginatingON>{ft.document_no}</OriginatingON>") == 2
    # Services do not travel; a line cannot carry more than the invoice sold.
    with pytest.raises(ValidationError, match="só pode transportar até 4"):
        app.issue_transport(TransportRequest("GR", live_clock.now() + timedelta(hours=3),
                                             CUSTOMER, from_invoice=ft.document_no,
                                             picks=((1, 5),)))
    app.export_saft(tmp_path / "saft.xml", start=str(live_clock.now().date()),
                    end=str(live_clock.now().date()))
    _valid_saft(app, tmp_path / "saft.xml", shared_at)
    xml = (tmp_path / "saft.xml").read_text(encoding="utf-8")
    movement = xml[xml.index(f"<DocumentNumber>{gr.document_no}<"):]
    assert (f"<OrderReferences><OriginatingON>{ft.document_no}</OriginatingON>"
            "</OrderReferences>") in movement[:movement.index("</StockMovement>")]


def test_an_invoice_that_serves_as_transport_document(open_till, sandbox, live_clock,
                                                      tmp_path, printer, shared_at):
    app = open_till(sandbox)
    app.sell_items([("PAO01", 1)], "FS")                  # an ordinary sale, queued first
    with pytest.raises(ValidationError, match="simplificada não serve"):
        _guide(app, live_clock, "FS")
    ft = _guide(app, live_clock, "FT", hours=1,
                unload=Place("Obra da Rua Alta 3", "Porto", "4000-200"))
    with app.unit(write=False) as uow:
        row = uow.session.scalars(select(OutboxRow).where(
            OutboxRow.document_id == ft.id)).one()
    assert (row.kind, row.deadline) == ("invoice", ft.movement_start)   # before the goods move

    info = app.send_transport(ft.document_no)
    # e-Fatura carries it (sgdtws takes no invoices): sent first, before the other sale.
    invoices = sandbox.requests_for("invoices")
    assert invoices[0].key == ft.document_no and sandbox.requests_for("transport") == []
    assert (info.state, info.at_doc_code) == ("communicated", None)
    assert app.print_transport(ft.document_no).ok
    text = _printed(printer)
    assert text.count("Obra da Rua Alta 3") == 3 and "Triplicado" in text

    app.export_saft(tmp_path / "saft.xml", start=str(live_clock.now().date()),
                    end=str(live_clock.now().date()))
    _valid_saft(app, tmp_path / "saft.xml", shared_at)
    xml = (tmp_path / "saft.xml").read_text(encoding="utf-8")
    invoice = xml[xml.index(f"<InvoiceNo>{ft.document_no}<"):]
    invoice = invoice[:invoice.index("</Invoice>")]
    assert "<ShipTo>" in invoice and "<ShipFrom><DeliveryID>AA-00-BB</DeliveryID>" in invoice
    assert re.search(r"<MovementStartTime>[0-9T:-]+</MovementStartTime><Line>", invoice)


# ---- offline, and the phone service ----------------------------------------------------

def test_a_guide_issued_offline_is_shown_late_phoned_printed_and_completed_later(
        open_till, tmp_path, wsdl_dir, pki, live_clock, printer):
    at = ATSandbox(tmp_path / "sb", wsdl_dir=wsdl_dir, pki=pki, port=_free_port())  # down
    app = open_till(at)
    doc = _guide(app, live_clock, hours=1)
    info = app.send_transport(doc.document_no)
    assert (info.state, info.at_doc_code) == ("waiting", None) and not info.can_travel
    with pytest.raises(StateError, match="ainda não pode ser impresso"):
        app.print_transport(doc.document_no)
    assert printer.jobs == []

    live_clock.advance(minutes=61)                   # the start has passed, AT never answered
    info = app.transport_info(doc.document_no)
    assert info.state == "late" and f"caixa transport phone {doc.document_no}" in info.detail
    assert any(w.level == "urgent" and doc.document_no in w.text
               for w in app.queue_status().warnings)
    assert [i.document_no for i in app.transport_documents(open_only=True)] == [
        doc.document_no]

    sheet = "\n".join(app.transport_phone_sheet(doc.document_no).lines)
    for element in (doc.document_no, doc.atcud, "123456789", app.issuer().nif, "Rua Nova 5",
                    "AA-00-BB", f"{doc.movement_start:%Y-%m-%d %H:%M}", "3 UN"):
        assert element in sheet
    with pytest.raises(ValidationError):
        app.record_transport_phone_code(doc.document_no, "  ")
    with at:
        at.phoned(doc.document_no, "PHONE0001")      # AT's phone service registers it
        info = app.record_transport_phone_code(doc.document_no, "PHONE0001", "ana")
        assert (info.state, info.at_doc_code, info.can_travel) == ("phoned", "PHONE0001", True)
        assert app.print_transport(doc.document_no, "ana").ok
        _three_copies_with(_printed(printer), "PHONE0001")

        info = app.send_transport(doc.document_no)   # the full data, with the phone code
        (sent,) = at.requests_for("transport")
        assert sent.accepted and "<ATDocCodeID>PHONE0001</ATDocCodeID>" in sent.body.decode()
    assert info.state == "phoned" and "já enviados" in info.detail and info.row_id is None
    assert app.document(doc.document_no).at_doc_code == "PHONE0001"


def test_a_guide_at_receives_after_its_start_has_no_code_and_is_shown_as_such(
        open_till, sandbox, live_clock, printer, monkeypatch):
    import sync.sandbox.documents as at_side

    app = open_till(sandbox)
    doc = _guide(app, live_clock, hours=1)           # issued while AT could not be reached...
    later = at_side._now() + timedelta(hours=3)
    monkeypatch.setattr(at_side, "_now", lambda: later)
    live_clock.advance(hours=3)                      # ...and sent two hours after its start
    info = app.send_transport(doc.document_no)
    assert sandbox.accepted_count("transport", doc.document_no) == 1
    assert (info.state, info.at_doc_code) == ("after_start", None)
    assert "-100" in info.detail
    with pytest.raises(StateError):
        app.print_transport(doc.document_no)
    assert printer.jobs == []


# ---- cancelling ------------------------------------------------------------------------

def test_a_guide_is_cancelled_before_its_start_and_the_cancellation_reaches_at(
        open_till, sandbox, live_clock):
    app = open_till(sandbox)
    doc = _guide(app, live_clock)
    code = app.send_transport(doc.document_no).at_doc_code
    info = app.cancel_transport(doc.document_no, "Transporte desmarcado", "ana")
    assert info.state == "cancelling"
    info = app.send_transport(doc.document_no)
    assert info.state == "cancelled" and info.row_id is None
    cancel = sandbox.requests_for("transport")[-1].body.decode()
    assert "<MovementStatus>A</MovementStatus>" in cancel and f">{code}<" in cancel
    with pytest.raises(StateError):
        app.print_transport(doc.document_no)


def test_a_guide_cannot_be_cancelled_once_its_transport_started(open_till, sandbox,
                                                               live_clock):
    app = open_till(sandbox)
    doc = _guide(app, live_clock, hours=1)
    app.send_transport(doc.document_no)
    live_clock.advance(hours=1)
    with pytest.raises(StateError, match="já começou.*devolução"):
        app.cancel_transport(doc.document_no, "Tarde demais")
    assert app.document(doc.document_no).status == "N"


def test_an_unsent_guide_cancelled_reaches_at_registered_then_cancelled(open_till, sandbox,
                                                                        live_clock):
    app = open_till(sandbox)
    doc = _guide(app, live_clock)
    app.cancel_transport(doc.document_no, "Engano")
    info = app.send_transport(doc.document_no)
    assert info.state == "cancelled"
    statuses = [re.search(r"<MovementStatus>(\w)<", r.body.decode()).group(1)
                for r in sandbox.requests_for("transport")]
    assert statuses == ["N", "A"]


# ---- what the request must hold -------------------------------------------------------

@pytest.mark.parametrize(("change", "sentence"), [
    ({"hours": -1}, "não é posterior a agora"),
    ({"hours": 24 * 100}, "3 meses"),
    ({"doc_type": "FR"}, "não é documento de transporte"),
    ({"unload": Place("Rua\x1b[2J", "Porto", "4000-100")}, "caracteres de controlo"),
    ({"unload": Place("Rua 1", "Porto", "4000")}, "NNNN-NNN"),
    ({"load": Place("", "Porto", "4000-100")}, "carga: indique morada"),
    ({"customer": make_customer(None)}, "local de descarga"),
    ({"from_invoice": "FT L2026/1"}, "não as duas"),
])
def test_a_bad_transport_request_is_refused_in_one_sentence(open_till, sandbox, live_clock,
                                                            change, sentence):
    app = open_till(sandbox)
    change = dict(change)
    doc_type = change.pop("doc_type", "GT")
    with pytest.raises(ValidationError, match=sentence):
        _guide(app, live_clock, doc_type, **change)
    assert sandbox.received == [] and app.transport_documents() == []
