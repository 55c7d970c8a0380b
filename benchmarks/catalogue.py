"""A 50,000-product catalogue: what scan-to-cart and product search cost in the core.

The UI figures (launch to ready sale screen, scan-to-cart, search as the cashier sees them)
come from ``benchmarks/ui_bench.py``; these are the core calls under them, on the demo shop
with 50,000 products (cached like the document histories): ``Application.product(barcode)``
+ ``cart_line`` for a scan; ``Application.search_products(text, 48)`` for the search box
(what the sale screen calls: stops at the first 48 matches); ``Application.products(text)``
for the full, sorted listing (``caixa products``), shown for contrast.
"""

import json
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from pos.domain.documents import cart_line
from pos.persistence.models import Product
from pos.services.demo import ean13
from pos.services.ports import FixedClock

from . import datagen
from .common import (
    CACHE,
    Row,
    collect,
    copy_db,
    human,
    latencies,
    median,
    ms,
    open_shop,
    percentile,
    remove_db,
    say,
    verdict,
)

SCAN_MS = 16.0
SEARCH_MS = 30.0
WORDS = ("Arroz Azeite Leite Queijo Fiambre Iogurte Bolacha Café Chá Sumo Água Vinho Cerveja "
         "Pão Manteiga Atum Sardinha Bacalhau Frango Massa Feijão Grão Tomate Cebola Alho "
         "Batata Maçã Pêra Laranja Banana Detergente Sabonete Champô Papel Pilhas Vela "
         "Chocolate Bolo Farinha Açúcar Sal Pimenta Mel Compota Cereais Granola").split()
QUALIFIERS = ("magro meio-gordo gordo integral biológico extra premium light clássico "
              "tradicional caseiro fresco congelado").split()
SIZES = ("200 g", "250 g", "500 g", "1 kg", "75 cl", "1 L", "1,5 L", "6 un", "12 un", "33 cl")
TAXES = ("RED", "INT", "NOR")


def cache_path(n: int) -> Path:
    return CACHE / f"catalogue-{human(n)}-{datagen.cache_key()}.db"


def ensure(n: int) -> Path:
    path = cache_path(n)
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path
    say(f"generating a catalogue of {human(n)} products ...")
    remove_db(path)
    copy_db(datagen.ensure(0), path)
    rng = random.Random(50)
    rows = []
    for i in range(n):
        name = f"{rng.choice(WORDS)} {rng.choice(QUALIFIERS)} {rng.choice(SIZES)} #{i}"
        rows.append(dict(code=f"A{i:06d}", name=name,
                         price=Decimal(rng.randint(19, 2999)) / 100,
                         tax_code=rng.choice(TAXES), exemption_code=None, unit="UN",
                         product_type="P", barcode=ean13(f"5609{i:08d}"),
                         category=rng.choice(WORDS), active=True))
    app = open_shop(path)
    try:
        with app.unit(write=True) as uow:
            uow.session.execute(insert(Product), rows)
        with app.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        app.close()
    meta.write_text(json.dumps({"products": n}))
    return path


@dataclass(frozen=True)
class CatalogueFigures:
    products: int
    scan_p50: float
    scan_p99: float
    search_p50: float
    search_p99: float
    listing_p50: float
    searcher: str


def measure(n: int, runs: int, per_run: int) -> CatalogueFigures:
    path = ensure(n)
    app = open_shop(path, clock=FixedClock(datagen.sale_clock_start(0)))
    rng = random.Random(16)
    barcodes = [ean13(f"5609{rng.randrange(n):08d}") for _ in range(per_run)]
    texts = ["leite", "arroz int", "cafe", "5609000123", "choc", "vinho 75", "pao", "xyz"]
    state = {"i": 0}
    searcher = "Application.search_products(text, 48)"

    def scan():
        i = state["i"] = state["i"] + 1
        cart_line(app.product(barcodes[i % len(barcodes)]), 1)

    def search():
        i = state["i"] = state["i"] + 1
        app.search_products(texts[i % len(texts)], 48)

    def listing():
        i = state["i"] = state["i"] + 1
        app.products(texts[i % len(texts)])

    try:
        scan(), search(), listing()
        scans, searches, listings = [], [], []
        for _ in range(runs):
            collect()
            lat = latencies(scan, per_run)
            scans.append((percentile(lat, 50), percentile(lat, 99)))
            lat = latencies(search, max(20, per_run // 5))
            searches.append((percentile(lat, 50), percentile(lat, 99)))
            listings.append(percentile(latencies(listing, 8), 50))
    finally:
        app.close()
    figures = CatalogueFigures(n, median(s[0] for s in scans), median(s[1] for s in scans),
                               median(s[0] for s in searches), median(s[1] for s in searches),
                               median(listings), searcher)
    say(f"  catalogue @ {human(n)}: scan p50 {ms(figures.scan_p50)}, "
        f"search p50 {ms(figures.search_p50)}")
    return figures


def rows(f: CatalogueFigures) -> list[Row]:
    size = f"{human(f.products)} products"
    return [
        Row("scan-to-cart, core part (Application.product(barcode) + cart_line)", size,
            f"p50 {ms(f.scan_p50)} · p99 {ms(f.scan_p99)}", "—",
            f"(UI total < {SCAN_MS:.0f} ms)", verdict(f.scan_p99 < SCAN_MS / 1000)),
        Row(f"product search, core part ({f.searcher})", size,
            f"p50 {ms(f.search_p50)} · p99 {ms(f.search_p99)}", "—",
            f"(UI total < {SEARCH_MS:.0f} ms)", verdict(f.search_p99 < SEARCH_MS / 1000)),
        Row("full sorted listing (Application.products(text), caixa products)", size,
            f"p50 {ms(f.listing_p50)}", "—", "—", "n/a",
            note="sorts every match by category and name: not on the sale screen's path"),
    ]
