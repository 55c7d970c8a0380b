"""Cash sessions: open with a float, X report at any time, close with a blind count (Z).

A session belongs to the till (one open session per till). Its documents are those entered
while it was open (SystemEntryDate from the opening to the closing), in the series kind the
till is using: training documents count only in training mode, so practising never moves
the real drawer figures. Cancelled documents are counted but add nothing.

Money in the drawer, expected = opening float + cash received (NU payments as applied, i.e.
net of change) − credit notes refunded in cash + cash in − cash out. Credit notes carry no
payment rows in the core, and at a till they are paid back over the counter, so this module
treats every credit note of the session as a cash refund (the Z shows them on their own
line, so a shop refunding by card can still see the figure).

The count is blind: ``close`` takes what the cashier counted without showing the expected
figure first, then stores expected and counted per method and returns the Z report with the
differences. Z numbers run 1, 2, 3… per till.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select

from pos.domain.documents import PAYMENT_METHODS
from pos.domain.errors import NotFoundError, StateError, ValidationError
from pos.domain.money import ZERO, round2, to_decimal
from pos.domain.text import check_text
from pos.persistence.models import (
    CashCount,
    CashMovement,
    CashSession,
    DocumentRow,
    LineRow,
    PaymentRow,
)
from pos.persistence.uow import UnitOfWork

SALES = ("FS", "FR", "FT", "ND")      # documents that sell (VAT adds up)
REFUNDS = ("NC",)                      # documents that give back (VAT subtracts)
PAID = ("FS", "FR", "RG")             # documents with payment rows
MOVEMENT_KINDS = ("in", "out", "drawer")


@dataclass(frozen=True)
class SessionInfo:
    id: int
    till: str
    user: str
    opened_at: datetime
    opening_float: Decimal
    status: str
    closed_at: datetime | None = None
    closed_by: str | None = None
    z_number: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class MethodTotal:
    method: str
    name: str
    amount: Decimal
    count: int


@dataclass(frozen=True)
class RateTotal:
    tax_code: str
    percentage: Decimal
    base: Decimal
    tax: Decimal

    @property
    def gross(self) -> Decimal:
        return self.base + self.tax


@dataclass(frozen=True)
class CountLine:
    method: str
    name: str
    expected: Decimal
    counted: Decimal

    @property
    def difference(self) -> Decimal:
        return self.counted - self.expected


@dataclass(frozen=True)
class CashReport:
    """An X report (``z_number`` None) or a Z report (numbered, with the count)."""

    session: SessionInfo
    at: datetime
    documents: int                       # signed documents entered in the session
    cancelled: int
    by_type: tuple[tuple[str, int], ...]
    sales_total: Decimal                 # FS/FR/FT/ND, VAT included, cancelled excluded
    refunds_total: Decimal               # credit notes
    on_credit: Decimal                   # FT/ND: invoiced, not paid at the till
    by_method: tuple[MethodTotal, ...]
    by_rate: tuple[RateTotal, ...]       # sales minus credit notes
    cash_in: Decimal
    cash_out: Decimal
    drawer_openings: int
    expected_cash: Decimal
    training: bool
    z_number: int | None = None
    counts: tuple[CountLine, ...] = ()

    @property
    def net_total(self) -> Decimal:
        return self.sales_total - self.refunds_total

    def expected(self, method: str) -> Decimal:
        """What should be in the drawer (cash) or on the terminal slips (other methods)."""
        if method == "NU":
            return self.expected_cash
        return next((m.amount for m in self.by_method if m.method == method), ZERO)

    @property
    def count_methods(self) -> tuple[str, ...]:
        """Methods to count at closing: cash always, plus every method used."""
        used = [m.method for m in self.by_method if m.method != "NU"]
        return ("NU", *used)


def _info(row: CashSession, till_code: str) -> SessionInfo:
    return SessionInfo(row.id, till_code, row.user_login, row.opened_at, row.opening_float,
                       row.status, row.closed_at, row.closed_by, row.z_number)


def _money(value: object, what: str) -> Decimal:
    amount = to_decimal(value, what)
    if amount < 0:
        raise ValidationError(f"O valor de {what} não pode ser negativo.")
    if amount != round2(amount):
        raise ValidationError(f"O valor de {what} tem no máximo 2 casas decimais.")
    if amount > Decimal("1000000"):
        raise ValidationError(f"O valor de {what} é demasiado grande.")
    return round2(amount)


def current(uow: UnitOfWork) -> SessionInfo | None:
    """This till's open session, if any."""
    row = _open_row(uow)
    return _info(row, uow.till.code) if row else None


