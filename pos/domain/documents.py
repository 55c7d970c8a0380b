"""Sale documents as immutable values: customers, cart lines, priced lines and totals.

Shops price things with VAT included, so a line's amount is ``qty × shelf price − discount``
rounded to the cent, and the customer pays exactly the sum of those amounts. VAT is taken out
per tax rate (base = round(gross / (1 + rate))), and the per-line net and VAT are allocated so
that lines add up to the per-rate figures exactly: NetTotal + TaxPayable = GrossTotal.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .complements import Complements
from .errors import ValidationError
from .money import ZERO, net_of_vat, round2, to_decimal
from .nif import CONSUMIDOR_FINAL_NAME, CONSUMIDOR_FINAL_NIF
from .taxes import exemption_reason, rate_for
from .transport import Transport

MAX_DESCRIPTION = 200
MAX_NAME = 100
PAYMENT_METHODS = {
    "NU": "Numerário", "CC": "Cartão de crédito", "CD": "Cartão de débito",
    "MB": "Multibanco / MB WAY", "TB": "Transferência bancária", "CH": "Cheque",
    "OU": "Outros",
}
UNITS = ("UN", "KG", "L", "M", "H", "CX")


@dataclass(frozen=True)
class Customer:
    nif: str = CONSUMIDOR_FINAL_NIF
    name: str = CONSUMIDOR_FINAL_NAME
    address: str = ""
    city: str = ""
    postal_code: str = ""
    country: str = "PT"

    @property
    def is_final_consumer(self) -> bool:
        return self.nif == CONSUMIDOR_FINAL_NIF

    @property
    def has_address(self) -> bool:
        return bool(self.address.strip())


FINAL_CONSUMER = Customer()


@dataclass(frozen=True)
class ProductSnapshot:
    """What the document keeps of a product at the moment of sale."""

    code: str
    name: str
    unit_price: Decimal          # shelf price, VAT included
    tax_code: str                # RED | INT | NOR | ISE
    exemption_code: str | None = None
    unit: str = "UN"
    product_type: str = "P"      # P goods, S services (SAF-T ProductType)
    barcode: str | None = None


@dataclass(frozen=True)
class LineRef:
    """A credit/debit note line's reference to the document it corrects."""

    document_no: str
    line_no: int
    reason: str


@dataclass(frozen=True)
class CartLine:
    product: ProductSnapshot
    quantity: Decimal
    unit_price: Decimal          # normally the shelf price; a permitted override otherwise
    discount: Decimal = ZERO     # amount off the line, VAT included
    reference: LineRef | None = None
    rate: Decimal | None = None  # fixed VAT % (a credit note keeps the original's rate)

    @property
    def gross_amount(self) -> Decimal:
        return round2(self.quantity * self.unit_price) - round2(self.discount)


def cart_line(product: ProductSnapshot, quantity: object = 1, unit_price: object = None,
              discount: object = 0, reference: LineRef | None = None,
              rate: Decimal | None = None) -> CartLine:
    """Build a CartLine, checking the values a cashier could get wrong."""
    qty = to_decimal(quantity, "quantidade")
    price = product.unit_price if unit_price is None else to_decimal(unit_price, "preço")
    disc = to_decimal(discount, "desconto")
    if qty <= 0:
        raise ValidationError(f"Quantidade tem de ser positiva ({product.code}: {qty}).")
    if qty.as_tuple().exponent < -3:
        raise ValidationError(f"Quantidade com demasiadas casas decimais: {qty}.")
    if price < 0:
        raise ValidationError(f"Preço negativo não é permitido ({product.code}).")
    if disc < 0:
        raise ValidationError(f"Desconto negativo não é permitido ({product.code}).")
    line = CartLine(product, qty, price, disc, reference, rate)
    if disc > round2(qty * price):
        raise ValidationError(f"Desconto maior do que o valor da linha ({product.code}).")
    if len(product.name) > MAX_DESCRIPTION:
        raise ValidationError(f"Descrição demasiado longa ({product.code}).")
    return line


