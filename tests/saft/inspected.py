"""A shop whose documents relate to each other the way an inspector cross-checks them.

On the demo shop in normal and recovery series: an FT recovered from paper, an FT to a
Spanish company typed with its VAT prefix and a discounted line, a credit note of the
program and two paper credit notes (one citing the program's FT, the other the paper FT by
its paper number) that together credit exactly what was sold, an ND, a cancelled FS, and a
paper transport guide with its vehicle. Every rule the validator checks holds in its export.
"""

from datetime import date, datetime
from decimal import Decimal

TYPOGRAPHY = dict(typography_name="Tipografia Exemplo, Lda.", typography_nif="509999999",
                  authorization="AUT-0042/2021")


def build(app) -> dict[str, str]:
    """Issue the documents; returns their numbers by role."""
    from pos.domain.customer import make_customer
    from pos.domain.documents import LineRef, cart_line
    from pos.services.issuing import IssueRequest
    from pos.services.manual_recovery import ManualEntry
    from pos.services.manual_transport import Address, PaperTransport

    app.set_training_mode(False)
    for code in ("FS", "FT", "FR", "NC", "ND", "GT"):
        app.add_series(code, "A2026", f"ATC{code}2026X")
    for code in ("FT", "NC", "GT"):
        app.add_series(code, "R2026", f"ATR{code}2026X", kind="R")
    app.start_inoperability(datetime(2026, 3, 9, 8, 0), "Avaria do computador",
                            ended_at=datetime(2026, 3, 12, 20, 0))
    ft_book = app.add_book("FT", "abc", 1, 50, validation_code="ABCD1234", **TYPOGRAPHY)
    nc_book = app.add_book("NC", "nca", 1, 20, validation_code="NCAB1234", **TYPOGRAPHY)
    gt_book = app.add_book("GT", "gt", 1, 20, validation_code="GTVALID1", **TYPOGRAPHY)
    pt = make_customer("123456789", "Cliente Exemplo, Lda.", "Rua A, 1", "Lisboa", "1000-001")
    es = make_customer("ESB12345678", "Cliente Español, S.L.", "Calle Mayor, 5", "Madrid",
                       "28013")
    out: dict[str, str] = {}

    def tick():
        app.clock.advance(minutes=3)

    def lines(*items):
        return tuple(cart_line(app.product(code), Decimal(qty)) for code, qty in items)

    def paper(book, number, day, items, **kw):
        tick()
        return app.recover_manual(ManualEntry(number=number, doc_date=day, lines=lines(*items),
                                        book_id=book.id, **kw)).document_no

    out["ft_paper"] = paper(ft_book, "00005", date(2026, 3, 10),
                            (("PAO01", 2), ("MER02", 1)), customer=pt)
    tick()
    ft = app.sell(IssueRequest(doc_type="FT", customer=es, lines=(
        cart_line(app.product("MER02"), 2, discount=Decimal("1.06")),
        cart_line(app.product("PAO01"), 2))))
    out["ft"] = ft.document_no
    tick()
    out["nc"] = app.credit(ft.document_no, "Devolução", [(2, Decimal(1))]).document_no
    # Paper notes: one more PAO01 of the program's FT, one MER02 of the paper FT.
    out["nc_paper_ft"] = paper(nc_book, "01", date(2026, 3, 11), (("PAO01", 1),),
                               customer=es, reference=ft.document_no,
                               reason="Devolução em papel")
    out["nc_paper_paper"] = paper(nc_book, "02", date(2026, 3, 12), (("MER02", 1),),
                                  customer=pt, reference="FT abc/00005",
                                  reason="Artigo danificado")
    tick()
    out["nd"] = app.sell(IssueRequest(
        doc_type="ND", customer=es, ref_document_id=ft.id,
        lines=(cart_line(app.product("SRV01"), 1,
                         reference=LineRef(ft.document_no, 1, "Portes")),))).document_no
    tick()
    fs = app.sell_items([("CAF01", 2)], "FS")
    tick()
    app.cancel(fs.document_no, "Erro de registo")
    out["fs_cancelled"] = fs.document_no
    tick()
    out["gt_paper"] = app.record_paper_transport(PaperTransport(
        ManualEntry(number="0003", doc_date=date(2026, 3, 12), book_id=gt_book.id,
                    lines=lines(("MER01", 10), ("MER04", 4)), customer=pt),
        movement_start=datetime(2026, 3, 12, 8, 30), at_code="PHONE-42", vehicle="AA-00-BB",
        load=Address("Armazém, Rua da Sé, 1", "Lisboa", "1100-585"))).document_no
    return out