def _open_row(uow: UnitOfWork) -> CashSession | None:
    return uow.session.scalars(select(CashSession).where(
        CashSession.till_id == uow.till.id, CashSession.status == "open")).first()


def _get(uow: UnitOfWork, session_id: int) -> CashSession:
    row = uow.session.get(CashSession, session_id)
    if row is None or row.till_id != uow.till.id:
        raise NotFoundError(f"Sessão de caixa {session_id} não existe nesta caixa.")
    return row


def get(uow: UnitOfWork, session_id: int) -> SessionInfo:
    return _info(_get(uow, session_id), uow.till.code)


def report(uow: UnitOfWork, row: CashSession, at: datetime) -> CashReport:
    """The figures of ``row`` from its opening to its closing (or to ``at``).

    Money columns are stored as exact text (``Dec``), so sums are made here with Decimal,
    never with SQL SUM (SQLite would add them as floats, PostgreSQL refuses text).
    """
    session = uow.session
    training = uow.till_settings.training
    end = row.closed_at or at
    in_session = (DocumentRow.till_id == row.till_id,
                  DocumentRow.system_entry_date >= row.opened_at,
                  DocumentRow.system_entry_date <= end,
                  DocumentRow.series_kind == ("F" if training else "N"))
    docs = session.execute(select(DocumentRow.doc_type, DocumentRow.status,
                                  DocumentRow.gross_total).where(*in_session)).all()
    types: dict[str, int] = {}
    totals: dict[str, Decimal] = {}
    for doc_type, status, gross in docs:
        types[doc_type] = types.get(doc_type, 0) + 1
        if status != "A":
            totals[doc_type] = totals.get(doc_type, ZERO) + gross
    valid = (*in_session, DocumentRow.status != "A")

    def gross(doc_types) -> Decimal:
        return round2(sum((totals.get(t, ZERO) for t in doc_types), ZERO))

    methods: dict[str, list] = {}
    for method, amount in session.execute(
            select(PaymentRow.method, PaymentRow.amount)
            .join(DocumentRow, DocumentRow.id == PaymentRow.document_id)
            .where(*valid, DocumentRow.doc_type.in_(PAID))):
        acc = methods.setdefault(method, [ZERO, 0])
        acc[0] += amount
        acc[1] += 1
    by_method = tuple(MethodTotal(m, PAYMENT_METHODS.get(m, m), round2(a), n)
                      for m, (a, n) in sorted(methods.items()))

    rates: dict[tuple[str, Decimal], list[Decimal]] = {}
    for doc_type, code, pct, base, tax in session.execute(
            select(DocumentRow.doc_type, LineRow.tax_code, LineRow.tax_percentage,
                   LineRow.net_amount, LineRow.tax_amount)
            .join(DocumentRow, DocumentRow.id == LineRow.document_id)
            .where(*valid, DocumentRow.doc_type.in_(SALES + REFUNDS))):
        sign = -1 if doc_type in REFUNDS else 1
        acc = rates.setdefault((code, pct.normalize()), [ZERO, ZERO])
        acc[0] += sign * base
        acc[1] += sign * tax
    by_rate = tuple(RateTotal(code, pct, round2(b), round2(t))
                    for (code, pct), (b, t) in sorted(rates.items(), key=lambda kv: kv[0][1]))

    cash_in = cash_out = ZERO
    drawer = 0
    for kind, amount in session.execute(select(CashMovement.kind, CashMovement.amount)
                                        .where(CashMovement.session_id == row.id)):
        if kind == "in":
            cash_in += amount
        elif kind == "out":
            cash_out += amount
        else:
            drawer += 1
    refunds = gross(REFUNDS)
    cash = next((m.amount for m in by_method if m.method == "NU"), ZERO)
    counts = tuple(
        CountLine(c.method, PAYMENT_METHODS.get(c.method, c.method), c.expected, c.counted)
        for c in session.scalars(select(CashCount).where(CashCount.session_id == row.id)
                                 .order_by(CashCount.id)))
    return CashReport(
        session=_info(row, uow.till.code), at=end, documents=len(docs),
        cancelled=sum(1 for d in docs if d.status == "A"),
        by_type=tuple(sorted(types.items())), sales_total=gross(SALES),
        refunds_total=refunds, on_credit=gross(("FT", "ND")), by_method=by_method,
        by_rate=by_rate, cash_in=cash_in, cash_out=cash_out, drawer_openings=drawer,
        expected_cash=row.opening_float + cash - refunds + cash_in - cash_out,
        training=training, z_number=row.z_number, counts=counts)


