"""A whole sale exempt from Portuguese VAT because of who buys and where the goods go: goods
to a company registered for VAT in another EU member state (RITI art. 14.º, M16), goods
exported out of the EU (CIVA art. 14.º, M05), services to a business established abroad,
taxed where it is (CIVA art. 6.º n.º 6 a), reverse charge, M40).

Shelf prices include VAT: an exempt sale charges them without it (the net price to the cent,
``money.net_of_vat``), each line exempt with the code's legal mention (SAF-T
TaxExemptionReason/Code). A line already exempt for its own reason keeps it.
"""

from dataclasses import replace
from datetime import date

from .documents import CartLine, Customer, cart_line
from .errors import ValidationError
from .money import net_of_vat
from .taxes import rate_for

# Code -> what the till and the command line call it.
SALE_EXEMPTIONS = {
    "M16": "Transmissão intracomunitária de bens (art. 14.º do RITI)",
    "M05": "Exportação de bens (art. 14.º do CIVA)",
    "M40": "Serviços a empresa estrangeira: autoliquidação (art. 6.º n.º 6 a) do CIVA)",
}
EU_MEMBERS = frozenset("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT "
                       "RO SE SI SK".split())
INVOICES = ("FT", "FR")
# The exemptions for goods (a product that is moved) and the one for services.
FOR_GOODS = ("M16", "M05")
FOR_SERVICES = ("M40",)


def sale_exemption(code: str | None) -> str | None:
    """The code as the core keeps it ('m16' → 'M16'); None for no exemption."""
    if code is None or not str(code).strip():
        return None
    value = str(code).strip().upper()
    if value not in SALE_EXEMPTIONS:
        listed = ", ".join(f"{c} ({name})" for c, name in SALE_EXEMPTIONS.items())
        raise ValidationError(f"Isenção desconhecida: {value[:10]!r}. Use {listed}.")
    return value


def check_sale_exemption(code: str, doc_type: str, customer: Customer) -> None:
    """An exempt sale is invoiced (FT or FR) to a customer identified by their tax number,
    from the country the exemption needs."""
    name = SALE_EXEMPTIONS[code]
    if doc_type not in INVOICES:
        raise ValidationError(f"Uma venda com isenção ({code}: {name}) emite-se em fatura (FT) "
                              "ou fatura-recibo (FR), não em " f"{doc_type}.")
    if customer.is_final_consumer:
        raise ValidationError(f"A isenção {code} ({name}) precisa do número de contribuinte do "
                              "cliente e do seu país.")
    if code == "M16" and (customer.country == "PT" or customer.country not in EU_MEMBERS):
        raise ValidationError(
            f"A transmissão intracomunitária (M16) é para um cliente registado para IVA noutro "
            f"Estado-Membro da UE; o país do cliente é {customer.country}.")
    if customer.country == "PT":
        raise ValidationError(f"A isenção {code} ({name}) é para um cliente estrangeiro; o país "
                              "do cliente é PT.")


def exempt_lines(lines: tuple[CartLine, ...], code: str, region: str, day: date
                 ) -> tuple[CartLine, ...]:
    """The lines of a sale exempt under ``code``: each at its price without VAT. A goods
    exemption covers no service, the services' one no goods: such a sale is split in two."""
    out = []
    for line in lines:
        if line.product.tax_code == "ISE":
            out.append(line)          # exempt for its own reason already
            continue
        service = line.product.product_type == "S"
        if code in FOR_GOODS and service or code in FOR_SERVICES and not service:
            what, other = ("bens", "serviços") if code in FOR_GOODS else ("serviços", "bens")
            raise ValidationError(
                f"A isenção {code} é para {what}; {line.product.name[:40]} é dos "
                f"{other}: fature-o num documento à parte.")
        pct = line.rate if line.rate is not None else rate_for(region, line.product.tax_code,
                                                               day)
        product = replace(line.product, tax_code="ISE", exemption_code=code,
                          unit_price=net_of_vat(line.product.unit_price, pct))
        out.append(cart_line(product, line.quantity, net_of_vat(line.unit_price, pct),
                             net_of_vat(line.discount, pct), line.reference))
    return tuple(out)
