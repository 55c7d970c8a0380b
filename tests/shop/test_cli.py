"""The real `caixa` command: a shop set up from docs/shop.example.toml (no demo data) sells
through the CLI and its SAF-T validates against AT's official XSD 1.1; the back-office
commands list as JSON and refuse bad input in one sentence with exit 2."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "docs" / "shop.example.toml"


@pytest.fixture
def shop(tmp_path):
    """``caixa init --from`` the documented example, in a fresh folder."""
    toml = tmp_path / "shop.toml"
    shutil.copyfile(EXAMPLE, toml)
    db = tmp_path / "loja.db"
    env = {"CAIXA_ADMIN_PIN": "4826", "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "CAIXA_CONFIG": "", "CAIXA_PRINTER": "", "CAIXA_KEY_PASSPHRASE": ""}

    def caixa(*args, check=False):
        return run_cli(db, *args, check=check, env=env)
    proc = caixa("init", "--from", str(toml))
    assert proc.returncode == 0, proc.stderr
    assert "Pronta a vender." in proc.stdout and "Mercearia Exemplo" in proc.stdout
    return caixa, tmp_path


def test_a_shop_from_the_example_file_sells_and_its_saft_validates(shop, shared_at):
    caixa, tmp = shop
    listed = json.loads(caixa("product", "list", "--json", check=True).stdout)
    assert listed["total"] == 0                                  # no demo data
    caixa("product", "add", "PAO", "Pão caseiro", "1,20", "--tax", "RED",
          "--category", "Padaria", check=True)
    (tmp / "cat.csv").write_text("code;name;price;vat;exemption;unit\n"
                                 "QJ;Queijo da Serra;18,90;RED;;KG\n"
                                 "AULA;Aula de culinária;25;ISE;M07;UN\n", encoding="utf-8")
    out = caixa("product", "import", str(tmp / "cat.csv"), check=True).stdout
    assert "2 novo(s)" in out
    caixa("customer", "add", "123456789", "Cliente Lda", "--address", "Rua A, 1",
          "--city", "Porto", "--postal-code", "4000-001", check=True)
    fs = json.loads(caixa("sell", "--item", "PAO:2", "--item", "QJ:0.350", "--pay", "NU:20",
                          "--json", check=True).stdout)
    assert fs["number"] == "FS CX1-2026/1" and fs["atcud"] == "AAJFJ2KC-1"
    assert not fs["training"]
    ft = json.loads(caixa("sell", "--item", "AULA", "--type", "FT", "--customer-nif",
                          "123456789", "--customer-name", "Cliente Lda", "--customer-address",
                          "Rua A, 1", "--json", check=True).stdout)
    assert ft["number"] == "FT CX1-2026/1"
    caixa("credit-note", fs["number"], "--reason", "Devolução", "--line", "1:1", check=True)
    today = date.today()
    saft = tmp / "saft.xml"
    caixa("saft", "export", "--out", str(saft), "--year", str(today.year), "--month",
          str(today.month), check=True)
    text = saft.read_text(encoding="utf-8")
    assert "<TaxRegistrationNumber>599999993</TaxRegistrationNumber>" in text
    assert "<SoftwareCertificateNumber>0</SoftwareCertificateNumber>" in text
    check = caixa("saft", "validate", str(saft), "--xsd", str(shared_at / "SAFTPT1.04_01.xsd"),
                  "--xsd11")
    assert check.returncode == 0, check.stdout + check.stderr
    assert caixa("verify").returncode == 0


def test_the_back_office_commands_list_as_json(shop):
    caixa, _ = shop
    company = json.loads(caixa("company", "show", "--json", check=True).stdout)
    assert (company["nif"], company["tax_region"], company["language"]) == (
        "599999993", "PT", "pt")
    users = json.loads(caixa("user", "list", "--json", check=True).stdout)
    assert [(u["login"], u["role"]) for u in users] == [("admin", "admin")]
    payments = json.loads(caixa("payments", "list", "--json", check=True).stdout)
    assert [m["code"] for m in payments] == ["NU", "CD", "MB"]
    printer = json.loads(caixa("printer", "show", "--json", check=True).stdout)
    assert printer == {"connection": "tcp:192.168.1.50:9100",
                       "profile": {"preset": "generic-80", "qr_mode": "image"}}
    roles = json.loads(caixa("user", "roles", "--json", check=True).stdout)
    assert [r["role"] for r in roles] == ["cashier", "supervisor", "manager", "admin"]
    caixa("category", "add", "Bebidas", check=True)
    assert json.loads(caixa("category", "list", "--json", check=True).stdout)[0]["name"] \
        == "Bebidas"
    assert json.loads(caixa("customer", "list", "--json", check=True).stdout)["total"] == 0


def test_users_are_added_with_a_pin_from_the_environment(shop):
    caixa, _ = shop
    proc = run_cli(shop[1] / "loja.db", "user", "add", "ana", "Ana Caixa", "--role", "cashier",
                   "--pin-env", "PIN_ANA",
                   env={"PIN_ANA": "5937", "XDG_DATA_HOME": str(shop[1] / "xdg")})
    assert proc.returncode == 0, proc.stderr
    code = caixa("product", "add", "X", "Coisa", "1", "--user", "ana")
    assert code.returncode == 2
    assert code.stderr.strip() == ("caixa: Ana Caixa (operador de caixa) não pode entrar no "
                                   "back office: peça a quem possa.")
    no_pin = caixa("user", "add", "rui", "Rui")
    assert no_pin.returncode == 2 and "--pin-env" in no_pin.stderr


@pytest.mark.parametrize("args,sentence", [
    (("product", "add", "X", "Coisa", "-1"), "O preço não pode ser negativo."),
    (("product", "add", "X", "Coisa", "1", "--tax", "ISE"), "precisa do motivo de isenção"),
    (("customer", "add", "123456780", "Cliente"), "dígito de controlo"),
    (("payments", "set", "CD,MB"), "numerário (NU)"),
    (("printer", "set", "lpt1"), "Ligação de impressora desconhecida"),
    (("company", "region", "XX"), "Região fiscal desconhecida"),
    (("company", "edit", "--postal-code", "1000"), "Código postal inválido"),
    (("user", "permit", "admin", "settings", "no"), "O administrador pode tudo"),
    (("init", "--demo"), "já está configurada"),
])
def test_refusals_are_one_sentence_and_exit_2(shop, args, sentence):
    caixa, _ = shop
    proc = caixa(*args)
    assert proc.returncode == 2, proc.stdout
    assert sentence in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_a_bad_set_up_file_leaves_no_shop(tmp_path):
    toml = tmp_path / "shop.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('nif = "599999993"', 'nif = "599999994"')
    toml.write_text(text, encoding="utf-8")
    db = tmp_path / "loja.db"
    env = {"CAIXA_ADMIN_PIN": "4826", "XDG_DATA_HOME": str(tmp_path / "xdg")}
    proc = run_cli(db, "init", "--from", str(toml), env=env)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("caixa: shop.toml, [company]: NIF inválido: '599999994' "
                                   "(dígito de controlo ou prefixo errado).")
    proc = run_cli(db, "product", "list", env=env)
    assert proc.returncode == 2 and "não está configurada" in proc.stderr
    toml.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_cli(db, "init", "--from", str(toml), env={**env, "CAIXA_ADMIN_PIN": ""})
    assert proc.returncode == 2 and "[admin]: a variável CAIXA_ADMIN_PIN" in proc.stderr
    proc = run_cli(db, "init", env=env)           # not a terminal: says what to do
    assert proc.returncode == 2 and "--from" in proc.stderr


def test_a_pin_written_in_a_file_others_can_read_is_refused(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace('pin_env = "CAIXA_ADMIN_PIN"',
                                                       'pin = "4826"')
    toml = tmp_path / "shop.toml"
    toml.write_text(text, encoding="utf-8")
    toml.chmod(0o644)
    proc = run_cli(tmp_path / "l.db", "init", "--from", str(toml),
                   env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert proc.returncode == 2 and "chmod 600" in proc.stderr
    toml.chmod(0o600)
    proc = run_cli(tmp_path / "l.db", "init", "--from", str(toml),
                   env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert proc.returncode == 0, proc.stderr
    assert Path(tmp_path / "l.db").exists()


def test_every_command_s_help_renders():
    """A '%' in a help text breaks argparse's --help with a traceback (it happened)."""
    from ui.cli import build_parser

    def walk(parser, path):
        for action in parser._actions:
            if not isinstance(action.choices, dict):
                continue
            for name, sub in action.choices.items():
                assert sub.format_help(), path + [name]
                walk(sub, path + [name])
    walk(build_parser(), [])


