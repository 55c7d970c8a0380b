"""`caixa init` on a terminal: each answer checked as it is typed and asked again with the
step's sentence; an interrupted set-up writes nothing."""

import pytest

from pos.domain.errors import ValidationError
from ui.commands import shop_setup


def answering(monkeypatch, answers, secrets):
    answers, secrets = iter(answers), iter(secrets)

    def ask(prompt=""):
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None
    monkeypatch.setattr("builtins.input", ask)
    monkeypatch.setattr(shop_setup.getpass, "getpass", lambda prompt="": next(secrets))


def test_answers_are_checked_one_by_one_and_the_shop_is_made_once(empty_app, monkeypatch,
                                                                  capsys):
    answering(monkeypatch, [
        "123456780", "599999993",                 # a wrong NIF, asked again
        "Mercearia Exemplo, Lda.", "Rua Direita, 10", "Coimbra", "3000", "3000-150",
        "", "",                                   # region PT, certificate 0000
        "CX1", "maria", "Maria Gerente", "", "NU,MB", "",   # key: generate; no printer
        "", "AAJFJ2KC", "AAJFJ3KC", "AAJFJ4KC", "AAJFJ5KC"],
        ["1234", "4826", "4826"])
    plan = shop_setup.ask(empty_app)
    out = capsys.readouterr().out
    assert "dígito de controlo" in out and "fácil de adivinhar" in out
    assert "Código postal inválido: '3000'" in out
    assert (plan.company.nif, plan.company.postal_code, plan.admin.login) == (
        "599999993", "3000-150", "maria")
    assert [i.validation_code for i in plan.series.items] == [
        "AAJFJ2KC", "AAJFJ3KC", "AAJFJ4KC", "AAJFJ5KC"]
    result = empty_app.setup_commit(plan)
    assert result.status.able_to_sell


def test_an_interrupted_set_up_writes_nothing(empty_app, monkeypatch):
    answering(monkeypatch, ["599999993", "Loja"], [])
    with pytest.raises(ValidationError, match="nada foi gravado"):
        shop_setup.ask(empty_app)
    assert not empty_app.is_configured()