def open_session(uow: UnitOfWork, user: str, opening_float: object, now: datetime
                 ) -> SessionInfo:
    amount = _money(opening_float, "fundo de caixa")
    till = uow.till
    if _open_row(uow) is not None:
        raise StateError(f"A caixa {till.code} já tem uma sessão aberta.")
    row = CashSession(till_id=till.id, user_login=user, opened_at=now, opening_float=amount,
                      status="open")
    uow.session.add(row)
    uow.session.flush()
    uow.audit.append(now, user, "cash_open", f"{till.code} session {row.id} float {amount}")
    return _info(row, till.code)


def move(uow: UnitOfWork, session_id: int, user: str, kind: str, amount: object,
         reason: str, now: datetime) -> None:
    """Cash in, cash out, or a drawer opened without a sale (always audited)."""
    if kind not in MOVEMENT_KINDS:
        raise ValidationError(f"Movimento de caixa desconhecido: {kind}.")
    value = _money(amount, "movimento") if kind != "drawer" else ZERO
    if kind != "drawer" and value == 0:
        raise ValidationError("Indique o valor do movimento.")
    reason = check_text(reason, "o motivo", 100, required=False)   # cash_movements.reason
    row = _get(uow, session_id)
    if not row.status == "open":
        raise StateError("A sessão de caixa já está fechada.")
    uow.session.add(CashMovement(session_id=row.id, at=now, user_login=user, kind=kind,
                                 amount=value, reason=reason))
    uow.audit.append(now, user, f"cash_{kind}", f"session {row.id} {value}: {reason}")


def x_report(uow: UnitOfWork, session_id: int, now: datetime) -> CashReport:
    return report(uow, _get(uow, session_id), now)


def close(uow: UnitOfWork, session_id: int, user: str, counted: dict[str, object],
          now: datetime) -> CashReport:
    """Close with a blind count per method; returns the numbered Z report."""
    row = _get(uow, session_id)
    if row.status != "open":
        raise StateError(f"A sessão de caixa {session_id} já foi fechada "
                         f"(Z {row.z_number}).")
    x = report(uow, row, now)
    amounts = {m.upper(): _money(v, f"contagem {m}") for m, v in counted.items()}
    unknown = set(amounts) - set(PAYMENT_METHODS)
    if unknown:
        raise ValidationError(f"Meio de pagamento desconhecido: {sorted(unknown)[0]}.")
    if "NU" not in amounts:
        raise ValidationError("Conte o numerário da gaveta antes de fechar.")
    session = uow.session
    for method in dict.fromkeys((*x.count_methods, *amounts)):
        session.add(CashCount(session_id=row.id, method=method, expected=x.expected(method),
                              counted=amounts.get(method, ZERO)))
    last = session.scalar(select(func.max(CashSession.z_number))
                          .where(CashSession.till_id == row.till_id)) or 0
    row.status, row.closed_at, row.closed_by = "closed", now, user
    row.z_number = last + 1
    session.flush()
    uow.audit.append(now, user, "cash_close",
                     f"{uow.till.code} session {row.id} Z {row.z_number}")
    return report(uow, row, now)
