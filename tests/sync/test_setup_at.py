"""`caixa init --from` with the series registered through AT's webservice (the sandbox):
the shop is created, its series get AT's codes, and it sells; without AT configured the
same file is refused before anything is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ui.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "shop.example.toml"


@pytest.fixture
def caixa(tmp_path, monkeypatch, capsys):
    for var in [v for v in os.environ if v.startswith("CAIXA_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("CAIXA_DB", str(tmp_path / "loja.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("CAIXA_ADMIN_PIN", "4826")

    def run(*args):
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


@pytest.fixture
def via_at(tmp_path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("register_with_at = false", "register_with_at = true")
    text = text[:text.index("[series.codes]")]           # no codes: AT gives them
    path = tmp_path / "shop.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_series_are_registered_with_at_at_set_up_and_the_shop_sells(caixa, via_at, sandbox,
                                                                    tmp_path, monkeypatch):
    lines = ["[at]"] + [f'{k} = "{v}"' for k, v in sandbox.config_mapping().items()]
    config = tmp_path / "caixa.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config.chmod(0o600)
    monkeypatch.setenv("CAIXA_CONFIG", str(config))
    code, out, err = caixa("init", "--from", str(via_at))
    assert code == 0, err
    assert "Séries registadas na AT: 4" in out and "Pronta a vender." in out
    registered = sandbox.services["series"].series
    fs = registered[("599999993", "FS", "CX1-2026")]["codValidacaoSerie"]
    assert caixa("product", "add", "PAO", "Pão", "1,20", "--tax", "RED")[0] == 0
    code, out, err = caixa("sell", "--item", "PAO", "--pay", "NU")
    assert code == 0 and f"ATCUD {fs}-1" in out, err


def test_without_at_configured_the_file_is_refused_and_nothing_is_made(caixa, via_at):
    code, _, err = caixa("init", "--from", str(via_at))
    assert code == 2 and "[series]" in err and "AT" in err
    code, _, err = caixa("product", "list")
    assert code == 2 and "não está configurada" in err
