"""The software producer's identity: Caixa's by default, never the shop's, configurable."""

import pytest

from pos.domain.errors import ValidationError
from pos.domain.producer import CAIXA_PRODUCER, producer_from
from pos.services.demo import DEMO_NIF


def test_default_producer_is_caixas_and_not_the_demo_shop(app):
    producer = app.issuer().producer
    assert producer == CAIXA_PRODUCER
    assert producer.nif != DEMO_NIF and producer.nif != app.issuer().nif
    assert producer.product_id == "Caixa/Caixa POS"


def test_an_installation_can_set_another_producer(app, tmp_path):
    from datetime import date

    from lxml import etree

    from pos.saft.period import Period
    from pos.saft.writer import export
    with app.unit(write=True) as uow:
        uow.settings.put("producer_name", "Revenda Exemplo, Lda.")
        uow.settings.put("producer_nif", "509999999")
    producer = app.issuer().producer
    assert (producer.name, producer.nif) == ("Revenda Exemplo, Lda.", "509999999")
    assert producer.city == CAIXA_PRODUCER.city        # fields not set keep Caixa's
    out = tmp_path / "saft.xml"
    export(app.db, out, Period(date(2026, 3, 1), date(2026, 3, 31)), date(2026, 3, 14))
    header = etree.parse(str(out)).getroot()[0]
    ns = {"s": "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"}
    assert header.findtext("s:ProductCompanyTaxID", namespaces=ns) == "509999999"
    assert header.findtext("s:ProductID", namespaces=ns) == "Caixa/Revenda Exemplo, Lda."


@pytest.mark.parametrize("settings, message", [
    ({"producer_nif": "123456780"}, "NIF do produtor"),
    ({"producer_name": "A/B"}, "'/'"),
])
def test_a_wrong_producer_setting_is_refused(settings, message):
    with pytest.raises(ValidationError, match=message):
        producer_from(settings)