def credit_line(original, quantity: Decimal, reference: LineRef) -> CartLine:
    """The credit-note line that gives back ``quantity`` of ``original`` (a priced line of
    the corrected document): its unit price and VAT rate, and its discount in proportion,
    half-up to the cent. The refund a screen shows is this line's ``gross_amount``, so the
    screen and the credit note can never disagree. The proportional discount is capped at
    the value of what comes back (0.102 of a 0.107 kg line given away entirely would
    otherwise round to a discount larger than the goods)."""
    discount = min(round2(original.discount * quantity / original.quantity),
                   round2(quantity * original.unit_price))
    product = ProductSnapshot(original.product_code, original.description,
                              original.unit_price, original.tax_code, original.exemption_code,
                              original.unit, original.product_type)
    return cart_line(product, quantity, original.unit_price, discount, reference,
                     rate=original.tax_percentage)


@dataclass(frozen=True)
class PricedLine:
    line_no: int
    product_code: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal          # VAT included, as on the shelf
    discount: Decimal
    gross_amount: Decimal        # VAT included, after discount
    net_amount: Decimal
    tax_amount: Decimal
    tax_region: str
    tax_code: str
    tax_percentage: Decimal
    exemption_code: str | None
    exemption_reason: str | None
    product_type: str = "P"
    reference: LineRef | None = None

    @property
    def unit_price_net(self) -> Decimal:
        """SAF-T UnitPrice: net of VAT and of discounts."""
        return (self.net_amount / self.quantity).quantize(Decimal("0.000001"))

    @property
    def unit_price_without_vat(self) -> Decimal:
        """The shelf (or agreed) unit price without VAT, before the line's discount: what an
        invoice shows as the price net of tax (CIVA art. 36.º n.º 5 c)), to 4 decimals."""
        return (self.unit_price * 100 / (100 + self.tax_percentage)).quantize(
            Decimal("0.0001"))

    @property
    def settlement_amount(self) -> Decimal:
        """SAF-T SettlementAmount (P302 4.1.4.19.18): the line's discount, without VAT like
        every other amount of a SAF-T line."""
        return net_of_vat(self.discount, self.tax_percentage)


@dataclass(frozen=True)
class TaxSummary:
    region: str
    code: str
    percentage: Decimal
    exemption_code: str | None
    base: Decimal
    tax: Decimal

    @property
    def gross(self) -> Decimal:
        return self.base + self.tax


@dataclass(frozen=True)
class Totals:
    net: Decimal
    tax: Decimal
    gross: Decimal
    taxes: tuple[TaxSummary, ...] = field(default=())