def test_each_command_is_registered_by_the_modules_the_index_names():
    """The command line imports only the modules of the command it runs (ui.commands
    .COMMANDS): the index must name every command, with every module that registers it."""
    import importlib

    from ui import commands
    from ui.cli import CaixaParser, build_parser, command_of

    registered: dict[str, list[str]] = {}
    for name in commands.MODULES:
        sub = CaixaParser(prog="caixa").add_subparsers(dest="command")
        importlib.import_module(f"ui.commands.{name}").register(sub)
        for command in sub.choices:
            registered.setdefault(command, []).append(name)
    assert registered == commands.COMMANDS
    for command in commands.COMMANDS:
        (full,) = [a for a in build_parser()._actions if a.dest == "command"]
        (alone,) = [a for a in build_parser(command)._actions if a.dest == "command"]
        assert alone.choices[command].format_help() == full.choices[command].format_help()
    assert command_of(["--db", "x.db", "--till=CX1", "sell", "--item", "A"]) == "sell"
    assert command_of(["--help"]) is None and command_of([]) is None


LOADED = """
import json, sys
from ui.cli import main
code = main(sys.argv[1:])
heavy = ("sqlalchemy", "cryptography", "lxml", "zeep", "PySide6", "printing", "sync.worker",
         "pos.saft", "pos.archive", "qrcode", "PIL")
print(json.dumps([code, sorted({m for m in sys.modules if m.startswith(heavy)
                                and (m in heavy or m.split(".")[0] in heavy)})]))
"""


def _loaded(db, *args) -> tuple[int, set[str]]:
    """The heavy packages ``caixa ARGS`` imported, in a fresh interpreter."""
    import os
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", LOADED, *args], cwd=ROOT, text=True,
                          env={**os.environ, "CAIXA_DB": str(db)}, capture_output=True,
                          timeout=120)
    code, loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    return code, {m.split(".")[0] if not m.startswith(("pos.", "sync.")) else m
                  for m in loaded}


def test_help_and_a_sale_import_only_what_they_need(demo_db):
    """``caixa --help`` loads no database, crypto, XML or Qt; a sale from the command line
    loads the database and the signature, and nothing of SAF-T, AT, printing or Qt."""
    assert _loaded(demo_db, "--help") == (0, set())
    assert _loaded(demo_db, "sell", "--help") == (0, set())
    code, loaded = _loaded(demo_db, "sell", "--item", "PAO01", "--item", "CAF01:2")
    assert code == 0
    assert loaded == {"sqlalchemy", "cryptography"}
