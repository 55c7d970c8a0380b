"""MasterFiles: customers (named and implicit), products used, and the tax table.

Elements are built without a namespace and written inside the default-namespace root, so the
serialiser emits bare tags that belong to the SAF-T namespace, instead of repeating an
xmlns declaration on every element (tests parse the file and check the namespace).
"""

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from lxml.etree import Element, SubElement

from pos.domain.nif import CONSUMIDOR_FINAL_NAME, CONSUMIDOR_FINAL_NIF
from pos.domain.taxes import EXEMPTIONS, TAX_CODE_NAMES, rates_in_force

from .text import clean

UNKNOWN = "Desconhecido"
GENERIC_ID = "CF"


def add(parent, tag: str, text: str):
    el = SubElement(parent, tag)
    el.text = clean(text)
    return el


@lru_cache(maxsize=4096)
def customer_id(nif: str, name: str, address: str, city: str, postal: str,
                country: str) -> str:
    """A stable CustomerID (<= 30 chars) derived from the document's customer snapshot.

    Derived rather than looked up so each document finds its ID without a map in memory:
    the generic 'Consumidor final' is CF; a customer with a NIF is keyed by country and NIF
    (the NIF never changes once used, D8632 §3.3); a customer known only by name and address
    (no NIF) gets CF- and a digest of those fields, since FISCAL-PT §7.3 says implicit
    customers must still be exported, each as itself.
    """
    if nif == CONSUMIDOR_FINAL_NIF:
        if name in ("", CONSUMIDOR_FINAL_NAME) and not address.strip():
            return GENERIC_ID
        digest = hashlib.sha1("|".join((name, address, city, postal, country))
                              .encode("utf-8")).hexdigest()[:12].upper()
        return f"CF-{digest}"
    key = nif if country in ("PT", "") else f"{country}-{nif}"
    if len(key) > 30:
        key = f"{country}-" + hashlib.sha1(nif.encode("utf-8")).hexdigest()[:20].upper()
    return key


def _country(code: str) -> str:
    code = (code or "").upper()
    return code if len(code) == 2 and code.isalpha() else UNKNOWN


def customer_element(nif: str, name: str, address: str, city: str, postal: str,
                     country: str, cid: str):
    c = Element("Customer")
    add(c, "CustomerID", cid)
    add(c, "AccountID", UNKNOWN)          # no general ledger in an invoicing program
    add(c, "CustomerTaxID", nif)
    generic = cid == GENERIC_ID
    add(c, "CompanyName", (CONSUMIDOR_FINAL_NAME if generic else name or UNKNOWN)[:100])
    addr = SubElement(c, "BillingAddress")
    # FISCAL-PT §7.3: the generic customer's address fields are all 'Desconhecido'.
    add(addr, "AddressDetail", UNKNOWN if generic else (address.strip() or UNKNOWN)[:210])
    add(addr, "City", UNKNOWN if generic else (city.strip() or UNKNOWN)[:50])
    add(addr, "PostalCode", UNKNOWN if generic else (postal.strip() or UNKNOWN)[:20])
    add(addr, "Country", UNKNOWN if generic else _country(country))
    add(c, "SelfBillingIndicator", "0")
    return c


def generic_customer():
    return customer_element(CONSUMIDOR_FINAL_NIF, CONSUMIDOR_FINAL_NAME, "", "", "", "",
                            GENERIC_ID)


def product_element(code: str, description: str, ptype: str, group: str | None,
                    number_code: str | None):
    p = Element("Product")
    add(p, "ProductType", ptype if ptype in ("P", "S", "O", "E", "I") else "P")
    add(p, "ProductCode", code)
    if group:
        add(p, "ProductGroup", group[:50])
    add(p, "ProductDescription", description[:200])
    add(p, "ProductNumberCode", number_code or code)
    return p


def _describe(code: str, pct: str, region: str) -> str:
    return f"{TAX_CODE_NAMES.get(code, code)} {region} {pct}%"


def tax_table(used: Iterable[tuple[str, str, str]], company_region: str, day):
    """Rates in use plus those in force for the company's region at the period's end."""
    entries = {(region, code, pct) for region, code, pct in used}
    for rate in rates_in_force(day):
        if rate.region == company_region:
            entries.add((rate.region, rate.code, format(rate.percentage, "f")))
    table = Element("TaxTable")
    for region, code, pct in sorted(entries):
        e = SubElement(table, "TaxTableEntry")
        add(e, "TaxType", "IVA")
        add(e, "TaxCountryRegion", region)
        add(e, "TaxCode", code)
        add(e, "Description", _describe(code, pct, region))
        add(e, "TaxPercentage", pct)
    return table


def exemption_reason(code: str | None, stored: str | None) -> str | None:
    """The stored mention, or the table's when an old row lacks it (6-60 chars in SAF-T)."""
    if not code:
        return None
    text = stored or EXEMPTIONS.get(code, ("Isento",))[0]
    return text[:60] if len(text) >= 6 else f"{text} (IVA)"[:60]