def price_lines(lines: list[CartLine], region: str, day: date
                ) -> tuple[tuple[PricedLine, ...], Totals]:
    """Take VAT out of VAT-included line amounts, per rate, exactly to the cent."""
    if not lines:
        raise ValidationError("O documento não tem linhas.")
    groups: dict[tuple, list[int]] = {}
    drafts: list[dict] = []
    for i, line in enumerate(lines):
        p = line.product
        pct = line.rate if line.rate is not None else rate_for(region, p.tax_code, day)
        exemption = p.exemption_code if p.tax_code == "ISE" else None
        if p.tax_code == "ISE" and not exemption:
            raise ValidationError(f"Produto isento sem motivo de isenção: {p.code}.")
        gross = line.gross_amount
        net = net_of_vat(gross, pct)
        drafts.append(dict(line=line, pct=pct, exemption=exemption, gross=gross, net=net))
        groups.setdefault((p.tax_code, pct, exemption), []).append(i)

    summaries = []
    for (code, pct, exemption), idxs in groups.items():
        gross = sum((drafts[i]["gross"] for i in idxs), ZERO)
        base = net_of_vat(gross, pct)
        # Put the rounding difference on the largest line so lines add up to the rate base.
        diff = base - sum((drafts[i]["net"] for i in idxs), ZERO)
        if diff:
            biggest = max(idxs, key=lambda i: drafts[i]["gross"])
            drafts[biggest]["net"] += diff
        summaries.append(TaxSummary(region, code, pct, exemption, base, gross - base))

    priced = []
    for n, d in enumerate(drafts, start=1):
        line: CartLine = d["line"]
        p = line.product
        priced.append(PricedLine(
            line_no=n, product_code=p.code, description=p.name, quantity=line.quantity,
            unit=p.unit, unit_price=line.unit_price, discount=round2(line.discount),
            gross_amount=d["gross"], net_amount=d["net"], tax_amount=d["gross"] - d["net"],
            tax_region=region, tax_code=p.tax_code, tax_percentage=d["pct"],
            exemption_code=d["exemption"],
            exemption_reason=exemption_reason(d["exemption"]) if d["exemption"] else None,
            product_type=p.product_type, reference=line.reference))
    net = sum((s.base for s in summaries), ZERO)
    tax = sum((s.tax for s in summaries), ZERO)
    gross = sum((d["gross"] for d in drafts), ZERO)
    summaries.sort(key=lambda s: (s.percentage, s.code))
    return tuple(priced), Totals(net, tax, gross, tuple(summaries))


@dataclass(frozen=True)
class Payment:
    method: str
    amount: Decimal      # applied to the document
    tendered: Decimal    # handed over (cash may exceed the amount: change)


def settle(gross_total: Decimal, requested: list[tuple[str, Decimal | None]]
           ) -> tuple[tuple[Payment, ...], Decimal]:
    """Apply payments to a total. Returns (payments, change). Only cash gives change.

    A method without amount pays what is left. Payments must cover the total exactly,
    except cash which may exceed it.
    """
    if not requested:
        requested = [("NU", None)]
    remaining = gross_total
    out: list[Payment] = []
    change = ZERO
    for method, amount in requested:
        method = method.upper()
        if method not in PAYMENT_METHODS:
            raise ValidationError(f"Meio de pagamento desconhecido: {method}.")
        tendered = remaining if amount is None else round2(to_decimal(amount, "pagamento"))
        if tendered < 0:
            raise ValidationError("Valor de pagamento negativo.")
        applied = min(tendered, remaining)
        if tendered > remaining:
            if method != "NU":
                raise ValidationError(
                    f"O pagamento em {PAYMENT_METHODS[method]} excede o valor em dívida.")
            change += tendered - remaining
        remaining -= applied
        out.append(Payment(method, applied, tendered))
    if remaining > 0:
        raise ValidationError(f"Pagamento insuficiente: faltam {remaining:.2f} €.")
    return tuple(p for p in out if p.tendered > 0 or len(out) == 1), change


@dataclass(frozen=True)
class Document:
    """A signed document as stored; nothing here changes once it is signed, except status."""

    id: int
    uuid: str
    doc_type: str
    series_id: str
    series_kind: str
    number: int
    document_no: str
    atcud: str
    invoice_date: date
    system_entry_date: datetime
    customer: Customer
    lines: tuple[PricedLine, ...]
    totals: Totals
    payments: tuple[Payment, ...]
    previous_hash: str
    hash: str
    hash_control: str
    key_version: int
    source_billing: str
    status: str
    status_date: datetime
    status_reason: str | None
    user: str
    tax_region: str
    manual_ref: str | None = None
    at_doc_code: str | None = None
    movement_start: datetime | None = None
    transport: Transport | None = None     # load/unload places and vehicle of a guide
    complements: Complements | None = None  # supply date, contract, period, correction

    @property
    def training(self) -> bool:
        return self.series_kind == "F"

    @property
    def change(self) -> Decimal:
        return sum((p.tendered - p.amount for p in self.payments), ZERO)

    @property
    def issued_at(self) -> datetime:
        return self.system_entry_date
