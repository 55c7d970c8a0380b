"""A demo shop: company, catalogue, users and training series (documents say 'Formação')."""

from datetime import datetime

from sqlalchemy import select

from pos.domain.doctypes import DOC_TYPES
from pos.domain.errors import ValidationError
from pos.domain.fields import sort_key
from pos.persistence.models import Company
from pos.persistence.uow import TillRef, UnitOfWork

from . import catalogue, products_admin, series_admin, tills, users

DEMO_NIF = "599999993"   # a valid test NIF (check digit), not a real company

# code, name, price (VAT included), tax code, exemption, unit, type, category
CATALOGUE = [
    ("PAO01", "Pão de forma", "1.89", "RED", None, "UN", "P", "Padaria"),
    ("PAO02", "Papo-seco", "0.18", "RED", None, "UN", "P", "Padaria"),
    ("PAO03", "Broa de milho", "2.10", "RED", None, "UN", "P", "Padaria"),
    ("PAS01", "Pastel de nata", "1.20", "INT", None, "UN", "P", "Pastelaria"),
    ("PAS02", "Bola de Berlim", "1.50", "INT", None, "UN", "P", "Pastelaria"),
    ("PAS03", "Queque", "1.10", "INT", None, "UN", "P", "Pastelaria"),
    ("CAF01", "Café", "0.75", "INT", None, "UN", "P", "Cafetaria"),
    ("CAF02", "Galão", "1.30", "INT", None, "UN", "P", "Cafetaria"),
    ("CAF03", "Meia de leite", "1.20", "INT", None, "UN", "P", "Cafetaria"),
    ("CAF04", "Chá", "1.00", "INT", None, "UN", "P", "Cafetaria"),
    ("BEB01", "Água 1,5 L", "0.65", "RED", None, "UN", "P", "Bebidas"),
    ("BEB02", "Sumo de laranja natural", "2.50", "NOR", None, "UN", "P", "Bebidas"),
    ("BEB03", "Refrigerante lata", "1.40", "NOR", None, "UN", "P", "Bebidas"),
    ("BEB04", "Cerveja 33 cl", "1.60", "NOR", None, "UN", "P", "Bebidas"),
    ("BEB05", "Vinho tinto Douro", "7.95", "INT", None, "UN", "P", "Bebidas"),
    ("MER01", "Arroz carolino 1 kg", "1.49", "RED", None, "UN", "P", "Mercearia"),
    ("MER02", "Azeite virgem extra 75 cl", "8.99", "RED", None, "UN", "P", "Mercearia"),
    ("MER03", "Açúcar 1 kg", "1.15", "NOR", None, "UN", "P", "Mercearia"),
    ("MER04", "Massa esparguete 500 g", "0.99", "RED", None, "UN", "P", "Mercearia"),
    ("MER05", "Atum em lata", "1.79", "RED", None, "UN", "P", "Mercearia"),
    ("MER06", "Bolacha Maria", "1.09", "NOR", None, "UN", "P", "Mercearia"),
    ("MER07", "Chocolate de leite", "1.99", "NOR", None, "UN", "P", "Mercearia"),
    ("FRU01", "Maçã de Alcobaça", "2.29", "RED", None, "KG", "P", "Frutas"),
    ("FRU02", "Banana", "1.39", "RED", None, "KG", "P", "Frutas"),
    ("FRU03", "Laranja do Algarve", "1.79", "RED", None, "KG", "P", "Frutas"),
    ("FRU04", "Pêra Rocha", "2.49", "RED", None, "KG", "P", "Frutas"),
    ("HIG01", "Detergente loiça", "2.35", "NOR", None, "UN", "P", "Drogaria"),
    ("HIG02", "Papel higiénico 12 rolos", "5.49", "NOR", None, "UN", "P", "Drogaria"),
    ("HIG03", "Pasta de dentes", "2.19", "NOR", None, "UN", "P", "Drogaria"),
    ("JOR01", "Jornal diário", "1.60", "RED", None, "UN", "P", "Tabacaria"),
    ("REV01", "Revista semanal", "3.50", "RED", None, "UN", "P", "Tabacaria"),
    ("SRV01", "Entrega ao domicílio", "3.00", "NOR", None, "UN", "S", "Serviços"),
    ("SRV02", "Aula de culinária", "25.00", "ISE", "M07", "UN", "S", "Serviços"),
    ("SEL01", "Selo correio nacional", "0.65", "ISE", "M99", "UN", "P", "Tabacaria"),
]


def ean13(stem12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(stem12))
    return stem12 + str((10 - total % 10) % 10)


def init_demo(uow: UnitOfWork, now: datetime, till_code: str = "CX1") -> TillRef:
    """The demo shop, its first till (training series, training mode on); returns the till.
    The signing key is made afterwards by the caller (KeyService), in its own unit."""
    s = uow.session
    if s.get(Company, 1) is not None:
        raise ValidationError("Esta base de dados já está configurada.")
    s.add(Company(id=1, nif=DEMO_NIF, name="Loja Demonstração, Lda.",
                  business_name="Loja Demo", address="Rua da Sé, 1", city="Lisboa",
                  postal_code="1100-585", country="PT", tax_region="PT",
                  phone="210000000", email="loja@example.pt"))
    till = tills.create(uow, till_code, "Caixa 1", "Global", now, name="Loja Demonstração",
                        address="Rua da Sé, 1", city="Lisboa", postal_code="1100-585")
    for i, (code, name, price, tax, exemption, unit, ptype, cat) in enumerate(CATALOGUE):
        catalogue.add(uow, code, name, price, tax, exemption, unit, ptype,
                      ean13(f"560000{i:06d}"), cat)
    for cat in sorted({row[-1] for row in CATALOGUE}, key=sort_key):   # the till's order
        products_admin.ensure_category(uow, cat, now)
    users.add(uow, "admin", "Administrador", "admin", "1234")
    users.add(uow, "gerente", "Gerente", "manager", "2222")
    users.add(uow, "caixa1", "Ana Caixa", "cashier", "1111")
    year = now.year
    for code in DOC_TYPES:
        series_admin.add(uow, code, f"DEMO{year}", f"DEMO{code}{year % 100:02d}", "F", now,
                         "admin")
    uow.till_settings.put("training_mode", "on")
    uow.settings.put("certificate_number", "9999")
    uow.audit.append(now, "admin", "setup", "demo shop created (training series)")
    return till


def is_configured(uow: UnitOfWork) -> bool:
    return uow.session.scalars(select(Company)).first() is not None
