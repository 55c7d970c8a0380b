"""Cash sessions: open with a float, X report at any time, close with a blind count (Z).

A session belongs to the till. The shop's rule (the till setting ``session_rule``) says
whose it is: ``till`` (the default) — one open session per till, in which whoever signs in
sells; ``user`` — each cashier opens their own session (their own float and count) and only
their documents count in it. Its documents are those entered while it was open
(SystemEntryDate from the opening to the closing), in the series kind the till is using:
training documents count only in training mode, so practising never moves the real drawer
figures. Cancelled documents are counted but add nothing.

Money in the drawer, expected = opening float + cash received (NU payments as applied, i.e.
net of change) − cash refunded + cash in − cash out. A credit note issued at the till records
how its money went back (its payments: cash, or the card it came from); one without payments
(issued from the command line, or before refunds were recorded) is taken as refunded in cash
when it credits a document paid at the till, and as no money when it credits an invoice
paid later (FT, ND).
Other methods are expected at what they received minus what they gave back.

The count is blind: ``close`` takes what the cashier counted without showing the expected
figure first, then stores expected and counted per method and returns the Z report with the
differences. Z numbers run 1, 2, 3… per till.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import aliased

from pos.domain.closures import Totals
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

from . import closures, parked

SALES = ("FS", "FR", "FT", "ND")      # documents that sell (VAT adds up)
REFUNDS = ("NC",)                      # documents that give back (VAT subtracts)
PAID = ("FS", "FR", "RG")             # documents with payment rows
ON_CREDIT = ("FT", "ND")               # invoiced, paid later: not money at the till
MOVEMENT_KINDS = ("in", "out", "drawer")
SESSION_RULES = ("till", "user")


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
    scope: str = "till"            # 'till': anyone signed in sells in it; 'user': its user's

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
class Movement:
    """Cash put in or taken out of the drawer during the session, by whom and why."""

    at: datetime
    user: str
    kind: str                            # in | out
    amount: Decimal
    reason: str


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
    # Carried forward (pos.domain.closures), by mode (N fiscal, F training): the totals since
    # the last Z and the till's perpetual grand totals, as of the report.
    period: dict[str, Totals] = field(default_factory=dict)
    grand: dict[str, Totals] = field(default_factory=dict)
    refunds_by_method: tuple[MethodTotal, ...] = ()   # how credit notes gave money back
    movements: tuple[Movement, ...] = ()              # cash in and out, one by one
    parked: int = 0                      # sales parked on the till and not resumed yet
    parked_voided: int = 0               # parked sales given up during the session

    @property
    def net_total(self) -> Decimal:
        return self.sales_total - self.refunds_total

    def refunded(self, method: str) -> Decimal:
        return next((m.amount for m in self.refunds_by_method if m.method == method), ZERO)

    def expected(self, method: str) -> Decimal:
        """What should be in the drawer (cash) or on the terminal slips (other methods)."""
        if method == "NU":
            return self.expected_cash
        received = next((m.amount for m in self.by_method if m.method == method), ZERO)
        return received - self.refunded(method)

    @property
    def count_methods(self) -> tuple[str, ...]:
        """Methods to count at closing: cash always, plus every method used."""
        used = [m.method for m in (*self.by_method, *self.refunds_by_method)
                if m.method != "NU"]
        return ("NU", *dict.fromkeys(used))


def _info(row: CashSession, till_code: str) -> SessionInfo:
    return SessionInfo(row.id, till_code, row.user_login, row.opened_at, row.opening_float,
                       row.status, row.closed_at, row.closed_by, row.z_number,
                       row.scope or "till")


def _money(value: object, what: str) -> Decimal:
    amount = to_decimal(value, what)
    if amount < 0:
        raise ValidationError(f"O valor de {what} não pode ser negativo.")
    if amount != round2(amount):
        raise ValidationError(f"O valor de {what} tem no máximo 2 casas decimais.")
    if amount > Decimal("1000000"):
        raise ValidationError(f"O valor de {what} é demasiado grande.")
    return round2(amount)


def session_rule(uow: UnitOfWork) -> str:
    rule = uow.till_settings.get("session_rule")
    return rule if rule in SESSION_RULES else "till"


def current(uow: UnitOfWork, user: str | None = None) -> SessionInfo | None:
    """The session ``user`` sells in on this till: the till's open session, else their own
    (under the rule 'user'); None when one must be opened. Without ``user``: the till's
    session, or the only one open."""
    rows = _open_rows(uow)
    shared = [r for r in rows if (r.scope or "till") == "till"]
    if shared:
        return _info(shared[0], uow.till.code)
    if user is not None:
        mine = [r for r in rows if r.user_login == user]
        return _info(mine[0], uow.till.code) if mine else None
    return _info(rows[0], uow.till.code) if len(rows) == 1 else None


def open_sessions(uow: UnitOfWork) -> list[SessionInfo]:
    return [_info(r, uow.till.code) for r in _open_rows(uow)]


def _open_rows(uow: UnitOfWork) -> list[CashSession]:
    return list(uow.session.scalars(select(CashSession).where(
        CashSession.till_id == uow.till.id, CashSession.status == "open")
        .order_by(CashSession.id)))


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
    if (row.scope or "till") == "user":          # one cashier's own session
        in_session = (*in_session, DocumentRow.user_login == row.user_login)
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
    refunds_by_method = _refunds(session, valid)

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
    movements = []
    for m in session.scalars(select(CashMovement).where(CashMovement.session_id == row.id)
                             .order_by(CashMovement.id)):
        if m.kind == "in":
            cash_in += m.amount
        elif m.kind == "out":
            cash_out += m.amount
        else:
            drawer += 1
            continue
        movements.append(Movement(m.at, m.user_login, m.kind, m.amount, m.reason))
    refunds = gross(REFUNDS)
    cash = next((m.amount for m in by_method if m.method == "NU"), ZERO)
    cash_back = next((m.amount for m in refunds_by_method if m.method == "NU"), ZERO)
    parked_now, parked_voided = parked.counts(uow, row.opened_at, end)
    counts = tuple(
        CountLine(c.method, PAYMENT_METHODS.get(c.method, c.method), c.expected, c.counted)
        for c in session.scalars(select(CashCount).where(CashCount.session_id == row.id)
                                 .order_by(CashCount.id)))
    return CashReport(
        session=_info(row, uow.till.code), at=end, documents=len(docs),
        cancelled=sum(1 for d in docs if d.status == "A"),
        by_type=tuple(sorted(types.items())), sales_total=gross(SALES),
        refunds_total=refunds, on_credit=gross(ON_CREDIT), by_method=by_method,
        by_rate=by_rate, cash_in=cash_in, cash_out=cash_out, drawer_openings=drawer,
        expected_cash=row.opening_float + cash - cash_back + cash_in - cash_out,
        training=training, z_number=row.z_number, counts=counts,
        refunds_by_method=refunds_by_method, movements=tuple(movements),
        parked=parked_now if row.status == "open" else 0, parked_voided=parked_voided)


def _refunds(session, valid) -> tuple[MethodTotal, ...]:
    """How the session's credit notes gave money back, per method: their payments; a note
    that records none gave the whole of it back in cash when it credits a document paid at
    the till (FS, FR), and no money at all when it credits one paid later (FT, ND: the note
    lowers what the customer owes)."""
    credited = aliased(DocumentRow)
    notes = session.execute(select(DocumentRow.id, DocumentRow.gross_total,
                                   credited.doc_type)
                            .outerjoin(credited, credited.id == DocumentRow.ref_document_id)
                            .where(*valid, DocumentRow.doc_type.in_(REFUNDS))).all()
    if not notes:
        return ()
    paid: dict[int, list[tuple[str, Decimal]]] = {}
    for doc_id, method, amount in session.execute(
            select(PaymentRow.document_id, PaymentRow.method, PaymentRow.amount)
            .join(DocumentRow, DocumentRow.id == PaymentRow.document_id)
            .where(*valid, DocumentRow.doc_type.in_(REFUNDS))):
        paid.setdefault(doc_id, []).append((method, amount))
    methods: dict[str, list] = {}
    for doc_id, gross_total, of_type in notes:
        cash = [] if of_type in ON_CREDIT else [("NU", gross_total)]
        for method, amount in paid.get(doc_id) or cash:
            acc = methods.setdefault(method, [ZERO, 0])
            acc[0] += amount
            acc[1] += 1
    return tuple(MethodTotal(m, PAYMENT_METHODS.get(m, m), round2(a), n)
                 for m, (a, n) in sorted(methods.items()))


def open_session(uow: UnitOfWork, user: str, opening_float: object, now: datetime
                 ) -> SessionInfo:
    """Open a session under the till's rule: the till's one session, or ``user``'s own."""
    amount = _money(opening_float, "fundo de caixa")
    till = uow.till
    rule = session_rule(uow)
    rows = _open_rows(uow)
    shared = [r for r in rows if (r.scope or "till") == "till"]
    if shared:
        raise StateError(f"A caixa {till.code} já tem uma sessão aberta "
                         f"(de {shared[0].user_login}).")
    if rule == "till" and rows:
        raise StateError(f"A caixa {till.code} tem sessões abertas de "
                         f"{', '.join(r.user_login for r in rows)}: feche-as (Z) antes de "
                         "abrir a sessão da caixa.")
    if any(r.user_login == user for r in rows):
        raise StateError(f"{user} já tem uma sessão aberta na caixa {till.code}.")
    row = CashSession(till_id=till.id, user_login=user, opened_at=now, opening_float=amount,
                      status="open", scope=rule)
    uow.session.add(row)
    uow.session.flush()
    uow.audit.append(now, user, "cash_open",
                     f"{till.code} session {row.id} float {amount} ({rule})")
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
    period, grand = closures.running(uow, now)
    return replace(report(uow, _get(uow, session_id), now), period=period, grand=grand)


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
    closure = closures.z_closure(uow, now, user)      # sealed, carries the grand totals
    row.status, row.closed_at, row.closed_by = "closed", now, user
    row.z_number = closure.number
    session.flush()
    uow.audit.append(now, user, "cash_close",
                     f"{uow.till.code} session {row.id} Z {row.z_number}")
    return replace(report(uow, row, now), period=closure.totals, grand=closure.grand)
