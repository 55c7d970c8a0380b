"""What a barcode scan means: a plain code, or an in-store EAN-13 with weight or price inside.

Supported in-store format (GS1 prefix 2, "restricted circulation", as printed by shop
scales in Portugal):

    2 T IIIII VVVVV C        13 digits
    T = 0        no value inside: the whole code is looked up like any barcode
    T = 1, 2, 3  VVVVV = weight in grams (00750 = 0,750 kg), sold at the product's price/kg
    T = 4 … 9    VVVVV = price in cents (01234 = 12,34 €), quantity 1 at that price
    IIIII        the item: the product whose barcode is ``2T IIIII 00000 c`` (value zeroed,
                 its own check digit), or else the product whose code is ``IIIII``
    C            EAN-13 check digit of the whole code; a wrong one is a misread, refused

Scales that put a price check digit inside VVVVV (4-digit prices) are not supported.
Every other scan (EAN-8, EAN-13, UPC, internal codes) is looked up exactly as scanned.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Scan:
    candidates: tuple[str, ...]   # codes to look up, in order
    weight: Decimal | None = None  # kg
    price: Decimal | None = None   # €, VAT included


def check_digit(stem12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(stem12))
    return str((10 - total % 10) % 10)


def ean13_valid(code: str) -> bool:
    return len(code) == 13 and code.isdigit() and check_digit(code[:12]) == code[12]


def parse(raw: str) -> Scan:
    code = raw.strip()
    if not (ean13_valid(code) and code[0] == "2" and code[1] != "0"):
        return Scan((code,))
    kind, item, value = code[1], code[2:7], int(code[7:12])
    stem = f"2{kind}{item}00000"
    candidates = (stem + check_digit(stem), item)
    if kind in "123":
        return Scan(candidates, weight=Decimal(value) / 1000)
    return Scan(candidates, price=Decimal(value) / 100)


def in_store_code(kind: int, item: str, value: int) -> str:
    """Build a scale label's code (tests, demo labels): ``in_store_code(1, "00023", 750)``."""
    stem = f"2{kind}{item:0>5}{value:05d}"
    return stem + check_digit(stem)
