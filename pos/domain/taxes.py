"""VAT rates by tax region with validity dates, and the exemption-reason table.

Sources: FISCAL-PT §8.1 (rates; Madeira reduced 4 % from 2024-10-01) and §7.5 (M codes).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .errors import ValidationError

REGIONS = ("PT", "PT-AC", "PT-MA")
TAX_CODES = ("RED", "INT", "NOR", "ISE")
TAX_CODE_NAMES = {"RED": "Taxa reduzida", "INT": "Taxa intermédia", "NOR": "Taxa normal",
                  "ISE": "Isento"}


@dataclass(frozen=True)
class TaxRate:
    region: str
    code: str
    percentage: Decimal
    valid_from: date
    valid_to: date | None = None  # exclusive

    def applies_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    @property
    def description(self) -> str:
        return f"{TAX_CODE_NAMES[self.code]} {self.region}"


_EPOCH = date(2012, 1, 1)
RATES: tuple[TaxRate, ...] = (
    TaxRate("PT", "RED", Decimal("6"), _EPOCH),
    TaxRate("PT", "INT", Decimal("13"), _EPOCH),
    TaxRate("PT", "NOR", Decimal("23"), _EPOCH),
    TaxRate("PT-AC", "RED", Decimal("4"), date(2021, 7, 1)),
    TaxRate("PT-AC", "INT", Decimal("9"), date(2021, 7, 1)),
    TaxRate("PT-AC", "NOR", Decimal("16"), date(2021, 7, 1)),
    TaxRate("PT-MA", "RED", Decimal("5"), _EPOCH, date(2024, 10, 1)),
    TaxRate("PT-MA", "RED", Decimal("4"), date(2024, 10, 1)),
    TaxRate("PT-MA", "INT", Decimal("12"), _EPOCH),
    TaxRate("PT-MA", "NOR", Decimal("22"), _EPOCH),
)


def rate_for(region: str, code: str, day: date) -> Decimal:
    """The VAT percentage in force for (region, code) on ``day``; ISE is 0."""
    if region not in REGIONS:
        raise ValidationError(f"Região fiscal desconhecida: {region} (use PT, PT-AC ou PT-MA).")
    if code == "ISE":
        return Decimal("0")
    for rate in RATES:
        if rate.region == region and rate.code == code and rate.applies_on(day):
            return rate.percentage
    raise ValidationError(f"Sem taxa de IVA {code} para {region} em {day.isoformat()}.")


def rates_in_force(day: date) -> list[TaxRate]:
    return [r for r in RATES if r.applies_on(day)]


# Code -> (printed mention, legal norm). FISCAL-PT §7.5 (AT table, June 2022, plus M26/M34).
EXEMPTIONS: dict[str, tuple[str, str]] = {
    "M01": ("Artigo 16.º, n.º 6 do CIVA", "Artigo 16.º, n.º 6, alíneas a) a d) do CIVA"),
    "M02": ("Artigo 6.º do Decreto-Lei n.º 198/90, de 19 de junho",
            "Artigo 6.º do Decreto-Lei n.º 198/90, de 19 de junho"),
    "M04": ("Isento artigo 13.º do CIVA", "Artigo 13.º do CIVA"),
    "M05": ("Isento artigo 14.º do CIVA", "Artigo 14.º do CIVA"),
    "M06": ("Isento artigo 15.º do CIVA", "Artigo 15.º do CIVA"),
    "M07": ("Isento artigo 9.º do CIVA", "Artigo 9.º do CIVA"),
    "M09": ("IVA - não confere direito a dedução", "Artigo 62.º alínea b) do CIVA"),
    "M10": ("IVA - regime de isenção", "Artigo 57.º do CIVA"),
    "M11": ("Regime particular do tabaco", "Decreto-Lei n.º 346/85, de 23 de agosto"),
    "M12": ("Regime da margem de lucro - Agências de viagens",
            "Decreto-Lei n.º 221/85, de 3 de julho"),
    "M13": ("Regime da margem de lucro - Bens em segunda mão",
            "Decreto-Lei n.º 199/96, de 18 de outubro"),
    "M14": ("Regime da margem de lucro - Objetos de arte",
            "Decreto-Lei n.º 199/96, de 18 de outubro"),
    "M15": ("Regime da margem de lucro - Objetos de coleção e antiguidades",
            "Decreto-Lei n.º 199/96, de 18 de outubro"),
    "M16": ("Isento artigo 14.º do RITI", "Artigo 14.º do RITI"),
    "M19": ("Outras isenções", "Isenções temporárias determinadas em diploma próprio"),
    "M20": ("IVA - regime forfetário", "Artigo 59.º-D n.º 2 do CIVA"),
    "M21": ("IVA - não confere direito à dedução", "Artigo 72.º n.º 4 do CIVA"),
    "M25": ("Mercadorias à consignação", "Artigo 38.º n.º 1 alínea a)"),
    "M26": ("Isenção de IVA com direito à dedução no cabaz alimentar",
            "Lei n.º 17/2023, de 14 de abril"),
    "M30": ("IVA - autoliquidação", "Artigo 2.º n.º 1 alínea i) do CIVA"),
    "M31": ("IVA - autoliquidação", "Artigo 2.º n.º 1 alínea j) do CIVA"),
    "M32": ("IVA - autoliquidação", "Artigo 2.º n.º 1 alínea l) do CIVA"),
    "M33": ("IVA - autoliquidação", "Artigo 2.º n.º 1 alínea m) do CIVA"),
    "M34": ("IVA - autoliquidação", "Artigo 2.º n.º 1 alínea n) do CIVA"),
    "M40": ("IVA - autoliquidação", "Artigo 6.º n.º 6 alínea a) do CIVA, a contrário"),
    "M41": ("IVA - autoliquidação", "Artigo 8.º n.º 3 do RITI"),
    "M42": ("IVA - autoliquidação", "Decreto-Lei n.º 21/2007, de 29 de janeiro"),
    "M43": ("IVA - autoliquidação", "Decreto-Lei n.º 362/99, de 16 de setembro"),
    "M99": ("Não sujeito ou não tributado",
            "Outras situações de não liquidação do imposto"),
}


def exemption_reason(code: str) -> str:
    """The mention printed and exported (SAF-T TaxExemptionReason, 6-60 chars)."""
    try:
        return EXEMPTIONS[code][0][:60]
    except KeyError:
        raise ValidationError(f"Código de isenção de IVA desconhecido: {code}.") from None
