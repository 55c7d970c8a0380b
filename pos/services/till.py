"""The use cases the interfaces call. Returns immutable domain values, never ORM rows."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from pos.domain.company import Issuer
from pos.domain.documents import Customer, Document, cart_line
from pos.domain.errors import IntegrityError, NotFoundError, ValidationError
from pos.domain.nif import CONSUMIDOR_FINAL_NAME, CONSUMIDOR_FINAL_NIF, validate_nif
from pos.domain.qr import document_qr
from pos.domain.tax_ids import split_tax_id
from pos.persistence import mapping
from pos.persistence.db import Database
from pos.persistence.models import Company, DocumentRow, Reprint

from . import audit, catalogue, corrections, integrity, issuing, series_admin, settings
from .keys import KeyService
from .ports import Clock


@dataclass(frozen=True)
class DocumentSummary:
    document_no: str
    doc_type: str
    invoice_date: date
    system_entry_date: datetime
    customer_nif: str
    gross_total: Decimal
    status: str
    atcud: str


def make_customer(nif: str | None, name: str | None = None, address: str = "",
                  city: str = "", postal_code: str = "", country: str | None = None
                  ) -> Customer:
    """A customer from what the cashier typed; no NIF means 'Consumidor final'.

    The tax number is stored without its country prefix (Portaria 302/2016 2.2.3, QR field
    B), the country in its own field; ``country`` None lets a prefix say which country it is
    (no prefix: Portugal). See pos.domain.tax_ids.
    """
    if name is not None and len(name) > 100:
        raise ValidationError("O nome do cliente tem no máximo 100 caracteres.")
    if len(address) > 200:
        raise ValidationError("A morada do cliente tem no máximo 200 caracteres.")
    if not nif or nif == CONSUMIDOR_FINAL_NIF:
        return Customer(CONSUMIDOR_FINAL_NIF, name or CONSUMIDOR_FINAL_NAME, address, city,
                        postal_code, (country or "PT").upper())
    nif, country = split_tax_id(nif, country)
    if country == "PT":
        nif = validate_nif(nif)
    return Customer(nif, name or "Cliente", address, city, postal_code, country)


class Till:
    def __init__(self, db: Database, keys: KeyService, clock: Clock):
        self.db, self.keys, self.clock = db, keys, clock

    # ---- catalogue -------------------------------------------------------------------
    def products(self, text: str = "", limit: int | None = None):
        with self.db.read() as s:
            return catalogue.search(s, text, limit)

    def product(self, code: str):
        with self.db.read() as s:
            return catalogue.lookup(s, code)

    # ---- issuing ---------------------------------------------------------------------
    def issue(self, req: issuing.IssueRequest) -> Document:
        signer = self.keys.signer()
        with self.db.write() as s:
            return issuing.issue(s, req, signer, self.clock.now, self.db.is_sqlite)

    def sell(self, items: list[tuple[str, object]], doc_type: str = "FS",
             customer: Customer | None = None,
             payments: tuple[tuple[str, Decimal | None], ...] = (),
             series_id: str | None = None, user: str = "admin",
             confirm_clock: bool = False) -> Document:
        if not items:
            raise ValidationError("Indique pelo menos um artigo.")
        with self.db.read() as s:
            lines = tuple(cart_line(catalogue.lookup(s, code), qty) for code, qty in items)
        return self.issue(issuing.IssueRequest(
            doc_type=doc_type.upper(), lines=lines, customer=customer or Customer(),
            payments=payments, series_id=series_id, user=user, confirm_clock=confirm_clock))

    def cancel(self, document_no: str, reason: str, user: str = "admin") -> Document:
        with self.db.write() as s:
            corrections.cancel(s, document_no, reason, user, self.clock.now())
        return self.document(document_no)

    def credit_note(self, document_no: str, reason: str,
                    picks: list[tuple[int, Decimal | None]] | None = None,
                    user: str = "admin") -> Document:
        signer = self.keys.signer()
        with self.db.write() as s:
            req = corrections.credit_note_request(s, document_no, reason, picks, user)
            return issuing.issue(s, req, signer, self.clock.now, self.db.is_sqlite)

    def record_reprint(self, document_no: str, user: str, reason: str = "") -> int:
        """Record a copy printed after the original; returns its copy number (1 = first)."""
        if len(reason) > 100:
            raise ValidationError("O motivo da reimpressão tem no máximo 100 caracteres.")
        now = self.clock.now()
        with self.db.write() as s:
            row = corrections.find(s, document_no)
            copies = s.scalar(select(func.count()).select_from(Reprint)
                              .where(Reprint.document_id == row.id)) or 0
            s.add(Reprint(document_id=row.id, at=now, user_login=user, reason=reason,
                          copy_number=copies + 1))
            audit.record(s, now, user, "reprint", f"{document_no} copy {copies + 1}: {reason}")
        return copies + 1

    # ---- reading ---------------------------------------------------------------------
    def document(self, document_no: str) -> Document:
        with self.db.read() as s:
            row = s.scalars(select(DocumentRow).where(DocumentRow.document_no == document_no)
                            ).first()
            if row is None:
                raise NotFoundError(f"Documento não encontrado: {document_no}.")
            return mapping.row_to_document(row)

    def documents(self, limit: int = 100) -> list[DocumentSummary]:
        with self.db.read() as s:
            rows = s.execute(select(
                DocumentRow.document_no, DocumentRow.doc_type, DocumentRow.invoice_date,
                DocumentRow.system_entry_date, DocumentRow.customer_nif,
                DocumentRow.gross_total, DocumentRow.status, DocumentRow.atcud)
                .order_by(DocumentRow.id.desc()).limit(limit)).all()
        return [DocumentSummary(*r) for r in rows]

    def issuer(self) -> Issuer:
        with self.db.read() as s:
            c = s.get(Company, 1)
            if c is None:
                raise ValidationError("A empresa ainda não está configurada ('caixa init').")
            return Issuer(c.nif, c.name, c.address, c.city, c.postal_code, c.country,
                          c.tax_region, c.business_name, c.establishment, c.phone, c.email,
                          settings.get(s, "certificate_number"),
                          producer=settings.producer(s))

    def qr(self, doc: Document, issuer: Issuer | None = None) -> str:
        issuer = issuer or self.issuer()
        return document_qr(doc, issuer.nif, issuer.certificate_number)

    # ---- series and settings ---------------------------------------------------------
    def series(self) -> list[series_admin.SeriesInfo]:
        with self.db.read() as s:
            return series_admin.listing(s)

    def add_series(self, doc_type: str, series_id: str, validation_code: str | None,
                   kind: str = "N", user: str = "admin") -> None:
        with self.db.write() as s:
            series_admin.add(s, doc_type, series_id, validation_code, kind, self.clock.now(),
                             user)

    def training_mode(self) -> bool:
        with self.db.read() as s:
            return settings.training_mode(s)

    def set_training_mode(self, on: bool, user: str = "admin") -> None:
        with self.db.write() as s:
            settings.put(s, "training_mode", "on" if on else "off")
            audit.record(s, self.clock.now(), user, "training", "on" if on else "off")

    # ---- integrity -------------------------------------------------------------------
    def verify(self) -> integrity.Report:
        report = integrity.verify(self.db, self.keys.verifiers())
        if not report.ok:
            integrity.block(self.db, report.text(), self.clock.now())
        return report

    def quick_check(self) -> None:
        """What runs before the till opens; blocks issuing when the data was altered."""
        problems = integrity.quick_check(self.db, self.keys.verifiers())
        if problems:
            text = "\n".join(f"- {p}" for p in problems)
            integrity.block(self.db, text, self.clock.now())
            raise IntegrityError("Dados fiscais alterados:\n" + text)

    def acknowledge_integrity(self, user: str) -> bool:
        return integrity.acknowledge(self.db, user, self.clock.now())
