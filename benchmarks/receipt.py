"""One receipt: QR payload, layout (``printing.layout``) and ESC/POS bytes (``printing``).

The document is a real 4-line FS issued on a copy of the empty shop. The first render in a
process also imports python-escpos (what the first sale after launch pays), so it is shown
on its own; the other figures are medians of per-run medians of warm calls.
"""

import importlib
import time
from dataclasses import dataclass

from pos.services.ports import FixedClock

from . import datagen
from .common import (
    Row,
    collect,
    copy_db,
    latencies,
    median,
    ms,
    open_shop,
    percentile,
    remove_db,
    say,
)
from .common import work_dir as _work


@dataclass(frozen=True)
class ReceiptFigures:
    qr: float
    layout: float
    escpos_image: float
    escpos_native: float | None
    bytes_image: int
    bytes_native: int | None
    first: float


def _printing():
    try:
        layout = importlib.import_module("printing.layout")
        render = importlib.import_module("printing.escpos_render")
        profile = importlib.import_module("printing.profile")
    except ImportError as exc:
        return None, str(exc)
    return (layout, render, profile), ""


def measure(runs: int, per_run: int) -> ReceiptFigures | str:
    mods, why = _printing()
    if mods is None:
        return f"printing/ not importable ({why})"
    layout, render, profile_mod = mods
    db = copy_db(datagen.ensure(0), _work() / "receipt.db")
    app = open_shop(db, clock=FixedClock(datagen.sale_clock_start(0)))
    try:
        doc = app.sell_items([("PAO01", 2), ("CAF01", 1), ("FRU02", "1.250"), ("SEL01", 1)])
        issuer = app.issuer()
    finally:
        app.close()
        remove_db(db)
    image = profile_mod.Profile()
    native = profile_mod.Profile(name="tm-t20ii", columns=48, qr_mode="native",
                                 escpos_profile="TM-T20II")
    if not native.native_qr:
        native = None
    payload = app.qr(doc, issuer)

    start = time.perf_counter()
    first_bytes = render.render_receipt(doc, issuer, payload, image)
    first = time.perf_counter() - start

    def figures(fn):
        per_runs = []
        for _ in range(runs):
            collect()
            per_runs.append(percentile(latencies(fn, per_run), 50))
        return median(per_runs)

    qr = figures(lambda: app.qr(doc, issuer))
    lay = figures(lambda: layout.receipt_lines(doc, issuer, payload, image.columns))
    esc_image = figures(lambda: render.render_receipt(doc, issuer, payload, image))
    esc_native = bytes_native = None
    if native is not None:
        esc_native = figures(lambda: render.render_receipt(doc, issuer, payload, native))
        bytes_native = len(render.render_receipt(doc, issuer, payload, native))
    say(f"  receipt: layout {ms(lay)}, ESC/POS {ms(esc_image)} (image QR)")
    return ReceiptFigures(qr, lay, esc_image, esc_native, len(first_bytes), bytes_native,
                          first)


def rows(f: ReceiptFigures | str) -> list[Row]:
    if isinstance(f, str):
        return [Row("receipt layout + ESC/POS bytes", "1 receipt", "not yet measurable",
                    verdict="pending", note=f)]
    out = [
        Row("receipt: QR payload (Application.qr)", "1 receipt", ms(f.qr), verdict="n/a"),
        Row("receipt: layout (printing.layout.receipt_lines)", "1 receipt", ms(f.layout),
            verdict="n/a"),
        Row("receipt: layout + ESC/POS bytes, QR as image", "1 receipt",
            f"{ms(f.escpos_image)} · {f.bytes_image:,} bytes".replace(",", " "),
            verdict="n/a"),
        Row("receipt: first one after launch (imports python-escpos)", "1 receipt",
            ms(f.first), verdict="n/a"),
    ]
    if f.escpos_native is not None:
        out.insert(3, Row("receipt: layout + ESC/POS bytes, native QR (TM-T20II)",
                          "1 receipt", f"{ms(f.escpos_native)} · {f.bytes_native:,} bytes"
                          .replace(",", " "), verdict="n/a"))
    return out
