"""First run of a real shop through the facade: steps checked one by one without writing,
one commit for everything, nothing left behind by a refused or failed set-up."""

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.domain.errors import KeyError_, NotFoundError, SeriesError, ValidationError
from pos.domain.setup import KeyChoice
from pos.persistence.models import Base


def row_counts(app) -> dict[str, int]:
    with app.unit(write=False) as uow:
        return {t.name: uow.session.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables}


@pytest.mark.parametrize("step,args,sentence", [
    ("setup_company", ("123456780", "Loja", "Rua", "Porto", "4000-001"), "dígito de controlo"),
    ("setup_company", ("999999990", "Loja", "Rua", "Porto", "4000-001"), "consumidor final"),
    ("setup_company", ("599999993", "Loja", "Rua", "Porto", "4000"), "Código postal"),
    ("setup_company", ("599999993", "Loja", "Rua", "Porto", "4000-001", "ES"),
     "Região fiscal desconhecida"),
    ("setup_company", ("599999993", "Loja", "Rua", "Porto", "4000-001", "PT", "12a"),
     "certificado do programa"),
    ("setup_company", ("599999993", "Loja\x00", "Rua", "Porto", "4000-001"),
     "carácter de controlo"),
    ("setup_till", ("CX 1",), "código da caixa inválido"),
    ("setup_admin", ("maria", "Maria", "1234"), "fácil de adivinhar"),
    ("setup_admin", ("maria", "Maria", "12"), "4 a 8 algarismos"),
    ("setup_admin", ("", "Maria", "4826"), "Identificador"),
    ("setup_key", (b"not a key",), "Não foi possível ler a chave"),
    ("setup_payments", (["MB"],), "numerário"),
    ("setup_printer", ("lpt1:",), "Ligação de impressora desconhecida"),
    ("setup_series", ([("FS", "CX1 2026", "AAJFJ2KC")],), "Identificador de série inválido"),
    ("setup_series", ([("FS", "CX1-2026", "abc")],), "Código de validação AT inválido"),
    ("setup_series", ([("XX", "CX1-2026", "AAJFJ2KC")],), "Tipo de documento desconhecido"),
    ("setup_series", ([("NC", "CX1-2026", "AAJFJ2KC")],), "pelo menos uma série normal"),
    ("setup_series", ([("FS", "A", "AAJFJ2KC"), ("FS", "a", "AAJFJ3KC")],), "duas vezes"),
])
def test_each_step_refuses_bad_input_in_one_sentence_and_writes_nothing(empty_app, step, args,
                                                                        sentence):
    before = row_counts(empty_app)
    with pytest.raises((ValidationError, KeyError_), match=sentence):
        getattr(empty_app, step)(*args)
    assert row_counts(empty_app) == before
    assert not empty_app.is_configured()


def test_a_generated_key_is_rsa_1024_and_an_imported_one_is_checked(empty_app):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(b"segredo"))
    assert empty_app.setup_key(pem, b"segredo").pem == pem
    with pytest.raises(KeyError_, match="Não foi possível ler a chave"):
        empty_app.setup_key(pem, b"errada")
    big = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    with pytest.raises(KeyError_, match="RSA de 1024 bits"):
        empty_app.setup_key(big)
    assert empty_app.setup_key().generate


def test_the_whole_shop_is_committed_at_once_and_sells(empty_app, plan):
    a = empty_app
    assert a.setup_status().able_to_sell is False
    result = a.setup_commit(plan)
    assert (result.till.code, result.key_version, result.queued) == ("CX1", 1, ())
    assert result.status.able_to_sell and result.status.missing == ()
    c = a.company()
    assert (c.nif, c.name, c.tax_region, c.certificate_number) == (
        "599999993", "Mercearia Exemplo, Lda.", "PT", "1234")
    assert [(e.code, e.name, e.address) for e in a.establishments()] == [
        ("Global", "Loja da Baixa", "Rua Direita, 10")]
    assert [m.code for m in a.payment_methods()] == ["NU", "MB"]
    assert a.printer_settings().preset == "epson-tm-t20"
    assert [(u.login, u.role) for u in a.staff()] == [("maria", "admin")]
    assert a.sign_in("maria", "4826").role == "admin"
    assert not a.training_mode()
    assert a.product_page().total == 0                 # no demo data
    a.add_product("PAO", "Pão caseiro", "1.20", "RED", user="maria")
    doc = a.sell_items([("PAO", Decimal(2))], payments=(("MB", None),), user="maria")
    assert doc.document_no == "FS CX1-2026/1" and doc.atcud == "AAJFJ2KC-1"
    assert doc.totals.gross == Decimal("2.40") and doc.series_kind == "N"
    assert a.issuer().certificate_number == "1234"
    assert a.verify().ok


def test_set_up_happens_once(empty_app, plan):
    empty_app.setup_commit(plan)
    with pytest.raises(ValidationError, match="já está configurada"):
        empty_app.setup_commit(plan)
    with pytest.raises(ValidationError, match="já está configurada"):
        empty_app.init_demo()


def test_a_failure_at_the_last_moment_leaves_no_shop_at_all(empty_app, plan, monkeypatch):
    """The signing key is the last thing written: when it fails, nothing else stays."""
    before = row_counts(empty_app)

    def broken(*args, **kwargs):
        raise KeyError_("disco cheio")
    monkeypatch.setattr(empty_app.keys, "store_in", broken)
    with pytest.raises(KeyError_, match="disco cheio"):
        empty_app.setup_commit(plan)
    assert row_counts(empty_app) == before
    assert not empty_app.is_configured() and empty_app.till is None
    monkeypatch.undo()
    assert empty_app.setup_commit(plan).status.able_to_sell


def test_a_plan_assembled_by_hand_is_checked_again_at_commit(empty_app, plan):
    bad = replace(plan, admin=replace(plan.admin, pin="0000"))
    with pytest.raises(ValidationError, match="fácil de adivinhar"):
        empty_app.setup_commit(bad)
    bad = replace(plan, key=KeyChoice(b"-----BEGIN PRIVATE KEY-----\nxx\n", None))
    with pytest.raises(KeyError_):
        empty_app.setup_commit(bad)
    assert not empty_app.is_configured()


def test_series_left_to_at_wait_for_their_code_and_the_till_says_so(empty_app, plan):
    """No AT link in this process: the registrations are queued for whoever has one."""
    a = empty_app
    series = a.setup_series([("FS", "CX1-2026", None), ("NC", "CX1-2026", "AAJFJ5KC")])
    result = a.setup_commit(replace(plan, series=series))
    assert len(result.queued) == 1
    assert not result.status.able_to_sell
    assert "FS CX1-2026 esperam o código da AT" in result.status.missing[0]
    assert [r.kind for r in a.queue_rows()] == ["series_register"]
    a.add_product("PAO", "Pão caseiro", "1.20", "RED", user="maria")
    with pytest.raises(SeriesError, match="Não há série normal ativa e comunicada"):
        a.sell_items([("PAO", 1)], "FS", user="maria")


def test_the_demo_is_separate_and_unchanged(app):
    assert app.company().nif == "599999993" and app.training_mode()
    assert app.setup_status().able_to_sell
    with pytest.raises(NotFoundError):
        app.staff_member("maria")
