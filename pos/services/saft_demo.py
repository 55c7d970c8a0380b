"""A demo shop with every document type SAF-T exports, in normal (kind N) series.

On top of ``demo.init_demo`` (training series, training mode on) this issues a few training
documents, switches training off, registers normal series with made-up validation codes and
issues FS, FT, FR, NC (with line references), ND, a cancelled FT, GT (with movement start), OR
and RG, with exempt lines (SRV02 M07, SEL01 M99), a foreign customer and a customer without
NIF; then a last training document, so tests can check that none of them is exported.
"""

from datetime import datetime, timedelta
from decimal import Decimal

from pos.domain.documents import Customer, LineRef, cart_line
from pos.domain.errors import ValidationError
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
    doc = till.sell_items(items, "FS")
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
        doc = till.sell_items(items, doc_type, customer, payments, series_id)
        out[role] = doc.document_no
        return doc

    def issue(role, req):
        _tick(till)
        doc = till.sell(req)
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
    out["nc"] = till.credit(out["ft"], "Devolução de mercadoria",
                                 [(1, Decimal(1))]).document_no
    _tick(till)
    out["nc_fs"] = till.credit(out["fs"], "Artigo com defeito").document_no
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
    out["rg"] = till.settle(receipts.ReceiptRequest(
        settlements=(receipts.Settlement(out["ft"]), receipts.Settlement(out["nd"])),
        payments=(("TB", None),), series_id=series_id)).document_no
    _tick(till)
    out["rg_partial"] = till.settle(receipts.ReceiptRequest(
        settlements=(receipts.Settlement(out["ft_foreign"], Decimal("20.00")),),
        payments=(("CD", Decimal("5")), ("NU", None)), series_id=series_id)).document_no
    _tick(till)
    out["training_2"] = _training_sale(till, [("PAS01", 1), ("SRV02", 1)])
    return out


def _nif_pool(size: int) -> list[str]:
    from pos.domain.nif import check_digit
    return [f"2{i:07d}" + str(check_digit(f"2{i:07d}")) for i in range(1000, 1000 + size)]


def bulk_sales(till, n: int, series_id: str = "BULK", start: datetime | None = None,
               batch: int = 5000, progress=None) -> None:
    """``n`` signed simplified invoices (FS) inserted in bulk, for benchmarks and memory
    tests: each is priced by the domain and really signed in its chain, but the rows are
    written with executemany instead of one issuing transaction each. Demo company only.
    """
    from sqlalchemy import func, insert, select

    from pos.domain.documents import price_lines
    from pos.domain.series import atcud, document_number
    from pos.domain.signature import signature_message
    from pos.persistence.models import Company, DocumentRow, LineRow, PaymentRow, Series

    from .demo import DEMO_NIF

    with till.unit(write=False) as uow:
        if uow.session.get(Company, 1).nif != DEMO_NIF:
            raise ValidationError("Dados em massa só numa base de demonstração.")
    till.set_training_mode(False)
    if series_id not in {x.series_id for x in till.series() if x.doc_type == "FS"}:
        till.add_series("FS", series_id, f"BULK{series_id}FS".upper()[:20], "N")
    signer = till.keys.signer()
    products = [till.product(code) for code in ("PAO02", "CAF01", "BEB03", "MER05", "SEL01",
                                                "FRU02", "PAS01")]
    nifs = _nif_pool(500)
    now = start or datetime(till.clock.now().year, 1, 1, 8, 0, 0)
    with till.unit(write=False) as uow:
        s = uow.session
        series = s.scalars(select(Series).where(Series.doc_type == "FS",
                                                Series.series_id == series_id)).one()
        pk, code, number, prev = series.id, series.validation_code, series.last_number, \
            series.last_hash
        next_id = (s.scalar(select(func.max(DocumentRow.id))) or 0) + 1
    done = 0
    while done < n:
        docs, lines, pays = [], [], []
        for _ in range(min(batch, n - done)):
            number += 1
            now += timedelta(seconds=1)
            i = next_id + done
            picks = [products[(i + k * 3) % len(products)] for k in range(1 + i % 3)]
            priced, totals = price_lines([cart_line(p, 1 + (i + k) % 4)
                                          for k, p in enumerate(picks)], "PT", now.date())
            doc_no = document_number("FS", series_id, number)
            digest = signer.sign(signature_message(now.date(), now, doc_no, totals.gross,
                                                   prev))
            nif = nifs[i % len(nifs)] if i % 5 == 0 else CONSUMIDOR_FINAL_NIF
            docs.append(dict(
                id=i, uuid=f"00000000-0000-4000-8000-{i:012d}", till_id=till.till.id,
                series_pk=pk, doc_type="FS",
                series_id=series_id, series_kind="N", number=number, document_no=doc_no,
                atcud=atcud(code, number), invoice_date=now.date(), system_entry_date=now,
                customer_nif=nif, customer_name="Cliente" if i % 5 == 0 else
                "Consumidor final", customer_address="", customer_city="",
                customer_postal_code="", customer_country="PT", tax_region="PT",
                net_total=totals.net, tax_payable=totals.tax, gross_total=totals.gross,
                previous_hash=prev, hash=digest, hash_control=str(signer.version),
                key_version=signer.version, source_billing="P", user_login="caixa1",
                movement_start=None, manual_ref=None, ref_document_id=None, extra=None))
            lines += [dict(document_id=i, line_no=ln.line_no, product_code=ln.product_code,
                           description=ln.description, product_type=ln.product_type,
                           quantity=ln.quantity, unit=ln.unit, unit_price=ln.unit_price,
                           discount=ln.discount, gross_amount=ln.gross_amount,
                           net_amount=ln.net_amount, tax_amount=ln.tax_amount,
                           tax_code=ln.tax_code, tax_percentage=ln.tax_percentage,
                           exemption_code=ln.exemption_code,
                           exemption_reason=ln.exemption_reason) for ln in priced]
            pays.append(dict(document_id=i, method="NU", amount=totals.gross,
                             tendered=totals.gross))
            prev = digest
            done += 1
        with till.unit(write=True) as uow:
            s = uow.session
            conn = s.connection()   # Core executemany: the ORM's bulk path is 5x slower
            conn.execute(insert(DocumentRow.__table__), docs)
            conn.execute(insert(LineRow.__table__), lines)
            conn.execute(insert(PaymentRow.__table__), pays)
            by_doc: dict[int, list] = {}
            for ln in lines:
                by_doc.setdefault(ln["document_id"], []).append(ln)
            # Each document sealed in the till's chain, as issuing does.
            uow.chain.issued_many([(d["id"], d, by_doc.get(d["id"], []),
                                    [pays[k]]) for k, d in enumerate(docs)])
            row = s.get(Series, pk)
            row.last_number, row.last_hash = number, prev
            row.last_invoice_date, row.last_system_entry = now.date(), now
        if progress:
            progress(done)
