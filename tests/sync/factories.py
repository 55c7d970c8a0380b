"""Minimal valid documents for the three AT services, keyed by WSDL/SAF-T element names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def invoice(number: str = "FS A2025/1", *, gross: str = "123.00", atcud: str = "ABCD1234-1"
            ) -> dict[str, Any]:
    net = (Decimal(gross) / Decimal("1.23")).quantize(Decimal("0.01"))
    return {
        "InvoiceNo": number,
        "ATCUD": atcud,
        "InvoiceDate": dt.date.today(),
        "InvoiceType": number.split()[0],
        "SelfBillingIndicator": 0,
        "CustomerTaxID": "999999990",
        "CustomerTaxIDCountry": "PT",
        "DocumentStatus": {"InvoiceStatus": "N", "InvoiceStatusDate": _now()},
        "HashCharacters": "Qr3m",
        "CashVATSchemeIndicator": 0,
        "PaperLessIndicator": 0,
        "SystemEntryDate": _now(),
        "LineSummary": [{
            "TaxPointDate": dt.date.today(),
            "DebitCreditIndicator": "C",
            "Amount": net,
            "Tax": {"TaxType": "IVA", "TaxCountryRegion": "PT", "TaxCode": "NOR",
                    "TaxPercentage": Decimal("23.00")},
        }],
        "DocumentTotals": {"TaxPayable": Decimal(gross) - net, "NetTotal": net,
                           "GrossTotal": Decimal(gross)},
    }


def work(number: str = "OR W2025/1") -> dict[str, Any]:
    return {
        "DocumentNumber": number,
        "ATCUD": "WXYZ1234-1",
        "WorkDate": dt.date.today(),
        "WorkType": number.split()[0],
        "CustomerTaxID": "999999990",
        "CustomerTaxIDCountry": "PT",
        "DocumentStatus": {"WorkStatus": "N", "WorkStatusDate": _now()},
        "HashCharacters": "0",
        "SystemEntryDate": _now(),
        "LineSummary": [{"TaxPointDate": dt.date.today(), "DebitCreditIndicator": "C",
                         "Amount": Decimal("10.00"),
                         "Tax": {"TaxType": "IVA", "TaxCountryRegion": "PT", "TaxCode": "NOR",
                                 "TaxPercentage": Decimal("23.00")}}],
        "DocumentTotals": {"TaxPayable": Decimal("2.30"), "NetTotal": Decimal("10.00"),
                           "GrossTotal": Decimal("12.30")},
    }


def payment(number: str = "RC R2025/1") -> dict[str, Any]:
    return {
        "PaymentRefNo": number,
        "ATCUD": "PAYM1234-1",
        "TransactionDate": dt.date.today(),
        "PaymentType": "RC",
        "CustomerTaxID": "123456789",
        "CustomerTaxIDCountry": "PT",
        "DocumentStatus": {"PaymentStatus": "N", "PaymentStatusDate": _now()},
        "SystemEntryDate": _now(),
        "LineSummary": [{
            "SourceDocumentID": [{"OriginatingON": "FT A2025/7", "InvoiceDate": dt.date.today()}],
            "DebitCreditIndicator": "C",
            "Amount": Decimal("100.00"),
            "Tax": {"TaxType": "IVA", "TaxCountryRegion": "PT", "TaxCode": "NOR",
                    "TaxPercentage": Decimal("23.00")},
        }],
        "DocumentTotals": {"TaxPayable": Decimal("23.00"), "NetTotal": Decimal("100.00"),
                           "GrossTotal": Decimal("123.00")},
    }


def _address(street: str, city: str, postal: str) -> dict[str, str]:
    return {"Addressdetail": street, "City": city, "PostalCode": postal, "Country": "PT"}


def movement(number: str = "GT G2025/1") -> dict[str, Any]:
    return {
        "CompanyName": "Mercearia Exemplo, Lda",
        "CompanyAddress": _address("Rua Direita 1", "Lisboa", "1100-001"),
        "DocumentNumber": number,
        "ATCUD": "GUIA1234-1",
        "MovementStatus": "N",
        "MovementDate": dt.date.today(),
        "MovementType": number.split()[0],
        "CustomerTaxID": "999999990",
        "AddressTo": _address("Rua do Cliente 9", "Porto", "4000-001"),
        "AddressFrom": _address("Rua Direita 1", "Lisboa", "1100-001"),
        "MovementStartTime": _now() + dt.timedelta(hours=1),
        "Line": [{"ProductDescription": "Caixa de fruta", "Quantity": Decimal("2"),
                  "UnitOfMeasure": "UN", "UnitPrice": Decimal("0.00")}],
    }
