"""A shop with every kind of document Caixa issues (issue 14, "Done when"): on top of
tests/saft/inspected.py's shop (a recovered FT, a foreign FT with a discount, NC of the
program and on paper, ND, a cancelled FS, a paper guide with its AT code), an FS and an FR,
an FT to a Spanish company exempt under M16 with its supply date, an FT for a service on
contract and its full credit note with purpose and coded reason, a cancelled FT, an RG, an
electronic guide, an FS recovered from paper and a lost document re-entered as a duplicate.
``regional`` builds the small shop of a company in the Azores or Madeira.
"""

from datetime import date, timedelta
from decimal import Decimal

from .inspected import TYPOGRAPHY
from .inspected import build as build_inspected


def build(app) -> dict[str, str]:
    from pos.domain.complements import make_complements
    from pos.domain.customer import make_customer
    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest
    from pos.services.manual_recovery import DuplicateEntry, ManualEntry
    from pos.services.receipts import ReceiptRequest, Settlement

    out = build_inspected(app)
    app.add_series("RG", "A2026", "ATCRG2026X")
    app.add_series("FS", "R2026", "ATRFS2026X", kind="R")
    fs_book = app.add_book("FS", "fsp", 1, 50, validation_code="FSPA1234", **TYPOGRAPHY)
    pt = make_customer("123456789", "Cliente Exemplo, Lda.", "Rua A, 1", "Lisboa", "1000-001")
    es = make_customer("ESB87654321", "Compras Ibéricas, S.L.", "Gran Vía, 1", "Madrid",
                       "28013")

    def tick():
        app.clock.advance(minutes=3)

    def lines(*items):
        return tuple(cart_line(app.product(code), Decimal(qty)) for code, qty in items)

    tick()
    out["fs_paper"] = app.recover_manual(ManualEntry(
        number="00003", doc_date=date(2026, 3, 11), lines=lines(("CAF01", 2)),
        book_id=fs_book.id, payments=(("NU", None),))).document_no
    tick()
    out["fs"] = app.sell_items([("CAF01", Decimal(2)), ("PAO01", Decimal(1))], "FS",
                               payments=(("NU", Decimal("10")),)).document_no
    tick()
    out["fr"] = app.sell_items([("MER02", Decimal(1))], "FR", pt,
                               payments=(("MB", None),)).document_no
    tick()
    out["ft_exempt"] = app.sell_items(
        [("MER02", Decimal(3)), ("MER04", Decimal(2))], "FT", es, exemption="M16",
        complements=make_complements(supply_date=app.clock.now().date() - timedelta(days=2),
                                     contract="PED-2026-17")).document_no
    tick()
    service = app.sell_items([("SRV01", Decimal(4))], "FT", pt, complements=make_complements(
        contract="CT-0042", period_start=date(2026, 2, 1), period_end=date(2026, 2, 28)))
    out["ft_service"] = service.document_no
    tick()
    out["nc_full"] = app.credit(service.document_no, "Serviço não prestado",
                                complements=make_complements(
                                    purpose="substitution", reason_code="service_discontinued",
                                    contract="CT-0042")).document_no
    tick()
    cancelled = app.sell_items([("MER01", Decimal(1))], "FT", pt)
    tick()
    app.cancel(cancelled.document_no, "Cliente errado")
    out["ft_cancelled"] = cancelled.document_no
    tick()
    out["rg"] = app.settle(ReceiptRequest(settlements=(Settlement(out["ft_exempt"]),),
                                          payments=(("TB", None),))).document_no
    tick()
    out["gt"] = app.sell(IssueRequest(
        doc_type="GT", customer=pt, movement_start=app.clock.now() + timedelta(hours=2),
        lines=lines(("MER01", 6), ("MER04", 2)))).document_no
    # A restore lost FS A2026/3, the last one (its printed copy survives): the series is
    # closed at its real last number and the copy re-entered as a duplicate.
    tick()
    app.close_series_for_data_loss("Reposição de cópia de segurança", {("FS", "A2026"): 3})
    app.add_series("FS", "R2026B", "ATRFS2026Y", kind="R")      # every series was closed
    tick()
    out["fs_lost"] = "FS A2026/3"
    out["fs_duplicate"] = app.reenter_duplicate(DuplicateEntry(
        out["fs_lost"], app.clock.now().date(), lines(("CAF01", 2), ("PAO01", 1)),
        payments=(("NU", None),))).document_no
    return out


def regional(app, region: str) -> dict[str, str]:
    """A company in ``region`` (PT-AC, PT-MA): an FS, an FT and its partial credit note."""
    from pos.domain.customer import make_customer

    app.set_training_mode(False)
    app.set_tax_region(region)
    for code in ("FS", "FT", "NC"):
        app.add_series(code, "A2026", f"ATC{code}2026X")
    pt = make_customer("123456789", "Cliente Exemplo, Lda.", "Rua A, 1", "Lisboa", "1000-001")
    out = {}
    out["fs"] = app.sell_items([("CAF01", Decimal(2)), ("BEB05", Decimal(1))], "FS",
                               payments=(("NU", None),)).document_no
    app.clock.advance(minutes=3)
    ft = app.sell_items([("MER02", Decimal(2)), ("SRV01", Decimal(1))], "FT", pt)
    out["ft"] = ft.document_no
    app.clock.advance(minutes=3)
    out["nc"] = app.credit(ft.document_no, "Devolução", [(1, Decimal(1))]).document_no
    return out
