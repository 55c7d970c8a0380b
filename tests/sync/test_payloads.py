"""Signed documents → fatcorews / sgdtws request data (FISCAL-PT §6), checked against the
official WSDL schemas offline (zeep renders the request, lxml validates it)."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
import zeep

from pos.domain.customer import make_customer
from pos.domain.documents import cart_line
from pos.services.issuing import IssueRequest
from sync import payloads
from sync.wsdl_schema import load_wsdl_schema, validation_errors
from sync.wsse import SOAP11_NS


@pytest.fixture(scope="module")
def render(wsdl_dir):
    clients = {}

    def _render(wsdl: str, operation: str, **kwargs) -> list[str]:
        if wsdl not in clients:
            clients[wsdl] = zeep.Client(str(wsdl_dir / wsdl))
        client = clients[wsdl]
        envelope = client.create_message(client.service, operation, **kwargs)
        body = envelope.find(f"{{{SOAP11_NS}}}Body")[0]
        return validation_errors(load_wsdl_schema(wsdl_dir / wsdl), body)

    return _render


def _register(render, data, operation="RegisterInvoice", part="InvoiceData"):
    from sync.models import to_soap
    return render("fatcorews.wsdl", operation, eFaturaMDVersion="0.0.1",
                  AuditFileVersion="1.04_01", TaxRegistrationNumber=599999993,
                  TaxEntity="Global", SoftwareCertificateNumber=0, **{part: to_soap(data)})


def test_invoice_line_summary_per_rate_and_exemption(live_app, render):
    doc = live_app.sell_items([("PAO01", 2), ("PAO02", 3), ("CAF01", 1), ("BEB02", 1),
                               ("SRV02", 1), ("SEL01", 2)], "FS")
    data = payloads.invoice_data(doc)
    summaries = data["LineSummary"]
    keys = sorted((s["Tax"]["TaxCode"], s["Tax"]["TaxPercentage"], s.get("TaxExemptionCode"))
                  for s in summaries)
    assert keys == [("INT", "13.00", None), ("ISE", "0.00", "M07"), ("ISE", "0.00", "M99"),
                    ("NOR", "23.00", None), ("RED", "6.00", None)]
    assert all(s["DebitCreditIndicator"] == "C" and s["TaxPointDate"] == doc.invoice_date
               for s in summaries)
    assert sum(Decimal(s["Amount"]) for s in summaries) == data["DocumentTotals"]["NetTotal"]
    assert data["DocumentTotals"]["GrossTotal"] == doc.totals.gross
    h = doc.hash
    assert data["HashCharacters"] == h[0] + h[10] + h[20] + h[30]
    assert data["CustomerTaxID"] == "999999990" and data["CustomerTaxIDCountry"] == "PT"
    assert data["DocumentStatus"] == {"InvoiceStatus": "N",
                                      "InvoiceStatusDate": doc.system_entry_date}
    assert data["ATCUD"] == doc.atcud == "LIVEFSCODE-1"
    assert _register(render, data) == []


def test_credit_note_is_on_the_debit_side_and_cites_the_invoice(live_app, render):
    customer = make_customer("123456789", "Cliente, Lda")
    ft = live_app.sell_items([("PAO01", 2), ("BEB02", 1)], "FT", customer)
    nc = live_app.credit(ft.document_no, "Devolução", [(1, Decimal(1))])
    data = payloads.invoice_data(nc)
    (summary,) = data["LineSummary"]
    assert summary["DebitCreditIndicator"] == "D"
    assert summary["Reference"] == [ft.document_no]
    assert data["InvoiceType"] == "NC" and data["CustomerTaxID"] == "123456789"
    assert _register(render, data) == []


def test_foreign_and_unknown_customer_countries(live_app, render):
    es = live_app.sell_items([("PAO01", 1)], "FT", make_customer("B12345678", "Cliente ES",
                                                                 country="ES"))
    data = payloads.invoice_data(es)
    assert (data["CustomerTaxID"], data["CustomerTaxIDCountry"]) == ("B12345678", "ES")
    assert _register(render, data) == []
    odd = es.__class__(**{**es.__dict__, "customer": es.customer.__class__(
        "999999990", "Consumidor final", country="Desconhecido")})
    assert payloads.invoice_data(odd)["CustomerTaxIDCountry"] == "Desconhecido"
    assert _register(render, payloads.invoice_data(odd)) == []


def test_working_document_and_status_changes(live_app, render):
    orc = live_app.sell(IssueRequest("OR", (cart_line(live_app.product("MER01"), 2),)))
    data = payloads.work_data(orc)
    assert data["WorkType"] == "OR" and data["DocumentStatus"]["WorkStatus"] == "N"
    assert _register(render, data, "RegisterWork", "WorkData") == []
    from sync.clients import INVOICE_HEADER_FIELDS, WORK_HEADER_FIELDS, _pick
    assert render("fatcorews.wsdl", "ChangeWorkStatus", eFaturaMDVersion="0.0.1",
                  TaxRegistrationNumber=599999993,
                  WorkHeader=_pick(data, WORK_HEADER_FIELDS),
                  WorkStatus={"WorkStatus": "A", "WorkStatusDate": orc.system_entry_date}) == []
    fs = live_app.sell_items([("PAO01", 1)], "FS")
    assert render("fatcorews.wsdl", "ChangeInvoiceStatus", eFaturaMDVersion="0.0.1",
                  TaxRegistrationNumber=599999993,
                  InvoiceHeader=_pick(payloads.invoice_data(fs), INVOICE_HEADER_FIELDS),
                  InvoiceStatus={"InvoiceStatus": "A",
                                 "InvoiceStatusDate": fs.system_entry_date}) == []


def test_stock_movement_addresses_vehicle_and_start(live_app, live_clock, render):
    issuer = live_app.issuer()
    start = live_clock.now() + timedelta(hours=2)
    customer = make_customer("123456789", "Cliente, Lda", "Rua Nova 5", "Porto", "4000-100")
    plain = live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 4),),
                                       customer, movement_start=start))
    data = payloads.stock_movement(plain, issuer)
    assert data["AddressFrom"] == data["CompanyAddress"] == {
        "Addressdetail": "Rua da Sé, 1", "City": "Lisboa", "PostalCode": "1100-585",
        "Country": "PT"}
    assert data["AddressTo"] == data["CustomerAddress"]
    assert data["AddressTo"]["PostalCode"] == "4000-100"
    assert data["MovementStartTime"] == start and data["MovementStatus"] == "N"
    assert "ATDocCodeID" not in {k for k, v in data.items() if v is not None}
    line = data["Line"][0]
    assert line["Quantity"] == Decimal(4) and line["UnitPrice"] == plain.lines[0].unit_price_net
    assert render("documentosTransporte.wsdl", "envioDocumentoTransporte",
                  **payloads_soap(data)) == []

    extra = {"address_from": {"detail": "Armazém 3", "city": "Loures",
                              "postal_code": "2670-001", "country": "PT"},
             "address_to": {"detail": "Feira", "city": "Braga", "postal_code": "desconhecido"},
             "vehicle": "AA-00-BB"}
    moved = live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                                       customer, movement_start=start, extra=extra))
    data = payloads.stock_movement(moved, issuer, extra)
    assert data["AddressFrom"]["Addressdetail"] == "Armazém 3"
    assert data["AddressTo"] == {"Addressdetail": "Feira", "City": "Braga", "Country": "PT"}
    assert data["VehicleID"] == "AA-00-BB"
    cancelled = payloads.stock_movement(moved.__class__(**{**moved.__dict__,
                                                          "at_doc_code": "CODE123"}),
                                        issuer, extra, status="A")
    assert (cancelled["MovementStatus"], cancelled["ATDocCodeID"]) == ("A", "CODE123")
    assert render("documentosTransporte.wsdl", "envioDocumentoTransporte",
                  **payloads_soap(cancelled)) == []


def payloads_soap(data):
    from sync.models import to_soap
    return to_soap(data)


def test_paper_payload_is_cleaned_before_sending(render):
    stored = json.dumps({
        "TaxRegistrationNumber": "599999993", "CompanyName": "Loja",
        "CompanyAddress": {"Addressdetail": "Rua 1", "City": "Lisboa", "PostalCode": "1100-585",
                           "Country": "PT"},
        "DocumentNumber": "GT M1/7", "ATCUD": "ABCDEFGH-7", "ATDocCodeID": "PHONE1",
        "MovementStatus": "N", "MovementDate": "2026-11-20", "MovementType": "GT",
        "CustomerTaxID": "999999990", "CustomerName": "Consumidor final",
        "CustomerAddress": {"Addressdetail": "", "City": "", "PostalCode": "", "Country": "PT"},
        "AddressTo": {"Addressdetail": "Feira", "City": "Braga", "PostalCode": "4700-001",
                      "Country": "PT"},
        "AddressFrom": {"Addressdetail": "Rua 1", "City": "Lisboa", "PostalCode": "1100-585",
                        "Country": "PT"},
        "MovementStartTime": "2026-11-20T08:00:00", "VehicleID": "",
        "Line": [{"ProductDescription": "Fruta", "Quantity": "2", "UnitOfMeasure": "KG",
                  "UnitPrice": "1.500000"}],
        "recovered_document": "GT R2026/3"})
    data = payloads.paper_movement(stored)
    assert "recovered_document" not in data and "VehicleID" not in data
    assert "CustomerAddress" not in data and data["AddressTo"]["City"] == "Braga"
    assert render("documentosTransporte.wsdl", "envioDocumentoTransporte", **data) == []
