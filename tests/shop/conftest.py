"""A database nobody has set up yet, and a valid set-up plan for it."""

from datetime import datetime

import pytest

from pos.services.ports import FixedClock


@pytest.fixture
def empty_app(db_path):
    from pos.bootstrap import open_app
    a = open_app(str(db_path), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 30)))
    yield a
    a.close()


@pytest.fixture
def plan(empty_app):
    """A complete shop: series with the codes AT gave on its portal."""
    from pos.domain.setup import ShopPlan
    a = empty_app
    return ShopPlan(
        company=a.setup_company("599999993", "Mercearia Exemplo, Lda.", "Rua Direita, 10",
                                "Coimbra", "3000-150", "PT", "1234"),
        admin=a.setup_admin("maria", "Maria Gerente", "4826"),
        series=a.setup_series([(t, "CX1-2026", f"AAJFJ{i}KC") for i, t in
                               enumerate(("FS", "FR", "FT", "NC"), 2)]),
        establishment=a.setup_establishment(name="Loja da Baixa"),
        till=a.setup_till("CX1", "Caixa 1"),
        payments=a.setup_payments(["NU", "MB"]),
        printer=a.setup_printer("tcp:192.168.1.50:9100", "epson-tm-t20"))
