"""Sales over a period, as the back office's dashboard and reports show them: totals per VAT
rate, payment method, user and till, and by hour and by day.

Which documents count: the signed documents of every till whose invoice date falls in the
period, in the series kind this till is using (training documents only in training mode,
as the X and Z reports count them), cancelled ones left out. Sales are FS, FR, FT and ND;
credit notes (NC) subtract. Money per method is the payments of FS, FR and RG (a receipt
is money for an earlier invoice) less what credit notes gave back by that method, counted
as the X and Z reports count it. Money columns are exact text, so sums are made
here with Decimal, never with SQL SUM (see ``services.cash.report``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from pos.domain.documents import PAYMENT_METHODS
from pos.domain.errors import ValidationError
from pos.domain.money import ZERO, round2
from pos.persistence.models import DocumentRow, LineRow, PaymentRow, TillRow, User
from pos.persistence.uow import UnitOfWork

from .cash import PAID, REFUNDS, SALES, MethodTotal, RateTotal
from .cash import _refunds as refunds_by_method

MAX_DAYS = 366                  # a year at most: longer periods are the SAF-T's business


@dataclass(frozen=True)
class Share:
    """One user's or one till's part: documents counted and their total (VAT included)."""

    key: str
    name: str
    documents: int
    total: Decimal


@dataclass(frozen=True)
class SalesSummary:
    start: date
    end: date
    training: bool
    documents: int                      # sales and credit notes counted
    sales_count: int                    # of which sales (FS/FR/FT/ND)
    cancelled: int                      # cancelled in the period (not counted)
    sales: Decimal                      # FS/FR/FT/ND, VAT included
    refunds: Decimal                    # NC
    by_rate: tuple[RateTotal, ...]      # sales minus credit notes, per rate
    by_method: tuple[MethodTotal, ...]  # money received per method
    by_user: tuple[Share, ...]
    by_till: tuple[Share, ...]
    by_hour: tuple[Decimal, ...]        # 24 net totals, by the hour the document was made
    by_day: tuple[tuple[date, Decimal], ...]   # every day of the period, zeros included

    @property
    def net(self) -> Decimal:
        return self.sales - self.refunds

    @property
    def average(self) -> Decimal:
        """The average sale (credit notes left out)."""
        return round2(self.sales / self.sales_count) if self.sales_count else ZERO

    @property
    def vat(self) -> Decimal:
        return sum((r.tax for r in self.by_rate), ZERO)


def check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("O período termina antes de começar: troque as datas.")
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError(f"Escolha um período até {MAX_DAYS} dias (para um ano inteiro "
                              "ou mais, exporte o SAF-T).")


def _kind(uow: UnitOfWork) -> str:
    return "F" if uow.till_settings.training else "N"


def summary(uow: UnitOfWork, start: date, end: date) -> SalesSummary:
    check_period(start, end)
    session = uow.session
    in_period = (DocumentRow.invoice_date >= start, DocumentRow.invoice_date <= end,
                 DocumentRow.series_kind == _kind(uow))
    tills = dict(session.execute(select(TillRow.id, TillRow.code)).all())
    names = dict(session.execute(select(User.login, User.name)).all())
    hours = [ZERO] * 24
    days = {start + timedelta(days=i): ZERO for i in range((end - start).days + 1)}
    users: dict[str, list] = {}
    by_till: dict[str, list] = {}
    sales = refunds = ZERO
    counted = cancelled = sold = 0
    for doc_type, status, gross, login, till_id, entry, day in session.execute(
            select(DocumentRow.doc_type, DocumentRow.status, DocumentRow.gross_total,
                   DocumentRow.user_login, DocumentRow.till_id, DocumentRow.system_entry_date,
                   DocumentRow.invoice_date)
            .where(*in_period, DocumentRow.doc_type.in_(SALES + REFUNDS))):
        if status == "A":
            cancelled += 1
            continue
        counted += 1
        signed = -gross if doc_type in REFUNDS else gross
        if doc_type in REFUNDS:
            refunds += gross
        else:
            sales += gross
            sold += 1
        hours[entry.hour] += signed
        days[day] = days.get(day, ZERO) + signed
        for acc, key in ((users, login), (by_till, tills.get(till_id, str(till_id)))):
            entry_ = acc.setdefault(key, [0, ZERO])
            entry_[0] += 1
            entry_[1] += signed
    valid = (*in_period, DocumentRow.status != "A")

    methods: dict[str, list] = {}
    for method, amount in session.execute(
            select(PaymentRow.method, PaymentRow.amount)
            .join(DocumentRow, DocumentRow.id == PaymentRow.document_id)
            .where(*valid, DocumentRow.doc_type.in_(PAID))):
        acc = methods.setdefault(method, [ZERO, 0])
        acc[0] += amount
        acc[1] += 1
    # Money given back, by the X and Z reports' own rule (a note with no payments gave it
    # back in cash when it credits a document paid at the till).
    for back in refunds_by_method(session, valid):
        methods.setdefault(back.method, [ZERO, 0])[0] -= back.amount
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

    def shares(acc: dict[str, list], label) -> tuple[Share, ...]:
        return tuple(Share(k, label(k), n, round2(t))
                     for k, (n, t) in sorted(acc.items(), key=lambda kv: -kv[1][1]))

    return SalesSummary(
        start=start, end=end, training=_kind(uow) == "F", documents=counted, sales_count=sold,
        cancelled=cancelled, sales=round2(sales), refunds=round2(refunds),
        by_rate=tuple(RateTotal(c, p, round2(b), round2(t))
                      for (c, p), (b, t) in sorted(rates.items(), key=lambda kv: kv[0][1])),
        by_method=tuple(MethodTotal(m, PAYMENT_METHODS.get(m, m), round2(a), n)
                        for m, (a, n) in sorted(methods.items(), key=lambda kv: -kv[1][0])),
        by_user=shares(users, lambda k: names.get(k, k)),
        by_till=shares(by_till, lambda k: k),
        by_hour=tuple(round2(h) for h in hours),
        by_day=tuple((d, round2(v)) for d, v in sorted(days.items())))
