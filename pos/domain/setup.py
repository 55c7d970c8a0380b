"""Setting up a real shop: each step of the first run as a checked value.

A wizard (or ``caixa init --from shop.toml``) fills one step at a time; each ``*_step``
function checks its step and returns it as a frozen value, or raises a ValidationError
whose sentence names what to correct. Nothing is written until the whole ``ShopPlan`` is
committed in one unit of work (``Application.setup_commit``), so an abandoned set-up
leaves no shop behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import fields
from .doctypes import doc_type
from .documents import PAYMENT_METHODS
from .errors import ValidationError
from .nif import CONSUMIDOR_FINAL_NIF, validate_nif
from .series import KINDS, validate_series_id, validate_validation_code
from .taxes import REGIONS

LANGUAGES = {"pt": "Português", "en": "English"}
PRINTER_SCHEMES = ("tcp", "usb", "serial", "cups", "win", "file")


@dataclass(frozen=True)
class CompanyData:
    nif: str
    name: str
    address: str
    city: str
    postal_code: str
    tax_region: str = "PT"
    certificate_number: str = "0000"     # AT's number for this program (printed, QR 'R')
    business_name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class EstablishmentData:
    code: str = "Global"                 # SAF-T TaxEntity ('Global': the whole company)
    name: str = ""
    address: str = ""
    city: str = ""
    postal_code: str = ""


@dataclass(frozen=True)
class TillData:
    code: str = "CX1"
    name: str = "Caixa 1"


@dataclass(frozen=True, repr=False)
class AdminData:
    login: str
    name: str
    pin: str = field(repr=False)

    def __repr__(self) -> str:           # a PIN never reaches a log
        return f"AdminData(login={self.login!r}, name={self.name!r}, pin='***')"


@dataclass(frozen=True, repr=False)
class KeyChoice:
    """Generate a new signing key, or import one (PEM, with its password if any)."""

    pem: bytes | None = None
    password: bytes | None = field(default=None, repr=False)

    @property
    def generate(self) -> bool:
        return self.pem is None

    def __repr__(self) -> str:
        return "KeyChoice(generate)" if self.generate else "KeyChoice(import)"


@dataclass(frozen=True)
class PrinterData:
    """A till's receipt printer: where it is and its profile (printing/ reads it)."""

    connection: str                      # tcp:HOST[:PORT] usb:VID:PID serial:DEV cups: win: file:
    preset: str = "generic-80"
    options: tuple[tuple[str, str], ...] = ()   # profile options, e.g. (("qr_mode", "native"),)

    def config(self) -> dict:
        """The dict ``printing.connections.printer_from_config`` takes."""
        return {"connection": self.connection,
                "profile": {"preset": self.preset, **dict(self.options)}}


@dataclass(frozen=True)
class SeriesItem:
    doc_type: str
    series_id: str
    validation_code: str | None = None  # None: registered with AT through the webservice
    kind: str = "N"


@dataclass(frozen=True)
class SeriesPlan:
    items: tuple[SeriesItem, ...]

    @property
    def needs_at(self) -> bool:
        """Some series wait for AT's webservice to give them their code."""
        return any(i.validation_code is None for i in self.items)


@dataclass(frozen=True)
class ShopPlan:
    company: CompanyData
    admin: AdminData
    series: SeriesPlan
    establishment: EstablishmentData = EstablishmentData()
    till: TillData = TillData()
    key: KeyChoice = KeyChoice()
    payments: tuple[str, ...] = ("NU", "CD", "MB")
    printer: PrinterData | None = None
    language: str = "pt"


