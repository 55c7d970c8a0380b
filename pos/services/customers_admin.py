"""The customer file as a manager keeps it: search, add, edit and remove, with the rules.

A customer is named by their tax number and country (a Portuguese NIF checked by its digit,
a foreign one as pos.domain.tax_ids reads it). Once documents name a customer, their tax
number and name cannot change (D8632 §3.3.3-3.3.4; SAF-T exports one CustomerID per tax
number): create a new customer instead. Address and contacts may change; documents keep the
address they were issued with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select

from pos.domain import fields
from pos.domain.errors import NotFoundError, ValidationError
from pos.domain.nif import CONSUMIDOR_FINAL_NIF, validate_nif
from pos.domain.tax_ids import split_tax_id
from pos.persistence.models import Customer, DocumentRow
from pos.persistence.uow import UnitOfWork

LOCKED = ("{name} já tem documentos emitidos: o número de contribuinte e o nome não podem "
          "mudar (Despacho 8632/2014, 3.3.3). Crie um cliente novo com os dados certos.")


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    nif: str
    name: str
    address: str
    city: str
    postal_code: str
    country: str
    documents: int            # documents issued to this tax number and country

    @property
    def locked(self) -> bool:
        """Tax number and name are fixed once documents name the customer."""
        return self.documents > 0


@dataclass(frozen=True)
class CustomerPage:
    items: tuple[CustomerInfo, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class CustomerData:
    nif: str
    name: str
    address: str
    city: str
    postal_code: str
    country: str


def customer_data(nif: object, name: object, address: object = "", city: object = "",
                  postal_code: object = "", country: object = None) -> CustomerData:
    raw = (str(nif) if nif is not None else "").strip()
    if not raw or raw == CONSUMIDOR_FINAL_NIF:
        raise ValidationError("Indique o número de contribuinte do cliente (sem ele, a venda "
                              "é a consumidor final e não precisa de ficha).")
    number, where = split_tax_id(raw, None if country in (None, "") else str(country))
    if where == "PT":
        number = validate_nif(number)
    return CustomerData(
        number, fields.text(name, "O nome do cliente", 100, min_len=2),
        fields.text(address, "A morada do cliente", 200, required=False),
        fields.text(city, "A localidade do cliente", 50, required=False),
        fields.postal_code(postal_code, where, required=False), where)


def _documents_of(uow: UnitOfWork, rows: list[Customer]) -> dict[tuple[str, str], int]:
    if not rows:
        return {}
    keys = {(c.nif, c.country) for c in rows}
    counts = uow.session.execute(
        select(DocumentRow.customer_nif, DocumentRow.customer_country, func.count())
        .where(DocumentRow.customer_nif.in_({k[0] for k in keys}))
        .group_by(DocumentRow.customer_nif, DocumentRow.customer_country)).all()
    return {(n, c): k for n, c, k in counts if (n, c) in keys}


def _info(c: Customer, counts: dict) -> CustomerInfo:
    return CustomerInfo(c.id, c.nif, c.name, c.address, c.city, c.postal_code, c.country,
                        counts.get((c.nif, c.country), 0))


def page(uow: UnitOfWork, text: str = "", offset: int = 0, limit: int = 50) -> CustomerPage:
    if offset < 0 or not 1 <= limit <= 1000:
        raise ValidationError("Página inválida: o início não é negativo e cada página tem "
                              "de 1 a 1000 clientes.")
    q = select(Customer)
    text = (text or "").strip()
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"

        def like(col):
            return col.like(pattern, escape="\\") if uow.is_sqlite \
                else col.ilike(pattern, escape="\\")
        q = q.where(or_(like(Customer.name), Customer.nif.startswith(text.replace(" ", "")),
                        like(Customer.city)))
    total = uow.session.scalar(select(func.count()).select_from(q.subquery()))
    rows = list(uow.session.scalars(q.order_by(Customer.name, Customer.id).offset(offset)
                                    .limit(limit)))
    counts = _documents_of(uow, rows)
    return CustomerPage(tuple(_info(c, counts) for c in rows), total, offset, limit)


def find(uow: UnitOfWork, customer_id: int) -> Customer:
    c = uow.session.get(Customer, customer_id)
    if c is None:
        raise NotFoundError(f"Cliente desconhecido: n.º {customer_id}.")
    return c


def get(uow: UnitOfWork, customer_id: int) -> CustomerInfo:
    c = find(uow, customer_id)
    return _info(c, _documents_of(uow, [c]))


def _same(uow: UnitOfWork, data: CustomerData, other_than: int | None = None):
    q = select(Customer).where(and_(Customer.nif == data.nif, Customer.country == data.country))
    if other_than is not None:
        q = q.where(Customer.id != other_than)
    return uow.session.scalars(q).first()


def add(uow: UnitOfWork, data: CustomerData, now: datetime, by: str) -> Customer:
    twin = _same(uow, data)
    if twin is not None:
        raise ValidationError(f"Já existe o cliente {data.country} {data.nif} ({twin.name}).")
    row = Customer(nif=data.nif, name=data.name, address=data.address, city=data.city,
                   postal_code=data.postal_code, country=data.country)
    uow.session.add(row)
    uow.session.flush()
    uow.audit.append(now, by, "customer_added", f"{row.id} {data.country} {data.nif}")
    return row


def update(uow: UnitOfWork, customer_id: int, changes: dict, now: datetime, by: str
           ) -> Customer:
    c = find(uow, customer_id)
    merged = {"nif": c.nif, "name": c.name, "address": c.address, "city": c.city,
              "postal_code": c.postal_code, "country": c.country, **changes}
    data = customer_data(**merged)
    if _documents_of(uow, [c]) and (data.nif, data.country, data.name) != (
            c.nif, c.country, c.name):
        raise ValidationError(LOCKED.format(name=c.name))
    twin = _same(uow, data, other_than=c.id)
    if twin is not None:
        raise ValidationError(f"Já existe o cliente {data.country} {data.nif} ({twin.name}).")
    diff = [k for k in ("nif", "name", "address", "city", "postal_code", "country")
            if getattr(data, k) != getattr(c, k)]
    for k in diff:
        setattr(c, k, getattr(data, k))
    if diff:
        uow.audit.append(now, by, "customer_changed", f"{c.id}: {', '.join(diff)}")
    return c


def remove(uow: UnitOfWork, customer_id: int, now: datetime, by: str) -> None:
    c = find(uow, customer_id)
    if _documents_of(uow, [c]):
        raise ValidationError(f"{c.name} já tem documentos emitidos: a ficha fica (a lei "
                              "guarda o histórico).")
    uow.session.delete(c)
    uow.audit.append(now, by, "customer_removed", f"{customer_id} {c.country} {c.nif}")
