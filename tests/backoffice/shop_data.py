"""A shop worth looking at, for screenshots: the demo shop on normal series with AT's codes,
two weeks of sales at every hour and by every method, invoices to customers, a credit note,
a cancellation, a copy, a closed cash session and an open one, duties for AT (one refused),
a typography book in use."""

from datetime import timedelta
from decimal import Decimal

from pos.domain.at import PARK, Outcome
from pos.domain.customer import make_customer
from tests.ui.fakes import reprinted

BASKETS = ([("PAO01", 4), ("CAF02", 2)], [("PAS01", 2), ("CAF01", 2)], [("MER02", 1)],
           [("BEB05", 6), ("MER03", 2)], [("PAO03", 1), ("PAS02", 3)], [("CAF02", 1)])
METHODS = ("NU", "NU", "CD", "MB", "NU", "CC")
USERS = ("caixa1", "gerente", "caixa1")


def seed(app, clock) -> None:
    app.set_training_mode(False)
    for code in ("FS", "FT", "FR", "NC", "ND", "GT", "OR", "RG"):
        app.add_series(code, "A2026", f"ATC{code}2026X")
    app.add_series("FS", "R2026", "ATRFS2026X", kind="R")
    start = clock.now()
    clock.at = start.replace(hour=8, minute=5) - timedelta(days=13)
    n = 0
    for day in range(14):
        hours = (8, 9, 10, 11, 12, 13, 15, 16, 17, 18) if day < 13 else (8, 9)   # today
        for hour in hours:
            for _ in range(1 + (hour in (9, 12, 13, 17)) + (day % 3 == 0)):
                basket = BASKETS[n % len(BASKETS)]
                app.sell_items(basket, payments=((METHODS[n % len(METHODS)], None),),
                               user=USERS[n % len(USERS)])
                n += 1
                clock.advance(minutes=7)
            clock.at = clock.at.replace(hour=hour + 1, minute=5)
        if day < 13:
            app.z_closure("gerente")       # each day closed, as the Z rule asks (issue 19)
        clock.at = clock.at.replace(hour=8, minute=5) + timedelta(days=1)
    clock.at = start
    customers = [("123456789", "Maria Silva", "Rua Direita, 10", "Coimbra", "3000-150"),
                 ("503504564", "Restaurante O Pátio, Lda.", "Av. da Liberdade, 200",
                  "Lisboa", "1250-147"),
                 ("ESB12345678", "Tienda Ejemplo SL", "Calle Mayor 1", "Madrid", "28013")]
    for nif, name, address, city, postal in customers:
        app.add_customer(nif, name, address, city, postal, user="gerente")
        app.sell_items([("MER02", 3), ("MER03", 2)], doc_type="FT",
                       customer=make_customer(nif, name, address, city, postal),
                       user="gerente")
    s = app.open_session("caixa1", "100")
    sale = app.sell_items([("PAO01", 2)], payments=(("NU", None),), user="caixa1")
    app.credit(sale.document_no, "Produto com defeito", [(1, Decimal(1))], user="gerente")
    other = app.sell_items([("CAF02", 1)], payments=(("NU", None),), user="caixa1")
    app.cancel(other.document_no, "Engano do operador", user="gerente")
    reprinted(app, sale.document_no, "gerente", "Talão perdido")
    app.close_session(s.id, "caixa1", {"NU": "101.50"})
    app.open_session("caixa1", "100")
    duties = app.claim_duties(1)
    for duty in duties:
        app.record_outcome(duty, Outcome(PARK, "NIF do adquirente inválido", "-7"))
    book = app.add_book("FS", "abc", 1, 50, "Tipografia Exemplo, Lda.", "509999999",
                        "AUT-0042/2021", "ABCD1234")
    app.set_book_status(book.id, "in_use")
    app.add_series("FS", "CX1N2027", "AAJFJ2KC")