# ---- the steps -------------------------------------------------------------------------
def certificate_number(value: object) -> str:
    text = (str(value) if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or not 1 <= len(text) <= 4:
        raise ValidationError(f"Número de certificado do programa inválido: {value!r} (1 a 4 "
                              "algarismos, o que a AT atribuiu ao programa).")
    return text


def tax_region(value: object) -> str:
    text = (str(value) if value is not None else "").strip().upper()
    if text not in REGIONS:
        raise ValidationError(f"Região fiscal desconhecida: {value!r} (use PT para o "
                              "continente, PT-AC para os Açores ou PT-MA para a Madeira).")
    return text


def company_step(nif: object, name: object, address: object, city: object,
                 postal_code: object, tax_region_: object = "PT",
                 certificate_number_: object = "0000", business_name: object = "",
                 phone: object = "", email: object = "") -> CompanyData:
    raw = (str(nif) if nif is not None else "").strip()
    if not raw:
        raise ValidationError("Indique o NIF da empresa.")
    number = validate_nif(raw)
    if number == CONSUMIDOR_FINAL_NIF:
        raise ValidationError("999999990 é o NIF do consumidor final, não de uma empresa.")
    return CompanyData(
        number, fields.text(name, "O nome da empresa", 100, min_len=2),
        fields.text(address, "A morada da empresa", 200),
        fields.text(city, "A localidade da empresa", 50),
        fields.postal_code(postal_code), tax_region(tax_region_),
        certificate_number(certificate_number_),
        fields.text(business_name, "O nome comercial", 60, required=False),
        fields.phone(phone), fields.email(email))


def establishment_step(code: object = "Global", name: object = "", address: object = "",
                       city: object = "", postal_code: object = "") -> EstablishmentData:
    return EstablishmentData(
        fields.code(code or "Global", "O código do estabelecimento", 20),
        fields.text(name, "O nome do estabelecimento", 100, required=False),
        fields.text(address, "A morada do estabelecimento", 200, required=False),
        fields.text(city, "A localidade do estabelecimento", 50, required=False),
        fields.postal_code(postal_code, required=False))


def till_step(code: object = "CX1", name: object = "Caixa 1") -> TillData:
    code_ = fields.code(code or "CX1", "O código da caixa", 20)
    return TillData(code_, fields.text(name or code_, "O nome da caixa", 60))


def payments_step(codes: object) -> tuple[str, ...]:
    """The payment methods offered at the tills, in button order; cash is always there
    (change is given in cash and the drawer is counted)."""
    if isinstance(codes, str):
        codes = [c for c in codes.replace(";", ",").split(",")]
    chosen: list[str] = []
    for raw in codes or ():
        code = str(raw).strip().upper()
        if not code:
            continue
        if code not in PAYMENT_METHODS:
            raise ValidationError(f"Meio de pagamento desconhecido: {raw!r} (use "
                                  f"{', '.join(PAYMENT_METHODS)}).")
        if code in chosen:
            raise ValidationError(f"O meio de pagamento {code} aparece duas vezes.")
        chosen.append(code)
    if "NU" not in chosen:
        raise ValidationError("O numerário (NU) tem de estar entre os meios de pagamento: "
                              "o troco e a contagem da gaveta são em dinheiro.")
    return tuple(chosen)


def printer_step(connection: object, preset: object = "generic-80",
                 options: object = None) -> PrinterData:
    """What can be checked without the printing package (which checks the rest)."""
    spec = fields.text(connection, "A ligação da impressora", 200)
    scheme = spec.partition(":")[0].lower()
    if scheme not in PRINTER_SCHEMES:
        raise ValidationError(f"Ligação de impressora desconhecida: {spec!r} (use tcp:ENDEREÇO, "
                              "usb:VID:PID, serial:DISPOSITIVO, cups:NOME, win:NOME ou "
                              "file:CAMINHO).")
    preset_ = fields.code(preset or "generic-80", "O perfil da impressora", 40)
    pairs = []
    for key, value in dict(options or {}).items():
        key_ = fields.code(key, "A opção da impressora", 30)
        pairs.append((key_, fields.text(value, f"A opção {key_}", 200)))
    return PrinterData(spec, preset_, tuple(sorted(pairs)))


def language(value: object) -> str:
    text = (str(value) if value is not None else "").strip().lower()
    if text not in LANGUAGES:
        raise ValidationError(f"Língua desconhecida: {value!r} (use pt ou en).")
    return text


def series_item(doc_type_code: object, series_id: object, validation_code: object = None,
                kind: object = "N") -> SeriesItem:
    dtype = doc_type(str(doc_type_code or ""))
    sid = validate_series_id(str(series_id or "").strip())
    kind_ = str(kind or "N").strip().upper()
    if kind_ not in KINDS:
        raise ValidationError(f"Tipo de série desconhecido: {kind!r} (use N, F ou R).")
    code = str(validation_code).strip() if validation_code not in (None, "") else None
    if code is not None:
        code = validate_validation_code(code)
    elif kind_ == "F":
        raise ValidationError(f"A série de formação {sid} ({dtype.code}) não se comunica à AT: "
                              "indique-lhe um código.")
    return SeriesItem(dtype.code, sid, code, kind_)


def series_step(items: list[SeriesItem]) -> SeriesPlan:
    seen: set[tuple[str, str]] = set()
    for item in items:
        key = (item.doc_type, item.series_id.upper())
        if key in seen:
            raise ValidationError(f"A série {item.series_id} para {item.doc_type} aparece "
                                  "duas vezes.")
        seen.add(key)
    if not any(i.doc_type in ("FS", "FR", "FT") and i.kind == "N" for i in items):
        raise ValidationError("Indique pelo menos uma série normal de faturação (FS, FR ou "
                              "FT): sem ela a loja não vende.")
    return SeriesPlan(tuple(items))
