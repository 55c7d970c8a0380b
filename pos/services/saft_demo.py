"""A demo shop with every document type SAF-T exports, in normal (kind N) series.

On top of ``demo.init_demo`` (training series, training mode on) this issues a few training
documents, switches training off, registers normal series with made-up validation codes and
issues FS, FT, FR, NC (with line references), ND, a cancelled FT, GT (with movement start), OR
and RG, with exempt lines (SRV02 M07, SEL01 M99), a foreign customer and a customer without
NIF; then a last training document, so tests can check that none of them is exported.
"""

from datetime import timedelta
from decimal import Decimal

from pos.domain.documents import Customer, LineRef, cart_line
from pos.domain.nif import CONSUMIDOR_FINAL_NIF

from . import receipts
from .issuing import IssueRequest

NORMAL_TYPES = ("FS", "FT", "FR", "NC", "ND", "GT", "OR", "RG")

CUSTOMER_PT = Customer("123456789", "Cliente Exemplo, Lda.", "Avenida da Liberdade, 10",
                       "Lisboa", "1250-001", "PT")
CUSTOMER_ES = Customer("B12345678", "Cliente Español, S.L.", "Calle Mayor, 5", "Madrid",
                       "28013", "ES")
CUSTOMER_NO_NIF = Customer(CONSUMIDOR_FINAL_NIF, "Maria Silva", "Rua das Flores, 3", "Porto",
                           "4050-262", "PT")


def add_normal_series(till, series_id: str) -> None:
    """Register a normal series per type (validation codes are invented: no AT here)."""
    existing = {(s.doc_type, s.series_id) for s in till.series()}
    for code in NORMAL_TYPES:
        if (code, series_id) not in existing:
            till.add_series(code, series_id, f"SAFT{code}{series_id}".upper()[:20], "N")


def _tick(till, minutes: int = 7) -> None:
    # A FixedClock must move on, or every document would share one SystemEntryDate.
    if hasattr(till.clock, "advance"):
        till.clock.advance(minutes=minutes)


def _training_sale(till, items) -> str:
    till.set_training_mode(True)
    doc = till.sell(items, "FS")
    till.set_training_mode(False)
    return doc.document_no


def build(till, series_id: str | None = None) -> dict[str, str]:
    """Issue the demo documents; returns their numbers by role (e.g. 'ft_cancelled')."""
    series_id = series_id or f"S{till.clock.now().year}"
    out: dict[str, str] = {}
    out["training_1"] = _training_sale(till, [("CAF01", 2)])
    _tick(till)
    add_normal_series(till, series_id)

    def sell(role, items, doc_type, customer=None, payments=()):
        _tick(till)
        doc = till.sell(items, doc_type, customer, payments, series_id)
        out[role] = doc.document_no
        return doc

    def issue(role, req):
        _tick(till)
        doc = till.issue(req)
        out[role] = doc.document_no
        return doc

    def line(code, qty=1, reference=None):
        return cart_line(till.product(code), Decimal(str(qty)), reference=reference)

    sell("fs", [("CAF01", 2), ("PAO01", 1)], "FS", payments=(("NU", Decimal("10")),))
    sell("fs_exempt", [("SEL01", 3), ("JOR01", 1)], "FS", payments=(("CC", None),))
    ft = sell("ft", [("MER02", 2), ("SRV02", 1), ("PAS01", 3)], "FT", CUSTOMER_PT)
    sell("ft_foreign", [("BEB05", 6), ("FRU01", Decimal("1.250"))], "FT", CUSTOMER_ES)
    sell("ft_cancelled", [("HIG02", 2)], "FT", CUSTOMER_PT)
    _tick(till, 3)
    till.cancel(out["ft_cancelled"], "Erro na identificação do cliente")
    sell("fr_no_nif", [("BEB05", 2), ("SRV01", 1)], "FR", CUSTOMER_NO_NIF,
         (("MB", Decimal("10")), ("NU", None)))
    _tick(till)
    out["nc"] = till.credit_note(out["ft"], "Devolução de mercadoria",
                                 [(1, Decimal(1))]).document_no
    _tick(till)
    out["nc_fs"] = till.credit_note(out["fs"], "Artigo com defeito").document_no
    issue("nd", IssueRequest(
        doc_type="ND", customer=CUSTOMER_PT, series_id=series_id, ref_document_id=ft.id,
        lines=(line("SRV01", 1, LineRef(ft.document_no, 2, "Deslocação não faturada")),)))
    start = till.clock.now() + timedelta(hours=2)
    issue("gt", IssueRequest(
        doc_type="GT", customer=CUSTOMER_PT, series_id=series_id, movement_start=start,
        lines=(line("MER01", 10), line("MER04", 20), line("SEL01", 5))))
    issue("or", IssueRequest(
        doc_type="OR", customer=CUSTOMER_ES, series_id=series_id,
        lines=(line("SRV02", 2), line("BEB05", 12))))
    _tick(till)
    out["rg"] = receipts.issue_receipt(till, receipts.ReceiptRequest(
        settlements=(receipts.Settlement(out["ft"]), receipts.Settlement(out["nd"])),
        payments=(("TB", None),), series_id=series_id)).document_no
    _tick(till)
    out["rg_partial"] = receipts.issue_receipt(till, receipts.ReceiptRequest(
        settlements=(receipts.Settlement(out["ft_foreign"], Decimal("20.00")),),
        payments=(("CD", Decimal("5")), ("NU", None)), series_id=series_id)).document_no
    _tick(till)
    out["training_2"] = _training_sale(till, [("PAS01", 1), ("SRV02", 1)])
    return out
